package ui

import (
	"errors"
	"strconv"
	"sync"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/partnerdesk/partnerdesk/model/store"
	"github.com/partnerdesk/partnerdesk/ui/keychain"
)

// serverState is the launcher's part for the university's server: what
// it is connected to, the background copier of the last copy, and the
// connection panel while one is shown.
type serverState struct {
	conn serverConn // the connection in use or being asked for
	// password is the connection's password, in memory only, for "Try
	// again".
	password string
	copier   *copier // writes the last copy while connected
	panel    *connectPanel
	busy     sync.WaitGroup // the launcher's own background work (connecting)
}

// openServer opens the university's PartnerDesk server named by a
// postgres:// URL (--db, PARTNERDESK_DB, or the connection remembered
// from the last run). A URL without a password takes it from the
// keychain, or asks for it. What applies to a data file on this computer
// does not: no drive check, no backups (IT backs the server up with
// pg_dump), no repair. A server that cannot be reached is said so, with
// "Try again" and the last copy.
func (l *launcher) openServer(raw string) {
	c, password, err := parseServerURL(raw)
	if err != nil {
		ShowStartupError(l.app, l.win, err)
		return
	}
	l.server.conn = c
	if password == "" {
		password, err = keychain.Get(c.account())
		if err != nil {
			l.askPassword(c, err)
			return
		}
	}
	st, err := store.OpenURL(c.url(password), store.Options{})
	if err != nil {
		l.failed(c, password, err)
		return
	}
	l.useServer(st, c, password, false)
}

// failed shows why the server could not be opened at the start.
func (l *launcher) failed(c serverConn, password string, err error) {
	l.server.password = password
	if store.ConnectProblem(err) == store.ProblemUnreachable {
		l.showUnreachable(c, err)
		return
	}
	l.showConnect(c, connectErrorText(c, err))
}

// askPassword shows the connection panel for a remembered connection
// whose password the keychain does not give.
func (l *launcher) askPassword(c serverConn, err error) {
	note := tr("connect.need_password", "Connection", c.String())
	if errors.Is(err, keychain.ErrUnavailable) && !l.app.Preferences().Bool(prefNoKeychainSaid) {
		note = tr("connect.no_keychain") + "\n" + note
		l.app.Preferences().SetBool(prefNoKeychainSaid, true)
	}
	l.showConnect(c, note)
}

// runLater is the launcher's u.runLater, for the screens it shows before
// (or instead of) the main window's content.
func (l *launcher) runLater(work func() error, done func(error)) {
	runOff(&l.server.busy, nil, work, done)
}

// showConnect fills the window with the connection panel (a remembered
// connection failed or needs its password); the data file on this
// computer is one button away.
func (l *launcher) showConnect(c serverConn, note string) {
	p := newConnectPanel(l.win, c, note, l.runLater, l.connected)
	l.server.panel = p
	title := widget.NewLabelWithStyle(tr("connect.title"), fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	title.SizeName = theme.SizeNameSubHeadingText
	useFile := widget.NewButtonWithIcon(tr("connect.use_file"), theme.StorageIcon(), l.useFile)
	quit := widget.NewButton(tr("Quit"), l.app.Quit)
	body := container.NewVBox(title, p.root, widget.NewSeparator(), container.NewHBox(useFile, quit))
	l.win.SetMainMenu(nil)
	l.win.SetContent(container.NewPadded(container.NewVScroll(body)))
	if p.password.Text == "" {
		l.win.Canvas().Focus(p.password)
	}
}

// connected takes a connection the panel opened: it is remembered (the
// password in the keychain when asked to) and used.
func (l *launcher) connected(st *store.Store, c serverConn, password string, remember bool) {
	l.useServer(st, c, password, true)
	if !remember {
		keychain.Delete(c.account())
		return
	}
	if err := keychain.Set(c.account(), password); errors.Is(err, keychain.ErrUnavailable) {
		if !l.app.Preferences().Bool(prefNoKeychainSaid) {
			l.app.Preferences().SetBool(prefNoKeychainSaid, true)
			l.u.showWarning(tr("connect.no_keychain"))
		}
	} else if err != nil {
		l.u.showError(err)
	}
}

// useServer switches the app to an open server store: the previous store
// is closed, the connection remembered (when asked), the interface
// rebuilt on the server's data, and the last copy kept from now on.
func (l *launcher) useServer(st *store.Store, c serverConn, password string, remember bool) {
	l.closeCurrent()
	l.st, l.set, l.server.conn, l.server.password, l.server.panel = st, nil, c, password, nil
	if remember {
		l.app.Preferences().SetString(prefServer, c.url(""))
	}
	opts := l.opts
	opts.Backups = nil
	l.show(st, opts)
	if err := st.WriteRefusal(); err != nil {
		l.u.showWarning(errorText(err))
	}
	l.startCopier(st, c)
}

// show builds the interface over st, or rebuilds it.
func (l *launcher) show(st *store.Store, opts Options) {
	if l.u == nil {
		l.u = New(l.app, l.win, st, opts)
		return
	}
	l.u.store, l.u.opts = st, opts
	if err := l.u.load(); err != nil {
		l.u.showError(err)
	}
	l.u.rebuild()
	l.u.watchChanges() // the new store's changes, if it is a server
}

// closeCurrent stops the copier and closes the store in use, if any.
func (l *launcher) closeCurrent() {
	if l.u != nil {
		l.u.stopWatching()
	}
	l.stopCopier()
	if l.st != nil {
		l.waitWork()
		l.st.Close()
		l.st = nil
	}
}

// useFile goes back to the data file on this computer (the one used
// before the server, else the default), and forgets the server.
func (l *launcher) useFile() {
	path := l.app.Preferences().String(prefLastFile)
	if path == "" {
		var err error
		if path, err = store.DefaultPath(); err != nil {
			dialog.ShowError(err, l.win)
			return
		}
	}
	l.app.Preferences().SetString(prefServer, "")
	l.closeCurrent()
	l.server.panel = nil
	l.open(path)
}

// serverErrorText words the server's refusals in the interface's
// language (assets/i18n/server.*.json).
func serverErrorText(err error) (string, bool) {
	var perm *store.PermissionError
	var conflict *store.ConflictError
	var schema *store.SchemaMismatchError
	switch {
	case errors.As(err, &perm):
		return tr(perm.Key, "Department", perm.Args["Department"], "Mine", perm.Args["Mine"]), true
	case errors.As(err, &conflict) && conflict.By != "":
		return tr("server.conflict_by", "By", conflict.By, "At", conflict.At), true
	case errors.As(err, &schema):
		return tr("server.schema_mismatch", "Server", strconv.Itoa(schema.Server), "Client",
			strconv.Itoa(schema.Client)), true
	case errors.Is(err, store.ErrServerUnreachable):
		return tr("server.unreachable"), true
	case errors.Is(err, store.ErrReadOnly):
		return tr("connect.read_only"), true
	}
	return "", false
}
