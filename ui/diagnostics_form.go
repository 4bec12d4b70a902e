package ui

import (
	"slices"
	"strconv"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"github.com/partnerdesk/partnerdesk/model"
	"github.com/partnerdesk/partnerdesk/ui/widgets"
)

// form is the round tab: what, when, who and why.
func (e *roundEditor) form() fyne.CanvasObject {
	r := &e.r
	title := widget.NewEntry()
	title.SetText(r.Title)
	title.OnChanged = func(s string) { r.Title = s }
	date := e.u.newDateEntry(nil)
	date.SetDate(r.Date)
	date.OnChanged = func(string) { r.Date = date.Date() }
	stage := widgets.NewSelect(labels(model.Stages), nil)
	stage.SetSelectedIndex(max(slices.Index(model.Stages, r.Stage), 0))
	stage.OnChanged = func(string) { r.Stage = model.Stages[stage.SelectedIndex()] }
	r.Stage = model.Stages[stage.SelectedIndex()]
	code, name := textEntry(r.Programme.Code, func(s string) { r.Programme.Code = s }), textEntry(r.Programme.Name, func(s string) { r.Programme.Name = s })
	course := textEntry(intText(r.Course), func(s string) { r.Course = numberOr(s, -1) })
	agr := textEntry(e.agr, func(s string) { e.agr = s })
	agr.PlaceHolder = "СП-2026/001, СП-2026/002"
	acts := widgets.Multiline(3)
	acts.SetText(r.Activities)
	acts.OnChanged = func(s string) { r.Activities = s }
	source := textEntry(r.Source, func(s string) { r.Source = s })
	notes := widgets.Multiline(3)
	notes.SetText(r.Notes)
	notes.OnChanged = func(s string) { r.Notes = s }
	modes := []model.ResultMode{model.ModeCounts, model.ModeStudents}
	mode := widget.NewRadioGroup(labels(modes), nil)
	mode.SetSelected(label(r.Mode))
	mode.OnChanged = func(s string) { e.switchMode(modes[max(slices.Index(labels(modes), s), 0)]) }
	field := func(key string, obj fyne.CanvasObject) fyne.CanvasObject {
		return container.NewVBox(widgets.Heading(key), obj)
	}
	return container.NewVBox(
		field("diag.field.title", title),
		widgets.NewColumns(3, field("diag.field.date", date), field("diag.field.stage", stage), field("diag.field.course", course)),
		widgets.NewColumns(3, field("diag.field.programme_code", code), container.NewVBox(), container.NewVBox()),
		field("diag.field.programme_name", name),
		field("diag.field.agreements", agr),
		field("diag.field.activities", acts),
		field("diag.field.mode", mode), widgets.Wrapped(tr("diag.help_percent")),
		field("diag.field.source", source),
		field("diag.field.notes", notes),
	)
}

func textEntry(text string, changed func(string)) *widget.Entry {
	e := widget.NewEntry()
	e.SetText(text)
	e.OnChanged = changed
	return e
}

func intText(n int) string {
	if n == 0 {
		return ""
	}
	return strconv.Itoa(n)
}

// numberOr reads a whole number; empty is 0, anything else bad.
func numberOr(s string, bad int) int {
	s = strings.TrimSpace(s)
	if s == "" {
		return 0
	}
	n, err := strconv.Atoi(s)
	if err != nil {
		return bad
	}
	return n
}
