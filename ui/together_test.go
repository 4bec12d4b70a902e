package ui

import (
	"fmt"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"github.com/partnerdesk/partnerdesk/model"
	"github.com/partnerdesk/partnerdesk/model/catalog"
	"github.com/partnerdesk/partnerdesk/model/demo"
	"github.com/partnerdesk/partnerdesk/model/store"
	"github.com/partnerdesk/partnerdesk/model/store/storetest"
	"github.com/partnerdesk/partnerdesk/reports/printing/printtest"
)

// twoWindows opens two windows of the interface over the same store, as
// two people (or one person twice) would edit one register.
func twoWindows(t *testing.T, s *store.Store, lang string, opts Options) (*UI, *UI) {
	t.Helper()
	t.Setenv("TMPDIR", t.TempDir())
	a := &testApp{App: test.NewTempApp(t), t: t}
	open := func() *UI {
		w := a.NewWindow("PartnerDesk")
		w.Resize(fyne.NewSize(1280, 800))
		o := opts
		o.Today, o.Language, o.Printer = func() model.Date { return testToday }, lang, printtest.New("Office")
		o.HasPDFViewer = func() bool { return true }
		u := New(a, w, s, o)
		t.Cleanup(func() { settle(u); w.Close() })
		return u
	}
	return open(), open()
}

// storedAgreement saves a full agreement with a partner into s and returns it.
func storedAgreement(t *testing.T, s *store.Store, number string) model.Agreement {
	t.Helper()
	in := demo.Institution()
	if err := s.SaveInstitution(&in); err != nil {
		t.Fatal(err)
	}
	p := storetest.FullPartner("«Ақ Бидай» ЖШС", storetest.BIN1)
	if err := s.SavePartner(&p); err != nil {
		t.Fatal(err)
	}
	a := storetest.FullAgreement(number, p.ID)
	if err := s.SaveAgreement(&a); err != nil {
		t.Fatal(err)
	}
	return a
}

// editorOf opens the agreement in u's editor.
func editorOf(t *testing.T, u *UI, id model.ID) *agreementEditor {
	t.Helper()
	u.goTo("agreements", func() { u.openAgreement(id, "") })
	e, ok := u.page.(*agreementEditor)
	if !ok {
		t.Fatal("the agreement editor did not open")
	}
	return e
}

// typeOver replaces an entry's text as a user would.
func typeOver(e *widget.Entry, text string) {
	e.SetText("")
	test.Type(e, text)
}

// compareRows returns the comparison's rows as "field | theirs | mine".
func compareRows(c fyne.CanvasObject) map[string][2]string {
	rows := map[string][2]string{}
	objs := compareGrid(c).Objects
	for i := 4; i+3 < len(objs); i += 4 {
		rows[objs[i].(*widget.Label).Text] = [2]string{objs[i+1].(*widget.Label).Text, objs[i+2].(*widget.Label).Text}
	}
	return rows
}

// compareGrid returns the comparison's table (empty when none is shown).
func compareGrid(c fyne.CanvasObject) *fyne.Container {
	for _, obj := range test.LaidOutObjects(c) {
		if g, ok := obj.(*fyne.Container); ok {
			if _, is := g.Layout.(*compareLayout); is {
				return g
			}
		}
	}
	return &fyne.Container{}
}

// chooseIn picks an option of the comparison's row for the field label.
func chooseIn(t *testing.T, c fyne.CanvasObject, field, option string) {
	t.Helper()
	g := compareGrid(c)
	for i := 4; i+3 < len(g.Objects); i += 4 {
		if g.Objects[i].(*widget.Label).Text == field {
			g.Objects[i+3].(*widget.RadioGroup).SetSelected(option)
			return
		}
	}
	t.Fatalf("no row %q in the comparison", field)
}

// Two editors of the same agreement in one data file: the second save is
// refused with who and when; Compare shows both values of the fields that
// differ, and the merged record is saved with the choices.
func TestCompareOnDataFile(t *testing.T) {
	s, err := store.Open(filepath.Join(t.TempDir(), "pd.db"), store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	a := storedAgreement(t, s, "СП-2026/041")
	u1, u2 := twoWindows(t, s, "en", Options{})
	e1, e2 := editorOf(t, u1, a.ID), editorOf(t, u2, a.ID)

	typeOver(e1.terms.title, "Memorandum, first window")
	typeOver(e1.terms.place, "Almaty")
	if !e1.saveNow() {
		t.Fatal("the first save was refused")
	}
	typeOver(e2.terms.title, "Memorandum, second window")
	typeOver(e2.terms.notes, "Call the partner in May")
	if e2.saveNow() {
		t.Fatal("the second save went over the first")
	}
	dlg := topOverlay(t, u2)
	got := strings.Join(texts(dlg), "\n")
	if !strings.Contains(got, "saved this agreement at") || !strings.Contains(got, tr("together.compare")) {
		t.Fatalf("the conflict dialog says:\n%s", got)
	}
	tapButton(t, dlg, tr("together.compare"))
	settle(u2)
	cmp := topOverlay(t, u2)
	rows := compareRows(cmp)
	if r := rows[tr("field.title")]; r != [2]string{"Memorandum, first window", "Memorandum, second window"} {
		t.Errorf("title row: %q (all: %q)", r, rows)
	}
	if r := rows[tr("field.place")]; r != [2]string{"Almaty", "Астана"} {
		t.Errorf("place row: %q", r)
	}
	if r := rows[tr("field.notes")]; r[1] != "Call the partner in May" {
		t.Errorf("notes row: %q", r)
	}
	if len(rows) != 3 {
		t.Errorf("rows for fields that do not differ: %q", rows)
	}
	chooseIn(t, cmp, tr("field.title"), tr("together.take_theirs"))
	tapButton(t, cmp, tr("together.save_merged"))
	settle(u2)
	stored, _ := s.Agreement(a.ID)
	if stored.Title != "Memorandum, first window" || stored.Place != "Almaty" || stored.Notes != "Call the partner in May" {
		t.Errorf("merged: title %q, place %q, notes %q", stored.Title, stored.Place, stored.Notes)
	}
	if e, ok := u2.page.(*agreementEditor); !ok || e.orig.Rev != stored.Rev || e.terms.notes.Text != stored.Notes {
		t.Error("the editor does not show the merged agreement")
	}
	if overlays(u2) != 0 {
		t.Errorf("%d dialogs left open", overlays(u2))
	}
}

// Keep mine saves the draft over the other save, knowingly; Reload shows
// their version.
func TestKeepMineAndReload(t *testing.T) {
	s := openMemory()
	a := storedAgreement(t, s, "СП-2026/042")
	u1, u2 := twoWindows(t, s, "ru", Options{})
	for _, choice := range []string{"together.keep_mine", "together.reload_theirs"} {
		e1, e2 := editorOf(t, u1, a.ID), editorOf(t, u2, a.ID)
		typeOver(e1.terms.title, "Их "+choice)
		if !e1.saveNow() {
			t.Fatal("the first save was refused")
		}
		typeOver(e2.terms.title, "Моё "+choice)
		if e2.saveNow() {
			t.Fatal("the second save went over the first")
		}
		tapButton(t, topOverlay(t, u2), tr(choice))
		settle(u2)
		stored, _ := s.Agreement(a.ID)
		want := "Моё " + choice
		if choice == "together.reload_theirs" {
			want = "Их " + choice
		}
		e := u2.page.(*agreementEditor)
		if stored.Title != want || e.terms.title.Text != want || e.orig.Rev != stored.Rev {
			t.Errorf("%s: stored %q, editor %q", choice, stored.Title, e.terms.title.Text)
		}
	}
}

// The comparison names values as the editor shows them.
func TestCompareValueText(t *testing.T) {
	u, _ := newTestUI(t, "ru")
	p := savePartner(t, u, "«Ақ Бидай» ЖШС", storetest.BIN1)
	a := storetest.FullAgreement("СП-2026/043", p.ID)
	for field, want := range map[string]string{
		"partner_ids":   "«Ақ Бидай» ЖШС",
		"valid_until":   "31.08.2028",
		"kind":          label(model.KindSocialPartnership),
		"auto_renew":    "да",
		"levels":        label(model.LevelEducationalOrder) + "\n" + label(model.LevelCareer),
		"terminated_on": "—",
	} {
		if got := u.valueText(field, model.FieldValue(&a, field)); got != want {
			t.Errorf("%s: %q, want %q", field, got, want)
		}
	}
	if got := u.valueText("coordinators", model.FieldValue(&a, "coordinators")); !strings.Contains(got, "Сулейменова Ж.А.") {
		t.Errorf("coordinators: %q", got)
	}
}

// A save whose answer was lost on the way (the server stored it, the app
// heard only that the connection broke) is not made twice: trying again
// finds it stored and shows it saved.
func TestRetryFindsTheLostAnswer(t *testing.T) {
	u, s := newTestUI(t, "en")
	p := savePartner(t, u, "«Ақ Бидай» ЖШС", storetest.BIN1)
	a := storetest.FullAgreement("СП-2026/044", p.ID)
	if err := s.SaveAgreement(&a); err != nil {
		t.Fatal(err)
	}
	u.cat.PutAgreement(model.Summarize(&a))
	e := editorOf(t, u, a.ID)
	typeOver(e.terms.title, "Stored, answer lost")
	draft, _ := e.collect()
	landed := draft
	if err := s.SaveAgreement(&landed); err != nil { // what the server did
		t.Fatal(err)
	}
	e.saveFailed(draft, &store.ServerError{URL: "postgres://server/pd", Err: store.ErrServerUnreachable}) // what the app heard
	if e.notice.text == nil || !strings.Contains(e.notice.text.Text, "cannot be reached") {
		t.Fatalf("no word of the lost server: %v", texts(e.view()))
	}
	tapButton(t, e.view(), tr("together.try_now"))
	settle(u)
	fresh, ok := u.page.(*agreementEditor)
	if !ok || fresh == e || fresh.orig.Rev != landed.Rev || overlays(u) != 0 {
		t.Fatalf("the stored save is not shown as saved (dialogs: %d)", overlays(u))
	}
	h, _ := s.History(model.EntityAgreement, a.ID)
	if n := len(h); n != 2 || h[1].Action != model.ActionUpdated {
		t.Errorf("history after one save: %d entries", n)
	}

	// A new agreement is found by its number.
	n := storetest.FullAgreement("СП-2026/045", p.ID)
	stored := n
	if err := s.SaveAgreement(&stored); err != nil {
		t.Fatal(err)
	}
	if got, ok := findLanded(s, n); !ok || got.ID != stored.ID {
		t.Errorf("the new agreement's lost answer: %v %v", got.ID, ok)
	}
	n.Title = "Another title"
	if _, ok := findLanded(s, n); ok {
		t.Error("a different draft counts as stored")
	}
}

// The server's changes reach the catalog: a few records are read one by
// one (a deleted one leaves), a gap or a large batch reads everything.
func TestChangesReachTheCatalog(t *testing.T) {
	u, s := newTestUI(t, "en")
	p := savePartner(t, u, "«Ақ Бидай» ЖШС", storetest.BIN1)
	u.goTo("agreements", nil)
	list := u.currentScreen().(*agreementsScreen)
	has := func(id model.ID) bool {
		_, ok := u.cat.Agreement(id)
		return ok && slices.ContainsFunc(list.rows, func(a *catalog.Agreement) bool { return a.ID == id })
	}
	a := storetest.FullAgreement("СП-2026/046", p.ID)
	if err := s.SaveAgreement(&a); err != nil { // by someone else
		t.Fatal(err)
	}
	u.onChanges([]store.Change{{Entity: model.EntityAgreement, ID: a.ID, Action: model.ActionCreated}})
	settle(u)
	if !has(a.ID) {
		t.Fatal("a new agreement did not reach the list")
	}
	if err := s.DeleteAgreement(a.ID); err != nil {
		t.Fatal(err)
	}
	u.onChanges([]store.Change{{Entity: model.EntityAgreement, ID: a.ID, Action: model.ActionDeleted}})
	settle(u)
	if has(a.ID) {
		t.Fatal("a deleted agreement stayed in the list")
	}

	var batch []store.Change
	for i := range maxPatch + 1 {
		b := storetest.FullAgreement(fmt.Sprintf("ИМП-%03d", i), p.ID)
		if err := s.SaveAgreement(&b); err != nil {
			t.Fatal(err)
		}
		batch = append(batch, store.Change{Entity: model.EntityAgreement, ID: b.ID, Action: model.ActionCreated})
	}
	if patchable(batch) || patchable([]store.Change{{}}) {
		t.Error("an import or a gap is read one record at a time")
	}
	u.onChanges([]store.Change{{}})
	settle(u)
	if _, n := u.cat.Len(); n != maxPatch+1 || len(list.rows) != n {
		t.Errorf("after a gap the catalog holds %d agreements, the list %d", n, len(list.rows))
	}
}
