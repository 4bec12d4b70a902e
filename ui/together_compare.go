package ui

import (
	"fmt"
	"reflect"
	"slices"
	"strconv"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"

	"github.com/partnerdesk/partnerdesk/model"
	"github.com/partnerdesk/partnerdesk/reports"
	"github.com/partnerdesk/partnerdesk/ui/widgets"
)

// compareDialog shows, for every field in which the draft and the version
// saved by someone else differ, the field's name, their value and mine,
// and lets the user choose one per field; Save stores the merged record
// over theirs (their revision).
type compareDialog struct {
	u      *UI
	e      *agreementEditor
	theirs model.Agreement
	mine   model.Agreement
	rows   []compareRow
	save   *widget.Button
	d      *dialog.CustomDialog
}

// compareRow is one field that differs.
type compareRow struct {
	field  string // the JSON name, as model.ChangedFields gives it
	choice *widget.RadioGroup
}

// notCompared are the fields the editor does not save (attachments are
// stored at once, apart from the record).
var notCompared = map[string]bool{"attachments": true}

// showCompare shows the field-by-field comparison of theirs (stored) and
// mine (the refused draft).
func (u *UI) showCompare(e *agreementEditor, theirs, mine model.Agreement, by string) {
	c := &compareDialog{u: u, e: e, theirs: theirs, mine: mine}
	theirsTitle := tr("together.theirs")
	if by != "" {
		theirsTitle = tr("together.theirs_by", "By", by)
	}
	optTheirs, optMine := tr("together.take_theirs"), tr("together.take_mine")
	grid := container.New(&compareLayout{}, widgets.Bold(tr("together.field")), widgets.Bold(theirsTitle), widgets.Bold(tr("together.mine")), widgets.Bold(tr("together.keep")))
	for _, f := range model.ChangedFields(&theirs, &mine) {
		if notCompared[f] {
			continue
		}
		r := compareRow{field: f, choice: &widget.RadioGroup{Options: []string{optTheirs, optMine}, Horizontal: true, Required: true}}
		r.choice.Selected = optTheirs
		if changedByMe(&e.orig, &mine, f) {
			r.choice.Selected = optMine // what the user changed; the rest is theirs
		}
		r.choice.ExtendBaseWidget(r.choice)
		grid.Add(widgets.Bold(fieldLabel(f)))
		grid.Add(widgets.Wrapped(u.valueText(f, model.FieldValue(&theirs, f))))
		grid.Add(widgets.Wrapped(u.valueText(f, model.FieldValue(&mine, f))))
		grid.Add(r.choice)
		c.rows = append(c.rows, r)
	}
	var body fyne.CanvasObject = container.NewVScroll(grid)
	if len(c.rows) == 0 {
		body = widgets.Wrapped(tr("together.same"))
	}
	cancel := &widget.Button{Text: tr("action.cancel"), OnTapped: c.onCancel}
	cancel.ExtendBaseWidget(cancel)
	c.save = &widget.Button{Text: tr("together.save_merged"), OnTapped: c.onSave, Importance: widget.HighImportance}
	c.save.ExtendBaseWidget(c.save)
	c.d = dialog.NewCustomWithoutButtons(tr("together.compare_title"),
		container.NewBorder(widgets.Wrapped(tr("together.compare_hint")), nil, nil, nil, body), u.win)
	c.d.SetButtons([]fyne.CanvasObject{cancel, c.save})
	c.d.Resize(fyne.NewSize(1000, 560))
	u.showDialog(c.d, c.onCancel)
}

// changedByMe reports whether the draft changed field f from what the
// editor opened.
func changedByMe(orig, mine *model.Agreement, f string) bool {
	return slices.Contains(model.ChangedFields(orig, mine), f)
}

func (c *compareDialog) onCancel() { c.d.Hide() }

// merged is their version with the fields the user chose from the draft.
func (c *compareDialog) merged() model.Agreement {
	m := c.theirs
	var take []string
	for _, r := range c.rows {
		if r.choice.Selected == tr("together.take_mine") {
			take = append(take, r.field)
		}
	}
	model.TakeFields(&m, &c.mine, take)
	m.Rev = c.theirs.Rev
	return m
}

// onSave stores the merged record; the dialog stays open when the model
// refuses it (the message names the field), and gives way to the choice
// again when yet another save came first.
func (c *compareDialog) onSave() {
	m, st := c.merged(), c.u.store
	c.save.Disable()
	c.u.runLater(func() error { return st.SaveAgreement(&m) }, func(err error) {
		c.save.Enable()
		if _, invalid := model.AsValidation(err); invalid {
			c.u.showError(err)
			return
		}
		c.d.Hide()
		c.e.afterChoice(m, err)
	})
}

// compareLayout lays the comparison out in four columns: the field's
// name, their value, mine (the widest two) and the choice; each row as
// high as its tallest cell.
type compareLayout struct{}

// compareShares are the columns' shares of the width.
var compareShares = [4]float32{0.18, 0.31, 0.31, 0.20}

func (l *compareLayout) widths(total float32) [4]float32 {
	var w [4]float32
	for i, s := range compareShares {
		w[i] = total * s
	}
	return w
}

// Layout places the cells row by row.
func (l *compareLayout) Layout(objs []fyne.CanvasObject, size fyne.Size) {
	w := l.widths(size.Width)
	y := float32(0)
	for i := 0; i < len(objs); i += 4 {
		h := float32(0)
		for j := 0; j < 4 && i+j < len(objs); j++ {
			objs[i+j].Resize(fyne.NewSize(w[j], objs[i+j].MinSize().Height))
			h = max(h, objs[i+j].MinSize().Height)
		}
		x := float32(0)
		for j := 0; j < 4 && i+j < len(objs); j++ {
			objs[i+j].Move(fyne.NewPos(x, y))
			objs[i+j].Resize(fyne.NewSize(w[j], h))
			x += w[j]
		}
		y += h
	}
}

// MinSize is the rows' height at the width the dialog gives.
func (l *compareLayout) MinSize(objs []fyne.CanvasObject) fyne.Size {
	height := float32(0)
	minW := float32(0)
	for i := 0; i < len(objs); i += 4 {
		h := float32(0)
		for j := 0; j < 4 && i+j < len(objs); j++ {
			h = max(h, objs[i+j].MinSize().Height)
		}
		if i+3 < len(objs) {
			minW = max(minW, objs[i+3].MinSize().Width/compareShares[3])
		}
		height += h
	}
	return fyne.NewSize(minW, height)
}

// maxValueText bounds a value's text in the comparison (a subject clause
// may run to pages).
const maxValueText = 600

// valueText puts a field's value in words for the comparison: dates as
// dates, choices by their labels, partners by name, lists one item a line.
func (u *UI) valueText(field string, v any) string {
	text := u.plainValue(field, v)
	if r := []rune(text); len(r) > maxValueText {
		text = string(r[:maxValueText]) + "…"
	}
	if strings.TrimSpace(text) == "" {
		return "—"
	}
	return text
}

func (u *UI) plainValue(field string, v any) string {
	switch x := v.(type) {
	case nil:
		return ""
	case string:
		return x
	case model.Date:
		return x.String()
	case bool:
		if x {
			return tr("together.yes")
		}
		return tr("together.no")
	case int:
		if x == 0 {
			return ""
		}
		return strconv.Itoa(x)
	case model.ID:
		if x == 0 {
			return ""
		}
		return u.cat.NumberOf(x)
	case []model.ID:
		names := make([]string, len(x))
		for i, id := range x {
			names[i] = u.cat.PartnerName(id)
		}
		return strings.Join(names, "\n")
	case reports.Keyed:
		return label(x)
	}
	return listText(reflect.ValueOf(v))
}

// listText writes a list one item a line, a map one key a line.
func listText(v reflect.Value) string {
	var lines []string
	switch v.Kind() {
	case reflect.Slice, reflect.Array:
		for i := range v.Len() {
			lines = append(lines, itemText(v.Index(i)))
		}
	case reflect.Map:
		keys := v.MapKeys()
		slices.SortFunc(keys, func(a, b reflect.Value) int { return strings.Compare(fmt.Sprint(a), fmt.Sprint(b)) })
		for _, k := range keys {
			lines = append(lines, fmt.Sprint(k)+": "+itemText(v.MapIndex(k)))
		}
	default:
		return itemText(v)
	}
	return strings.Join(lines, "\n")
}

// itemText is one item of a list: its label, or the first few texts,
// dates and choices of a record.
func itemText(v reflect.Value) string {
	if k, ok := v.Interface().(reports.Keyed); ok {
		return label(k)
	}
	if v.Kind() != reflect.Struct {
		return fmt.Sprint(v.Interface())
	}
	var parts []string
	for i := 0; i < v.NumField() && len(parts) < 3; i++ {
		if !v.Type().Field(i).IsExported() {
			continue
		}
		var s string
		switch f := v.Field(i).Interface().(type) {
		case string:
			s = f
		case model.Date:
			s = f.String()
		case reports.Keyed:
			s = label(f)
		case int:
			if f != 0 {
				s = strconv.Itoa(f)
			}
		}
		if strings.TrimSpace(s) != "" {
			parts = append(parts, s)
		}
	}
	return "• " + strings.Join(parts, " · ")
}
