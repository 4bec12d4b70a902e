package ui

import (
	"fmt"
	"slices"
	"strconv"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/partnerdesk/partnerdesk/model"
	"github.com/partnerdesk/partnerdesk/ui/widgets"
)

// groupCard edits one group: its name, kind and size, and its results as
// counts (a grid of indicators by levels) or student by student.
func (e *roundEditor) groupCard(g int) fyne.CanvasObject {
	grp := &e.r.Groups[g]
	name := textEntry(grp.Name, func(s string) { e.r.Groups[g].Name = s })
	kind := widgets.NewSelect(labels(model.GroupKinds), nil)
	kind.SetSelectedIndex(max(slices.Index(model.GroupKinds, grp.Kind), 0))
	kind.OnChanged = func(string) { e.r.Groups[g].Kind = model.GroupKinds[kind.SelectedIndex()] }
	students := textEntry(formatInt(grp.Students), func(s string) { e.r.Groups[g].Students = numberOr(s, -1) })
	head := widgets.NewColumns(3,
		container.NewVBox(widgets.Heading("diag.field.group"), name),
		container.NewVBox(widgets.Heading("diag.field.kind"), kind),
		container.NewVBox(widgets.Heading("diag.field.students"), students))
	var body fyne.CanvasObject
	if e.r.Mode == model.ModeStudents {
		body = e.studentList(g)
	} else {
		body = e.countGrid(g)
	}
	return widget.NewCard("", "", container.NewVBox(head, body))
}

// countGrid is one entry per indicator and level.
func (e *roundEditor) countGrid(g int) fyne.CanvasObject {
	r := &e.r
	if len(r.Groups[g].Counts) != len(r.Scale.Indicators) {
		r.Groups[g].Counts = r.Counts(g)
	}
	head := []fyne.CanvasObject{}
	for _, lv := range r.Scale.Levels {
		l := widget.NewLabelWithStyle(lv.Names.In(e.u.lang), fyne.TextAlignCenter, fyne.TextStyle{Bold: true})
		l.Wrapping = fyne.TextWrapWord
		head = append(head, l)
	}
	rows := []fyne.CanvasObject{tableRow(widget.NewLabel(""), head)}
	for i, ind := range r.Scale.Indicators {
		var cells []fyne.CanvasObject
		for l := range r.Scale.Levels {
			ent := textEntry(strconv.Itoa(r.Groups[g].Counts[i][l]),
				func(s string) { r.Groups[g].Counts[i][l] = numberOr(s, -1) })
			cells = append(cells, ent)
		}
		name := widget.NewLabel(ind.Names.In(e.u.lang))
		name.Wrapping = fyne.TextWrapWord
		rows = append(rows, tableRow(name, cells))
	}
	return container.NewVBox(rows...)
}

// tableRow lays out a row of a table: the first cell 240 wide, the others
// sharing the rest evenly (so that rows of the same number of cells align).
func tableRow(first fyne.CanvasObject, cells []fyne.CanvasObject) fyne.CanvasObject {
	left := widgets.MinWidth(240, first)
	return container.New(layout.NewBorderLayout(nil, nil, left, nil), left,
		container.NewGridWithColumns(max(len(cells), 1), cells...))
}

// studentList is one row per student: the code and a level per indicator.
func (e *roundEditor) studentList(g int) fyne.CanvasObject {
	r := &e.r
	options := []string{"—"}
	for _, lv := range r.Scale.Levels {
		options = append(options, lv.Names.In(e.u.lang))
	}
	head := []fyne.CanvasObject{}
	for _, ind := range r.Scale.Indicators {
		l := widget.NewLabelWithStyle(ind.Names.In(e.u.lang), fyne.TextAlignCenter, fyne.TextStyle{Bold: true})
		l.Wrapping = fyne.TextWrapWord
		head = append(head, l)
	}
	rows := []fyne.CanvasObject{tableRow(widgets.Heading("diag.field.code"), head)}
	for s := range r.Groups[g].Results {
		res := &r.Groups[g].Results[s]
		if len(res.Levels) != len(r.Scale.Indicators) {
			res.Levels = append(res.Levels, make([]string, max(0, len(r.Scale.Indicators)-len(res.Levels)))...)[:len(r.Scale.Indicators)]
		}
		code := textEntry(res.Code, func(v string) { r.Groups[g].Results[s].Code = v })
		var cells []fyne.CanvasObject
		for i := range r.Scale.Indicators {
			sel := widgets.NewSelect(options, nil)
			sel.SetSelectedIndex(r.LevelIndex(res.Levels[i]) + 1)
			sel.OnChanged = func(string) {
				code := ""
				if k := sel.SelectedIndex(); k > 0 {
					code = r.Scale.Levels[k-1].Code
				}
				r.Groups[g].Results[s].Levels[i] = code
			}
			cells = append(cells, sel)
		}
		rows = append(rows, tableRow(code, cells))
	}
	add := widget.NewButtonWithIcon(tr("diag.action.add_student"), theme.ContentAddIcon(), func() {
		grp := &r.Groups[g]
		grp.Results = append(grp.Results, model.StudentResult{Code: fmt.Sprintf("%s-%02d", grp.Name, len(grp.Results)+1), Levels: make([]string, len(r.Scale.Indicators))})
		e.fillGroups()
	})
	return container.NewVBox(append(rows, container.NewHBox(add))...)
}
