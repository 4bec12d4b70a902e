package storetest

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"testing"

	"github.com/partnerdesk/partnerdesk/model"
	"github.com/partnerdesk/partnerdesk/model/store"
)

// calls are every method of a Store that reads or writes its data, each
// run once on s; the map key names it in failure messages.
func calls(s *store.Store) map[string]func() error {
	p := FullPartner("П", "")
	a := FullAgreement("СП-1", 1)
	in := model.Institution{Names: model.Names{RU: "Колледж"}, Country: "KZ"}
	return map[string]func() error{
		"Institution":     func() error { _, err := s.Institution(); return err },
		"SaveInstitution": func() error { return s.SaveInstitution(&in) },
		"Partner":         func() error { _, err := s.Partner(1); return err },
		"Partners":        func() error { _, err := s.Partners(); return err },
		"SavePartner":     func() error { return s.SavePartner(&p) },
		"DeletePartner":   func() error { return s.DeletePartner(1) },
		"Agreement":       func() error { _, err := s.Agreement(1); return err },
		"AgreementByNumber": func() error {
			_, err := s.AgreementByNumber("СП-1")
			return err
		},
		"Summaries":      func() error { _, err := s.Summaries(); return err },
		"AgreementIDsOf": func() error { _, err := s.AgreementIDsOf(1); return err },
		"SaveAgreement":  func() error { return s.SaveAgreement(&a) },
		"DeleteAgreement": func() error {
			return s.DeleteAgreement(1)
		},
		"Renew": func() error { n := FullAgreement("СП-2", 1); return s.Renew(1, &n) },
		"AddAttachment": func() error {
			_, err := s.AddAttachment(1, "a.pdf", "application/pdf", []byte("x"))
			return err
		},
		"AttachmentData":   func() error { _, err := s.AttachmentData(1, 1); return err },
		"RemoveAttachment": func() error { return s.RemoveAttachment(1, 1) },
		"History":          func() error { _, err := s.History(model.EntityPartner, 1); return err },
		"Counts":           func() error { _, err := s.Counts(); return err },
		"ListData":         func() error { _, _, _, err := s.ListData(); return err },
		"View":             func() error { return s.View(func(*store.Tx) error { return nil }) },
		"Update":           func() error { return s.Update(func(*store.Tx) error { return nil }) },
		"Check":            func() error { return s.Check() },
		"FreeShare":        func() error { _, err := s.FreeShare(); return err },
		"DamagedRecords":   func() error { _, err := s.DamagedRecords(); return err },
		"RawRecord": func() error {
			_, err := s.RawRecord(store.RecordRef{Bucket: "partners", Key: []byte{0, 0, 0, 0, 0, 0, 0, 1}})
			return err
		},
		"RepairRecords": func() error { return s.RepairRecords(nil) },
	}
}

// writes lists the names in calls that change data.
var writes = []string{"SaveInstitution", "SavePartner", "DeletePartner", "SaveAgreement", "DeleteAgreement", "Renew", "AddAttachment", "RemoveAttachment", "RepairRecords", "Update"}

// testClosedStore: after Close every method returns ErrClosed (none
// panics), a second Close is harmless, and a backup is refused.
func testClosedStore(t *testing.T, open Opener) {
	s := open(t, store.Options{User: "secretary"})
	p := FullPartner("П", "")
	if err := s.SavePartner(&p); err != nil {
		t.Fatal(err)
	}
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	for name, call := range calls(s) {
		func() {
			defer func() {
				if r := recover(); r != nil {
					t.Errorf("%s on a closed store panicked: %v", name, r)
				}
			}()
			if err := call(); !errors.Is(err, store.ErrClosed) {
				t.Errorf("%s on a closed store: %v, want ErrClosed", name, err)
			}
		}()
	}
	var buf bytes.Buffer
	if _, err := s.Backup(&buf); err == nil || buf.Len() > 0 {
		t.Errorf("Backup of a closed store: %v, %d bytes", err, buf.Len())
	}
	if _, _, err := s.Snapshot(&buf); err == nil || buf.Len() > 0 {
		t.Errorf("Snapshot of a closed store: %v, %d bytes", err, buf.Len())
	}
	compact := filepath.Join(t.TempDir(), "compact.db")
	if err := s.CompactTo(compact); err == nil {
		t.Error("CompactTo of a closed store succeeded")
	}
	if _, err := os.Stat(compact); err == nil {
		t.Error("CompactTo of a closed store left a file")
	}
	if err := s.Close(); err != nil {
		t.Errorf("second Close: %v", err)
	}
}

// testReadOnlyOpen: a store opened with Options.ReadOnly reads, and
// refuses every change with ErrReadOnly without running the transaction.
func testReadOnlyOpen(t *testing.T, open Opener) {
	s := open(t, store.Options{ReadOnly: true, User: "secretary"})
	if c, err := s.Counts(); err != nil || c != (store.Counts{}) {
		t.Fatalf("read-only store: %+v %v", c, err)
	}
	all := calls(s)
	for _, name := range writes {
		if err := all[name](); !errors.Is(err, store.ErrReadOnly) {
			t.Errorf("%s on a read-only store: %v, want ErrReadOnly", name, err)
		}
	}
	ran := false
	if err := s.Update(func(*store.Tx) error { ran = true; return nil }); !errors.Is(err, store.ErrReadOnly) || ran {
		t.Errorf("Update on a read-only store: %v (ran: %v)", err, ran)
	}
	for name, call := range all {
		if isWrite(name) {
			continue
		}
		if err := call(); err != nil && !errors.Is(err, store.ErrNotFound) {
			t.Errorf("%s on a read-only store: %v", name, err)
		}
	}
	if c, _ := s.Counts(); c != (store.Counts{}) {
		t.Errorf("refused writes left %+v", c)
	}
}

func isWrite(name string) bool {
	for _, w := range writes {
		if w == name {
			return true
		}
	}
	return false
}
