package ui

import (
	"context"
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"

	"github.com/partnerdesk/partnerdesk/model/demo"
	"github.com/partnerdesk/partnerdesk/model/store"
	"github.com/partnerdesk/partnerdesk/reports/excel"
)

// A register exported by PartnerDesk goes through the wizard into an
// empty file: every sheet is recognised, the preview lists no problem,
// and Import stores every agreement in one step.
func TestImportWizardRoundTrip(t *testing.T) {
	src := store.OpenMemory(store.Options{})
	if err := src.AddNew(demo.Generate(demo.Options{Seed: 6, Partners: 15, Agreements: 40, Today: testToday}), 100, nil); err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), "register.xlsx")
	if err := excel.WriteRegister(context.Background(), src, path, excel.Options{Lang: "ru", Today: testToday}); err != nil {
		t.Fatal(err)
	}
	u, s := newTestUI(t, "ru")
	u.goTo("reports", nil)
	u.startImport(path, false)
	settle(u)
	w, ok := u.page.(*importWizard)
	if !ok {
		t.Fatalf("the wizard did not open: %T", u.page)
	}
	if len(w.maps) < 6 || w.next.Disabled() {
		t.Fatalf("%d sheets recognised, next disabled %v", len(w.maps), w.next.Disabled())
	}
	test.Tap(w.next)
	settle(u)
	if w.plan_ == nil {
		t.Fatal("no preview")
	}
	if c := w.plan_.AgreementCounts(); c.Add != 40 || w.plan_.Errors() != 0 {
		t.Fatalf("plan: %+v, %d errors: %v", c, w.plan_.Errors(), w.plan_.Problems)
	}
	apply := findButton(w.root, "Импортировать договоры: 40")
	if apply == nil {
		t.Fatalf("no import button: %v", texts(w.root))
	}
	test.Tap(apply)
	settle(u)
	c, _ := s.Counts()
	if c.Agreements != 40 || c.Partners != 15 {
		t.Errorf("store after import: %+v", c)
	}
	if _, n := u.cat.Len(); n != 40 {
		t.Errorf("the lists show %d agreements", n)
	}
}

// A messy register: the preview names the cell of each problem, and the
// import button offers only the valid records.
func TestImportWizardShowsProblems(t *testing.T) {
	messy := filepath.Join("..", "reports", "excel", "testdata", "messy.xlsx")
	u, s := newTestUI(t, "ru")
	u.goTo("reports", nil)
	u.startImport(messy, false)
	settle(u)
	w, ok := u.page.(*importWizard)
	if !ok {
		t.Fatalf("the wizard did not open: %T", u.page)
	}
	if w.next.Disabled() {
		t.Fatalf("required columns missing: %v", texts(w.root))
	}
	test.Tap(w.next)
	settle(u)
	if w.plan_ == nil || w.plan_.Errors() == 0 {
		t.Fatal("no problems found in the messy register")
	}
	all := strings.Join(texts(w.root), "\n")
	if !strings.Contains(all, "Импортировать корректные") {
		t.Errorf("no 'import the valid records' button:\n%s", all)
	}
	if c, _ := s.Counts(); c.Agreements != 0 {
		t.Error("the preview wrote records")
	}
}
