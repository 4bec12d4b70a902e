package ui

import (
	"strconv"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"github.com/partnerdesk/partnerdesk/model"
	"github.com/partnerdesk/partnerdesk/ui/widgets"
)

// intValue reads a whole number from an entry; empty is 0, and ok is false
// for text that is not a whole number.
func intValue(s string) (int, bool) {
	s = strings.TrimSpace(strings.NewReplacer(" ", "", "\u00a0", "").Replace(s))
	if s == "" {
		return 0, true
	}
	n, err := strconv.Atoi(s)
	return n, err == nil
}

// floatValue reads a number written with a comma or a point.
func floatValue(s string) (float64, bool) {
	s = strings.TrimSpace(strings.NewReplacer(" ", "", "\u00a0", "", ",", ".").Replace(s))
	if s == "" {
		return 0, true
	}
	f, err := strconv.ParseFloat(s, 64)
	return f, err == nil
}

func formatFloat(f float64) string {
	if f == 0 {
		return ""
	}
	return strings.Replace(strconv.FormatFloat(f, 'f', -1, 64), ".", ",", 1)
}

func formatInt(n int) string {
	if n == 0 {
		return ""
	}
	return strconv.Itoa(n)
}

// formField is a labelled input with room for its validation message.
type formField struct {
	path string
	msg  *widget.Label
	box  *fyne.Container
}

func newFormField(path, labelText string, input fyne.CanvasObject) *formField {
	msg := widget.NewLabel("")
	msg.Importance = widget.DangerImportance
	msg.Wrapping = fyne.TextWrapWord
	msg.Hide()
	f := &formField{path: path, msg: msg}
	if input != nil {
		lbl := widget.NewLabelWithStyle(labelText, fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
		f.box = container.NewVBox(lbl, input, msg)
	}
	return f
}

// fieldSet shows validation messages next to the fields they are about;
// problems with no visible field go to a summary label.
type fieldSet struct {
	fields  map[string]*formField
	summary *widget.Label
	// quiet hides "required" messages until the user has changed
	// something: a new, empty form should not open covered in red.
	quiet bool
	// kept are the fields whose message keeps its room when empty, so
	// that what is below does not move when it comes and goes.
	kept map[string]bool
}

// steady keeps the room of the message of a registered field.
func (fs *fieldSet) steady(path string) {
	if fs.kept == nil {
		fs.kept = map[string]bool{}
	}
	fs.kept[path] = true
	if f := fs.fields[path]; f != nil {
		f.msg.Show()
	}
}

func newFieldSet() *fieldSet {
	s := widget.NewLabel("")
	s.Importance = widget.DangerImportance
	s.Wrapping = fyne.TextWrapWord
	s.Hide()
	return &fieldSet{fields: map[string]*formField{}, summary: s}
}

// field registers and returns a labelled input.
func (fs *fieldSet) field(path, labelKey string, input fyne.CanvasObject) fyne.CanvasObject {
	return fs.labelled(path, tr(labelKey), input)
}

// labelled is field with a label already translated.
func (fs *fieldSet) labelled(path, label string, input fyne.CanvasObject) fyne.CanvasObject {
	f := newFormField(path, label, input)
	fs.fields[path] = f
	return f.box
}

// message registers a bare message label for an input laid out elsewhere
// (table rows); it returns the label to place under the input.
func (fs *fieldSet) message(path string) *widget.Label {
	f := newFormField(path, "", nil)
	fs.fields[path] = f
	return f.msg
}

// forget drops the registrations below a path prefix ("contacts[").
func (fs *fieldSet) forget(prefix string) {
	for p := range fs.fields {
		if strings.HasPrefix(p, prefix) {
			delete(fs.fields, p)
		}
	}
}

// show displays the problems; it returns how many there are.
func (fs *fieldSet) show(v model.ValidationError) int {
	byField := map[string][]string{}
	var rest []string
	for _, fe := range v {
		if fs.quiet && fe.Key == "err.required" {
			continue
		}
		if _, ok := fs.fields[fe.Field]; ok {
			byField[fe.Field] = append(byField[fe.Field], fieldMessage(fe))
		} else {
			rest = append(rest, fieldLabel(fe.Field)+": "+fieldMessage(fe))
		}
	}
	for path, f := range fs.fields {
		if msgs := byField[path]; len(msgs) > 0 {
			f.msg.SetText(strings.Join(msgs, " "))
			f.msg.Show()
		} else if f.msg.Text != "" || (f.msg.Visible() && !fs.kept[path]) {
			f.msg.SetText("")
			if !fs.kept[path] {
				f.msg.Hide()
			}
		}
	}
	if len(rest) > 0 {
		fs.summary.SetText(strings.Join(rest, "\n"))
		fs.summary.Show()
	} else {
		fs.summary.Hide()
	}
	return len(v)
}

// newDateEntry is a date entry whose calendar marks today's date and closes
// on Esc.
func (u *UI) newDateEntry(changed func(string)) *widgets.DateEntry {
	e := widgets.NewDateEntry(u.today, changed)
	e.OnCalendar = u.escapable
	return e
}
