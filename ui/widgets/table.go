package widgets

import (
	"strconv"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"
)

// Column describes one column of a list table.
type Column struct {
	Title string // translation key
	Width float32
	// long columns (names, titles) end cut text with "…"; the others are
	// clipped, which is three times cheaper to draw and never happens in
	// practice since they are wide enough for their values.
	Long bool
	// Cut columns hold words (statuses, "open-ended") that may not fit:
	// they end with "…" too, but keep their width.
	Cut bool
}

// ListTable is a table of records with a clickable header that sorts by
// the column (a second click reverses the order) and rows that open their
// record when tapped. It asks for cell text only for the rows on screen.
type ListTable struct {
	Table *widget.Table
	Cols  []Column
	// OnSort is called with the column and order chosen in the header;
	// OnOpen with the row tapped. Both may be nil.
	OnSort func(col int, desc bool)
	OnOpen func(row int)

	sortCol int
	desc    bool
	rows    func() int
	text    func(row, col int) string
	refit   func() // lays the columns out again (fitColumns)
}

// NewListTable returns a table of cols whose row count and cell texts come
// from rows and text, asked only for the rows on screen.
func NewListTable(cols []Column, rows func() int, text func(row, col int) string) *ListTable {
	lt := &ListTable{Cols: cols, rows: rows, text: text}
	t := widget.NewTable(
		func() (int, int) { return lt.rows(), len(lt.Cols) },
		func() fyne.CanvasObject {
			l := widget.NewLabel("")
			l.Truncation = fyne.TextTruncateClip
			return l
		},
		func(id widget.TableCellID, o fyne.CanvasObject) {
			l := o.(*widget.Label)
			trunc := fyne.TextTruncateClip
			if c := lt.Cols[id.Col]; c.Long || c.Cut {
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
		title := lang.L(lt.Cols[id.Col].Title)
		if id.Col == lt.sortCol {
			if lt.desc {
				title += " ▼"
			} else {
				title += " ▲"
			}
		}
		b.SetText(title)
		col := id.Col
		if lt.OnSort != nil {
			b.OnTapped = func() { lt.SortBy(col) }
		}
	}
	t.OnSelected = func(id widget.TableCellID) {
		t.UnselectAll()
		if lt.OnOpen != nil && id.Row >= 0 && id.Row < lt.rows() {
			lt.OnOpen(id.Row)
		}
	}
	for i, c := range cols {
		t.SetColumnWidth(i, c.Width)
	}
	lt.Table = t
	return lt
}

// SortBy sorts by col, reversing the order when it already sorts by col.
func (lt *ListTable) SortBy(col int) {
	if col == lt.sortCol {
		lt.desc = !lt.desc
	} else {
		lt.sortCol, lt.desc = col, false
	}
	if lt.OnSort != nil {
		lt.OnSort(lt.sortCol, lt.desc)
	}
	if lt.refit != nil {
		lt.refit() // the arrow moved to another header
	}
	lt.Table.Refresh()
}

// Reload shows new rows from the top (scrolling refreshes the cells).
func (lt *ListTable) Reload() {
	lt.Table.ScrollToTop()
}

// EmptyHint stands in place of a list's table while it has no rows: the
// first-use hint when there are no records at all, "nothing found" when
// the search and filters leave none.
type EmptyHint struct {
	Box   *fyne.Container
	Label *widget.Label
	key   string // the first-use hint
}

// ReloadCounted shows new rows from the top and "shown of total" in count;
// with no rows the hint takes the table's place (drawn over the column
// headers it was unreadable).
func (lt *ListTable) ReloadCounted(shown, total int, count *widget.Label, empty *EmptyHint) {
	lt.showCounted(shown, total, count, empty)
	lt.Reload()
}

// RefreshCounted is ReloadCounted staying where the user scrolled to: for
// rows changed by someone else while the list is on screen.
func (lt *ListTable) RefreshCounted(shown, total int, count *widget.Label, empty *EmptyHint) {
	lt.showCounted(shown, total, count, empty)
	lt.Table.Refresh()
}

// showCounted shows "shown of total" in count, and the hint in place of
// the table while there are no rows.
func (lt *ListTable) showCounted(shown, total int, count *widget.Label, empty *EmptyHint) {
	count.SetText(lang.L("list.count", map[string]any{"Shown": strconv.Itoa(shown), "Total": strconv.Itoa(total)}))
	switch {
	case total == 0:
		empty.Label.SetText(lang.L(empty.key))
	case shown == 0:
		empty.Label.SetText(lang.L("list.no_results"))
	}
	if shown == 0 {
		lt.Table.Hide()
		empty.Box.Show()
	} else {
		empty.Box.Hide()
		lt.Table.Show()
	}
}

// ListLayout lays out a list screen: the title, the search box and the
// actions on top, then the filter rows, then the table, under which the
// hint emptyKey shows while there are no records at all. It returns the
// screen's root and the hint, which ReloadCounted shows or hides.
func ListLayout(titleKey string, search *widget.Entry, actions []fyne.CanvasObject, filterRows []fyne.CanvasObject,
	emptyKey string, table *ListTable) (root fyne.CanvasObject, empty *EmptyHint) {
	top := container.NewVBox(container.NewBorder(nil, nil, Heading(titleKey), container.NewHBox(actions...), search))
	for _, r := range filterRows {
		top.Add(r)
	}
	empty = &EmptyHint{Label: Wrapped(lang.L(emptyKey)), key: emptyKey}
	empty.Box = container.NewVBox(widget.NewSeparator(), empty.Label)
	empty.Box.Hide()
	fit := &fitColumns{lt: table, sorted: -1}
	fitted := container.New(fit, table.Table)
	table.refit = func() { fit.Layout(fitted.Objects, fitted.Size()) }
	return container.NewBorder(top, nil, nil, nil, container.NewStack(fitted, empty.Box)), empty
}

// Sorted returns the column the table is sorted by and whether the order is
// descending.
func (lt *ListTable) Sorted() (col int, desc bool) { return lt.sortCol, lt.desc }

// SetSorted marks the header of col with the order's arrow without sorting
// (col -1 marks none): for rows that come sorted or in their own order.
func (lt *ListTable) SetSorted(col int, desc bool) {
	lt.sortCol, lt.desc = col, desc
	lt.Table.Refresh()
}
