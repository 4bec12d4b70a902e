package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/partnerdesk/partnerdesk/model"
	"github.com/partnerdesk/partnerdesk/reports"
	"github.com/partnerdesk/partnerdesk/ui/widgets"
)

// rowList edits a list of values (contacts, programmes, resources …) as
// rows of inputs with a remove button each and an add button below.
// Messages for a row's fields are registered as "<prefix>[i].<field>".
type rowList[T any] struct {
	prefix  string
	fs      *fieldSet
	box     *fyne.Container
	readers []func() (T, model.ValidationError)
	// row builds the inputs of row i showing v and returns them with a
	// function that reads them back.
	row     func(i int, v T) (fyne.CanvasObject, func() (T, model.ValidationError))
	blank   func() T
	isBlank func(T) bool
	changed func()
	addBtn  *widget.Button
}

func newRowList[T any](prefix string, fs *fieldSet, changed func(), blank func() T, isBlank func(T) bool,
	row func(i int, v T) (fyne.CanvasObject, func() (T, model.ValidationError))) *rowList[T] {
	return &rowList[T]{prefix: prefix, fs: fs, box: container.NewVBox(), row: row, blank: blank, isBlank: isBlank,
		changed: changed}
}

// content returns the rows with an add button labelled addKey.
func (l *rowList[T]) content(addKey string) fyne.CanvasObject {
	l.addBtn = widget.NewButtonWithIcon(tr(addKey), theme.ContentAddIcon(), l.add)
	return container.NewVBox(l.box, container.NewHBox(l.addBtn))
}

// add appends a blank row.
func (l *rowList[T]) add() {
	var vals []T
	for _, read := range l.readers {
		v, _ := read()
		vals = append(vals, v)
	}
	l.set(append(vals, l.blank()))
	l.changed()
}

// set replaces the rows with values.
func (l *rowList[T]) set(values []T) {
	l.box.RemoveAll()
	l.readers = nil
	l.fs.forget(l.prefix + "[")
	for i, v := range values {
		obj, read := l.row(i, v)
		at := i
		remove := widget.NewButtonWithIcon("", theme.ContentRemoveIcon(), func() { l.remove(at) })
		l.box.Add(container.NewBorder(nil, nil, nil, remove, obj))
		l.readers = append(l.readers, read)
	}
	l.box.Refresh()
}

func (l *rowList[T]) remove(at int) {
	var keep []T
	for i, read := range l.readers {
		if i != at {
			v, _ := read()
			keep = append(keep, v)
		}
	}
	l.set(keep)
	l.changed()
}

// collect reads every row that is not blank.
func (l *rowList[T]) collect() ([]T, model.ValidationError) {
	var out []T
	var problems model.ValidationError
	for _, read := range l.readers {
		v, p := read()
		if l.isBlank != nil && l.isBlank(v) && len(p) == 0 {
			continue
		}
		out = append(out, v)
		problems = append(problems, p...)
	}
	return out, problems
}

// cell stacks an input over its message label.
func (l *rowList[T]) cell(i int, field string, input fyne.CanvasObject) fyne.CanvasObject {
	return container.NewVBox(input, l.fs.message(idx(l.prefix, i, field)))
}

// rowEntry is an entry showing v that reports changes to changed.
func rowEntry(v, placeholder string, changed func()) *widget.Entry {
	e := widget.NewEntry()
	e.SetText(v)
	if placeholder != "" {
		e.SetPlaceHolder(tr(placeholder))
	}
	e.OnChanged = func(string) { changed() }
	return e
}

// checkSet is a grid of checkboxes, one per enumeration value.
type checkSet[T reports.Keyed] struct {
	values []T
	checks []*widget.Check
	grid   *fyne.Container
}

func newCheckSet[T reports.Keyed](values []T, chosen []T, columns int, changed func()) *checkSet[T] {
	s := &checkSet[T]{values: values, grid: container.NewGridWithColumns(columns)}
	for _, v := range values {
		c := widget.NewCheck(label(v), func(bool) { changed() })
		for _, ch := range chosen {
			if any(ch) == any(v) {
				c.Checked = true
			}
		}
		s.checks = append(s.checks, c)
		s.grid.Add(c)
	}
	return s
}

func (s *checkSet[T]) selected() []T {
	var out []T
	for i, c := range s.checks {
		if c.Checked {
			out = append(out, s.values[i])
		}
	}
	return out
}

// rowHeader labels the columns of a rowList whose rows have n equal
// columns (and a remove button on the right).
func rowHeader(keys ...string) fyne.CanvasObject {
	cells := make([]fyne.CanvasObject, len(keys))
	for i, k := range keys {
		l := widget.NewLabelWithStyle(tr(k), fyne.TextAlignLeading, fyne.TextStyle{Italic: true})
		l.Truncation = fyne.TextTruncateEllipsis
		cells[i] = l
	}
	spacer := widget.NewButtonWithIcon("", theme.ContentRemoveIcon(), nil)
	spacer.Hide() // as wide as the rows' remove buttons, but not shown
	return container.NewBorder(nil, nil, nil, container.NewStack(spacer), widgets.NewColumns(len(keys), cells...))
}
