package widgets

import (
	"encoding/json"
	"maps"
	"slices"
	"strconv"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"github.com/partnerdesk/partnerdesk/assets"
	"github.com/partnerdesk/partnerdesk/model"
)

// useLanguage registers the embedded strings of code under every locale
// the test driver could pick, as the application does.
func useLanguage(t *testing.T, code string) {
	t.Helper()
	tables, err := assets.Tables()
	if err != nil {
		t.Fatal(err)
	}
	merged := maps.Clone(tables["en"])
	maps.Copy(merged, tables[code])
	data, err := json.Marshal(merged)
	if err != nil {
		t.Fatal(err)
	}
	for _, loc := range []fyne.Locale{"en", "ru", "kk", "ky", lang.SystemLocale(), fyne.Locale(lang.SystemLocale().LanguageString())} {
		if err := lang.AddTranslationsForLocale(data, loc); err != nil {
			t.Fatal(err)
		}
	}
}

// texts lists the texts of the labels and buttons under o.
func texts(o fyne.CanvasObject) []string {
	var out []string
	for _, c := range test.LaidOutObjects(o) {
		switch w := c.(type) {
		case *widget.Label:
			out = append(out, w.Text)
		case *widget.Button:
			out = append(out, w.Text)
		}
	}
	return out
}

// A tap on a header sorts by its column, a second tap reverses the order,
// and the arrow follows; a tapped row opens its record.
func TestListTableSortsAndOpens(t *testing.T) {
	test.NewTempApp(t)
	useLanguage(t, "ru")
	rows := []string{"Бета", "Альфа", "Гамма"}
	lt := NewListTable([]Column{{Title: "col.name", Width: 200, Long: true}, {Title: "col.status", Width: 100, Cut: true}},
		func() int { return len(rows) }, func(row, col int) string { return rows[row] + strconv.Itoa(col) })
	var sorts []string
	lt.OnSort = func(col int, desc bool) { sorts = append(sorts, strconv.Itoa(col)+strconv.FormatBool(desc)) }
	opened := -1
	lt.OnOpen = func(row int) { opened = row }
	root, empty := ListLayout("nav.agreements", widget.NewEntry(), nil, nil, "agreements.empty", lt)
	w := test.NewWindow(root)
	defer w.Close()
	w.Resize(fyne.NewSize(600, 400))

	if !slices.Contains(texts(lt.Table), lang.L("col.name")+" ▲") {
		t.Fatalf("no ascending arrow on the first column: %q", texts(lt.Table))
	}
	lt.SortBy(1)
	lt.SortBy(1)
	if col, desc := lt.Sorted(); col != 1 || !desc {
		t.Errorf("two taps on the status header: sorted by %d desc %v, want 1 desc", col, desc)
	}
	if want := []string{"1false", "1true"}; len(sorts) != 2 || sorts[0] != want[0] || sorts[1] != want[1] {
		t.Errorf("OnSort calls %q, want %q", sorts, want)
	}
	if !slices.Contains(texts(lt.Table), lang.L("col.status")+" ▼") {
		t.Errorf("no descending arrow on the status header: %q", texts(lt.Table))
	}
	lt.Table.Select(widget.TableCellID{Row: 2, Col: 0})
	if opened != 2 {
		t.Errorf("tapping row 2 opened %d", opened)
	}

	count := widget.NewLabel("")
	lt.ReloadCounted(3, 3, count, empty)
	if count.Text != "3 из 3" || empty.Box.Visible() || !lt.Table.Visible() {
		t.Errorf("3 of 3: count %q, hint shown %v, table shown %v", count.Text, empty.Box.Visible(), lt.Table.Visible())
	}
	lt.ReloadCounted(0, 3, count, empty)
	if empty.Label.Text != lang.L("list.no_results") || !empty.Box.Visible() || lt.Table.Visible() {
		t.Errorf("none found: hint %q shown %v, table shown %v", empty.Label.Text, empty.Box.Visible(), lt.Table.Visible())
	}
	lt.ReloadCounted(0, 0, count, empty)
	if empty.Label.Text != lang.L("agreements.empty") {
		t.Errorf("first use: hint %q", empty.Label.Text)
	}
}

// Long columns share the width left over; the others keep theirs.
func TestListTableFitsWidth(t *testing.T) {
	test.NewTempApp(t)
	lt := NewListTable([]Column{{Title: "col.name", Width: 300, Long: true}, {Title: "col.region", Width: 100, Long: true},
		{Title: "col.country", Width: 60}}, func() int { return 0 }, func(int, int) string { return "" })
	ws := lt.fitWidths(1000)
	if ws[2] < 60 {
		t.Errorf("the fixed column shrank to %.0f", ws[2])
	}
	if ws[0] <= ws[1] || ws[0]/ws[1] < 2.5 || ws[0]/ws[1] > 3.5 {
		t.Errorf("long columns %.0f and %.0f do not share the rest 3:1", ws[0], ws[1])
	}
	if sum := ws[0] + ws[1] + ws[2]; sum > 1000 {
		t.Errorf("columns %.0f wide in a 1000-pixel table", sum)
	}
}

// The calendar shows the month in the interface language; a tapped day
// fills the field; text that is not a date names its problem.
func TestDateEntryCalendar(t *testing.T) {
	test.NewTempApp(t)
	useLanguage(t, "kk")
	today := model.NewDate(2028, 8, 14)
	e := NewDateEntry(func() model.Date { return today }, nil)
	var closeCalendar func()
	e.OnCalendar = func(_ fyne.CanvasObject, close func()) { closeCalendar = close }
	w := test.NewWindow(container.NewVBox(e))
	defer w.Close()
	w.Resize(fyne.NewSize(400, 500))

	test.Tap(e.ActionItem.(*widget.Button))
	top := w.Canvas().Overlays().Top()
	if top == nil || closeCalendar == nil {
		t.Fatal("the calendar button opened nothing")
	}
	shown := texts(top)
	if !slices.Contains(shown, "Тамыз 2028") || !slices.Contains(shown, lang.L("cal.wd.1")) {
		t.Fatalf("the calendar shows %q, not August 2028 in Kazakh", shown)
	}
	for _, o := range test.LaidOutObjects(top) {
		if b, ok := o.(*widget.Button); ok && b.Text == "21" {
			test.Tap(b)
			break
		}
	}
	if e.Text != "21.08.2028" || e.Date() != model.NewDate(2028, 8, 21) {
		t.Errorf("tapping the 21st gave %q", e.Text)
	}
	if w.Canvas().Overlays().Top() != nil {
		t.Error("the calendar stayed open after a day was picked")
	}
	for text, want := range map[string]string{"": "", "31.02.2028": "err.date_nonexistent", "завтра": "err.date_invalid", "01.03.2028": ""} {
		e.SetText(text)
		if got := e.Problem(); got != want {
			t.Errorf("Problem(%q) = %q, want %q", text, got, want)
		}
	}
}

// Equal columns wrap into rows and ask only for their minimum width, so a
// form shrinks with the window.
func TestColumnsWrapIntoRows(t *testing.T) {
	test.NewTempApp(t)
	objs := []fyne.CanvasObject{widget.NewLabel("a"), widget.NewLabel("b"), widget.NewLabel("c")}
	c := NewColumns(2, objs...)
	c.Resize(fyne.NewSize(400, 200))
	if objs[0].Position().Y != objs[1].Position().Y || objs[2].Position().Y <= objs[0].Position().Y {
		t.Errorf("positions %v %v %v: want two in the first row, one below", objs[0].Position(), objs[1].Position(), objs[2].Position())
	}
	if objs[1].Position().X < 190 {
		t.Errorf("the second column starts at %.0f of 400", objs[1].Position().X)
	}
	if w := c.MinSize().Width; w > 200 {
		t.Errorf("two columns ask for %.0f pixels", w)
	}
}

// Bars are scaled to the largest value.
func TestBarChartScales(t *testing.T) {
	test.NewTempApp(t)
	chart := BarChart("Партнёры", []Bar{{Label: "Школы", Value: 10}, {Label: "НПО", Value: 5}}, 0, nil)
	w := test.NewWindow(chart)
	defer w.Close()
	w.Resize(fyne.NewSize(500, 200))
	var widths []float32
	for _, o := range test.LaidOutObjects(chart) {
		if c, ok := o.(*fyne.Container); ok {
			if _, ok := c.Layout.(*barLayout); ok {
				widths = append(widths, c.Objects[0].Size().Width)
			}
		}
	}
	if len(widths) != 2 || widths[0] == 0 || widths[1]*2 < widths[0]-1 || widths[1]*2 > widths[0]+1 {
		t.Errorf("bar widths %v: want the second half the first", widths)
	}
	if got := texts(chart); !slices.Contains(got, "Партнёры") || !slices.Contains(got, "10") || !slices.Contains(got, "5") {
		t.Errorf("chart texts %q", got)
	}
}
