package ui

import (
	"strconv"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"github.com/partnerdesk/partnerdesk/model"
)

// principlesTab is the checklist of the seven principles, in the seed's
// order, each with its definition as help text, an assessment and an
// evidence note.
type principlesTab struct {
	e        *agreementEditor
	choices  []*widget.RadioGroup
	evidence []*widget.Entry
	root     fyne.CanvasObject
}

func newPrinciplesTab(e *agreementEditor) *principlesTab {
	t := &principlesTab{e: e}
	given := model.NormalizePrinciples(e.orig.Principles)
	list := container.NewVBox()
	for i, p := range model.Principles {
		name := widget.NewLabelWithStyle(strconv.Itoa(i+1)+". "+label(p), fyne.TextAlignLeading,
			fyne.TextStyle{Bold: true})
		help := widget.NewLabelWithStyle(tr(p.HelpKey()), fyne.TextAlignLeading, fyne.TextStyle{Italic: true})
		help.Wrapping = fyne.TextWrapWord
		choice := widget.NewRadioGroup(labels(model.Assessments), nil)
		choice.Horizontal, choice.Required = true, true
		choice.SetSelected(label(given[i].Assessment))
		choice.OnChanged = t.onChanged
		ev := rowEntry(given[i].Evidence, "placeholder.evidence", e.changed)
		t.choices = append(t.choices, choice)
		t.evidence = append(t.evidence, ev)
		list.Add(widget.NewCard("", "", container.NewVBox(name, help, choice, ev, e.fs.message(idx("principles", i, "evidence")))))
	}
	met := widget.NewLabel(tr("principles.hint"))
	met.Wrapping = fyne.TextWrapWord
	t.root = container.NewVScroll(container.NewPadded(container.NewVBox(met, list)))
	return t
}

func (t *principlesTab) onChanged(string) { t.e.changed() }

func (t *principlesTab) content() fyne.CanvasObject { return t.root }

func (t *principlesTab) collect(a *model.Agreement) model.ValidationError {
	a.Principles = make([]model.PrincipleAssessment, len(model.Principles))
	for i, p := range model.Principles {
		as := fromLabel(model.Assessments, t.choices[i].Selected)
		if as == "" {
			as = model.AssessNotAssessed
		}
		a.Principles[i] = model.PrincipleAssessment{Principle: p, Assessment: as,
			Evidence: strings.TrimSpace(t.evidence[i].Text)}
	}
	return nil
}
