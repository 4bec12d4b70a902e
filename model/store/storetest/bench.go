package storetest

import (
	"fmt"
	"os"
	"path/filepath"
	"testing"

	"github.com/partnerdesk/partnerdesk/model"
	"github.com/partnerdesk/partnerdesk/model/demo"
	"github.com/partnerdesk/partnerdesk/model/store"
)

// BenchToday is the day benchmark data is generated around.
var BenchToday = model.MustDate("28.11.2026")

// BenchFile returns the path of a data file with demo data of the given
// size (seed 1, dates around BenchToday), generating it on first use into
// the system's temporary folder and reusing it afterwards: the issue's
// 10,000 partners and 50,000 agreements take seconds to generate.
// Benchmarks that write must copy it first (CopyFile).
func BenchFile(tb testing.TB, partners, agreements int) string {
	tb.Helper()
	path := filepath.Join(os.TempDir(), fmt.Sprintf("partnerdesk-bench-v%d-%d-%d.db", store.SchemaVersion, partners, agreements))
	if _, err := os.Stat(path); err == nil {
		return path
	}
	tmp := path + ".tmp"
	os.Remove(tmp)
	s, err := store.Open(tmp, store.Options{})
	if err != nil {
		tb.Fatal(err)
	}
	d := demo.Generate(demo.Options{Seed: 1, Partners: partners, Agreements: agreements, Today: BenchToday})
	if err := s.AddNew(d, 5000, nil); err != nil {
		tb.Fatal(err)
	}
	if err := s.Close(); err != nil {
		tb.Fatal(err)
	}
	if err := os.Rename(tmp, path); err != nil {
		tb.Fatal(err)
	}
	return path
}

// CopyFile copies a data file into dir and returns the copy's path.
func CopyFile(tb testing.TB, src, dir string) string {
	tb.Helper()
	data, err := os.ReadFile(src)
	if err != nil {
		tb.Fatal(err)
	}
	dst := filepath.Join(dir, filepath.Base(src))
	if err := os.WriteFile(dst, data, 0o600); err != nil {
		tb.Fatal(err)
	}
	return dst
}
