package ui

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"github.com/partnerdesk/partnerdesk/model"
	"github.com/partnerdesk/partnerdesk/model/catalog"
	"github.com/partnerdesk/partnerdesk/model/demo"
	"github.com/partnerdesk/partnerdesk/model/store"
)

var testToday = model.MustDate("28.11.2026")

// newTestUI starts the interface over an in-memory store holding the
// institution's details (so no welcome panel), in the given language.
func newTestUI(t *testing.T, lang string) (*UI, *store.Store) {
	t.Helper()
	a := test.NewTempApp(t)
	s := store.OpenMemory(store.Options{})
	in := demo.Institution()
	if err := s.SaveInstitution(&in); err != nil {
		t.Fatal(err)
	}
	w := a.NewWindow("PartnerDesk")
	w.Resize(fyne.NewSize(1280, 800))
	u := New(a, w, s, Options{Today: func() model.Date { return testToday }, Language: lang})
	t.Cleanup(func() { setLanguage("en") })
	return u, s
}

// withDemo loads demonstration data and rebuilds the catalog.
func withDemo(t *testing.T, u *UI, s *store.Store, partners, agreements int) {
	t.Helper()
	if err := demo.Load(s, demo.Generate(demo.Options{Seed: 2, Partners: partners, Agreements: agreements, Today: testToday}), 500, nil); err != nil {
		t.Fatal(err)
	}
	if err := u.load(); err != nil {
		t.Fatal(err)
	}
}

// texts returns the text of every label, button and entry laid out in o.
func texts(o fyne.CanvasObject) []string {
	var out []string
	for _, obj := range test.LaidOutObjects(o) {
		switch w := obj.(type) {
		case *widget.Label:
			out = append(out, w.Text)
		case *widget.Button:
			out = append(out, w.Text)
		case *widget.Entry:
			out = append(out, w.Text)
		}
	}
	return out
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// overlays counts the dialogs and pop-ups on the window.
func overlays(u *UI) int { return len(u.win.Canvas().Overlays().List()) }

func catalogQuery(text string) catalog.AgreementQuery { return catalog.AgreementQuery{Text: text} }

func openMemory() *store.Store { return store.OpenMemory(store.Options{}) }

// findButton returns the laid-out button with the text, or nil.
func findButton(o fyne.CanvasObject, text string) *widget.Button {
	for _, obj := range test.LaidOutObjects(o) {
		if b, ok := obj.(*widget.Button); ok && strings.TrimSpace(b.Text) == text {
			return b
		}
	}
	return nil
}

// findEntries returns the laid-out entries in layout order.
func findEntries(o fyne.CanvasObject) []*widget.Entry {
	var out []*widget.Entry
	for _, obj := range test.LaidOutObjects(o) {
		if e, ok := obj.(*widget.Entry); ok {
			out = append(out, e)
		}
	}
	return out
}
