package ui

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/partnerdesk/partnerdesk/model/store"
	"github.com/partnerdesk/partnerdesk/ui/widgets"
)

// copyEvery is the least time between two last copies written after
// changes on the server (a variable for the tests).
var copyEvery = 3 * time.Minute

// copier keeps the last copy of the server's data while the app is
// connected: once after the data was loaded, then after changes (which
// the server announces), at most every copyEvery.
type copier struct {
	st    *store.Store
	path  string
	every time.Duration
	stop  context.CancelFunc
	done  chan struct{}
}

// startCopier starts keeping the last copy of st.
func (l *launcher) startCopier(st *store.Store, c serverConn) {
	path, err := lastCopyPath(c)
	if err != nil {
		return
	}
	ctx, cancel := context.WithCancel(context.Background())
	cp := &copier{st: st, path: path, every: copyEvery, stop: cancel, done: make(chan struct{})}
	l.server.copier = cp
	changes, err := st.Subscribe(ctx)
	if err != nil {
		changes = nil // no announcements: the copy after loading only
	}
	go cp.run(ctx, changes)
}

// stopCopier stops the copier, waiting for a copy being written.
func (l *launcher) stopCopier() {
	if cp := l.server.copier; cp != nil {
		cp.stop()
		<-cp.done
		l.server.copier = nil
	}
}

func (cp *copier) run(ctx context.Context, changes <-chan store.Change) {
	defer close(cp.done)
	cp.write()
	tick := time.NewTicker(cp.every / 6)
	defer tick.Stop()
	last, dirty := time.Now(), false
	for {
		select {
		case <-ctx.Done():
			return
		case _, ok := <-changes:
			if !ok {
				changes = nil
			}
			dirty = ok || dirty
		case <-tick.C:
			if dirty && time.Since(last) >= cp.every {
				cp.write()
				last, dirty = time.Now(), false
			}
		}
	}
}

// write writes the copy; a failure (a full disk) is reported on the
// standard error only: the work on the server goes on.
func (cp *copier) write() {
	if err := os.MkdirAll(filepath.Dir(cp.path), 0o700); err == nil {
		err = cp.st.SaveCopy(cp.path)
		if err == nil {
			return
		}
		fmt.Fprintln(os.Stderr, "PartnerDesk: the last copy of the server's data:", err)
	}
}

// showUnreachable says that the server cannot be reached and offers to
// try again, to open the last copy read-only, or to change the
// connection.
func (l *launcher) showUnreachable(c serverConn, err error) {
	title := widget.NewLabelWithStyle(
		tr("connect.unreachable_title"),
		fyne.TextAlignLeading,
		fyne.TextStyle{Bold: true},
	)
	title.SizeName = theme.SizeNameSubHeadingText
	body := container.NewVBox(title, widgets.Wrapped(connectErrorText(c, err)))
	body.Add(widget.NewAccordion(widget.NewAccordionItem(tr("diag.details"), widgets.Wrapped(err.Error()))))
	progress := widget.NewProgressBarInfinite()
	progress.Hide()
	var retry *widget.Button
	retry = widget.NewButtonWithIcon(tr("connect.retry"), theme.ViewRefreshIcon(), func() {
		retry.Disable()
		progress.Show()
		l.retry(c, func() { retry.Enable(); progress.Hide() })
	})
	retry.Importance = widget.HighImportance
	buttons := container.NewHBox(retry)
	if path, when, ok := l.lastCopy(c); ok {
		buttons.Add(widget.NewButtonWithIcon(tr("connect.open_copy", "Time", when), theme.DocumentIcon(),
			func() { l.openLastCopy(path, when) }))
	}
	buttons.Add(progress)
	others := container.NewHBox(
		widget.NewButtonWithIcon(tr("connect.settings"), theme.SettingsIcon(), func() { l.showConnect(c, "") }),
		widget.NewButton(tr("Quit"), l.app.Quit))
	body.Add(buttons)
	body.Add(others)
	l.win.SetMainMenu(nil)
	l.win.SetContent(container.NewPadded(container.NewVScroll(body)))
}

// retry tries the server again in the background; again, when it fails.
func (l *launcher) retry(c serverConn, failed func()) {
	var st *store.Store
	password := l.server.password
	l.runLater(func() error {
		var err error
		st, err = store.OpenURL(c.url(password), store.Options{})
		return err
	}, func(err error) {
		if err == nil {
			l.useServer(st, c, password, false)
			return
		}
		failed()
		if store.ConnectProblem(err) != store.ProblemUnreachable || l.u != nil && l.u.opts.lastCopy != "" {
			dialog.ShowInformation(tr("connect.unreachable_title"), connectErrorText(c, err), l.win)
			return
		}
		l.showUnreachable(c, err)
	})
}

// lastCopy returns the connection's last copy and its time, if there is
// one.
func (l *launcher) lastCopy(c serverConn) (path, when string, ok bool) {
	path, err := lastCopyPath(c)
	if err != nil {
		return "", "", false
	}
	fi, err := os.Stat(path)
	if err != nil {
		return "", "", false
	}
	return path, fi.ModTime().Local().Format("02.01.2006 15:04"), true
}

// openLastCopy opens the last copy read-only: everything can be read and
// printed, nothing saved, and a banner says so.
func (l *launcher) openLastCopy(path, when string) {
	st, err := store.Open(path, store.Options{ReadOnly: true})
	if err != nil {
		dialog.ShowError(fmt.Errorf("%s", errorText(err)), l.win)
		return
	}
	l.closeCurrent()
	l.st, l.set = st, nil
	opts := l.opts
	opts.Backups, opts.lastCopy = nil, when
	l.show(st, opts)
}

// lastCopyBanner is the band above the window's content while the last
// copy is open: what it is, and "Try again".
func (u *UI) lastCopyBanner() fyne.CanvasObject {
	text := widget.NewLabelWithStyle(
		tr("connect.banner", "Time", u.opts.lastCopy),
		fyne.TextAlignLeading,
		fyne.TextStyle{Bold: true},
	)
	text.Wrapping = fyne.TextWrapWord
	text.Importance = widget.WarningImportance
	l := u.opts.launcher
	retry := widget.NewButtonWithIcon(tr("connect.retry"), theme.ViewRefreshIcon(), nil)
	retry.OnTapped = func() {
		retry.Disable()
		l.retry(l.server.conn, func() { retry.Enable() })
	}
	return container.NewVBox(
		container.NewBorder(nil, nil, widget.NewIcon(theme.WarningIcon()), retry, text),
		widget.NewSeparator(),
	)
}
