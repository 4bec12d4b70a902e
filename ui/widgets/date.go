package widgets

import (
	"errors"
	"strconv"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/partnerdesk/partnerdesk/model"
)

// datePicker is the calendar of the date fields: month and weekday names
// in the interface language (Fyne's calendar writes them in English),
// buttons for the previous and next month and year, today and the chosen
// day marked, weeks starting on Monday.
type datePicker struct {
	chosen, today model.Date
	shown         model.Date // the first day of the month shown
	onPick        func(model.Date)

	title *widget.Label
	days  *fyne.Container
	root  fyne.CanvasObject
}

func newDatePicker(chosen, today model.Date, onPick func(model.Date)) *datePicker {
	p := &datePicker{chosen: chosen, today: today, onPick: onPick}
	start := chosen
	if start.IsZero() {
		start = today
	}
	p.shown = model.NewDate(start.Year(), start.Month(), 1)
	p.title = widget.NewLabelWithStyle("", fyne.TextAlignCenter, fyne.TextStyle{Bold: true})
	p.days = container.NewGridWithColumns(7)
	nav := func(icon fyne.Resource, months int) *widget.Button {
		b := widget.NewButtonWithIcon("", icon, func() { p.move(months) })
		b.Importance = widget.LowImportance
		return b
	}
	prev := container.NewHBox(nav(theme.MediaFastRewindIcon(), -12), nav(theme.NavigateBackIcon(), -1))
	next := container.NewHBox(nav(theme.NavigateNextIcon(), 1), nav(theme.MediaFastForwardIcon(), 12))
	todayBtn := widget.NewButton(lang.L("cal.today")+" "+today.String(), func() { p.pick(today) })
	todayBtn.Importance = widget.LowImportance
	p.root = container.NewBorder(container.NewBorder(nil, nil, prev, next, p.title), todayBtn, nil, nil, p.days)
	p.fill()
	return p
}

// move shows the month months later (earlier, when negative).
func (p *datePicker) move(months int) {
	p.shown = p.shown.AddMonths(months)
	p.fill()
}

func (p *datePicker) pick(d model.Date) {
	p.chosen = d
	if p.onPick != nil {
		p.onPick(d)
	}
}

// monthName is the month's name in the interface language.
func monthName(m time.Month) string { return lang.L("cal.month." + strconv.Itoa(int(m))) }

// fill lays out the shown month.
func (p *datePicker) fill() {
	p.title.SetText(monthName(p.shown.Month()) + " " + strconv.Itoa(p.shown.Year()))
	objs := make([]fyne.CanvasObject, 0, 49)
	for i := 1; i <= 7; i++ {
		objs = append(objs, widget.NewLabelWithStyle(lang.L("cal.wd."+strconv.Itoa(i)), fyne.TextAlignCenter, fyne.TextStyle{Italic: true}))
	}
	lead := (int(p.shown.Time().Weekday()) + 6) % 7 // Monday first
	for range lead {
		objs = append(objs, widget.NewLabel(""))
	}
	for d := p.shown; d.Month() == p.shown.Month(); d = d.AddDays(1) {
		b := widget.NewButton(strconv.Itoa(d.Day()), func() { p.pick(d) })
		switch d {
		case p.chosen:
			b.Importance = widget.HighImportance
		case p.today:
			b.Importance = widget.WarningImportance
		default:
			b.Importance = widget.LowImportance
		}
		objs = append(objs, b)
	}
	p.days.Objects = objs
	p.days.Refresh()
}

// DateEntry is a text entry for dd.mm.yyyy dates with a button that opens
// our calendar (datePicker). Fyne's own DateEntry takes its format from the
// system's region and writes 28/11/2026 in Kazakhstan; secretaries write
// 28.11.2026.
type DateEntry struct {
	widget.Entry
	// Today is the day the calendar marks and offers.
	Today func() model.Date
	// OnCalendar, when set, is told of the calendar pop-up just opened and
	// of how to close it (the window closes it on Esc).
	OnCalendar func(popUp fyne.CanvasObject, close func())
}

// NewDateEntry returns an empty date entry calling changed on every edit.
func NewDateEntry(today func() model.Date, changed func(string)) *DateEntry {
	e := &DateEntry{Today: today}
	e.ExtendBaseWidget(e)
	e.PlaceHolder = lang.L("placeholder.date")
	e.OnChanged = changed
	e.ActionItem = widget.NewButtonWithIcon("", theme.CalendarIcon(), e.pick)
	return e
}

// pick opens the calendar under the field; Esc or a tap outside closes it.
func (e *DateEntry) pick() {
	c := fyne.CurrentApp().Driver().CanvasForObject(e)
	if c == nil {
		return // not on screen
	}
	var pop *widget.PopUp
	cal := newDatePicker(e.Date(), e.Today(), func(d model.Date) {
		e.SetText(d.String())
		pop.Hide()
	})
	pop = widget.NewPopUp(cal.root, c)
	pos := fyne.CurrentApp().Driver().AbsolutePositionForObject(e)
	pop.ShowAtPosition(pos.Add(fyne.NewPos(0, e.Size().Height)))
	if e.OnCalendar != nil {
		e.OnCalendar(c.Overlays().Top(), pop.Hide)
	}
}

// Date returns the entered date, zero when empty or not a date.
func (e *DateEntry) Date() model.Date {
	d, _ := model.ParseDate(e.Text)
	return d
}

// Problem returns the message key when the text is not a date, "" when it
// is one or is empty.
func (e *DateEntry) Problem() string {
	if _, err := model.ParseDate(e.Text); errors.Is(err, model.ErrNoSuchDate) {
		return "err.date_nonexistent" // 31.02.2028: the format is right
	} else if err != nil {
		return "err.date_invalid"
	}
	return ""
}

// SetDate shows d.
func (e *DateEntry) SetDate(d model.Date) { e.SetText(d.String()) }
