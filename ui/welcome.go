package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
	"github.com/partnerdesk/partnerdesk/ui/widgets"
)

// showWelcome is the first run: it asks for the language and the
// institution's name, and offers demonstration data to try the app with.
func (u *UI) showWelcome() {
	u.nav.UnselectAll()
	title := widget.NewLabelWithStyle(tr("welcome.title"), fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	title.SizeName = theme.SizeNameHeadingText
	intro := widget.NewLabel(tr("welcome.intro"))
	intro.Wrapping = fyne.TextWrapWord
	form := newInstitutionForm(u, true, nil)
	start := widget.NewButtonWithIcon(tr("welcome.start"), theme.ConfirmIcon(), func() {
		form.save()
		if !u.inst.IsZero() {
			u.rebuild()
		}
	})
	start.Importance = widget.HighImportance
	form.saveBtn = start
	form.refreshState()
	buttons := container.NewHBox(start)
	if u.opts.Demo != nil {
		progress := widget.NewProgressBarInfinite()
		progress.Hide()
		var demo *widget.Button
		demo = widget.NewButtonWithIcon(tr("welcome.demo"), theme.MediaPlayIcon(), func() {
			demo.Disable()
			start.Disable()
			progress.Show()
			u.runLater(func() error { return u.opts.Demo(u.store) }, func(err error) {
				progress.Hide()
				if err != nil {
					u.showError(err)
					demo.Enable()
					return
				}
				if err := u.load(); err != nil {
					u.showError(err)
				}
				u.rebuild()
			})
		})
		buttons.Add(demo)
		buttons.Add(progress)
	}
	fileBody := container.NewVBox(widgets.Heading("welcome.institution"), form.root, buttons)
	body := container.NewVBox(title, intro, widget.NewSeparator(),
		widgets.Heading("settings.language"), u.languageSelect())
	if u.opts.launcher != nil && !u.onServer() {
		body.Add(u.whereChoice(fileBody, false))
	} else {
		body.Add(fileBody)
	}
	u.content.Objects = []fyne.CanvasObject{container.NewVScroll(container.NewPadded(body))}
	u.content.Refresh()
	u.win.SetTitle("PartnerDesk")
}
