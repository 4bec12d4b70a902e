package store_test

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"

	"github.com/partnerdesk/partnerdesk/model"
	"github.com/partnerdesk/partnerdesk/model/store"
	"github.com/partnerdesk/partnerdesk/model/store/storetest"
)

// FuzzInspectDamaged damages a small data file (a patch of bytes at some
// offset, then a cut) and reads it the way the app does: Inspect and, when
// that passes, Open read-only, Check and reading every record. None of it
// may crash the program, whatever the damage.
func FuzzInspectDamaged(f *testing.F) {
	dir := f.TempDir()
	base := filepath.Join(dir, "base.db")
	s, err := store.Open(base, store.Options{})
	if err != nil {
		f.Fatal(err)
	}
	p := storetest.FullPartner("П", storetest.BIN1)
	if err := s.SavePartner(&p); err != nil {
		f.Fatal(err)
	}
	for _, n := range []string{"A-1", "A-2", "A-3"} {
		a := storetest.FullAgreement(n, p.ID)
		if err := s.SaveAgreement(&a); err != nil {
			f.Fatal(err)
		}
	}
	s.Close()
	orig, err := os.ReadFile(base)
	if err != nil {
		f.Fatal(err)
	}
	page := uint(os.Getpagesize())
	f.Add(uint(0), []byte{0xff}, uint(0))
	f.Add(page+20, []byte{1}, uint(0))
	f.Add(2*page, []byte{9, 0, 0, 0, 0, 0, 0, 0}, uint(0))
	f.Add(3*page+8, []byte{0x01}, uint(0))
	f.Add(4*page+16, []byte{0xff, 0xff, 0xff, 0x7f}, uint(0))
	f.Add(uint(0), []byte{}, uint(len(orig))/2)
	f.Fuzz(func(t *testing.T, at uint, patch []byte, cut uint) {
		b := bytes.Clone(orig)
		at %= uint(len(b))
		copy(b[at:], patch)
		b = b[:uint(len(b))-cut%uint(len(b))]
		path := filepath.Join(t.TempDir(), "damaged.db")
		if err := os.WriteFile(path, b, 0o600); err != nil {
			t.Fatal(err)
		}
		if _, err := store.Inspect(path); err != nil {
			return
		}
		s, err := store.Open(path, store.Options{ReadOnly: true})
		if err != nil {
			return
		}
		defer s.Close()
		_ = s.Check()
		_, _ = s.Partners()
		_, _ = s.Summaries()
		_ = s.View(func(tx *store.Tx) error {
			return tx.ForEachAgreement(func(*model.Agreement) error { return nil })
		})
	})
}
