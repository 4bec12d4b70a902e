package ui

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"

	"github.com/partnerdesk/partnerdesk/model"
	"github.com/partnerdesk/partnerdesk/model/store/storetest"
)

func savePartner(t *testing.T, u *UI, name, bin string) model.Partner {
	t.Helper()
	p := storetest.FullPartner(name, bin)
	if err := u.store.SavePartner(&p); err != nil {
		t.Fatal(err)
	}
	u.cat.PutPartner(p)
	return p
}

// addResponsibility fills the responsibility dialog as a user would.
func addResponsibility(t *testing.T, e *agreementEditor, party int, text, due string) {
	t.Helper()
	tasks := e.tab("tab.responsibilities").(*tasksTab)
	td := tasks.openDialog(-1)
	td.party.SetSelectedIndex(party)
	test.Type(td.desc, text)
	test.Type(&td.due.Entry, due)
	if td.ok.Disabled() {
		t.Fatalf("OK disabled for %q", text)
	}
	test.Tap(td.ok)
}

func TestAgreementRoundTripsThroughEditor(t *testing.T) {
	u, s := newTestUI(t, "en")
	p1 := savePartner(t, u, "«Қазақстан темір жолы» ҰК АҚ", storetest.BIN1)
	p2 := savePartner(t, u, "Ош шаарындагы №5 орто мектеби", storetest.BIN2)
	u.goTo("agreements", nil)
	u.onNew() // Ctrl+N
	e, ok := u.page.(*agreementEditor)
	if !ok {
		t.Fatalf("Ctrl+N opened %T", u.page)
	}
	terms := e.terms
	if terms.number.Text != "СП-2026/001" {
		t.Errorf("suggested number %q", terms.number.Text)
	}
	test.Type(terms.title, "Әлеуметтік серіктестік туралы меморандум")
	terms.kind.SetSelected(label(model.KindSocialPartnership))
	terms.partners = []model.ID{p1.ID, p2.ID} // as picked in the partner dialog
	terms.partiesChanged()
	test.Type(&terms.signed.Entry, "01.09.2026")
	test.Type(&terms.from.Entry, "01.09.2026")
	test.Type(&terms.until.Entry, "31.08.2029")
	terms.status.SetSelected(label(model.StatusActive))
	terms.levels.checks[1].SetChecked(true)
	terms.forms.checks[0].SetChecked(true)
	terms.pmodel.SetSelected(label(model.ModelResource))

	addResponsibility(t, e, 0, "Направить 25 студентов на практику", "01.02.2027")
	addResponsibility(t, e, 2, "Предоставить рабочие места и наставников", "15.02.2027")
	addResponsibility(t, e, 3, "Провести профориентационные встречи", "01.03.2027")

	pr := e.tab("tab.principles").(*principlesTab)
	pr.choices[0].SetSelected(label(model.AssessMet))
	pr.choices[3].SetSelected(label(model.AssessPartly))
	test.Type(pr.evidence[0], "наставничество")
	pr.choices[6].SetSelected(label(model.AssessNotMet))

	if e.saveBtn.Disabled() {
		t.Fatalf("Save disabled: %s %s", e.problems.Text, e.fs.summary.Text)
	}
	test.Tap(e.saveBtn)

	sums, _ := s.Summaries()
	if len(sums) != 1 {
		t.Fatalf("%d agreements stored", len(sums))
	}
	a, _ := s.Agreement(sums[0].ID)
	if a.Number != "СП-2026/001" || a.Title != "Әлеуметтік серіктестік туралы меморандум" || a.Kind != model.KindSocialPartnership ||
		len(a.PartnerIDs) != 2 || a.ValidUntil != model.MustDate("31.08.2029") || a.Status != model.StatusActive ||
		len(a.Levels) != 1 || a.Levels[0] != model.LevelGraduateEmployment || a.Model != model.ModelResource {
		t.Errorf("stored terms %+v", a)
	}
	if len(a.Responsibilities) != 3 || a.Responsibilities[1].Party != model.PartnerParty(p1.ID) ||
		a.Responsibilities[2].Party != model.PartnerParty(p2.ID) || a.Responsibilities[0].Due != model.MustDate("01.02.2027") {
		t.Errorf("stored responsibilities %+v", a.Responsibilities)
	}
	want := []model.Assessment{model.AssessMet, model.AssessNotAssessed, model.AssessNotAssessed, model.AssessPartly,
		model.AssessNotAssessed, model.AssessNotAssessed, model.AssessNotMet}
	for i, pa := range a.Principles {
		if pa.Assessment != want[i] {
			t.Errorf("principle %s = %s, want %s", pa.Principle, pa.Assessment, want[i])
		}
	}
	if a.Principles[0].Evidence != "наставничество" {
		t.Error("evidence lost")
	}

	// Opened again, the editor shows exactly what is stored and has
	// nothing unsaved.
	u.back()
	u.openAgreement(a.ID, "")
	again := u.page.(*agreementEditor)
	if again.dirty() {
		draft, _ := again.collect()
		t.Errorf("reopened agreement is dirty: %v", model.ChangedFields(&a, &draft))
	}
	if again.terms.until.Text != "31.08.2029" || len(again.tab("tab.responsibilities").(*tasksTab).items) != 3 ||
		again.tab("tab.principles").(*principlesTab).choices[3].Selected != label(model.AssessPartly) {
		t.Error("reopened editor does not show the stored values")
	}
}

func TestAgreementEditorShowsModelMessages(t *testing.T) {
	u, _ := newTestUI(t, "ru")
	savePartner(t, u, "П", storetest.BIN1)
	u.goTo("agreements", nil)
	u.onNew()
	e := u.page.(*agreementEditor)
	test.Type(&e.terms.from.Entry, "01.09.2026")
	test.Type(&e.terms.until.Entry, "31.08.2026")
	test.Type(&e.terms.signed.Entry, "32.13.2026")
	msg := e.fs.fields["valid_until"].msg
	if !msg.Visible() || !strings.Contains(msg.Text, "01.09.2026") {
		t.Errorf("end before start: %q", msg.Text)
	}
	if got := e.fs.fields["signed_on"].msg.Text; !strings.Contains(got, "дд.мм.гггг") {
		t.Errorf("bad date: %q", got)
	}
	if !e.saveBtn.Disabled() || e.problems.Text == "" {
		t.Error("Save enabled or no problem count")
	}
	if !strings.Contains(e.appTabs.Items[0].Text, "⚠") {
		t.Error("the Terms tab is not marked")
	}
}

func TestRenewLinksBoth(t *testing.T) {
	u, s := newTestUI(t, "en")
	p := savePartner(t, u, "П", storetest.BIN1)
	a := storetest.FullAgreement("СП-2025/001", p.ID)
	a.AutoRenew, a.RenewalMonths = false, 0
	a.ValidUntil = testToday.AddDays(20)
	if err := s.SaveAgreement(&a); err != nil {
		t.Fatal(err)
	}
	u.cat.PutAgreement(model.Summarize(&a))
	u.openAgreement(a.ID, "")
	e := u.page.(*agreementEditor)
	if !e.renew.Visible() {
		t.Fatal("no Renew for an expiring agreement")
	}
	test.Tap(e.renew)
	next := u.page.(*agreementEditor)
	if next.renewOf != a.ID || next.terms.from.Text != testToday.AddDays(21).String() {
		t.Fatalf("successor draft: renewOf %d, from %q", next.renewOf, next.terms.from.Text)
	}
	test.Type(&next.terms.signed.Entry, testToday.String())
	next.terms.status.SetSelected(label(model.StatusActive))
	test.Tap(next.saveBtn)
	old, _ := s.Agreement(a.ID)
	if old.Status != model.StatusRenewed || old.SuccessorID == 0 {
		t.Fatalf("old: %s → %d", old.Status, old.SuccessorID)
	}
	succ, _ := s.Agreement(old.SuccessorID)
	if succ.PredecessorID != a.ID || succ.Number != "СП-2026/001" {
		t.Errorf("successor %s ← %d", succ.Number, succ.PredecessorID)
	}
	if st := u.cat.Agreements(catalogQuery("СП-2025/001"))[0].Status; st != model.StatusRenewed {
		t.Errorf("list shows the old one as %s", st)
	}
}

// Renew proposes the original term again: 01.09.2025–31.08.2028 renews
// as 01.09.2028–31.08.2031 (once proposed a month short, 31.07.2031).
func TestRenewProposesTheSameTerm(t *testing.T) {
	u, s := newTestUI(t, "ru")
	p := savePartner(t, u, "П", storetest.BIN1)
	a := storetest.FullAgreement("СП-2025/001", p.ID)
	if err := s.SaveAgreement(&a); err != nil {
		t.Fatal(err)
	}
	u.cat.PutAgreement(model.Summarize(&a))
	u.openAgreement(a.ID, "")
	test.Tap(u.page.(*agreementEditor).renew)
	next := u.page.(*agreementEditor)
	if next.terms.from.Text != "01.09.2028" || next.terms.until.Text != "31.08.2031" {
		t.Errorf("the renewal is proposed for %s–%s", next.terms.from.Text, next.terms.until.Text)
	}
}
