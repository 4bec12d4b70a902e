package store_test

import (
	"testing"

	"github.com/partnerdesk/partnerdesk/model"
	"github.com/partnerdesk/partnerdesk/model/store"
)

// TestRegisterLayouts saves, replaces and deletes layouts; they survive
// reopening the file, which then passes its check (checksums included).
func TestRegisterLayouts(t *testing.T) {
	s, path := openTemp(t)
	dean := model.RegisterLayout{Name: "Для декана", Columns: []string{"seq", "partners", "students"}, PerPartner: true}
	if err := s.SaveRegisterLayout(dean); err != nil {
		t.Fatal(err)
	}
	if err := s.SaveRegisterLayout(model.RegisterLayout{Name: "Annual", Columns: []string{"seq", "title"}}); err != nil {
		t.Fatal(err)
	}
	dean.Columns = []string{"partners", "seq"}
	dean.Name = " для ДЕКАНА "
	if err := s.SaveRegisterLayout(dean); err != nil {
		t.Fatal(err)
	}
	for _, bad := range []model.RegisterLayout{
		{Name: "", Columns: []string{"seq"}},
		{Name: "Memoranda", Columns: []string{"seq"}},
		{Name: "x", Columns: nil},
		{Name: "x", Columns: []string{"seq", "seq"}},
		{Name: "x", Columns: []string{"salary"}},
		{Name: "x", Columns: []string{"seq"}, Kinds: []model.AgreementKind{"lease"}},
	} {
		err := s.SaveRegisterLayout(bad)
		if _, ok := model.AsValidation(err); !ok {
			t.Errorf("%+v: %v, want a validation error", bad, err)
		}
	}
	s.Close()
	s, err := store.Open(path, store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	list, err := s.RegisterLayouts()
	if err != nil {
		t.Fatal(err)
	}
	if len(list) != 2 || list[0].Name != "для ДЕКАНА" || len(list[0].Columns) != 2 || list[0].Columns[0] != "partners" || !list[0].PerPartner || list[1].Name != "Annual" {
		t.Fatalf("layouts read back: %+v", list)
	}
	if err := s.DeleteRegisterLayout("annual"); err != nil {
		t.Fatal(err)
	}
	if list, _ = s.RegisterLayouts(); len(list) != 1 {
		t.Errorf("after delete: %+v", list)
	}
	if err := s.Check(); err != nil {
		t.Errorf("check: %v", err)
	}
	if inst, err := s.Institution(); err != nil || !inst.IsZero() {
		t.Errorf("the institution record changed: %+v %v", inst, err)
	}
}
