package ui

import (
	"errors"
	"os"
	"strconv"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/partnerdesk/partnerdesk/model/store"
	"github.com/partnerdesk/partnerdesk/model/store/backup"
	"github.com/partnerdesk/partnerdesk/model/store/drive"
	"github.com/partnerdesk/partnerdesk/ui/widgets"
)

// quickOpenSize is the file size from which the app checks the records in
// the background after showing its window, instead of before: at 265 MB
// (50,000 agreements) the full check takes seconds.
const quickOpenSize = 32 << 20

// Launch opens the data file at path the safe way and shows the app in
// win: a file on a network or removable drive is warned about; a locked,
// damaged or too new file is explained in plain words with the choices
// (restore the newest good backup, try again, open another file, quit)
// and never written to; a sound file opens, and a verified daily backup
// is taken in the background. The returned function closes the file.
func Launch(app fyne.App, win fyne.Window, path string, opts Options) (closeStore func()) {
	l := launch(app, win, path, opts)
	return l.close
}

// launch is Launch, returning the launcher (tests wait for its
// background work).
func launch(app fyne.App, win fyne.Window, path string, opts Options) *launcher {
	applyLook(app, opts) // the launcher's own dialogs come before New
	l := &launcher{app: app, win: win, opts: opts}
	l.opts.launcher = l
	l.open(path)
	return l
}

// applyLook sets the theme and the interface language (opts.Language,
// else the one last chosen) and returns the language's code.
func applyLook(app fyne.App, opts Options) string {
	app.Settings().SetTheme(newTheme())
	code := opts.Language
	if code == "" {
		code = app.Preferences().String(prefLanguage)
	}
	return setLanguage(code)
}

// close waits for a backup in progress, then closes the file.
func (l *launcher) close() {
	if l.u != nil {
		l.u.stopWatching() // the server's changes go with the store
	}
	l.stopCopier()
	l.server.busy.Wait()
	l.waitWork()
	if l.st != nil {
		l.st.Close()
	}
}

// launcher carries the launch sequence and, once the file is open, the
// backups service of the running app.
type launcher struct {
	app  fyne.App
	win  fyne.Window
	opts Options
	set  *backup.Set
	st   *store.Store
	u    *UI
	// server is the connection to the university's server, when the app
	// uses one (server_open.go).
	server serverState
}

// waitWork waits until no background work (a check, a backup, an export)
// still reads the file: the file is closed or replaced only then.
func (l *launcher) waitWork() {
	if l.u != nil {
		l.u.working.Wait()
	}
}

func (l *launcher) open(path string) {
	if store.IsServerURL(path) {
		l.openServer(path)
		return
	}
	l.app.Preferences().SetString(prefLastFile, path)
	warning := drive.Check(path)
	l.set = backup.New(path, backup.Options{})
	quick := false
	if fi, err := os.Stat(path); err == nil && fi.Size() >= quickOpenSize {
		quick = true
	}
	var d *backup.Diagnosis
	if quick {
		l.st, d = l.set.OpenQuick(store.Options{})
	} else {
		l.st, d = l.set.OpenOrDiagnose(store.Options{})
	}
	if d != nil {
		l.showDiagnosis(d)
		return
	}
	opts := l.opts
	opts.Backups = l
	if l.u == nil {
		l.u = New(l.app, l.win, l.st, opts)
	} else {
		l.u.store, l.u.opts = l.st, opts
		if err := l.u.load(); err != nil {
			l.u.showError(err)
		}
		l.u.rebuild()
	}
	if warning != nil {
		l.u.showWarning(tr("drive."+warning.Kind.String(), "Path", path))
	}
	l.checkAndBackUp(quick)
}

// checkAndBackUp does, off the interface goroutine, what the launch leaves
// for after the window shows: the check of a large file that was opened
// unchecked (quick), then the daily backup — none of a damaged file.
func (l *launcher) checkAndBackUp(quick bool) {
	st, u := l.st, l.u
	var damaged error
	u.runLater(func() error {
		if quick {
			if damaged = st.Check(); damaged != nil {
				return nil
			}
		}
		if _, _, err := l.set.Daily(st); err != nil && !isRotateError(err) {
			return err
		}
		return nil
	}, func(err error) {
		if damaged != nil {
			l.damagedLater(damaged)
		} else if err != nil {
			u.showError(err)
		}
	})
}

func isRotateError(err error) bool {
	var re *backup.RotateError
	return errors.As(err, &re)
}

// showDiagnosis explains why the file was not opened and offers what the
// user can do; nothing has been written to the file.
func (l *launcher) showDiagnosis(d *backup.Diagnosis) {
	title := widget.NewLabelWithStyle(tr("msg.cannot_open"), fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	title.SizeName = theme.SizeNameSubHeadingText
	body := container.NewVBox(title, widgets.Wrapped(diagnosisText(d)))
	if len(d.Damaged) > 0 {
		body.Add(widgets.Wrapped(tr("repair.explained", "Count",
			strconv.Itoa(len(d.Damaged))) + "\n" + joinLines(d.Details, 5)))
	}
	if len(d.Details) > 0 {
		details := widgets.Wrapped(joinLines(d.Details, 20))
		body.Add(widget.NewAccordion(widget.NewAccordionItem(tr("diag.details"), details)))
	}
	buttons := container.NewHBox()
	for _, c := range d.Choices {
		switch c {
		case backup.ChoiceRepair:
			b := widget.NewButtonWithIcon(tr("repair.button"), theme.ConfirmIcon(), func() { l.repair(d.Path) })
			b.Importance = widget.HighImportance
			buttons.Add(b)
		case backup.ChoiceRestore:
			b := widget.NewButtonWithIcon(tr("diag.restore"), theme.HistoryIcon(), func() {
				if _, err := l.set.Restore(d.Newest.Path); err != nil {
					dialog.ShowError(errors.New(errorText(err)), l.win)
					return
				}
				l.open(d.Path)
			})
			if len(d.Damaged) == 0 {
				b.Importance = widget.HighImportance
			}
			buttons.Add(b)
		case backup.ChoiceRetry:
			buttons.Add(widget.NewButtonWithIcon(tr("diag.retry"), theme.ViewRefreshIcon(), func() { l.open(d.Path) }))
		case backup.ChoiceOpenOther:
			buttons.Add(widget.NewButtonWithIcon(tr("diag.open_other"), theme.FolderOpenIcon(), l.openOther))
		case backup.ChoiceQuit:
			buttons.Add(widget.NewButton(tr("Quit"), l.app.Quit))
		}
	}
	body.Add(buttons)
	l.win.SetMainMenu(nil)
	l.win.SetContent(container.NewPadded(container.NewVScroll(body)))
	l.win.Resize(fyne.NewSize(720, 420))
}

// repair takes the damaged records back from the backups, then opens the
// file again.
func (l *launcher) repair(path string) {
	r, err := l.set.Repair()
	if err == nil && len(r.Problems) > 0 {
		err = errors.New(tr("repair.incomplete") + "\n\n" + joinLines(r.Problems, 10))
	}
	if err != nil {
		dialog.ShowError(errors.New(errorText(err)), l.win)
		return
	}
	l.open(path)
}

// damagedLater reports what the background check of a large file found:
// when only records are damaged it offers to repair them in place (the
// store stays open), else the backups.
func (l *launcher) damagedLater(err error) {
	var ce *store.CheckError
	if !errors.As(err, &ce) || len(ce.Damaged) == 0 {
		l.u.showDamagedLater(err)
		return
	}
	text := widgets.Wrapped(tr("repair.explained", "Count",
		strconv.Itoa(len(ce.Damaged))) + "\n\n" + joinLines(ce.Problems, 10))
	d := dialog.NewCustomConfirm(tr("msg.warning"), tr("repair.button"), tr("action.close"), text, func(ok bool) {
		if !ok {
			return
		}
		u := l.u
		u.runLater(func() error {
			r, err := l.set.RepairOpen(l.st)
			if err == nil && len(r.Problems) > 0 {
				err = errors.New(tr("repair.incomplete") + "\n\n" + joinLines(r.Problems, 10))
			}
			return err
		}, func(err error) {
			if err == nil {
				err = u.load()
			}
			if err != nil {
				u.showError(err)
				return
			}
			u.rebuild()
		})
	}, l.win)
	d.Resize(fyne.NewSize(560, 300))
	d.Show()
}

// openOther lets the user choose another data file.
func (l *launcher) openOther() {
	d := dialog.NewFileOpen(func(r fyne.URIReadCloser, err error) {
		if err != nil || r == nil {
			return
		}
		path := r.URI().Path()
		r.Close()
		l.open(path)
	}, l.win)
	d.Resize(fyne.NewSize(800, 560))
	d.Show()
}

// diagnosisText puts a diagnosis in the interface's language.
func diagnosisText(d *backup.Diagnosis) string {
	switch d.Problem {
	case backup.ProblemLocked:
		return tr("diag.locked", "Path", d.Path)
	case backup.ProblemNewer:
		return tr("err.newer_file") + "\n" + d.Path
	case backup.ProblemDamaged:
		if d.Newest == nil {
			return tr("diag.damaged_no_backup", "Path", d.Path)
		}
		return tr("diag.damaged", "Path", d.Path, "Date", d.Newest.Time.Local().Format("02.01.2006 15:04"),
			"Partners", strconv.Itoa(d.Newest.Counts.Partners), "Agreements", strconv.Itoa(d.Newest.Counts.Agreements))
	case backup.ProblemUpgrade:
		return tr("diag.upgrade", "Path", d.Path) + "\n" + d.Err.Error()
	}
	return tr("diag.unreadable", "Path", d.Path) + "\n" + d.Err.Error()
}

func joinLines(lines []string, max int) string {
	if len(lines) > max {
		lines = append(lines[:max:max], "…")
	}
	out := ""
	for i, l := range lines {
		if i > 0 {
			out += "\n"
		}
		out += l
	}
	return out
}

// showWarning shows a warning that does not stop the work.
func (u *UI) showWarning(text string) {
	d := dialog.NewCustom(tr("msg.warning"), tr("action.ok"), widgets.Wrapped(text), u.win)
	d.Resize(fyne.NewSize(520, 220))
	d.Show()
}

// showDamagedLater reports records that failed the background check of a
// large file, and offers the backups.
func (u *UI) showDamagedLater(err error) {
	text := widgets.Wrapped(tr("diag.damaged_later") + "\n\n" + errorText(err))
	d := dialog.NewCustomConfirm(tr("msg.warning"), tr("diag.to_backups"), tr("action.close"), text, func(ok bool) {
		if ok {
			u.goTo("settings", nil)
		}
	}, u.win)
	d.Resize(fyne.NewSize(560, 280))
	d.Show()
}
