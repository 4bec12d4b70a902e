package ui

import (
	"slices"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"github.com/partnerdesk/partnerdesk/model"
	"github.com/partnerdesk/partnerdesk/ui/widgets"
)

// roundForm is the round tab: what, when, who and why. Every field writes
// straight into the round being edited; each gets its starting value
// before its handler, so nothing fires while the form is built.
type roundForm struct {
	e     *roundEditor
	date  *widgets.DateEntry
	stage *widget.Select
}

// resultModes are the ways a round's results can be entered, in the order
// the form offers them.
var resultModes = []model.ResultMode{model.ModeCounts, model.ModeStudents}

func (e *roundEditor) form() fyne.CanvasObject {
	r := &e.r
	f := &roundForm{e: e}
	f.date = e.u.newDateEntry(nil)
	f.date.SetDate(r.Date)
	f.date.OnChanged = f.onDate
	f.stage = widgets.NewSelect(labels(model.Stages), nil)
	f.stage.SetSelectedIndex(max(slices.Index(model.Stages, r.Stage), 0))
	f.stage.OnChanged = f.onStage
	r.Stage = model.Stages[f.stage.SelectedIndex()]
	agreements := textEntry(e.agr, f.onAgreements)
	agreements.PlaceHolder = "СП-2026/001, СП-2026/002"
	mode := widget.NewRadioGroup(labels(resultModes), nil)
	mode.SetSelected(label(r.Mode))
	mode.OnChanged = f.onMode
	return container.NewVBox(
		titled("diag.field.title", textEntry(r.Title, f.onTitle)),
		widgets.NewColumns(3, titled("diag.field.date", f.date), titled("diag.field.stage", f.stage),
			titled("diag.field.course", textEntry(formatInt(r.Course), f.onCourse))),
		widgets.NewColumns(3, titled("diag.field.programme_code", textEntry(r.Programme.Code, f.onCode)),
			container.NewVBox(), container.NewVBox()),
		titled("diag.field.programme_name", textEntry(r.Programme.Name, f.onName)),
		titled("diag.field.agreements", agreements),
		titled("diag.field.activities", textArea(r.Activities, f.onActivities)),
		titled("diag.field.mode", mode), widgets.Wrapped(tr("diag.help_percent")),
		titled("diag.field.source", textEntry(r.Source, f.onSource)),
		titled("diag.field.notes", textArea(r.Notes, f.onNotes)),
	)
}

func (f *roundForm) onTitle(s string)      { f.e.r.Title = s }
func (f *roundForm) onDate(string)         { f.e.r.Date = f.date.Date() }
func (f *roundForm) onStage(string)        { f.e.r.Stage = model.Stages[f.stage.SelectedIndex()] }
func (f *roundForm) onCourse(s string)     { f.e.r.Course = numberOr(s, -1) }
func (f *roundForm) onCode(s string)       { f.e.r.Programme.Code = s }
func (f *roundForm) onName(s string)       { f.e.r.Programme.Name = s }
func (f *roundForm) onAgreements(s string) { f.e.agr = s }
func (f *roundForm) onActivities(s string) { f.e.r.Activities = s }
func (f *roundForm) onSource(s string)     { f.e.r.Source = s }
func (f *roundForm) onNotes(s string)      { f.e.r.Notes = s }

func (f *roundForm) onMode(s string) {
	f.e.switchMode(resultModes[max(slices.Index(labels(resultModes), s), 0)])
}

// titled puts the heading key over obj.
func titled(key string, obj fyne.CanvasObject) fyne.CanvasObject {
	return container.NewVBox(widgets.Heading(key), obj)
}

// textEntry is a one-line entry showing text, then calling changed.
func textEntry(text string, changed func(string)) *widget.Entry {
	e := widget.NewEntry()
	e.SetText(text)
	e.OnChanged = changed
	return e
}

// textArea is a three-row entry showing text, then calling changed.
func textArea(text string, changed func(string)) *widget.Entry {
	e := widgets.Multiline(3)
	e.SetText(text)
	e.OnChanged = changed
	return e
}

// numberOr reads a whole number (empty is 0); anything else is bad, which
// the round's validation then reports.
func numberOr(s string, bad int) int {
	if n, ok := intValue(s); ok {
		return n
	}
	return bad
}
