package ui

import (
	"bytes"
	"strings"
	"testing"

	"github.com/partnerdesk/partnerdesk/reports/pdf/pdftest"

	"fyne.io/fyne/v2/test"

	"github.com/partnerdesk/partnerdesk/model"
	"github.com/partnerdesk/partnerdesk/model/store/storetest"
)

// Ctrl+P in the editor prints the memorandum as it stands on screen,
// unsaved changes included, in the chosen layout.
func TestPrintMemorandumFromEditor(t *testing.T) {
	u, s := newTestUI(t, "ru")
	p := savePartner(t, u, "«Ақ Бидай» ЖШС", storetest.BIN1)
	a := storetest.FullAgreement("СП-2026/007", p.ID)
	if err := s.SaveAgreement(&a); err != nil {
		t.Fatal(err)
	}
	u.cat.PutAgreement(model.Summarize(&a))
	u.openAgreement(a.ID, "")
	e := u.page.(*agreementEditor)
	e.terms.title.SetText("Меморандум о дуальном обучении")
	before := overlays(u)
	u.onPrint()
	settle(u)
	if overlays(u) != before+1 {
		t.Fatal("Ctrl+P showed no dialog")
	}
	if findButton(u.win.Canvas().Overlays().Top(), "Сохранить в PDF…") == nil {
		t.Error("no Save as PDF button")
	}
	draft, _ := e.collect()
	var buf bytes.Buffer
	if err := u.renderPDF(e.memorandumDoc(draft), documentChoice{lang: "ru", bilingual: "kk+ru"}, &buf); err != nil {
		t.Fatal(err)
	}
	text := pdftest.TextOf(t, buf.Bytes())
	for _, want := range []string{"СП-2026/007", "Меморандум о дуальном обучении", "«Ақ Бидай» ЖШС", "М.П."} {
		if !strings.Contains(text, want) {
			t.Errorf("the memorandum lacks %q", want)
		}
	}
}

func TestPrintRegisterOfTheFilter(t *testing.T) {
	u, s := newTestUI(t, "en")
	withDemo(t, u, s, 20, 60)
	// Two agreements that end within the warning window, whatever the
	// demo data holds, and one that does not.
	p := savePartner(t, u, "«Ақ Бидай» ЖШС", storetest.BIN1)
	for number, days := range map[string]int{"СП-ИСТ/1": 10, "СП-ИСТ/2": 30, "СП-ДОЛГ/1": 400} {
		a := storetest.FullAgreement(number, p.ID)
		a.ValidUntil = testToday.AddDays(days)
		if err := s.SaveAgreement(&a); err != nil {
			t.Fatal(err)
		}
		u.cat.PutAgreement(model.Summarize(&a))
	}
	u.goTo("agreements", nil)
	sc := u.currentScreen().(*agreementsScreen)
	sc.status.SetSelected(label(model.StatusExpiring))
	listed := map[string]bool{}
	for _, r := range sc.rows {
		listed[r.Number] = true
	}
	if !listed["СП-ИСТ/1"] || !listed["СП-ИСТ/2"] || listed["СП-ДОЛГ/1"] {
		t.Fatalf("the Expiring filter lists %d agreements: %v", len(sc.rows), listed)
	}
	for i := range sc.rows {
		if got := sc.cellByKey(i, "col.status"); got != label(model.StatusExpiring) {
			t.Errorf("row %d of the Expiring filter shows status %q", i, got)
		}
	}
	sc.table.OnSort(agreementColumnIndex("col.valid_until"), true)
	if at := rowsByNumber(sc); at["СП-ИСТ/2"] > at["СП-ИСТ/1"] {
		t.Errorf("sorted by end, latest first, СП-ИСТ/2 is row %d after СП-ИСТ/1 (row %d)", at["СП-ИСТ/2"], at["СП-ИСТ/1"])
	}
	sc.table.OnSort(agreementColumnIndex("col.valid_until"), false)
	if at := rowsByNumber(sc); at["СП-ИСТ/1"] > at["СП-ИСТ/2"] {
		t.Errorf("sorted by end, earliest first, СП-ИСТ/1 is row %d after СП-ИСТ/2 (row %d)", at["СП-ИСТ/1"], at["СП-ИСТ/2"])
	}
	rows := make([]model.Summary, len(sc.rows))
	for i, a := range sc.rows {
		rows[i] = a.Summary
	}
	var buf bytes.Buffer
	if err := u.renderPDF(registerDoc(rows, sc.describeFilter()), documentChoice{lang: "en"}, &buf); err != nil {
		t.Fatal(err)
	}
	text := pdftest.TextOf(t, buf.Bytes())
	if !strings.Contains(text, "Expiring") || !strings.Contains(text, sc.rows[0].Number) {
		t.Errorf("the register lacks the filter or the first row:\n%.400s", text)
	}
	test.Tap(findButton(sc.root, "Print…"))
	settle(u)
	if overlays(u) == 0 {
		t.Error("the Print button showed no dialog")
	}
}

// rowsByNumber returns the row of each agreement the list shows, read from
// its number column.
func rowsByNumber(sc *agreementsScreen) map[string]int {
	at := map[string]int{}
	for i := range sc.rows {
		at[sc.cellByKey(i, "col.number")] = i
	}
	return at
}
