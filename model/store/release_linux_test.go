package store_test

import (
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/partnerdesk/partnerdesk/model"
	"github.com/partnerdesk/partnerdesk/model/demo"
	"github.com/partnerdesk/partnerdesk/model/store"
)

// rssFile is the resident size of the process's file mappings, in kB.
func rssFile(t *testing.T) int {
	t.Helper()
	b, err := os.ReadFile("/proc/self/status")
	if err != nil {
		t.Skip("no /proc/self/status")
	}
	for _, line := range strings.Split(string(b), "\n") {
		if rest, ok := strings.CutPrefix(line, "RssFile:"); ok {
			n, _ := strconv.Atoi(strings.TrimSuffix(strings.TrimSpace(rest), " kB"))
			return n
		}
	}
	t.Skip("no RssFile")
	return 0
}

// Reading every agreement maps the file's pages into the process;
// ReleaseMemory gives them back (an export of 50,000 agreements would
// otherwise keep the whole data file resident).
func TestReleaseMemory(t *testing.T) {
	path := filepath.Join(t.TempDir(), "demo.db")
	s, err := store.Open(path, store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	d := demo.Generate(demo.Options{Seed: 1, Partners: 300, Agreements: 4000, Today: model.MustDate("28.11.2026")})
	if err := s.AddNew(d, 1000, nil); err != nil {
		t.Fatal(err)
	}
	s.Close()
	st, _ := os.Stat(path)
	if s, err = store.Open(path, store.Options{ReadOnly: true}); err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	err = s.View(func(tx *store.Tx) error {
		if err := tx.ForEachAgreement(func(*model.Agreement) error { return nil }); err != nil {
			return err
		}
		read := rssFile(t)
		tx.ReleaseMemory()
		released := rssFile(t)
		t.Logf("file %d kB; file mappings resident: %d kB after reading, %d kB after ReleaseMemory", st.Size()>>10, read, released)
		if read-released < int(st.Size()>>10)/4 {
			t.Errorf("ReleaseMemory gave back %d kB of a %d kB file", read-released, st.Size()>>10)
		}
		// The records read the same afterwards.
		n := 0
		err := tx.ForEachAgreement(func(*model.Agreement) error { n++; return nil })
		if n != 4000 {
			t.Errorf("%d agreements read after ReleaseMemory", n)
		}
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
}
