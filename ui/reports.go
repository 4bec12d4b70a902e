package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// reportsScreen gathers the documents PartnerDesk makes: the calendar of
// dates, and (from their own packages) the Excel register and the PDF
// documents.
type reportsScreen struct {
	u    *UI
	root *fyne.Container
}

func newReportsScreen(u *UI) screen { return &reportsScreen{u: u, root: container.NewStack()} }

func (s *reportsScreen) view() fyne.CanvasObject { return s.root }

func (s *reportsScreen) refresh() {
	section := func(titleKey, textKey string, actions ...fyne.CanvasObject) fyne.CanvasObject {
		text := widget.NewLabel(tr(textKey))
		text.Wrapping = fyne.TextWrapWord
		return widget.NewCard(tr(titleKey), "", container.NewVBox(text, container.NewHBox(actions...)))
	}
	cal := widget.NewButtonWithIcon(tr("menu.export_calendar"), theme.CalendarIcon(), s.u.onExportCalendar)
	backup := widget.NewButtonWithIcon(tr("menu.backup"), theme.DocumentSaveIcon(), s.u.onBackup)
	body := container.NewVBox(heading("nav.reports"),
		section("reports.calendar", "reports.calendar_text", cal),
		section("reports.backup", "reports.backup_text", backup),
	)
	s.root.Objects = []fyne.CanvasObject{container.NewVScroll(container.NewPadded(body))}
	s.root.Refresh()
}
