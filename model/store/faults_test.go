package store_test

import (
	"bytes"
	"encoding/json"
	"errors"
	"math/rand/v2"
	"os"
	"path/filepath"
	"testing"

	bolt "go.etcd.io/bbolt"

	"github.com/partnerdesk/partnerdesk/model/store"
	"github.com/partnerdesk/partnerdesk/model/store/storetest"
)

// faultFile is a compacted demo data file (each record stored exactly
// once, no stale copies in free pages) and the dump of its records.
type faultFile struct {
	path string
	orig []byte
	want string // JSON of the dump
	f    *os.File
}

func newFaultFile(t *testing.T) *faultFile {
	t.Helper()
	src, _ := demoFile(t, 6, 12)
	path := filepath.Join(t.TempDir(), "compact.db")
	from, err := bolt.Open(src, 0o600, &bolt.Options{ReadOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	to, err := bolt.Open(path, 0o600, nil)
	if err != nil {
		t.Fatal(err)
	}
	if err := bolt.Compact(to, from, 0); err != nil {
		t.Fatal(err)
	}
	from.Close()
	to.Close()
	ff := &faultFile{path: path, orig: mustRead(t, path)}
	ff.want = dumpJSON(t, path)
	if ff.want == "" {
		t.Fatal("the compacted file does not pass its check")
	}
	if ff.f, err = os.OpenFile(path, os.O_RDWR, 0); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { ff.f.Close() })
	return ff
}

// dumpJSON opens the file read-only, checks it and returns its dump as
// JSON, or "" when opening, checking or reading reports damage.
func dumpJSON(t *testing.T, path string) string {
	t.Helper()
	s, err := store.Open(path, store.Options{ReadOnly: true})
	if err != nil {
		return ""
	}
	defer s.Close()
	if s.Check() != nil {
		return ""
	}
	d, err := storetest.TakeDump(s)
	if err != nil {
		return ""
	}
	js, err := json.Marshal(d)
	if err != nil {
		t.Fatal(err)
	}
	return string(js)
}

// flip flips bit bit of byte off, probes the file and flips it back. It
// returns "detected" (open, Check or a read reports damage), "harmless"
// (every record reads back as it was) or "missed".
func (ff *faultFile) flip(t *testing.T, off int64, bit uint) string {
	t.Helper()
	return ff.write(t, off, []byte{ff.orig[off] ^ 1<<bit})
}

// write writes b at off, probes the file as flip does, and puts the
// original bytes back.
func (ff *faultFile) write(t *testing.T, off int64, b []byte) string {
	t.Helper()
	if _, err := ff.f.WriteAt(b, off); err != nil {
		t.Fatal(err)
	}
	defer func() {
		if _, err := ff.f.WriteAt(ff.orig[off:off+int64(len(b))], off); err != nil {
			t.Fatal(err)
		}
	}()
	switch dumpJSON(t, ff.path) {
	case "":
		return "detected"
	case ff.want:
		return "harmless"
	}
	return "missed"
}

// sample returns a few stored records (key followed by value, as bbolt
// keeps them in a leaf page) of every kind: partner, agreement, summary,
// history entry, index entries, institution.
func (ff *faultFile) sample(t *testing.T) map[string][]byte {
	t.Helper()
	db, err := bolt.Open(ff.path, 0o600, &bolt.Options{ReadOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	out := map[string][]byte{}
	err = db.View(func(tx *bolt.Tx) error {
		for _, name := range []string{"partners", "agreements", "summaries", "history", "idx_tax_id", "idx_number", "idx_partner_agr", "institution"} {
			c := tx.Bucket([]byte(name)).Cursor()
			k, v := c.First()
			for range 2 { // the second record: not the first on its page
				if nk, nv := c.Next(); nk != nil {
					k, v = nk, nv
				}
			}
			if k == nil {
				return errors.New("bucket " + name + " is empty")
			}
			out[name] = append(bytes.Clone(k), v...)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return out
}

// TestEveryBitFlipInARecordIsDetected flips, one at a time, every bit of
// a record of each kind (key and value, checksum included) and checks the
// file as the app does: every flip must be found. Then it flips random
// bits anywhere in the pages that hold records (headers, element tables,
// free space included) and reports what was found; a flip that changes
// what a record reads must never pass.
func TestEveryBitFlipInARecordIsDetected(t *testing.T) {
	ff := newFaultFile(t)
	var flipped, detected, harmless, missed int
	for name, rec := range ff.sample(t) {
		off := bytes.Index(ff.orig, rec)
		if off < 0 || bytes.Contains(ff.orig[off+1:], rec) {
			t.Fatalf("the %s record is not stored exactly once", name)
		}
		var d, m int
		for i := range len(rec) * 8 {
			switch ff.flip(t, int64(off+i/8), uint(i%8)) {
			case "detected":
				d++
			case "harmless":
				harmless++
			default:
				m++
				t.Errorf("%s: flipping bit %d of byte %d of the record passed unnoticed", name, i%8, i/8)
			}
		}
		flipped += len(rec) * 8
		detected += d
		missed += m
		t.Logf("record bytes, %-16s %5d bytes: %6d bits flipped, %6d detected, %d missed", name, len(rec), len(rec)*8, d, m)
	}
	t.Logf("RECORD BYTES: %d bits flipped, %d detected, %d harmless, %d missed", flipped, detected, harmless, missed)
	if missed != 0 || harmless != 0 || detected != flipped {
		t.Errorf("record bytes: %d flipped, %d detected, %d harmless, %d missed; want every flip detected", flipped, detected, harmless, missed)
	}
	tornSectors(t, ff)
	pageFlips(t, ff, 400)
}

// tornSectors overwrites each 512-byte sector that holds bytes of a
// sampled record with zeros, then with random bytes (a write torn by a
// power cut): every one must be found.
func tornSectors(t *testing.T, ff *faultFile) {
	rng := rand.New(rand.NewPCG(5, 5))
	var torn, detected int
	for name, rec := range ff.sample(t) {
		off := int64(bytes.Index(ff.orig, rec))
		for sec := off &^ 511; sec < off+int64(len(rec)); sec += 512 {
			for _, fill := range []string{"zeros", "random"} {
				buf := make([]byte, 512)
				if fill == "random" {
					for i := range buf {
						buf[i] = byte(rng.Uint32())
					}
				}
				torn++
				if ff.write(t, sec, buf) == "detected" {
					detected++
				} else {
					t.Errorf("%s: sector at %d filled with %s passed unnoticed", name, sec, fill)
				}
			}
		}
	}
	t.Logf("TORN SECTORS: %d sectors holding record bytes overwritten, %d detected, %d missed", torn, detected, torn-detected)
}

// pageFlips flips n random bits in the leaf pages of the file (any byte of
// the page) and reports detected, harmless and missed.
func pageFlips(t *testing.T, ff *faultFile, n int) {
	const psz = 4096
	var leaves []int64
	for off := int64(2 * psz); off+psz <= int64(len(ff.orig)); off += psz {
		if flags := uint16(ff.orig[off+8]) | uint16(ff.orig[off+9])<<8; flags == 0x02 {
			leaves = append(leaves, off)
		}
	}
	if testing.Short() {
		n /= 4
	}
	rng := rand.New(rand.NewPCG(17, 17))
	out := map[string]int{}
	for range n {
		off := leaves[rng.IntN(len(leaves))] + int64(rng.IntN(psz))
		out[ff.flip(t, off, uint(rng.IntN(8)))]++
	}
	t.Logf("WHOLE PAGES: %d random bits flipped in %d leaf pages: %d detected, %d harmless (unused bytes), %d missed", n, len(leaves), out["detected"], out["harmless"], out["missed"])
	if out["missed"] != 0 {
		t.Errorf("%d flips in leaf pages changed what records read and passed unnoticed", out["missed"])
	}
}
