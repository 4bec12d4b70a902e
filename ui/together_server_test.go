package ui

import (
	"runtime"
	"slices"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"github.com/partnerdesk/partnerdesk/model"
	"github.com/partnerdesk/partnerdesk/model/catalog"
	"github.com/partnerdesk/partnerdesk/model/demo"
	"github.com/partnerdesk/partnerdesk/model/store"
	"github.com/partnerdesk/partnerdesk/model/store/pgtest"
	"github.com/partnerdesk/partnerdesk/model/store/storetest"
	"github.com/partnerdesk/partnerdesk/reports/printing/printtest"
)

// liveDeadline is how long a change by one client may take to show in
// another's list ("within a few seconds"; the debounce is under one).
const liveDeadline = 10 * time.Second

// client is one person's PartnerDesk on the university's server. The
// server's changes reach its screens through posted, run by pump on the
// test's goroutine as the real main loop would run them.
type client struct {
	u      *UI
	posted chan func()
	closed bool
}

// newClient opens the interface over the server as login.
func newClient(t *testing.T, a *testApp, db *pgtest.DB, login, lang string) *client {
	t.Helper()
	st := db.Open(t, login, store.Options{})
	c := &client{posted: make(chan func(), 256)}
	w := a.NewWindow("PartnerDesk")
	w.Resize(fyne.NewSize(1280, 800))
	c.u = New(a, w, st, Options{Today: func() model.Date { return testToday }, Language: lang, Printer: printtest.New("Office"),
		HasPDFViewer: func() bool { return true }, OnUI: func(f func()) { c.posted <- f }})
	t.Cleanup(c.close)
	return c
}

// close closes the client's window (once) and waits for its subscription
// to end.
func (c *client) close() {
	if c.closed {
		return
	}
	c.closed = true
	settle(c.u)
	c.u.win.Close()
	storetest.WaitTimeout(c.u.app.(*testApp).t, &c.u.watching, 30*time.Second)
}

// pump runs the server's changes on the interface until ok holds, and
// fails when that takes longer than liveDeadline; it returns how long.
func (c *client) pump(t *testing.T, what string, ok func() bool) time.Duration {
	t.Helper()
	start := time.Now()
	deadline := time.NewTimer(liveDeadline)
	defer deadline.Stop()
	for !ok() {
		select {
		case f := <-c.posted:
			f()
			settle(c.u)
		case <-deadline.C:
			t.Fatalf("%s: not within %v", what, liveDeadline)
		}
	}
	return time.Since(start)
}

// serverWithData is a fresh database holding the institution, partners
// and agreements, and its office person.
func serverWithData(t *testing.T, agreements int) *pgtest.DB {
	t.Helper()
	db := pgtest.Need(t).NewDB(t, store.NumbersPerUniversity)
	db.AddPerson(t, "aigerim", "office", store.RoleOffice)
	db.AddPerson(t, "bakyt", "office", store.RoleOffice)
	office := db.Open(t, "office", store.Options{})
	if err := office.AddNew(demo.Generate(demo.Options{Seed: 5, Partners: 12, Agreements: agreements, Today: testToday}), 100, nil); err != nil {
		t.Fatal(err)
	}
	return db
}

// Two clients on one server edit the same agreement: the second save is
// refused, the comparison shows both values, and the fields chosen are
// saved as one merged record.
func TestTwoClientsCompareOnServer(t *testing.T) {
	db := serverWithData(t, 5)
	a := &testApp{App: test.NewTempApp(t), t: t}
	t.Setenv("TMPDIR", t.TempDir())
	c1, c2 := newClient(t, a, db, "aigerim", "en"), newClient(t, a, db, "bakyt", "en")
	sums, _ := c1.u.store.Summaries()
	id := sums[0].ID
	e1, e2 := editorOf(t, c1.u, id), editorOf(t, c2.u, id)

	typeOver(e1.terms.title, "Title by Aigerim")
	typeOver(e1.terms.notes, "Notes by Aigerim")
	if !e1.saveNow() {
		t.Fatal("the first save was refused")
	}
	typeOver(e2.terms.title, "Title by Bakyt")
	typeOver(e2.terms.place, "Бишкек")
	if e2.saveNow() {
		t.Fatal("the second save went over the first")
	}
	dlg := topOverlay(t, c2.u)
	if got := strings.Join(texts(dlg), "\n"); !strings.Contains(got, db.Login("aigerim")+" saved this agreement at") {
		t.Fatalf("the conflict dialog does not say who saved first:\n%s", got)
	}
	tapButton(t, dlg, tr("together.compare"))
	settle(c2.u)
	cmp := topOverlay(t, c2.u)
	if got := strings.Join(texts(cmp), "\n"); !strings.Contains(got, "Their version ("+db.Login("aigerim")+")") {
		t.Errorf("the comparison does not name them:\n%s", got)
	}
	rows := compareRows(cmp)
	if r := rows[tr("field.title")]; r != [2]string{"Title by Aigerim", "Title by Bakyt"} {
		t.Errorf("title row %q; all rows %q", r, rows)
	}
	if r := rows[tr("field.place")]; r[1] != "Бишкек" {
		t.Errorf("place row %q", r)
	}
	if r := rows[tr("field.notes")]; r[0] != "Notes by Aigerim" {
		t.Errorf("notes row %q", r)
	}
	chooseIn(t, cmp, tr("field.title"), tr("together.take_theirs"))
	tapButton(t, cmp, tr("together.save_merged"))
	settle(c2.u)
	stored, err := db.Open(t, "office", store.Options{}).Agreement(id)
	if err != nil {
		t.Fatal(err)
	}
	if stored.Title != "Title by Aigerim" || stored.Notes != "Notes by Aigerim" || stored.Place != "Бишкек" {
		t.Errorf("merged record: title %q, notes %q, place %q", stored.Title, stored.Notes, stored.Place)
	}
	h, _ := c2.u.store.History(model.EntityAgreement, id)
	if last := h[len(h)-1]; last.User != db.Login("bakyt") {
		t.Errorf("the merged save is by %q", last.User)
	}

	// The first client's editor is told, with a Reload that shows the merge.
	c1.pump(t, "the banner in the first editor", func() bool {
		e, _ := c1.u.page.(*agreementEditor)
		return e != nil && e.notice.text != nil && strings.Contains(e.notice.text.Text, "Changed by "+db.Login("bakyt"))
	})
	tapButton(t, c1.u.page.view(), tr("together.reload"))
	if e := c1.u.page.(*agreementEditor); e.terms.place.Text != "Бишкек" || e.orig.Rev != stored.Rev {
		t.Errorf("reloaded: place %q, rev %d (stored %d)", e.terms.place.Text, e.orig.Rev, stored.Rev)
	}
}

// A change by one client appears in the other's list within seconds,
// where that list stands (its scroll and filters kept); closing the
// windows ends the subscriptions, leaving no goroutine behind.
func TestListFollowsOtherClient(t *testing.T) {
	db := serverWithData(t, 60)
	a := &testApp{App: test.NewTempApp(t), t: t}
	t.Setenv("TMPDIR", t.TempDir())
	before := goroutinesIn(0, "ui.(*UI).watch", "(*pgBackend).deliver")
	c1, c2 := newClient(t, a, db, "aigerim", "en"), newClient(t, a, db, "bakyt", "en")
	c2.u.goTo("agreements", nil)
	list := c2.u.currentScreen().(*agreementsScreen)
	row := len(list.rows) - 3
	target := list.rows[row]
	relayout(c2.u)
	list.table.Table.ScrollTo(widget.TableCellID{Row: row, Col: 0})
	first := list.rows[0].Number
	if shown := drawnTexts(list.table.Table); !contains(shown, target.Number) || contains(shown, first) {
		t.Fatalf("the list did not scroll to %s: it shows %q", target.Number, shown)
	}

	e := editorOf(t, c1.u, target.ID)
	typeOver(e.terms.title, "Renamed by Aigerim")
	saved := time.Now()
	if !e.saveNow() {
		t.Fatal("save refused")
	}
	c2.pump(t, "the new title in the other list", func() bool {
		return contains(drawnTexts(list.table.Table), "Renamed by Aigerim")
	})
	t.Logf("the change showed in the other list %v after the save began", time.Since(saved).Round(time.Millisecond))
	if shown := drawnTexts(list.table.Table); !contains(shown, target.Number) || contains(shown, first) {
		t.Errorf("the list did not stay where it was scrolled to: it shows %q", shown)
	}

	// New agreements count too.
	p, _ := c1.u.store.Partners()
	n := storetest.FullAgreement("LIVE-1", p[0].ID)
	if err := c1.u.store.SaveAgreement(&n); err != nil {
		t.Fatal(err)
	}
	c2.pump(t, "the new agreement in the count", func() bool {
		return strings.Contains(list.count.Text, "61")
	})

	// And the partners list.
	c2.u.goTo("partners", nil)
	partners := c2.u.currentScreen().(*partnersScreen)
	np := storetest.FullPartner("ТОО «Жаңа серіктес»", storetest.BIN2)
	if err := c1.u.store.SavePartner(&np); err != nil {
		t.Fatal(err)
	}
	c2.pump(t, "the new partner in the other list", func() bool {
		return slices.ContainsFunc(partners.rows, func(p *catalog.Partner) bool { return p.ID == np.ID })
	})

	// An open partner form is told when the partner changes elsewhere.
	c2.u.openPartner(np.ID)
	np.City = "Шымкент"
	if err := c1.u.store.SavePartner(&np); err != nil {
		t.Fatal(err)
	}
	c2.pump(t, "the banner over the partner form", func() bool {
		f, _ := c2.u.page.(*partnerForm)
		return f != nil && f.notice.text != nil && strings.Contains(f.notice.text.Text, "Changed by "+db.Login("aigerim"))
	})
	tapButton(t, c2.u.page.view(), tr("together.reload"))
	if f := c2.u.page.(*partnerForm); f.city.Text != "Шымкент" {
		t.Errorf("reloaded partner's city: %q", f.city.Text)
	}

	c1.close()
	c2.close()
	if left := goroutinesIn(len(before), "ui.(*UI).watch", "(*pgBackend).deliver"); len(left) > len(before) {
		t.Errorf("after the windows closed:\n%s", strings.Join(left, "\n\n"))
	}
}

// drawnTexts returns the texts of the labels drawn in o, as its renderers
// hold them (a table's cells for the rows on screen).
func drawnTexts(o fyne.CanvasObject) []string {
	var out []string
	var walk func(fyne.CanvasObject)
	walk = func(o fyne.CanvasObject) {
		if !o.Visible() {
			return
		}
		switch w := o.(type) {
		case *widget.Label:
			out = append(out, w.Text)
		case fyne.Widget:
			for _, c := range test.WidgetRenderer(w).Objects() {
				walk(c)
			}
		case *fyne.Container:
			for _, c := range w.Objects {
				walk(c)
			}
		}
	}
	walk(o)
	return out
}

// goroutinesIn returns the stacks of the goroutines running any of the
// functions, waiting up to ten seconds for no more than want of them.
func goroutinesIn(want int, funcs ...string) []string {
	deadline := time.Now().Add(10 * time.Second)
	for {
		buf := make([]byte, 1<<20)
		buf = buf[:runtime.Stack(buf, true)]
		var found []string
		for _, g := range strings.Split(string(buf), "\n\n") {
			for _, f := range funcs {
				if strings.Contains(g, f) {
					found = append(found, g)
					break
				}
			}
		}
		if len(found) <= want || time.Now().After(deadline) {
			return found
		}
		time.Sleep(50 * time.Millisecond)
	}
}

// The server stops while a secretary saves: she is told plainly that the
// agreement is not saved yet, everything she typed stays, no dialog gets in
// her way, and once the server is back "Try now" saves it — once.
func TestServerLostDuringSave(t *testing.T) {
	db := serverWithData(t, 5)
	a := &testApp{App: test.NewTempApp(t), t: t}
	c := newClient(t, a, db, "aigerim", "en")
	sums, _ := c.u.store.Summaries()
	id := sums[0].ID
	before, err := c.u.store.History(model.EntityAgreement, id)
	if err != nil {
		t.Fatal(err)
	}
	// The automatic attempts wait longer than the test: only "Try now"
	// can save.
	defer func(d []time.Duration) { retryDelays = d }(retryDelays)
	retryDelays = []time.Duration{time.Hour}
	e := editorOf(t, c.u, id)
	const typed = "Title typed while the server was down"
	typeOver(e.terms.title, typed)

	if err := db.S.Kill(); err != nil {
		t.Fatal(err)
	}
	running := false
	t.Cleanup(func() {
		if !running {
			db.S.Restart()
		}
	})
	if e.saveNow() {
		t.Fatal("a save with the server stopped reported success")
	}
	if e.notice.text == nil || !strings.Contains(e.notice.text.Text, "cannot be reached") {
		t.Fatalf("no plain word of the lost server: %q", texts(e.view()))
	}
	if overlays(c.u) != 0 {
		t.Errorf("a dialog covers the editor: %q", texts(topOverlay(t, c.u)))
	}
	if c.u.page != e || e.terms.title.Text != typed {
		t.Fatalf("what was typed is gone: page %T, title %q", c.u.page, e.terms.title.Text)
	}

	if err := db.S.Restart(); err != nil {
		t.Fatal(err)
	}
	running = true
	tapButton(t, e.view(), tr("together.try_now"))
	settle(c.u)
	saved, ok := c.u.page.(*agreementEditor)
	if !ok || saved.dirty() || saved.terms.title.Text != typed {
		t.Fatalf("after Try now: page %T, notice %q", c.u.page, texts(c.u.page.view()))
	}
	stored, err := db.Open(t, "office", store.Options{}).Agreement(id)
	if err != nil {
		t.Fatal(err)
	}
	if stored.Title != typed {
		t.Errorf("stored title %q, want %q", stored.Title, typed)
	}
	after, _ := db.Open(t, "office", store.Options{}).History(model.EntityAgreement, id)
	if added := after[len(before):]; len(added) != 1 || added[0].Action != model.ActionUpdated || added[0].User != db.Login("aigerim") {
		t.Errorf("history after one save: %d new entries %+v", len(added), added)
	}
}
