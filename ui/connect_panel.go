package ui

import (
	"errors"
	"strconv"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/partnerdesk/partnerdesk/model/store"
	"github.com/partnerdesk/partnerdesk/ui/widgets"
)

// tlsModes are the choices of the TLS list, in order.
var tlsModes = []string{tlsVerifyFull, tlsRequire, tlsDisable}

// connectPanel asks for a connection to the university's server and tries
// it off the interface's goroutine. It is shown on the first-run panel,
// in Settings → Data, and when a remembered connection needs a password
// or failed.
type connectPanel struct {
	win fyne.Window
	// run runs slow work off the interface's goroutine (u.runLater or the
	// launcher's).
	run func(work func() error, done func(error))
	// connected receives the open store.
	connected func(st *store.Store, c serverConn, password string, remember bool)

	host, port, database, login, password, caFile *widget.Entry
	tls                                           *widget.Select
	tlsHint, status                               *widget.Label
	remember                                      *widget.Check
	connect                                       *widget.Button
	progress                                      *widget.ProgressBarInfinite
	root                                          *fyne.Container
}

// newConnectPanel builds the panel filled with c; note, when not empty,
// is shown above the button (why the panel is shown).
func newConnectPanel(win fyne.Window, c serverConn, note string, run func(func() error, func(error)),
	connected func(*store.Store, serverConn, string, bool),
) *connectPanel {
	p := &connectPanel{win: win, run: run, connected: connected}
	if c.Port == 0 {
		c.Port = defaultPort
	}
	if c.TLS == "" {
		c.TLS = tlsVerifyFull
	}
	if c.Database == "" {
		c.Database = defaultDatabase
	}
	entry := func(text, placeholder string) *widget.Entry {
		e := &widget.Entry{Text: text, PlaceHolder: placeholder, OnSubmitted: p.onSubmitted}
		e.ExtendBaseWidget(e)
		return e
	}
	p.host = entry(c.Host, tr("connect.host_placeholder"))
	p.port = entry(strconv.Itoa(c.Port), strconv.Itoa(defaultPort))
	p.database = entry(c.Database, "")
	p.login = entry(c.Login, "")
	p.password = &widget.Entry{Password: true, OnSubmitted: p.onSubmitted}
	p.password.ExtendBaseWidget(p.password)
	p.caFile = entry(c.CAFile, tr("connect.ca_placeholder"))
	p.tlsHint = widgets.Wrapped(tr("connect.tls_hint." + c.TLS))
	p.tls = &widget.Select{Options: tlsLabels(), Selected: tr("connect.tls." + c.TLS), OnChanged: p.onTLS}
	p.tls.ExtendBaseWidget(p.tls)
	p.remember = &widget.Check{Text: tr("connect.remember"), Checked: true}
	p.remember.ExtendBaseWidget(p.remember)
	p.status = widgets.Wrapped(note)
	p.status.Importance = widget.WarningImportance
	p.progress = widget.NewProgressBarInfinite()
	p.progress.Hide()
	p.connect = &widget.Button{
		Text:       tr("connect.connect"),
		Icon:       theme.LoginIcon(),
		Importance: widget.HighImportance,
		OnTapped:   p.onConnect,
	}
	p.connect.ExtendBaseWidget(p.connect)
	choose := &widget.Button{Text: tr("connect.choose"), Icon: theme.FolderOpenIcon(), OnTapped: p.onChooseCA}
	choose.ExtendBaseWidget(choose)
	form := &widget.Form{Items: []*widget.FormItem{
		{Text: tr("connect.host"), Widget: p.host},
		{Text: tr("connect.port"), Widget: p.port},
		{Text: tr("connect.database"), Widget: p.database},
		{Text: tr("connect.login"), Widget: p.login},
		{Text: tr("connect.password"), Widget: p.password},
		{Text: tr("connect.tls"), Widget: p.tls, HintText: ""},
		{Text: tr("connect.ca"), Widget: container.NewBorder(nil, nil, nil, choose, p.caFile)},
	}}
	form.ExtendBaseWidget(form)
	p.root = container.NewVBox(form, p.tlsHint, p.remember, p.status, container.NewHBox(p.connect, p.progress))
	p.refreshCA()
	return p
}

func tlsLabels() []string {
	out := make([]string, len(tlsModes))
	for i, m := range tlsModes {
		out[i] = tr("connect.tls." + m)
	}
	return out
}

// mode returns the TLS mode chosen.
func (p *connectPanel) mode() string {
	for i, l := range tlsLabels() {
		if l == p.tls.Selected {
			return tlsModes[i]
		}
	}
	return tlsVerifyFull
}

func (p *connectPanel) onTLS(string) {
	p.tlsHint.SetText(tr("connect.tls_hint." + p.mode()))
	p.refreshCA()
}

// refreshCA enables the CA certificate only where it is checked.
func (p *connectPanel) refreshCA() {
	if p.mode() == tlsVerifyFull {
		p.caFile.Enable()
	} else {
		p.caFile.Disable()
	}
}

func (p *connectPanel) onChooseCA() {
	d := dialog.NewFileOpen(func(r fyne.URIReadCloser, err error) {
		if err != nil || r == nil {
			return
		}
		p.caFile.SetText(r.URI().Path())
		r.Close()
	}, p.win)
	d.Resize(fyne.NewSize(800, 560))
	d.Show()
}

func (p *connectPanel) onSubmitted(string) { p.onConnect() }

// conn returns the connection as filled in.
func (p *connectPanel) conn() (serverConn, error) {
	c := serverConn{Host: strings.TrimSpace(p.host.Text), Database: strings.TrimSpace(p.database.Text),
		Login: strings.TrimSpace(p.login.Text), TLS: p.mode(), CAFile: strings.TrimSpace(p.caFile.Text)}
	port, err := strconv.Atoi(strings.TrimSpace(p.port.Text))
	if err != nil {
		return c, errors.New(tr("connect.err.port"))
	}
	c.Port = port
	return c, c.validate()
}

// onConnect tries the connection in the background and says what failed.
func (p *connectPanel) onConnect() {
	if p.connect.Disabled() {
		return
	}
	c, err := p.conn()
	if err != nil {
		p.status.SetText(err.Error())
		return
	}
	password, remember := p.password.Text, p.remember.Checked
	p.status.SetText(tr("connect.trying", "Server", c.Host+":"+strconv.Itoa(c.Port)))
	p.connect.Disable()
	p.progress.Show()
	var st *store.Store
	p.run(func() error {
		var err error
		st, err = store.OpenURL(c.url(password), store.Options{})
		return err
	}, func(err error) {
		p.connect.Enable()
		p.progress.Hide()
		if err != nil {
			p.status.SetText(connectErrorText(c, err))
			return
		}
		p.status.SetText("")
		p.connected(st, c, password, remember)
	})
}
