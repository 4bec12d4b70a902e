package ui

import (
	"fmt"
	"image/png"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"github.com/partnerdesk/partnerdesk/model"
)

// A register kept by hand, without categories, naming partners the data
// file already has under other spellings, goes through the wizard: the
// columns step asks for the values the file does not say, the preview
// lists the inferred categories and every match, one match is rejected
// and the preview made again, and the import marks the partners whose
// category was inferred "To review" — the partners list filters them,
// and saving one from its form clears the mark. The preview is captured
// (set PARTNERDESK_SHOTS to a folder to keep the picture).
func TestImportWizardHandKeptRegister(t *testing.T) {
	u, s := newTestUI(t, "ru")
	for _, p := range []model.Partner{
		{Name: "ТОО «Казцинк»", Country: "KZ", Category: model.CategoryProfessional, Relation: model.RelationReal},
		{Name: "КГУ «Школа-гимназия № 5»", Country: "KZ", Category: model.CategoryEducational, Relation: model.RelationReal},
	} {
		if err := s.SavePartner(&p); err != nil {
			t.Fatal(err)
		}
	}
	if err := u.load(); err != nil {
		t.Fatal(err)
	}
	u.goTo("reports", nil)
	u.startImport(filepath.Join("..", "reports", "excel", "testdata", "corpus", "ru_name_matching.xlsx"), false)
	settle(u)
	w, ok := u.page.(*importWizard)
	if !ok {
		t.Fatalf("the wizard did not open: %T", u.page)
	}
	all := strings.Join(texts(w.root), "\n")
	for _, want := range []string{"Категория партнёров", "Если по названию не понять", "Вид договоров"} {
		if !strings.Contains(all, want) {
			t.Fatalf("the columns step does not ask for %q:\n%s", want, all)
		}
	}
	test.Tap(w.next)
	settle(u)
	if w.plan_ == nil || len(w.plan_.Matches) != 2 {
		t.Fatalf("preview: %+v", w.plan_)
	}
	keepShot(t, u, "import-preview-ru.png")
	tabs := findTabs(w.root)
	if tabs == nil || len(tabs.Items) != 3 || tabs.Items[1].Text != "Совпадения (2)" || tabs.Items[2].Text != "Новые партнёры (3)" {
		t.Fatalf("no tabs of matches and new partners: %v", texts(w.root))
	}
	// The inferred categories are warnings, not errors, and the tab says so.
	errs := w.plan_.Errors()
	warns := len(w.plan_.Problems) - errs
	if want := fmt.Sprintf("Ошибки: %d · предупреждения: %d", errs, warns); warns == 0 || tabs.Items[0].Text != want {
		t.Errorf("problems tab %q, want %q", tabs.Items[0].Text, want)
	}
	tabs.SelectIndex(1)
	var reject *widget.Check
	for _, o := range test.LaidOutObjects(tabs) {
		if c, ok := o.(*widget.Check); ok && reject == nil {
			reject = c // the first match: «Казцинк ТОО» (by name)
		}
	}
	if reject == nil {
		t.Fatalf("no way to reject a match: %v", texts(tabs))
	}
	test.Tap(reject)
	test.Tap(findButton(w.root, "Проверить снова"))
	settle(u)
	if n := len(w.plan_.Matches); n != 1 || w.plan_.PartnerCounts().Add != 4 {
		t.Fatalf("after rejecting a match: %d matches, partners %+v", n, w.plan_.PartnerCounts())
	}
	test.Tap(findButton(w.root, "Импортировать договоры: 7"))
	settle(u)
	ps, _ := s.Partners()
	review := 0
	for _, p := range ps {
		if p.Review {
			review++
		}
	}
	if len(ps) != 6 || review != 4 {
		t.Fatalf("%d partners, %d to review, want 6 and 4", len(ps), review)
	}
	u.goTo("partners", nil)
	scr := u.currentScreen().(*partnersScreen)
	test.Tap(scr.review)
	if len(scr.rows) != 4 {
		t.Fatalf("the «Проверить» filter shows %d partners, want 4", len(scr.rows))
	}
	u.openPartner(scr.rows[0].ID)
	f := u.page.(*partnerForm)
	if !f.saveNow() {
		t.Fatal("the partner could not be saved")
	}
	if p, _ := s.Partner(f.orig.ID); p.Review {
		t.Error("saving the partner did not clear «Проверить»")
	}
}

func findTabs(root fyne.CanvasObject) *container.AppTabs {
	for _, obj := range test.LaidOutObjects(root) {
		if t, ok := obj.(*container.AppTabs); ok {
			return t
		}
	}
	return nil
}

// keepShot captures the window; with PARTNERDESK_SHOTS set it keeps the PNG
// there.
func keepShot(t *testing.T, u *UI, name string) {
	t.Helper()
	img := u.win.Canvas().Capture()
	if img.Bounds().Dx() < 100 {
		t.Fatalf("empty capture: %v", img.Bounds())
	}
	dir := os.Getenv("PARTNERDESK_SHOTS")
	if dir == "" {
		dir = t.TempDir()
	}
	f, err := os.Create(filepath.Join(dir, name))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if err := png.Encode(f, img); err != nil {
		t.Fatal(err)
	}
}
