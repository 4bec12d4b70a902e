package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/partnerdesk/partnerdesk/model"
	"github.com/partnerdesk/partnerdesk/reports/excel"
	"github.com/partnerdesk/partnerdesk/ui/widgets"
)

// reportsScreen gathers what PartnerDesk makes and takes in: the Excel
// register for the ministry, the PDF register, the JSON data set, imports
// and merges of registers, the calendar of dates and a backup.
type reportsScreen struct {
	u    *UI
	root *fyne.Container
}

func newReportsScreen(u *UI) screen { return &reportsScreen{u: u, root: container.NewStack()} }

func (s *reportsScreen) view() fyne.CanvasObject { return s.root }

func (s *reportsScreen) refresh() {
	section := func(titleKey, textKey string, content ...fyne.CanvasObject) fyne.CanvasObject {
		return widget.NewCard(tr(titleKey), "", container.NewVBox(append([]fyne.CanvasObject{widgets.Wrapped(tr(textKey))}, content...)...))
	}
	cal := widget.NewButtonWithIcon(tr("menu.export_calendar"), theme.CalendarIcon(), s.u.onExportCalendar)
	backup := widget.NewButtonWithIcon(tr("menu.backup"), theme.DocumentSaveIcon(), s.u.onBackup)
	json := widget.NewButtonWithIcon(tr("reports.json_export"), theme.DownloadIcon(), s.u.exportJSON)
	imp := widget.NewButtonWithIcon(tr("reports.import"), theme.UploadIcon(), func() { s.u.chooseImportFile(false) })
	merge := widget.NewButtonWithIcon(tr("reports.merge"), theme.ContentCopyIcon(),
		func() { s.u.chooseImportFile(true) })
	pdfReg := widget.NewButtonWithIcon(tr("reports.pdf_register"), theme.DocumentPrintIcon(),
		func() { s.u.goTo("agreements", s.u.printCurrentList) })
	grid := container.NewVBox(
		section("reports.excel", "reports.excel_text", s.excelForm()),
		section("reports.pdf", "reports.pdf_text", container.NewHBox(pdfReg)),
		section("reports.transfer", "reports.transfer_text", container.NewHBox(imp, merge), container.NewHBox(json)),
		section("reports.calendar", "reports.calendar_text", container.NewHBox(cal)),
		section("reports.backup", "reports.backup_text", container.NewHBox(backup)),
	)
	body := container.NewVBox(widgets.Heading("nav.reports"), grid)
	s.root.Objects = []fyne.CanvasObject{container.NewVScroll(container.NewPadded(body))}
	s.root.Refresh()
}

// excelForm chooses the register's language, period and statuses.
func (s *reportsScreen) excelForm() fyne.CanvasObject {
	langs := model.Languages
	names := make([]string, len(langs))
	for i, l := range langs {
		names[i] = tr("lang." + l)
	}
	lang := widgets.NewSelect(names, nil)
	lang.SetSelectedIndex(0) // ministries read Russian
	from, until := s.u.newDateEntry(nil), s.u.newDateEntry(nil)
	y := s.u.today().Year()
	from.SetDate(model.NewDate(y, 1, 1))
	until.SetDate(model.NewDate(y, 12, 31))
	inForce := widget.NewCheck(tr("reports.in_force_only"), nil)
	options := func() excel.Options {
		o := excel.Options{Lang: langs[max(lang.SelectedIndex(), 0)], From: from.Date(), To: until.Date()}
		if inForce.Checked {
			o.Statuses = []model.Status{model.StatusActive, model.StatusExpiring}
		}
		return o
	}
	picker := newLayoutPicker(s.u)
	layout := picker.view(options)
	export := widget.NewButtonWithIcon(tr("reports.excel_export"), theme.DocumentSaveIcon(),
		func() { picker.export(options()) })
	export.Importance = widget.HighImportance
	return container.NewVBox(layout,
		widgets.NewColumns(3, container.NewVBox(widgets.Heading("doc.language"), lang),
			container.NewVBox(widgets.Heading("reports.from"),
				from), container.NewVBox(widgets.Heading("reports.to"), until)),
		inForce, container.NewHBox(export, picker.pdf()))
}

// printCurrentList prints the agreements list as it is filtered.
func (u *UI) printCurrentList() {
	if s, ok := u.currentScreen().(*agreementsScreen); ok {
		s.print()
	}
}
