package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"
)

// ShowStartupError fills win with a plain-words explanation of why the
// data file could not be opened (in use by another copy, damaged, from a
// newer version) and a Quit button. The file is not touched.
func ShowStartupError(app fyne.App, win fyne.Window, err error) {
	app.Settings().SetTheme(newTheme())
	setLanguage(app.Preferences().String(prefLanguage))
	text := widget.NewLabel(errorText(err))
	text.Wrapping = fyne.TextWrapWord
	quit := widget.NewButton(tr("Quit"), func() { app.Quit() })
	quit.Importance = widget.HighImportance
	title := widget.NewLabelWithStyle(tr("msg.cannot_open"), fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	win.SetContent(container.NewPadded(container.NewBorder(title, container.NewHBox(quit), nil, nil, text)))
	win.Resize(fyne.NewSize(560, 260))
}
