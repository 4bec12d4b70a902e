package ui

import (
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"github.com/partnerdesk/partnerdesk/model"
	"github.com/partnerdesk/partnerdesk/model/store/storetest"
)

// pressShortcut delivers a shortcut the way Fyne's desktop driver does
// (internal/driver/glfw/window.go, triggersShortcut): the main menu's
// items first, then the focused widget, then the canvas.
func pressShortcut(u *UI, sc fyne.Shortcut) {
	for _, m := range u.win.MainMenu().Items {
		for _, it := range m.Items {
			if it.Shortcut != nil && it.Shortcut.ShortcutName() == sc.ShortcutName() && it.Action != nil {
				it.Action()
				return
			}
		}
	}
	if f, ok := u.win.Canvas().Focused().(fyne.Shortcutable); ok {
		f.TypedShortcut(sc)
		return
	}
	u.win.Canvas().(fyne.Shortcutable).TypedShortcut(sc)
}

// pressEsc delivers Esc as the desktop driver does: to the focused widget,
// else to the canvas.
func pressEsc(u *UI) {
	ev := &fyne.KeyEvent{Name: fyne.KeyEscape}
	if f := u.win.Canvas().Focused(); f != nil {
		f.TypedKey(ev)
		return
	}
	u.win.Canvas().OnTypedKey()(ev)
}

// openStored saves a full agreement and opens it in the editor.
func openStored(t *testing.T, u *UI) (*agreementEditor, model.Agreement) {
	t.Helper()
	p := savePartner(t, u, "«Ақ Бидай» ЖШС", storetest.BIN1)
	a := storetest.FullAgreement("СП-2026/007", p.ID)
	if err := u.store.SaveAgreement(&a); err != nil {
		t.Fatal(err)
	}
	u.cat.PutAgreement(model.Summarize(&a))
	u.openAgreement(a.ID, "")
	return u.page.(*agreementEditor), a
}

// Ctrl+S saves while the cursor is in a text field, and says so when there
// is nothing to save; every shortcut is shown on a menu item.
func TestCtrlSSavesFromATextField(t *testing.T) {
	u, s := newTestUI(t, "ru")
	e, a := openStored(t, u)
	pressShortcut(u, keySave)
	if e.status.Text != tr("msg.nothing_to_save") {
		t.Errorf("Ctrl+S with nothing changed says %q", e.status.Text)
	}
	entry := e.terms.title
	u.win.Canvas().Focus(entry)
	entry.SetText("")
	test.Type(entry, "Меморандум (изм.)")
	if u.win.Canvas().Focused() != entry {
		t.Fatal("the title field lost the focus")
	}
	pressShortcut(u, keySave)
	got, err := s.Agreement(a.ID)
	if err != nil || got.Title != "Меморандум (изм.)" {
		t.Fatalf("after Ctrl+S the store holds %q (%v)", got.Title, err)
	}
	if e2 := u.page.(*agreementEditor); e2.status.Text == "" {
		t.Error("no word that it was saved")
	}
	shown := map[string]bool{}
	for _, m := range u.win.MainMenu().Items {
		for _, it := range m.Items {
			if it.Shortcut != nil {
				shown[it.Shortcut.ShortcutName()] = true
			}
		}
	}
	for _, k := range []fyne.Shortcut{keySave, keyNew, keyFind, keyPrint, keyQuit} {
		if !shown[k.ShortcutName()] {
			t.Errorf("no menu item shows %s", k.ShortcutName())
		}
	}
}

// Ctrl+Q quits, asking first about unsaved changes; Esc is that dialog's
// Cancel, once, and the editor stays with its changes.
func TestCtrlQAsksThenEscStays(t *testing.T) {
	u, _ := newTestUI(t, "ru")
	e, _ := openStored(t, u)
	test.Type(e.terms.title, "!")
	pressShortcut(u, keyQuit)
	if overlays(u) != 1 {
		t.Fatalf("%d dialogs after Ctrl+Q with unsaved changes", overlays(u))
	}
	pressEsc(u)
	if overlays(u) != 0 || u.page != e || !e.dirty() {
		t.Fatalf("after Esc: %d dialogs, editor kept %v, changes kept %v", overlays(u), u.page == e, e.dirty())
	}
}

// Choosing another screen with unsaved changes asks once; Cancel (one
// press) keeps the editor and the highlight on the screen it belongs to.
func TestUnsavedDialogCancelsOnce(t *testing.T) {
	u, _ := newTestUI(t, "ru")
	u.goTo("agreements", nil)
	e, _ := openStored(t, u)
	test.Type(e.terms.title, "!")
	u.nav.Select(u.screenByID("partners"))
	if overlays(u) != 1 {
		t.Fatalf("%d dialogs", overlays(u))
	}
	if u.current != u.screenByID("agreements") {
		t.Error("the screen changed before the user decided")
	}
	tapButton(t, topOverlay(t, u), tr("action.cancel"))
	if overlays(u) != 0 || u.page != e {
		t.Fatalf("after one Cancel: %d dialogs, editor kept %v", overlays(u), u.page == e)
	}
	// The highlight is back on Agreements: choosing it again does nothing.
	u.nav.Select(u.screenByID("agreements"))
	if overlays(u) != 0 {
		t.Error("the highlight had moved to Partners")
	}
}

// Esc closes the print dialog and the calendar, and leaves the editor
// only when nothing is open over it.
func TestEscClosesDialogsAndCalendar(t *testing.T) {
	u, _ := newTestUI(t, "kk")
	e, _ := openStored(t, u)
	u.onPrint()
	settle(u)
	if overlays(u) != 1 {
		t.Fatalf("%d dialogs after Ctrl+P", overlays(u))
	}
	pressEsc(u)
	if overlays(u) != 0 || u.page != e {
		t.Fatalf("Esc over the print dialog: %d dialogs, editor kept %v", overlays(u), u.page == e)
	}
	test.Tap(e.terms.until.ActionItem.(*widget.Button)) // the calendar button in the field
	if overlays(u) != 1 {
		t.Fatal("no calendar")
	}
	if !contains(texts(topOverlay(t, u)), "Тамыз 2028") {
		t.Errorf("the calendar shows %q, not August 2028 in Kazakh", texts(topOverlay(t, u)))
	}
	pressEsc(u)
	if overlays(u) != 0 || u.page != e {
		t.Fatalf("Esc over the calendar: %d overlays, editor kept %v", overlays(u), u.page == e)
	}
	// The partner list opens with the cursor in its search box.
	u.pickPartner(func(model.ID) {})
	if u.win.Canvas().Focused() == nil {
		t.Fatal("the partner search has no focus")
	}
	pressEsc(u)
	if overlays(u) != 0 {
		t.Fatal("Esc in the partner search did not close the list")
	}
	pressEsc(u)
	if u.page != nil {
		t.Error("Esc with nothing open did not leave the editor")
	}
}
