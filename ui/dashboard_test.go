package ui

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"

	"github.com/partnerdesk/partnerdesk/model"
	"github.com/partnerdesk/partnerdesk/model/store/storetest"
)

func TestDashboardListsAgreementEndingIn30Days(t *testing.T) {
	u, s := newTestUI(t, "ru")
	p := savePartner(t, u, "«Ақ Бидай» ЖШС", storetest.BIN1)
	soon := storetest.FullAgreement("СП-2024/017", p.ID)
	soon.AutoRenew, soon.RenewalMonths, soon.ValidUntil = false, 0, testToday.AddDays(30)
	later := storetest.FullAgreement("СП-2024/018", p.ID)
	later.AutoRenew, later.RenewalMonths, later.ValidUntil = false, 0, testToday.AddDays(200)
	for _, a := range []*model.Agreement{&soon, &later} {
		if err := s.SaveAgreement(a); err != nil {
			t.Fatal(err)
		}
		u.cat.PutAgreement(model.Summarize(a))
	}
	u.goTo("dashboard", nil)
	d := u.currentScreen().(*dashboard)
	if len(d.figs.Expiring) != 1 || d.figs.Expiring[0].Number != "СП-2024/017" {
		t.Fatalf("expiring: %v", d.figs.Expiring)
	}
	// What the secretary sees: the row with the number, the partner and
	// the days left, and tapping it opens the agreement.
	item := d.expiring.CreateItem()
	d.expiring.UpdateItem(0, item)
	got := strings.Join(texts(item), " | ")
	if !strings.Contains(got, "СП-2024/017 — «Ақ Бидай» ЖШС") || !strings.Contains(got, "через 30 дн.") {
		t.Errorf("row shows %q", got)
	}
	found := false
	for _, txt := range texts(d.view()) {
		if txt == "1" {
			found = true // the "Expiring soon" card
		}
	}
	if !found {
		t.Error("no count of expiring agreements")
	}
	d.expiring.Select(0)
	e, ok := u.page.(*agreementEditor)
	if !ok || e.orig.Number != "СП-2024/017" {
		t.Fatalf("tapping the row opened %T", u.page)
	}
}

func TestSwitchingLanguageChangesLabels(t *testing.T) {
	u, _ := newTestUI(t, "ru")
	u.settingsTab = 1 // Language
	u.goTo("settings", nil)
	before := texts(u.win.Content())
	if !contains(before, "Язык") {
		t.Fatalf("Russian labels missing: %v", before[:10])
	}
	sel := u.languageSelect()
	sel.SetSelected("Қазақша")
	after := texts(u.win.Content())
	if contains(after, "Язык") || !contains(after, tr("settings.language")) || tr("settings.language") == "Язык" {
		t.Errorf("labels did not change: %v", after[:10])
	}
	if u.lang != "kk" || u.prefs.String(prefLanguage) != "kk" {
		t.Errorf("language %q, saved %q", u.lang, u.prefs.String(prefLanguage))
	}
	// Enumerations and validation messages follow too.
	if label(model.StatusActive) == "Действует" || tr("err.required") == "Обязательное поле: заполните его." {
		t.Error("model labels still Russian")
	}
	sel = u.languageSelect()
	sel.SetSelected("English")
	if !contains(texts(u.win.Content()), "Language") {
		t.Error("English did not come back")
	}
	// Fyne's own dialog buttons are translated as well.
	setLanguage("ru")
	if tr("Cancel") != "Отмена" {
		t.Errorf("Fyne's Cancel = %q", tr("Cancel"))
	}
}

func TestFirstRunAsksForInstitution(t *testing.T) {
	a := test.NewTempApp(t)
	s := openMemory()
	w := a.NewWindow("")
	u := New(a, w, s, Options{Today: func() model.Date { return testToday }, Language: "en"})
	got := texts(w.Content())
	if !contains(got, "Welcome to PartnerDesk") {
		t.Fatalf("no welcome panel: %v", got)
	}
	if contains(got, "Required: please fill this in.") {
		t.Error("the welcome panel opens with 'required' messages")
	}
	var start, name = findButton(w.Content(), "Start"), findEntries(w.Content())[0]
	if start == nil || !start.Disabled() {
		t.Fatal("Start enabled before the institution's name is entered")
	}
	test.Type(name, "Ошский государственный университет")
	if start.Disabled() {
		t.Fatal("Start still disabled")
	}
	test.Tap(start)
	in, _ := s.Institution()
	if in.Names.RU != "Ошский государственный университет" || u.inst.IsZero() {
		t.Errorf("institution %+v", in)
	}
	if !contains(texts(w.Content()), "Dashboard") {
		t.Error("the dashboard did not follow")
	}
}
