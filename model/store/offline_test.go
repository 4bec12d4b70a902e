package store_test

import (
	"path/filepath"
	"reflect"
	"testing"

	"github.com/partnerdesk/partnerdesk/model/store"
	"github.com/partnerdesk/partnerdesk/model/store/storetest"
)

// A copy of a data file checks clean (its values sealed again) and holds
// the same agreement.
func TestSaveCopyOfFile(t *testing.T) {
	dir := t.TempDir()
	s, err := store.Open(filepath.Join(dir, "a.db"), store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	p := storetest.FullPartner("ТОО «Партнёр»", storetest.BIN1)
	if err := s.SavePartner(&p); err != nil {
		t.Fatal(err)
	}
	a := storetest.FullAgreement("СП-2026/001", p.ID)
	if err := s.SaveAgreement(&a); err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(dir, "copy.db")
	if err := s.SaveCopy(path); err != nil {
		t.Fatal(err)
	}
	c, err := store.Open(path, store.Options{ReadOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close()
	if err := c.Check(); err != nil {
		t.Fatal(err)
	}
	want, _ := s.Agreement(a.ID)
	if got, err := c.Agreement(a.ID); err != nil || !reflect.DeepEqual(got, want) {
		t.Errorf("the copy's agreement: %v", err)
	}
	if got, err := c.AgreementByNumber("СП-2026/001"); err != nil || got.ID != a.ID {
		t.Errorf("found by number in the copy: %v", err)
	}
}
