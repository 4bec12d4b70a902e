package ui

import (
	"strconv"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
	"github.com/partnerdesk/partnerdesk/ui/widgets"
)

// headerButtons returns the table's header buttons in column order.
func headerButtons(lt *widgets.ListTable) []*widget.Button {
	byText := map[string]*widget.Button{}
	for _, o := range test.LaidOutObjects(lt.Table) {
		if b, ok := o.(*widget.Button); ok && b.Visible() {
			byText[b.Text] = b
		}
	}
	var out []*widget.Button
	sorted, _ := lt.Sorted()
	for i, c := range lt.Cols {
		title := tr(c.Title)
		if i == sorted {
			title += " ▲"
		}
		if b := byText[title]; b != nil {
			out = append(out, b)
		}
	}
	return out
}

// In a 1,280-pixel window the agreements and partners lists need no
// horizontal scrolling and no column header runs into the next, in every
// language, also after sorting by another column.
func TestListHeadersFitAt1280(t *testing.T) {
	for _, lang := range []string{"ru", "kk", "ky", "en"} {
		u, s := newTestUI(t, lang)
		withDemo(t, u, s, 10, 30)
		for _, id := range []string{"agreements", "partners"} {
			u.goTo(id, nil)
			var lt *widgets.ListTable
			switch sc := u.currentScreen().(type) {
			case *agreementsScreen:
				lt = sc.table
			case *partnersScreen:
				lt = sc.table
			}
			for _, sortCol := range []int{0, len(lt.Cols) - 1} {
				if sorted, _ := lt.Sorted(); sortCol != sorted {
					lt.SortBy(sortCol)
				}
				checkHeaders(t, lang+" "+id, lt)
			}
		}
	}
}

func checkHeaders(t *testing.T, what string, lt *widgets.ListTable) {
	t.Helper()
	bs := headerButtons(lt)
	if len(bs) != len(lt.Cols) {
		t.Fatalf("%s: %d header buttons for %d columns", what, len(bs), len(lt.Cols))
	}
	// Header cells sit in one row, at their column's offset.
	right := lt.Table.Size().Width - theme.ScrollBarSize()
	for i, b := range bs {
		textEnd := b.Position().X + theme.InnerPadding() + fyne.MeasureText(b.Text, theme.TextSize(), fyne.TextStyle{}).Width
		next := right
		if i+1 < len(bs) {
			next = bs[i+1].Position().X
		}
		if textEnd > next {
			t.Errorf("%s: header %q ends at %.0f, past %.0f (the next column or the table's edge)", what, b.Text, textEnd, next)
		}
	}
}

// On first use the list says there is nothing yet in place of the table
// (it was drawn over the column headers); a search that finds nothing
// says so instead of showing an empty table.
func TestEmptyAndNoResultLists(t *testing.T) {
	u, s := newTestUI(t, "kk")
	u.goTo("agreements", nil)
	sc := u.currentScreen().(*agreementsScreen)
	if sc.table.Table.Visible() || !sc.empty.Box.Visible() || sc.empty.Label.Text != tr("agreements.empty") {
		t.Errorf("first use: table shown %v, hint %q", sc.table.Table.Visible(), sc.empty.Label.Text)
	}
	withDemo(t, u, s, 5, 10)
	u.goTo("partners", nil)
	u.goTo("agreements", nil)
	if !sc.table.Table.Visible() || sc.empty.Box.Visible() {
		t.Error("with agreements the hint stays")
	}
	sc.search.SetText("жоқ-мұндай-шарт")
	if sc.table.Table.Visible() || !sc.empty.Box.Visible() || sc.empty.Label.Text != tr("list.no_results") {
		t.Errorf("no result: table shown %v, hint %q", sc.table.Table.Visible(), sc.empty.Label.Text)
	}
	sc.search.SetText("")
	if !sc.table.Table.Visible() {
		t.Error("the table does not come back")
	}
}

// The editor's status line shows its whole text ("Saved at", the count
// of problems), not "…".
func TestEditorStatusReadable(t *testing.T) {
	u, _ := newTestUI(t, "ru")
	e, _ := openStored(t, u)
	e.terms.title.SetText("")
	e.terms.number.SetText("")
	fits := func(l *widget.Label) bool {
		relayout(u)
		return l.Size().Width+0.5 >= fyne.MeasureText(l.Text, theme.TextSize(), l.TextStyle).Width+2*theme.InnerPadding()
	}
	if e.problems.Text == "" || !fits(e.problems) {
		t.Errorf("the problems %q get %.0f pixels", e.problems.Text, e.problems.Size().Width)
	}
	e.terms.title.SetText("Меморандум")
	e.terms.number.SetText("СП-2026/007")
	if !e.saveNow() {
		t.Fatal("not saved")
	}
	e = u.page.(*agreementEditor)
	if e.status.Text == "" || !fits(e.status) {
		t.Errorf("the status %q gets %.0f pixels", e.status.Text, e.status.Size().Width)
	}
}

// The responsibility dialog's OK button stays put when the "required"
// message under the description comes and goes (the next click missed).
func TestResponsibilityDialogDoesNotJump(t *testing.T) {
	u, _ := newTestUI(t, "ru")
	e, _ := openStored(t, u)
	td := e.tab("tab.responsibilities").(*tasksTab).openDialog(-1)
	d := fyne.CurrentApp().Driver()
	test.Type(td.desc, "x")
	td.desc.SetText("")
	relayout(u)
	before := d.AbsolutePositionForObject(td.ok)
	if !contains(texts(topOverlay(t, u)), tr("err.required")) {
		t.Fatalf("no 'required' message: %q", texts(topOverlay(t, u)))
	}
	test.Type(td.desc, "Провести практику")
	relayout(u)
	if after := d.AbsolutePositionForObject(td.ok); after != before {
		t.Errorf("OK moved from %v to %v", before, after)
	}
}

// relayout lays the whole window out again, as the desktop driver does
// when a widget's minimum size changed (the test canvas does not).
func relayout(u *UI) {
	size := u.win.Canvas().Size()
	u.win.Resize(size.AddWidthHeight(1, 0))
	u.win.Resize(size)
}

// A new agreement counts the problems it shows, not the "required" it
// keeps quiet until the first edit.
func TestNewAgreementCountsShownProblems(t *testing.T) {
	u, _ := newTestUI(t, "ru")
	u.goTo("agreements", nil)
	u.onNew()
	e := u.page.(*agreementEditor)
	shown := 0
	for _, f := range e.fs.fields {
		if f.msg.Visible() && f.msg.Text != "" {
			shown++
		}
	}
	want := ""
	if shown > 0 {
		want = tr("msg.problems", "Count", strconv.Itoa(shown))
	}
	if e.problems.Text != want {
		t.Errorf("the status says %q with %d messages shown", e.problems.Text, shown)
	}
}
