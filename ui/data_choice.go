package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/partnerdesk/partnerdesk/model/store"
	"github.com/partnerdesk/partnerdesk/ui/widgets"
)

// dataChoice is "where the data is kept": a data file on this computer or
// the university's server, on the first-run panel and in Settings → Data.
// Choosing shows that choice's part; nothing switches until the user
// connects (or, in Settings, asks to use the data file).
type dataChoice struct {
	u      *UI
	radio  *widget.RadioGroup
	file   fyne.CanvasObject
	server *fyne.Container
	panel  *connectPanel
	root   *fyne.Container
}

// whereChoice returns the choice with file as the data file's part;
// onServer says whether the app is on the server now.
func (u *UI) whereChoice(file fyne.CanvasObject, onServer bool) fyne.CanvasObject {
	d := &dataChoice{u: u, file: file, server: container.NewVBox()}
	selected := tr("connect.choice_file")
	if onServer {
		selected = tr("connect.choice_server")
	}
	d.radio = &widget.RadioGroup{Options: []string{tr("connect.choice_file"), tr("connect.choice_server")},
		Selected: selected, Required: true, OnChanged: d.onChoice}
	d.radio.ExtendBaseWidget(d.radio)
	d.root = container.NewVBox(widgets.Heading("connect.where"), d.radio, container.NewStack(file, d.server))
	d.onChoice(selected)
	u.dataChoice = d
	return d.root
}

func (d *dataChoice) onChoice(choice string) {
	if choice != tr("connect.choice_server") {
		d.server.Hide()
		d.file.Show()
		return
	}
	if d.panel == nil {
		l := d.u.opts.launcher
		d.panel = newConnectPanel(d.u.win, l.server.conn, "", d.u.runLater, l.connected)
		d.server.Objects = []fyne.CanvasObject{d.panel.root}
	}
	d.file.Hide()
	d.server.Show()
	d.server.Refresh()
}

// dataPlace is Settings → Data's account of where the data is, with the
// way to the other place.
func (s *settingsScreen) dataPlace(fileTools fyne.CanvasObject) fyne.CanvasObject {
	u := s.u
	l := u.opts.launcher
	if l == nil {
		return fileTools
	}
	onServer := u.onServer()
	if !onServer && u.opts.lastCopy == "" {
		return u.whereChoice(fileTools, false)
	}
	// On the server (or its last copy): the file part offers to go back.
	current := widgets.Wrapped(tr("connect.current", "Connection", l.server.conn.String()))
	if st, ok := u.store.(*store.Store); ok && onServer {
		role := tr("connect.role", "Role", tr("connect.role."+st.Role()), "Department", st.Department())
		current.SetText(current.Text + "\n" + role)
	}
	useFile := widget.NewButtonWithIcon(tr("connect.use_file"), theme.StorageIcon(), l.useFile)
	file := container.NewVBox(widgets.Wrapped(tr("connect.file_hint")), container.NewHBox(useFile))
	return container.NewVBox(current, u.whereChoice(file, true))
}

// onServer reports whether the app works on the university's server.
func (u *UI) onServer() bool {
	st, ok := u.store.(*store.Store)
	return ok && st.Server()
}
