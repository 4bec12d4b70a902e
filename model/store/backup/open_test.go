package backup

import (
	"bytes"
	"encoding/binary"
	"errors"
	"maps"
	"math/rand/v2"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	bolt "go.etcd.io/bbolt"

	"github.com/partnerdesk/partnerdesk/model/store"
)

// withBackups makes a data file with two backups (the newest holding every
// record) and returns it closed, with the newest backup.
func withBackups(t *testing.T) (*env, Backup) {
	e := newEnv(t)
	e.save()
	if _, _, err := e.set.Daily(e.st); err != nil {
		t.Fatal(err)
	}
	e.clock.Advance(26 * time.Hour)
	for range 30 {
		e.save()
	}
	newest, err := e.set.Manual(e.st)
	if err != nil {
		t.Fatal(err)
	}
	e.close()
	return e, newest
}

// damages are damaged versions of a data file that must be detected.
var damages = map[string]func(b []byte, page int) []byte{
	"cut in half":        func(b []byte, _ int) []byte { return b[:len(b)/2] },
	"cut to three pages": func(b []byte, page int) []byte { return b[:3*page] },
	"cut to 100 bytes":   func(b []byte, _ int) []byte { return b[:100] },
	"both meta pages flipped": func(b []byte, page int) []byte {
		b[16+20] ^= 0x40
		b[page+16+20] ^= 0x40
		return b
	},
	"every page's ID flipped": func(b []byte, page int) []byte {
		for off := 2 * page; off+8 <= len(b); off += page {
			binary.NativeEndian.PutUint64(b[off:], binary.NativeEndian.Uint64(b[off:])^1)
		}
		return b
	},
	"every page's type flipped": func(b []byte, page int) []byte {
		for off := 2 * page; off+16 <= len(b); off += page {
			b[off+8] ^= 0x80
		}
		return b
	},
}

// TestDamagedFileIsRefusedKeptAndRestored damages the data file in several
// ways and shows, for each: the app's open path refuses it and writes
// nothing into it, offers the newest verified backup, and restoring keeps
// the damaged file aside, byte for byte, and brings back every record of
// the backup.
func TestDamagedFileIsRefusedKeptAndRestored(t *testing.T) {
	for _, name := range slices.Sorted(maps.Keys(damages)) {
		t.Run(strings.ReplaceAll(name, " ", "_"), func(t *testing.T) {
			e, newest := withBackups(t)
			healthy, _ := os.ReadFile(e.path)
			damaged := damages[name](bytes.Clone(healthy), os.Getpagesize())
			if err := os.WriteFile(e.path, damaged, 0o600); err != nil {
				t.Fatal(err)
			}
			st, d := e.set.OpenOrDiagnose(store.Options{Now: e.clock.Now})
			if st != nil {
				st.Close()
				t.Fatal("a damaged file was opened")
			}
			if d.Problem != ProblemDamaged || len(d.Details) == 0 || d.Newest == nil || d.Newest.Path != newest.Path {
				t.Fatalf("diagnosis: %+v", d)
			}
			if !slices.Equal(d.Choices, []Choice{ChoiceRestore, ChoiceOpenOther, ChoiceQuit}) || !strings.Contains(d.Message(), "damaged") {
				t.Errorf("choices %v, message %q", d.Choices, d.Message())
			}
			if !bytes.Equal(mustRead(t, e.path), damaged) {
				t.Fatal("the open path wrote into the damaged file")
			}
			r, err := e.set.Restore(d.Newest.Path)
			if err != nil {
				t.Fatal(err)
			}
			if !r.Damaged || !strings.HasPrefix(filepath.Base(r.Saved), "partnerdesk.db.damaged-") || !bytes.Equal(mustRead(t, r.Saved), damaged) {
				t.Fatalf("damaged file not kept aside: %+v", r)
			}
			st, d = e.set.OpenOrDiagnose(store.Options{Now: e.clock.Now})
			if d != nil {
				t.Fatal(d)
			}
			defer st.Close()
			if c, _ := st.Counts(); c != d0(newest) {
				t.Errorf("restored file holds %+v", c)
			}
		})
	}
}

func d0(b Backup) store.Counts { return Inspect(b).Counts }

func mustRead(t *testing.T, path string) []byte {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// TestRandomDamageNeverWritten flips random bits in copies of a data file:
// whenever the open path refuses a copy, the copy is unchanged. (A flip in
// free space or inside a text is not detectable and the file opens.)
func TestRandomDamageNeverWritten(t *testing.T) {
	e, _ := withBackups(t)
	healthy := mustRead(t, e.path)
	rng := rand.New(rand.NewPCG(3, 4))
	refused := 0
	for range 40 {
		b := bytes.Clone(healthy)
		for range 1 + rng.IntN(6) {
			b[rng.IntN(len(b))] ^= 1 << rng.IntN(8)
		}
		if err := os.WriteFile(e.path, b, 0o600); err != nil {
			t.Fatal(err)
		}
		st, d := e.set.OpenOrDiagnose(store.Options{Now: e.clock.Now})
		if st != nil {
			st.Close()
			continue
		}
		refused++
		if d.Problem != ProblemDamaged || !bytes.Equal(mustRead(t, e.path), b) {
			t.Fatalf("refused as %s, file changed: %v", d.Problem, !bytes.Equal(mustRead(t, e.path), b))
		}
	}
	// The file and the flips are the same on every run: 11 of the 40
	// copies are refused today. Fewer than 8 means the open path stopped
	// seeing damage it saw; none opening means the flips no longer test
	// the "refused, so unchanged" rule against anything but refusals.
	t.Logf("%d of 40 randomly damaged copies refused", refused)
	if refused < 8 || refused == 40 {
		t.Errorf("%d of 40 randomly damaged copies refused, want 8 to 39 (11 when written)", refused)
	}
}

func TestOpenOrDiagnoseLockedAndNewer(t *testing.T) {
	e := newEnv(t)
	e.save()
	_, d := e.set.OpenOrDiagnose(store.Options{})
	if d == nil || d.Problem != ProblemLocked || d.Choices[0] != ChoiceRetry || !errors.Is(d, d) {
		t.Fatalf("open while open: %+v", d)
	}
	e.close()
	db, err := bolt.Open(e.path, 0o600, nil)
	if err != nil {
		t.Fatal(err)
	}
	_ = db.Update(func(tx *bolt.Tx) error { return tx.Bucket([]byte("meta")).Put([]byte("schema"), []byte("99")) })
	db.Close()
	before := sum(t, e.path)
	_, d = e.set.OpenOrDiagnose(store.Options{})
	if d == nil || d.Problem != ProblemNewer || !strings.Contains(d.Message(), "newer version") || sum(t, e.path) != before {
		t.Fatalf("open a newer file: %+v", d)
	}
}

func TestOpenOrDiagnoseCreatesAMissingFile(t *testing.T) {
	path := filepath.Join(t.TempDir(), "new", "partnerdesk.db")
	st, d := New(path, Options{}).OpenOrDiagnose(store.Options{})
	if d != nil {
		t.Fatal(d)
	}
	st.Close()
	if _, err := os.Stat(path); err != nil {
		t.Fatal(err)
	}
}

// OpenQuick refuses a file whose pages are damaged, like OpenOrDiagnose,
// and leaves it unchanged.
func TestOpenQuickRefusesDamagedPages(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "partnerdesk.db")
	if err := os.WriteFile(path, bytes.Repeat([]byte{0xA5}, 64<<10), 0o600); err != nil {
		t.Fatal(err)
	}
	before, _ := os.ReadFile(path)
	st, d := New(path, Options{}).OpenQuick(store.Options{})
	if st != nil || d == nil || d.Problem != ProblemDamaged {
		t.Fatalf("quick open of garbage: %v %+v", st, d)
	}
	if after, _ := os.ReadFile(path); !bytes.Equal(before, after) {
		t.Error("the damaged file was changed")
	}
}
