package ui

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"

	"github.com/partnerdesk/partnerdesk/model"
	"github.com/partnerdesk/partnerdesk/model/catalog"
)

func openNewPartner(t *testing.T, u *UI) *partnerForm {
	t.Helper()
	u.goTo("partners", nil)
	u.currentScreen().(creator).create()
	f, ok := u.page.(*partnerForm)
	if !ok {
		t.Fatalf("Ctrl+N on partners opened %T", u.page)
	}
	return f
}

func TestCreatePartnerByTyping(t *testing.T) {
	u, s := newTestUI(t, "ru")
	f := openNewPartner(t, u)
	if !f.saveBtn.Disabled() {
		t.Fatal("Save enabled on an empty form")
	}
	test.Type(f.name, "ТОО «Ақ Бидай»")
	test.Type(f.taxID, "971 240 001 315")
	f.category.SetSelected(label(model.CategoryProfessional))
	f.subKind.SetSelected(label(model.SubDomesticEnterprise))
	test.Type(f.region, "Астана")
	test.Tap(f.contacts.addBtn)
	row := findEntries(f.contacts.box) // name, position, phone, e-mail
	test.Type(row[0], "Әйгерім Нұрланқызы")
	test.Type(row[3], "hr@akbidai.kz")
	test.Type(row[2], "+7 701 123 45 67")
	if f.saveBtn.Disabled() {
		t.Fatalf("Save disabled on a valid partner: %v", f.fs.summary.Text)
	}
	test.Tap(f.saveBtn)

	all, _ := s.Partners()
	if len(all) != 1 {
		t.Fatalf("%d partners in the store", len(all))
	}
	p := all[0]
	if p.Name != "ТОО «Ақ Бидай»" || p.TaxID != "971240001315" || p.Category != model.CategoryProfessional ||
		p.SubKind != model.SubDomesticEnterprise || p.Relation != model.RelationReal || p.Region != "Астана" ||
		len(p.Contacts) != 1 || p.Contacts[0].Email != "hr@akbidai.kz" {
		t.Errorf("stored %+v", p)
	}
	if !f.saveBtn.Disabled() || !strings.Contains(f.status.Text, "Сохранено") {
		t.Errorf("after saving: save enabled %v, status %q", !f.saveBtn.Disabled(), f.status.Text)
	}
	u.back()
	ps := u.currentScreen().(*partnersScreen)
	if len(ps.rows) != 1 || ps.cellByKey(0, "col.name") != "ТОО «Ақ Бидай»" || ps.cellByKey(0, "col.tax_id") != "971240001315" {
		t.Errorf("table shows %d rows: %q", len(ps.rows), ps.cellByKey(0, "col.name"))
	}
}

func TestWrongBINShowsTranslatedMessage(t *testing.T) {
	u, s := newTestUI(t, "ru")
	f := openNewPartner(t, u)
	test.Type(f.name, "ТОО «Ромашка»")
	f.category.SetSelected(label(model.CategoryProfessional))
	test.Type(f.taxID, "971240001316") // check digit should be 5
	msg := f.fs.fields["tax_id"].msg
	want := "Неверная контрольная цифра БИН"
	if !msg.Visible() || !strings.HasPrefix(msg.Text, want) {
		t.Errorf("message under BIN: visible %v, %q; want it to start with %q", msg.Visible(), msg.Text, want)
	}
	if !f.saveBtn.Disabled() {
		t.Error("Save enabled with a wrong BIN")
	}
	// Fixing the digit clears the message and enables Save.
	f.taxID.SetText("971240001315")
	if msg.Visible() || f.saveBtn.Disabled() {
		t.Errorf("after the fix: message %q, save disabled %v", msg.Text, f.saveBtn.Disabled())
	}
	// Kyrgyz INN rules apply when the country changes.
	f.country.SetText("KG")
	if !strings.Contains(msg.Text, "14") || !f.saveBtn.Disabled() {
		t.Errorf("KG with a 12-digit number: %q", msg.Text)
	}
	if n, _ := s.Counts(); n.Partners != 0 {
		t.Error("an invalid partner reached the store")
	}
}

func TestSearchNarrowsPartnersTable(t *testing.T) {
	u, s := newTestUI(t, "en")
	withDemo(t, u, s, 80, 20)
	u.goTo("partners", nil)
	ps := u.currentScreen().(*partnersScreen)
	all := len(ps.rows)
	if all != 80 {
		t.Fatalf("%d rows before searching", all)
	}
	u.onFind()
	if u.win.Canvas().Focused() != ps.search {
		t.Error("Ctrl+F does not focus the search box")
	}
	test.Type(ps.search, "мектеб")
	if len(ps.rows) == 0 || len(ps.rows) >= all {
		t.Fatalf("search left %d of %d rows", len(ps.rows), all)
	}
	for i := range ps.rows {
		if !strings.Contains(strings.ToLower(ps.cellByKey(i, "col.name")), "мектеб") {
			t.Errorf("row %q does not match", ps.cellByKey(i, "col.name"))
		}
	}
	// A BIN finds its partner.
	target := u.cat.Partners(catalog.PartnerQuery{Country: "KZ"})[0]
	ps.search.SetText(target.TaxID)
	if len(ps.rows) != 1 || ps.rows[0].ID != target.ID {
		t.Errorf("BIN search: %d rows", len(ps.rows))
	}
	ps.search.SetText("")
	if len(ps.rows) != all {
		t.Error("clearing the search does not bring every row back")
	}
}

func TestDeletePartnerInUseIsRefused(t *testing.T) {
	u, s := newTestUI(t, "en")
	withDemo(t, u, s, 10, 30)
	busy := u.cat.Partners(catalog.PartnerQuery{Sort: catalog.PartnerByAgreements, Desc: true})[0]
	u.goTo("partners", nil)
	u.openPartner(busy.ID)
	f := u.page.(*partnerForm)
	before := overlays(u)
	test.Tap(f.del)
	if overlays(u) != before+1 {
		t.Fatal("no dialog")
	}
	if _, err := s.Partner(busy.ID); err != nil {
		t.Fatal("partner in use was deleted")
	}
	found := false
	for _, txt := range texts(u.win.Canvas().Overlays().Top()) {
		if strings.Contains(txt, busy.Name) && strings.Contains(txt, u.cat.NumberOf(u.cat.AgreementsOf(busy.ID)[0])) {
			found = true
		}
	}
	if !found {
		t.Error("the refusal does not name the partner and its agreements")
	}
}

func TestUnsavedChangesAreGuarded(t *testing.T) {
	u, _ := newTestUI(t, "en")
	f := openNewPartner(t, u)
	test.Type(f.name, "Half-typed partner")
	u.nav.Select(u.screenByID("dashboard"))
	if u.page != f {
		t.Fatal("leaving an edited form did not ask")
	}
	if overlays(u) == 0 {
		t.Fatal("no Save / Discard / Cancel dialog")
	}
	got := texts(u.win.Canvas().Overlays().Top())
	for _, b := range []string{"Save", "Discard changes", "Cancel"} {
		if !contains(got, b) {
			t.Errorf("dialog lacks %q: %v", b, got)
		}
	}
}
