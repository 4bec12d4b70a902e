package ui

import (
	"image/png"
	"os"
	"path/filepath"
	"slices"
	"testing"

	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"
)

// layoutSelect returns the select of register layouts on the Reports
// screen.
func layoutSelect(t *testing.T, u *UI) *widget.Select {
	t.Helper()
	for _, obj := range test.LaidOutObjects(u.win.Content()) {
		if s, ok := obj.(*widget.Select); ok && slices.Contains(s.Options, "Базы практики") {
			return s
		}
	}
	t.Fatalf("no layout picker on the Reports screen: %v", texts(u.win.Content()))
	return nil
}

// TestLayoutPickerAndEditor picks a preset (its line says what it is
// for), then makes a layout of one's own in the editor and finds it saved
// and chosen.
func TestLayoutPickerAndEditor(t *testing.T) {
	u, s := newTestUI(t, "ru")
	u.goTo("reports", nil)
	sel := layoutSelect(t, u)
	if want := []string{"Полный реестр", "Базы практики", "Дуальное обучение", "Меморандумы и соглашения о сотрудничестве"}; !slices.Equal(sel.Options, want) {
		t.Fatalf("layouts offered: %q, want %q", sel.Options, want)
	}
	sel.SetSelectedIndex(2)
	if all := texts(u.win.Content()); !contains(all, tr("layout.desc.dual-training")) {
		t.Errorf("no description of the dual-training layout: %v", all)
	}
	snap(u, "reports-layouts.png")
	test.Tap(findButton(u.win.Content(), tr("ui.layout.edit")))
	snap(u, "layout-editor.png")
	top := u.win.Canvas().Overlays().Top()
	if top == nil {
		t.Fatal("the editor did not open")
	}
	entries := findEntries(top)
	test.Type(entries[0], "Для декана")
	test.Tap(findButton(top, tr("ui.layout.save")))
	list, err := s.RegisterLayouts()
	if err != nil || len(list) != 1 || list[0].Name != "Для декана" || len(list[0].Columns) != 9 || list[0].Columns[1] != "partners" {
		t.Fatalf("saved: %+v %v", list, err)
	}
	sel = layoutSelect(t, u)
	if sel.Selected != "Для декана" {
		t.Errorf("the saved layout is not chosen: %q of %q", sel.Selected, sel.Options)
	}
}

// snap saves the window as a PNG in $LAYOUT_PNG_DIR, when set, to be
// looked at.
func snap(u *UI, name string) {
	dir := os.Getenv("LAYOUT_PNG_DIR")
	if dir == "" {
		return
	}
	if f, err := os.Create(filepath.Join(dir, name)); err == nil {
		_ = png.Encode(f, u.win.Canvas().Capture())
		f.Close()
	}
}
