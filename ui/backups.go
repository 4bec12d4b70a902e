package ui

import (
	"fmt"
	"path/filepath"
	"strconv"

	"fyne.io/fyne/v2/dialog"
	"github.com/partnerdesk/partnerdesk/reports"
	"github.com/partnerdesk/partnerdesk/ui/widgets"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/partnerdesk/partnerdesk/model/store/backup"
)

// Backups is the backup service of a data file on disk: the app has one
// (Launch provides it); an in-memory store has none.
type Backups interface {
	// List returns the backups, newest first, with their record counts.
	List() ([]backup.Info, error)
	// BackUpNow takes a verified backup by hand.
	BackUpNow() (backup.Backup, error)
	// BeforeImport takes the verified backup that precedes an import or a
	// merge; the import goes ahead only when it succeeded.
	BeforeImport() error
	// Restore replaces the data file with a backup (backing up the
	// current file first) and reopens the app on it.
	Restore(path string) error
	// Dir is the folder the backups are kept in.
	Dir() string
	// CopyTo writes a verified copy of the data file to path (File → Back
	// up).
	CopyTo(path string) error
}

func (l *launcher) List() ([]backup.Info, error)      { return l.set.ListInfo() }
func (l *launcher) BackUpNow() (backup.Backup, error) { return l.set.Manual(l.st) }
func (l *launcher) Dir() string                       { return l.set.Dir() }

func (l *launcher) CopyTo(path string) error {
	if err := l.st.CheckTarget(path); err != nil {
		return err
	}
	_, _, err := backup.TakeTo(l.st, path)
	return err
}

func (l *launcher) BeforeImport() error {
	if _, err := l.set.BeforeImport(l.st); err != nil && !isRotateError(err) {
		return err
	}
	return nil
}

func (l *launcher) Restore(path string) error {
	data := l.set.DataPath()
	l.waitWork()
	if err := l.st.Close(); err != nil {
		return err
	}
	l.st = nil
	_, err := l.set.Restore(path)
	l.open(data) // reopen whatever the data file is now
	return err
}

var _ Backups = (*launcher)(nil)

// backupsBox is the Settings section that lists the backups and restores
// one.
func (u *UI) backupsBox() fyne.CanvasObject {
	if u.opts.Backups == nil {
		return container.NewVBox()
	}
	b := u.opts.Backups
	list := container.NewVBox(widget.NewProgressBarInfinite())
	load := func() {
		var infos []backup.Info
		u.runLater(func() (err error) { infos, err = b.List(); return err },
			func(err error) { u.showBackupList(list, infos, err) })
	}
	now := widget.NewButtonWithIcon(tr("backups.now"), theme.DocumentSaveIcon(), func() {
		u.runLater(func() error { _, err := b.BackUpNow(); return err }, func(err error) {
			if err != nil && !isRotateError(err) {
				u.showError(err)
			}
			load()
		})
	})
	folder := widget.NewButtonWithIcon(tr("action.open_folder"), theme.FolderOpenIcon(), func() { u.openPath(b.Dir()) })
	fromFile := widget.NewButtonWithIcon(tr("repair.restore_file"), theme.HistoryIcon(), u.onRestoreFile)
	load()
	return container.NewVBox(widgets.Heading("backups.title"), widgets.Wrapped(tr("backups.explained")),
		container.NewHBox(now, folder, fromFile), list)
}

func (u *UI) showBackupList(box *fyne.Container, infos []backup.Info, err error) {
	box.RemoveAll()
	if err != nil {
		box.Add(widgets.Wrapped(errorText(err)))
		return
	}
	if len(infos) == 0 {
		box.Add(widget.NewLabel(tr("backups.none")))
	}
	for _, in := range infos {
		text := fmt.Sprintf("%s · %s · %s · %s", in.Time.Local().Format("02.01.2006 15:04"),
			tr("backups.kind_"+string(in.Kind)),
			reports.FormatSize(in.Size), tr("backups.counts", "Partners", strconv.Itoa(in.Counts.Partners),
				"Agreements", strconv.Itoa(in.Counts.Agreements)))
		var action fyne.CanvasObject
		if in.Err != nil {
			bad := widget.NewLabel(tr("backups.bad"))
			bad.Importance = widget.DangerImportance
			action = bad
		} else {
			info := in
			action = widget.NewButtonWithIcon(tr("backups.restore"), theme.HistoryIcon(),
				func() { u.confirmRestore(info) })
		}
		box.Add(container.NewBorder(nil, nil, nil, action, widget.NewLabel(text)))
	}
}

// onRestoreFile restores a backup kept elsewhere (File → Back up writes
// them, compressed .db.zst or plain .db), after asking.
func (u *UI) onRestoreFile() {
	d := dialog.NewFileOpen(func(r fyne.URIReadCloser, err error) {
		if err != nil || r == nil {
			return
		}
		path := r.URI().Path()
		r.Close()
		u.confirmDanger(tr("backups.restore"), tr("repair.restore_file_confirm", "Name", filepath.Base(path)),
			tr("backups.restore"), func() {
				u.leave(func() {
					if err := u.opts.Backups.Restore(path); err != nil {
						u.showError(err)
					}
				}, nil)
			})
	}, u.win)
	d.Resize(fyne.NewSize(800, 560))
	d.Show()
}

func (u *UI) confirmRestore(in backup.Info) {
	msg := tr("backups.confirm", "Date", in.Time.Local().Format("02.01.2006 15:04"),
		"Partners", strconv.Itoa(in.Counts.Partners), "Agreements", strconv.Itoa(in.Counts.Agreements))
	u.confirmDanger(tr("backups.restore"), msg, tr("backups.restore"), func() {
		u.leave(func() {
			if err := u.opts.Backups.Restore(in.Path); err != nil {
				u.showError(err)
			}
		}, nil)
	})
}
