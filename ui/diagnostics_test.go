package ui

import (
	"image"
	"image/color"
	"image/png"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"github.com/partnerdesk/partnerdesk/model"
	"github.com/partnerdesk/partnerdesk/model/demo"
	"github.com/partnerdesk/partnerdesk/model/store"
)

// openPaperRound stores the paper's round, shows the Diagnostics screen and
// opens the round from its list.
func openPaperRound(t *testing.T, lang string) (*UI, *store.Store, *roundEditor) {
	t.Helper()
	u, s := newTestUI(t, lang)
	r := demo.PaperRound(model.NewDate(2023, 12, 15))
	if err := s.SaveRound(&r); err != nil {
		t.Fatal(err)
	}
	u.goTo("diagnostics", nil)
	sc := u.currentScreen().(*diagnosticsScreen)
	if sc.list == nil || sc.list.Length() != 1 {
		t.Fatal("the list does not show the stored round")
	}
	row := sc.newRow().(*roundRow)
	sc.updateRow(0, row)
	if row.title.Text != "Формирующий этап эксперимента (Таблица 1 статьи)" || row.groups.Text != "EG 50, CG 50" || row.stage.Text != label(model.StageFormative) || row.date.Text != "15.12.2023" {
		t.Errorf("list row: %q %q %q %q", row.date.Text, row.stage.Text, row.groups.Text, row.title.Text)
	}
	sc.list.Select(0)
	e, ok := u.page.(*roundEditor)
	if !ok {
		t.Fatal("selecting the round opened no editor")
	}
	return u, s, e
}

// The Diagnostics screen shows the paper's Table 1 cell for cell, in the
// paper's layout.
func TestDiagnosticsTable1OnScreen(t *testing.T) {
	_, _, e := openPaperRound(t, "ru")
	e.showTab(tabTable1)
	got := texts(e.views[tabTable1])
	want := [][]string{
		{"Профессиональные знания", "30", "30", "28", "27", "37", "38"},
		{"Социально-психологические знания", "35", "35", "32", "31", "40", "40"},
		{"Общекультурные знания", "20", "22", "21", "22", "11", "11"},
		{"Предметные знания", "15", "13", "19", "20", "12", "11"},
	}
	for _, row := range want {
		i := slices.Index(got, row[0])
		if i < 0 || !slices.Equal(got[i:i+7], row) {
			t.Errorf("row %q on screen: %q", row[0], got[max(i, 0):min(max(i, 0)+7, len(got))])
		}
	}
	for _, h := range []string{"Фрагментарные знания", "Полные знания", "Обобщённые знания", "EG, %", "CG, %", "Отдельные сведения, не связанные между собой и с практикой."} {
		if !contains(got, h) {
			t.Errorf("no heading %q", h)
		}
	}
	e.showTab(tabTests)
	tests := strings.Join(texts(e.views[tabTests]), "\n")
	if !strings.Contains(tests, "«Предметные знания» статистически не значимо (p = 0,920)") || !strings.Contains(tests, "не дают в сумме её 50 студентов") {
		t.Errorf("tests tab:\n%s", tests)
	}
	e.showTab(tabChart)
	if got := texts(e.views[tabChart]); !contains(got, "Обобщённые знания, CG") || !contains(got, "Предметные знания") {
		t.Errorf("chart legend: %q", got)
	}

}

// A new round typed in as counts is saved to the store; percentages come
// from the numbers; a bad number is refused with the field named.
func TestDiagnosticsNewRound(t *testing.T) {
	u, s := newTestUI(t, "en")
	u.goTo("diagnostics", nil)
	test.Tap(findButton(u.content, "New round"))
	e, ok := u.page.(*roundEditor)
	if !ok {
		t.Fatal("no editor")
	}
	entries := findEntries(e.root)
	test.Type(entries[0], "Entry test, 2nd year")
	e.tabs.SelectIndex(1)
	e.r.Groups[0].Students, e.r.Groups[1].Students = 10, 10
	e.fillGroups()
	grid := findEntries(e.groups)
	// Per group: name, students, then 4×3 counts.
	if len(grid) != 2*(2+12) {
		t.Fatalf("%d entries in the groups tab", len(grid))
	}
	for i, v := range []string{"2", "3", "5"} {
		grid[2+i].SetText(v)
	}
	e.showTab(tabByIndicator)
	if got := texts(e.views[tabByIndicator]); !contains(got, "20") || !contains(got, "30") || !contains(got, "50") {
		t.Errorf("by indicator: %q", got)
	}
	grid[1].SetText("0") // no students
	if e.save() {
		t.Fatal("a group of 0 students was saved")
	}
	if overlays(u) == 0 {
		t.Error("no message about the problem")
	}
	grid[1].SetText("10")
	if !e.save() {
		t.Fatal("the round was not saved")
	}
	rounds, _ := s.Rounds()
	if len(rounds) != 1 || rounds[0].Title != "Entry test, 2nd year" || rounds[0].Groups[0].Counts[0][2] != 5 {
		t.Fatalf("stored %+v", rounds)
	}
	if e.dirty() {
		t.Error("dirty right after saving")
	}
}

// The change tab compares the demo's control round with its ascertaining
// round, group by group.
func TestDiagnosticsChange(t *testing.T) {
	u, s := newTestUI(t, "en")
	for _, r := range demo.Rounds(1, testToday, nil) {
		if err := s.SaveRound(&r); err != nil {
			t.Fatal(err)
		}
	}
	u.goTo("diagnostics", nil)
	sc := u.currentScreen().(*diagnosticsScreen)
	sc.list.Select(2)
	e := u.page.(*roundEditor)
	e.showTab(tabChange)
	got := strings.Join(texts(e.views[tabChange]), "\n")
	if !strings.Contains(got, "Change of EG from") || !strings.Contains(got, "Change, p.p.") || !strings.Contains(got, "The change in “Professional knowledge”") {
		t.Errorf("change tab:\n%s", got)
	}
}

// Screenshots of the Diagnostics screen with the paper's data: every view
// draws something (not a blank window). With PARTNERDESK_SHOTS=dir the
// PNGs are kept there for the documentation:
// PARTNERDESK_SHOTS=docs go test -run Screenshots ./ui
func TestDiagnosticsScreenshots(t *testing.T) {
	dir := os.Getenv("PARTNERDESK_SHOTS")
	if dir == "" {
		dir = t.TempDir()
	}
	for _, lang := range []string{"ru", "kk"} {
		u, _, e := openPaperRound(t, lang)
		u.win.Resize(fyne.NewSize(1280, 860))
		for _, tab := range []string{tabRound, tabResults, tabTable1, tabChart, tabTests} {
			e.showTab(tab)
			img := u.win.Canvas().Capture()
			if img.Bounds().Dx() < 1280 || colours(img) < 8 {
				t.Errorf("%s %s: a blank or tiny capture (%v, %d colours)", lang, tab, img.Bounds(), colours(img))
			}
			f, err := os.Create(filepath.Join(dir, "diagnostics-"+tab+"-"+lang+".png"))
			if err != nil {
				t.Fatal(err)
			}
			if err := png.Encode(f, img); err != nil {
				t.Fatal(err)
			}
			f.Close()
		}
	}
}

// colours counts the distinct colours of an image, up to 64.
func colours(img image.Image) int {
	seen := map[color.Color]bool{}
	b := img.Bounds()
	for y := b.Min.Y; y < b.Max.Y && len(seen) < 64; y += 7 {
		for x := b.Min.X; x < b.Max.X && len(seen) < 64; x += 7 {
			seen[img.At(x, y)] = true
		}
	}
	return len(seen)
}

// The institution's indicators and levels are edited and saved; new rounds
// use them.
func TestDiagnosticsScaleEditor(t *testing.T) {
	u, s := newTestUI(t, "en")
	u.goTo("diagnostics", nil)
	test.Tap(findButton(u.content, "Indicators and levels…"))
	e, ok := u.page.(*scaleEditor)
	if !ok {
		t.Fatal("no scale editor")
	}
	test.Tap(findButton(e.root, "Add level"))
	entries := findEntries(e.root)
	// The last item's entries: code, then name and definition per language.
	last := entries[len(entries)-9:]
	test.Type(last[0], "creative")
	test.Type(last[1], "Творческие знания")
	if !e.dirty() {
		t.Error("not dirty after typing")
	}
	if !e.save() {
		t.Fatal("not saved")
	}
	sc, _ := s.DiagnosticScale()
	if len(sc.Levels) != 4 || sc.Levels[3].Code != "creative" || sc.Levels[3].Names.RU != "Творческие знания" {
		t.Fatalf("stored scale %+v", sc.Levels)
	}
	u.back()
	test.Tap(findButton(u.content, "New round"))
	if r := u.page.(*roundEditor).r; len(r.Scale.Levels) != 4 || len(r.Groups[0].Counts[0]) != 4 {
		t.Errorf("a new round has %d levels", len(r.Scale.Levels))
	}
	// A bad code is refused with a message.
	test.Tap(findButton(u.content, "All rounds"))
	u.goTo("diagnostics", nil)
	test.Tap(findButton(u.content, "Indicators and levels…"))
	e = u.page.(*scaleEditor)
	e.sc.Levels[0].Code = "Bad code"
	if e.save() || overlays(u) == 0 {
		t.Error("a bad code was saved silently")
	}
}

// Options.Start opens a round on a tab (for screenshots of the real app).
func TestDiagnosticsStart(t *testing.T) {
	a := test.NewTempApp(t)
	s := store.OpenMemory(store.Options{})
	in := demo.Institution()
	r := demo.PaperRound(model.NewDate(2023, 12, 15))
	if err := s.SaveInstitution(&in); err != nil || s.SaveRound(&r) != nil {
		t.Fatal(err)
	}
	w := a.NewWindow("PartnerDesk")
	u := New(a, w, s, Options{Today: func() model.Date { return testToday }, Language: "en", Start: "diagnostics:" + r.ID.String() + ":chart"})
	t.Cleanup(func() { u.busy.Wait(); setLanguage("en") })
	e, ok := u.page.(*roundEditor)
	if !ok || roundTabs[e.tabs.SelectedIndex()] != tabChart {
		t.Fatalf("Start did not open the round's chart: %T", u.page)
	}
}
