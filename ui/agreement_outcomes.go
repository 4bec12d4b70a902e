package ui

import (
	"fmt"
	"slices"
	"strconv"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/partnerdesk/partnerdesk/model"
	"github.com/partnerdesk/partnerdesk/ui/widgets"
)

// outcomesTab holds one row per academic year with the seed's indicators;
// the employment and retention percentages are computed as you type.
type outcomesTab struct {
	e    *agreementEditor
	rows *rowList[model.Outcome]
	root fyne.CanvasObject
}

var outcomeFields = []string{"placed_for_practice", "graduates", "employed", "retained_after_12m",
	"assessed_by_employer", "events_held"}

func newOutcomesTab(e *agreementEditor) *outcomesTab {
	t := &outcomesTab{e: e}
	t.rows = newRowList("outcomes", e.fs, e.changed, t.nextYear, nil, t.row)
	t.rows.set(e.orig.Outcomes)
	header := widgets.NewColumns(9)
	for _, k := range append(append([]string{"field.year"}, prefixed("field.", outcomeFields)...),
		"field.employment_pct", "field.retention_pct") {
		l := widget.NewLabelWithStyle(tr(k), fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
		l.Wrapping = fyne.TextWrapWord
		l.SizeName = theme.SizeNameCaptionText // at the normal size long words broke mid-word
		header.Add(l)
	}
	hint := widget.NewLabel(tr("outcomes.hint"))
	hint.Wrapping = fyne.TextWrapWord
	t.root = container.NewBorder(container.NewVBox(hint,
		container.NewBorder(nil, nil, nil, widget.NewLabel("      "), header)), nil, nil, nil,
		container.NewVScroll(t.rows.content("action.add_year")))
	return t
}

func prefixed(p string, list []string) []string {
	out := make([]string, len(list))
	for i, s := range list {
		out[i] = p + s
	}
	return out
}

// nextYear is a new row: the academic year after the last one entered, or
// the last finished one.
func (t *outcomesTab) nextYear() model.Outcome {
	vals, _ := t.rows.collect()
	y := model.AcademicYearOf(t.e.u.today()) - 1
	for _, o := range vals {
		if o.Year >= y {
			y = o.Year + 1
		}
	}
	return model.Outcome{Year: y}
}

func (t *outcomesTab) years() []string {
	cur := model.AcademicYearOf(t.e.u.today())
	var out []string
	for y := cur + 1; y >= cur-15; y-- {
		out = append(out, model.FormatAcademicYear(y))
	}
	return out
}

func (t *outcomesTab) row(i int, o model.Outcome) (fyne.CanvasObject, func() (model.Outcome, model.ValidationError)) {
	year := widgets.NewSelect(t.years(), nil)
	if o.Year != 0 {
		if !slices.Contains(year.Options, o.AcademicYear()) {
			year.Options = append(year.Options, o.AcademicYear())
		}
		year.SetSelected(o.AcademicYear())
	}
	values := []int{o.PlacedForPractice, o.Graduates, o.Employed, o.RetainedAfter12M, o.AssessedByEmployer,
		o.EventsHeld}
	entries := make([]*widget.Entry, len(values))
	employment, retention := widget.NewLabel(""), widget.NewLabel("")
	read := func() (model.Outcome, model.ValidationError) {
		var n [6]int
		var bad model.ValidationError
		for k, e := range entries {
			v, ok := intValue(e.Text)
			if !ok {
				bad = append(bad, model.FieldError{Field: idx("outcomes", i, outcomeFields[k]), Key: "err.not_number"})
			}
			n[k] = v
		}
		out := model.Outcome{PlacedForPractice: n[0], Graduates: n[1], Employed: n[2], RetainedAfter12M: n[3],
			AssessedByEmployer: n[4], EventsHeld: n[5]}
		fmt.Sscanf(year.Selected, "%d/", &out.Year)
		return out, bad
	}
	update := func() {
		o, _ := read()
		employment.SetText(pct(o.EmploymentPercent()))
		retention.SetText(pct(o.RetentionPercent()))
		t.e.changed()
	}
	year.OnChanged = func(string) { update() }
	cells := []fyne.CanvasObject{t.rows.cell(i, "year", year)}
	for k, v := range values {
		entries[k] = widget.NewEntry()
		entries[k].SetText(strconv.Itoa(v))
		cells = append(cells, t.rows.cell(i, outcomeFields[k], entries[k]))
	}
	for _, e := range entries {
		e.OnChanged = func(string) { update() }
	}
	o0, _ := read()
	employment.SetText(pct(o0.EmploymentPercent()))
	retention.SetText(pct(o0.RetentionPercent()))
	cells = append(cells, employment, retention)
	return widgets.NewColumns(9, cells...), read
}

func pct(v float64, ok bool) string {
	if !ok {
		return "—"
	}
	// 80,0 % in Russian, Kazakh and Kyrgyz; 80.0 % in English.
	return strings.Replace(strconv.FormatFloat(v, 'f', 1, 64), ".", tr("fmt.decimal_sep"), 1) + " %"
}

func (t *outcomesTab) collect(a *model.Agreement) model.ValidationError {
	var bad model.ValidationError
	a.Outcomes, bad = t.rows.collect()
	return bad
}

func (t *outcomesTab) content() fyne.CanvasObject { return t.root }
