// Package widgets holds the interface's reusable widgets and layouts: the
// sortable list table, the date entry with its calendar in the interface
// language, the bar chart, equal columns that shrink with the window and
// small label helpers. They know nothing of the UI's screens or its store;
// texts are translated with Fyne's lang package.
package widgets

import (
	"image/color"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// Multiline returns a wrapped multi-line entry.
func Multiline(rows int) *widget.Entry {
	e := widget.NewMultiLineEntry()
	e.Wrapping = fyne.TextWrapWord
	e.SetMinRowsVisible(rows)
	return e
}

// Heading returns a bold, one-line section label with the translation of
// key.
func Heading(key string) *widget.Label {
	return widget.NewLabelWithStyle(lang.L(key), fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
}

// Bold returns a bold label showing text as it is, wrapped by words.
func Bold(text string) *widget.Label {
	l := widget.NewLabelWithStyle(text, fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	l.Wrapping = fyne.TextWrapWord
	return l
}

// MinHeight makes obj at least h tall (lists inside a scroll collapse to
// one row otherwise).
func MinHeight(h float32, obj fyne.CanvasObject) fyne.CanvasObject {
	r := canvas.NewRectangle(color.Transparent)
	r.SetMinSize(fyne.NewSize(10, h))
	return container.NewStack(r, obj)
}

// MinWidth makes obj at least w wide (an entry for a short number).
func MinWidth(w float32, obj fyne.CanvasObject) fyne.CanvasObject {
	r := canvas.NewRectangle(color.Transparent)
	r.SetMinSize(fyne.NewSize(w, 10))
	return container.NewStack(r, obj)
}

// Wrapped returns a label that wraps its text by words.
func Wrapped(text string) *widget.Label {
	l := widget.NewLabel(text)
	l.Wrapping = fyne.TextWrapWord
	return l
}

// Columns lays objects out in n equal columns (wrapping into more rows)
// like container.NewGridWithColumns, but asks only for minCol of width per
// column, so that a wide form shrinks with the window instead of pushing
// the window wider than the screen.
type Columns struct {
	n      int
	minCol float32
}

// NewColumns returns a container of objs in n columns (Columns).
func NewColumns(n int, objs ...fyne.CanvasObject) *fyne.Container {
	return container.New(&Columns{n: n, minCol: 90}, objs...)
}

// Layout places the objects row by row, n to a row.
func (c *Columns) Layout(objs []fyne.CanvasObject, size fyne.Size) {
	pad := theme.Padding()
	w := (size.Width - pad*float32(c.n-1)) / float32(c.n)
	y := float32(0)
	for row := 0; row*c.n < len(objs); row++ {
		h := float32(0)
		for i := row * c.n; i < min(len(objs), (row+1)*c.n); i++ {
			h = max(h, objs[i].MinSize().Height)
		}
		for i := row * c.n; i < min(len(objs), (row+1)*c.n); i++ {
			objs[i].Move(fyne.NewPos(float32(i-row*c.n)*(w+pad), y))
			objs[i].Resize(fyne.NewSize(w, h))
		}
		y += h + pad
	}
}

// MinSize is minCol per column and the rows' heights.
func (c *Columns) MinSize(objs []fyne.CanvasObject) fyne.Size {
	pad := theme.Padding()
	h := float32(0)
	for row := 0; row*c.n < len(objs); row++ {
		rh := float32(0)
		for i := row * c.n; i < min(len(objs), (row+1)*c.n); i++ {
			rh = max(rh, objs[i].MinSize().Height)
		}
		h += rh
		if row > 0 {
			h += pad
		}
	}
	return fyne.NewSize(c.minCol*float32(c.n)+pad*float32(c.n-1), h)
}

// NewSelect is widget.NewSelect with the placeholder in the interface
// language (Fyne's "(Select one)" is not translated).
func NewSelect(options []string, changed func(string)) *widget.Select {
	s := widget.NewSelect(options, changed)
	s.PlaceHolder = lang.L("placeholder.choose")
	return s
}
