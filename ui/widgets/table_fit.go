package widgets

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
)

// minLongColumn is the narrowest a long (name, title) column gets when
// the window is small.
const minLongColumn = 100

// fitColumns lays a list table out to the width it gets: every column at
// least as wide as its header (with the sort arrow), so headers never run
// into each other, and the long columns (names, titles) sharing the rest,
// so that a 1,280-pixel window needs no horizontal scrolling.
type fitColumns struct {
	lt     *ListTable
	width  float32 // the width last fitted to
	sorted int     // and the column sorted by (its header has an arrow)
}

func (f *fitColumns) MinSize(objs []fyne.CanvasObject) fyne.Size { return objs[0].MinSize() }

func (f *fitColumns) Layout(objs []fyne.CanvasObject, size fyne.Size) {
	if size.Width != f.width || f.lt.sortCol != f.sorted {
		f.width, f.sorted = size.Width, f.lt.sortCol
		for i, w := range f.lt.fitWidths(size.Width) {
			f.lt.Table.SetColumnWidth(i, w)
		}
	}
	objs[0].Resize(size)
	objs[0].Move(fyne.NewPos(0, 0))
}

// headerWidth is the width the header of column c needs, with the sort
// arrow when sorted and the button's padding.
func headerWidth(c Column, sorted bool) float32 {
	title := lang.L(c.Title)
	if sorted {
		title += " ▼"
	}
	text := fyne.MeasureText(title, theme.TextSize(), fyne.TextStyle{})
	return text.Width + 2*theme.InnerPadding() + 2
}

// fitWidths returns the column widths for a table width.
func (lt *ListTable) fitWidths(width float32) []float32 {
	gap := theme.Padding() // between two columns, where the separator is drawn
	avail := width - theme.ScrollBarSize() - gap*float32(len(lt.Cols))
	ws := make([]float32, len(lt.Cols))
	var fixed, long float32
	for i, c := range lt.Cols {
		head := headerWidth(c, i == lt.sortCol)
		ws[i] = max(c.Width, head)
		if c.Long {
			ws[i] = max(minLongColumn, head)
			long += c.Width
		} else {
			fixed += ws[i]
		}
	}
	rest := avail - fixed
	for i, c := range lt.Cols {
		if c.Long && long > 0 {
			ws[i] = max(ws[i], rest*c.Width/long)
		}
	}
	return ws
}

// TextWidth is the width a cell needs for the widest of the texts.
func TextWidth(texts ...string) float32 {
	w := float32(0)
	for _, t := range texts {
		w = max(w, fyne.MeasureText(t, theme.TextSize(), fyne.TextStyle{}).Width)
	}
	return w + 2*theme.InnerPadding()
}
