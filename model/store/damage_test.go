package store_test

import (
	"bytes"
	"crypto/sha256"
	"errors"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/partnerdesk/partnerdesk/model"
	"github.com/partnerdesk/partnerdesk/model/demo"
	"github.com/partnerdesk/partnerdesk/model/store"
	"github.com/partnerdesk/partnerdesk/model/store/storetest"
)

// demoFile writes a data file with demo data and returns its bytes.
func demoFile(t *testing.T, partners, agreements int) (string, []byte) {
	t.Helper()
	path := filepath.Join(t.TempDir(), "source.db")
	clock := &storetest.Clock{T: time.Date(2026, 11, 28, 9, 30, 0, 0, time.UTC)}
	s, err := store.Open(path, store.Options{Now: clock.Now, User: "test"})
	if err != nil {
		t.Fatal(err)
	}
	d := demo.Generate(demo.Options{Seed: 1, Partners: partners, Agreements: agreements, Today: model.MustDate("28.11.2026")})
	if err := s.AddNew(d, 50, nil); err != nil {
		t.Fatal(err)
	}
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return path, b
}

// damage returns a damaged copy of b: cut short, bits flipped anywhere, or
// bits flipped in the first pages (metas, roots, free list).
func damage(rng *rand.Rand, b []byte) ([]byte, string) {
	c := bytes.Clone(b)
	switch rng.IntN(3) {
	case 0:
		n := rng.IntN(len(c))
		return c[:n], "cut to " + strconv.Itoa(n)
	case 1:
		for range 1 + rng.IntN(8) {
			c[rng.IntN(len(c))] ^= 1 << rng.IntN(8)
		}
		return c, "bits flipped"
	default:
		for range 1 + rng.IntN(8) {
			c[rng.IntN(min(len(c), 16*4096))] ^= 1 << rng.IntN(8)
		}
		return c, "bits flipped in the first pages"
	}
}

// TestDamagedFilesNeverCrash reads a hundred damaged copies of a data
// file with Inspect and with Open and Check: none may crash the test
// binary, Inspect never changes a byte, and a copy cut short below its
// contents is always reported as damaged.
func TestDamagedFilesNeverCrash(t *testing.T) {
	rounds := 120 // FuzzInspectDamaged (make fuzz) tries many more
	if testing.Short() {
		rounds = 40
	}
	_, orig := demoFile(t, 40, 120)
	rng := rand.New(rand.NewPCG(11, 12))
	dir := t.TempDir()
	outcomes := map[string]int{}
	for i := range rounds {
		b, how := damage(rng, orig)
		path := filepath.Join(dir, "damaged.db")
		if err := os.WriteFile(path, b, 0o600); err != nil {
			t.Fatal(err)
		}
		_, err := store.Inspect(path)
		if got := sha256.Sum256(mustRead(t, path)); got != sha256.Sum256(b) {
			t.Fatalf("round %d (%s): Inspect changed the file", i, how)
		}
		if err != nil && !errors.Is(err, store.ErrDamaged) {
			t.Fatalf("round %d (%s): Inspect: %v, want a damage report", i, how, err)
		}
		if len(b) < 4*4096 && err == nil {
			t.Fatalf("round %d (%s): a %d-byte stump passed Inspect", i, how, len(b))
		}
		outcomes[map[bool]string{true: "damaged", false: "passed"}[err != nil]]++
		// The app's own path must also survive: Open then Check.
		if s, err := store.Open(path, store.Options{}); err == nil {
			_ = s.Check()
			s.Close()
		}
	}
	t.Logf("%d damaged copies: %v", rounds, outcomes)
	if outcomes["damaged"] == 0 {
		t.Error("no damage was found at all")
	}
}

func mustRead(t *testing.T, path string) []byte {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

func TestInspectReportsCountsAndFormat(t *testing.T) {
	path, _ := demoFile(t, 10, 30)
	info, err := store.Inspect(path)
	if err != nil {
		t.Fatal(err)
	}
	if info.Schema != store.SchemaVersion || info.Counts.Partners != 10 || info.Counts.Agreements != 30 || info.Counts.Attachments != 3 || info.Size == 0 {
		t.Fatalf("Inspect: %+v", info)
	}
	if peek, err := store.Peek(path); err != nil || peek != info {
		t.Fatalf("Peek: %+v %v, want %+v", peek, err, info)
	}
	s, err := store.Open(path, store.Options{ReadOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	var buf bytes.Buffer
	n, c, err := s.Snapshot(&buf)
	if err != nil || n != int64(buf.Len()) || c != info.Counts {
		t.Fatalf("Snapshot: %d %+v %v, want counts %+v", n, c, err, info.Counts)
	}
}

func TestTruncatedFileIsDamagedNotACrash(t *testing.T) {
	_, b := demoFile(t, 10, 30)
	// Cut off the last tree pages: the meta page still claims them.
	cut := filepath.Join(t.TempDir(), "cut.db")
	if err := os.WriteFile(cut, b[:len(b)/2], 0o600); err != nil {
		t.Fatal(err)
	}
	for name, try := range map[string]func() error{
		"Inspect": func() error { _, err := store.Inspect(cut); return err },
		"Open":    func() error { _, err := store.Open(cut, store.Options{ReadOnly: true}); return err },
	} {
		err := try()
		if !errors.Is(err, store.ErrDamaged) || !strings.Contains(err.Error(), "cut short") {
			t.Errorf("%s of a truncated file: %v", name, err)
		}
	}
}
