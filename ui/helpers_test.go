package ui

import (
	"net/url"
	"strings"
	"sync"
	"testing"
	"time"

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

var testToday = model.MustDate("28.11.2026")

// newTestUI starts the interface over an in-memory store holding the
// institution's details (so no welcome panel), in the given language. Its
// printer is a printtest.Fake with two printers, "Office" the default
// (fakePrinter returns it).
func newTestUI(t *testing.T, lang string) (*UI, *store.Store) {
	t.Helper()
	return newTestUIWith(t, lang, printtest.New("Office", "Dean's office"))
}

// newTestUIWith is newTestUI with the given fake printer.
func newTestUIWith(t *testing.T, lang string, printer *printtest.Fake) (*UI, *store.Store) {
	t.Helper()
	t.Setenv("TMPDIR", t.TempDir()) // where the documents to print go
	a := &testApp{App: test.NewTempApp(t), t: t}
	s := store.OpenMemory(store.Options{})
	in := demo.Institution()
	if err := s.SaveInstitution(&in); err != nil {
		t.Fatal(err)
	}
	w := a.NewWindow("PartnerDesk")
	w.Resize(fyne.NewSize(1280, 800))
	u := New(a, w, s, Options{Today: func() model.Date { return testToday }, Language: lang, Printer: printer,
		HasPDFViewer: func() bool { return true }})
	t.Cleanup(func() { settle(u); setLanguage("en") })
	return u, s
}

// testApp is Fyne's test app, remembering what it was asked to open in
// the system's programs.
type testApp struct {
	fyne.App
	t      testing.TB
	mu     sync.Mutex
	opened []string
}

func (a *testApp) OpenURL(u *url.URL) error {
	a.mu.Lock()
	defer a.mu.Unlock()
	a.opened = append(a.opened, u.Path)
	return nil
}

// openedPaths returns the files and folders the interface opened.
func openedPaths(u *UI) []string {
	a := u.app.(*testApp)
	a.mu.Lock()
	defer a.mu.Unlock()
	return append([]string(nil), a.opened...)
}

// fakePrinter returns the interface's fake printer.
func fakePrinter(u *UI) *printtest.Fake { return u.opts.Printer.(*printtest.Fake) }

// settleTimeout bounds settle: background work of a test finishes in
// seconds.
const settleTimeout = time.Minute

// settle waits until the work the interface started in the background
// (runLater) is done, its results shown, and fails the test when that
// takes longer than settleTimeout.
func settle(u *UI) {
	t := u.app.(*testApp).t
	t.Helper()
	storetest.WaitTimeout(t, &u.busy, settleTimeout)
}

// withDemo loads demonstration data and rebuilds the catalog.
func withDemo(t *testing.T, u *UI, s *store.Store, partners, agreements int) {
	t.Helper()
	if err := s.AddNew(demo.Generate(demo.Options{Seed: 2, Partners: partners, Agreements: agreements, Today: testToday}), 500, nil); err != nil {
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
