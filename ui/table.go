package ui

import (
	"strconv"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"
)

// column describes one column of a list table.
type column struct {
	title string // translation key
	width float32
	// long columns (names, titles) end cut text with "…"; the others are
	// clipped, which is three times cheaper to draw and never happens in
	// practice since they are wide enough for their values.
	long bool
	// cut columns hold words (statuses, "open-ended") that may not fit:
	// they end with "…" too, but keep their width.
	cut bool
}

// listTable is a table of records with a clickable header that sorts by
// the column (a second click reverses the order) and rows that open their
// record when tapped. It asks for cell text only for the rows on screen.
type listTable struct {
	table   *widget.Table
	cols    []column
	sortCol int
	desc    bool
	rows    func() int
	text    func(row, col int) string
	onSort  func(col int, desc bool)
	onOpen  func(row int)
	refit   func() // lays the columns out again (fitColumns)
}

func newListTable(cols []column, rows func() int, text func(row, col int) string) *listTable {
	lt := &listTable{cols: cols, rows: rows, text: text}
	t := widget.NewTable(
		func() (int, int) { return lt.rows(), len(lt.cols) },
		func() fyne.CanvasObject {
			l := widget.NewLabel("")
			l.Truncation = fyne.TextTruncateClip
			return l
		},
		func(id widget.TableCellID, o fyne.CanvasObject) {
			l := o.(*widget.Label)
			trunc := fyne.TextTruncateClip
			if c := lt.cols[id.Col]; c.long || c.cut {
				trunc = fyne.TextTruncateEllipsis
			}
			text := lt.text(id.Row, id.Col)
			if text != l.Text || trunc != l.Truncation {
				l.Truncation = trunc
				l.SetText(text) // laying out text is the costly part of drawing a cell
			}
		},
	)
	t.ShowHeaderRow = true
	t.CreateHeader = func() fyne.CanvasObject {
		b := widget.NewButton("", nil)
		b.Importance = widget.LowImportance
		b.Alignment = widget.ButtonAlignLeading
		return b
	}
	t.UpdateHeader = func(id widget.TableCellID, o fyne.CanvasObject) {
		b := o.(*widget.Button)
		title := tr(lt.cols[id.Col].title)
		if id.Col == lt.sortCol {
			if lt.desc {
				title += " ▼"
			} else {
				title += " ▲"
			}
		}
		b.SetText(title)
		col := id.Col
		if lt.onSort != nil {
			b.OnTapped = func() { lt.sortBy(col) }
		}
	}
	t.OnSelected = func(id widget.TableCellID) {
		t.UnselectAll()
		if lt.onOpen != nil && id.Row >= 0 && id.Row < lt.rows() {
			lt.onOpen(id.Row)
		}
	}
	for i, c := range cols {
		t.SetColumnWidth(i, c.width)
	}
	lt.table = t
	return lt
}

// sortBy sorts by col, reversing the order when it already sorts by col.
func (lt *listTable) sortBy(col int) {
	if col == lt.sortCol {
		lt.desc = !lt.desc
	} else {
		lt.sortCol, lt.desc = col, false
	}
	if lt.onSort != nil {
		lt.onSort(lt.sortCol, lt.desc)
	}
	if lt.refit != nil {
		lt.refit() // the arrow moved to another header
	}
	lt.table.Refresh()
}

// reload shows new rows from the top (scrolling refreshes the cells).
func (lt *listTable) reload() {
	lt.table.ScrollToTop()
}

// emptyHint stands in place of a list's table while it has no rows: the
// first-use hint when there are no records at all, "nothing found" when
// the search and filters leave none.
type emptyHint struct {
	box   *fyne.Container
	label *widget.Label
	key   string // the first-use hint
}

// reloadCounted shows new rows from the top and "shown of total" in count;
// with no rows the hint takes the table's place (drawn over the column
// headers it was unreadable).
func (lt *listTable) reloadCounted(shown, total int, count *widget.Label, empty *emptyHint) {
	lt.showCounted(shown, total, count, empty)
	lt.reload()
}

// showCounted shows "shown of total" in count, and the hint in place of
// the table while there are no rows.
func (lt *listTable) showCounted(shown, total int, count *widget.Label, empty *emptyHint) {
	count.SetText(tr("list.count", "Shown", strconv.Itoa(shown), "Total", strconv.Itoa(total)))
	switch {
	case total == 0:
		empty.label.SetText(tr(empty.key))
	case shown == 0:
		empty.label.SetText(tr("list.no_results"))
	}
	if shown == 0 {
		lt.table.Hide()
		empty.box.Show()
	} else {
		empty.box.Hide()
		lt.table.Show()
	}
}

// listLayout lays out a list screen: the title, the search box and the
// actions on top, then the filter rows, then the table, under which the
// hint emptyKey shows while there are no records at all. It returns the
// screen's root and the hint, which reloadCounted shows or hides.
func listLayout(titleKey string, search *widget.Entry, actions []fyne.CanvasObject, filterRows []fyne.CanvasObject,
	emptyKey string, table *listTable) (root fyne.CanvasObject, empty *emptyHint) {
	top := container.NewVBox(container.NewBorder(nil, nil, heading(titleKey), container.NewHBox(actions...), search))
	for _, r := range filterRows {
		top.Add(r)
	}
	empty = &emptyHint{label: wrapped(tr(emptyKey)), key: emptyKey}
	empty.box = container.NewVBox(widget.NewSeparator(), empty.label)
	empty.box.Hide()
	fit := &fitColumns{lt: table, sorted: -1}
	fitted := container.New(fit, table.table)
	table.refit = func() { fit.Layout(fitted.Objects, fitted.Size()) }
	return container.NewBorder(top, nil, nil, nil, container.NewStack(fitted, empty.box)), empty
}
