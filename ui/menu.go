package ui

import (
	"fmt"
	"net/url"
	"path/filepath"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/widget"

	"github.com/partnerdesk/partnerdesk/assets"
	"github.com/partnerdesk/partnerdesk/model/store"
	"github.com/partnerdesk/partnerdesk/model/store/backup"
)

func (u *UI) menu() *fyne.MainMenu {
	nav := func(id string) func() { return func() { u.goTo(id, nil) } }
	file := fyne.NewMenu(tr("menu.file"),
		fyne.NewMenuItem(tr("menu.backup"), u.onBackup),
		fyne.NewMenuItem(tr("menu.export_calendar"), u.onExportCalendar),
		fyne.NewMenuItemSeparator(),
		withKey(fyne.NewMenuItem(tr("menu.save"), u.onSave), keySave),
		withKey(fyne.NewMenuItem(tr("menu.print"), u.onPrint), keyPrint),
		fyne.NewMenuItemSeparator(),
		u.quitItem(),
	)
	edit := fyne.NewMenu(tr("menu.edit"),
		fyne.NewMenuItem(tr("menu.new_partner"), func() { u.goTo("partners", u.newPartner) }),
		fyne.NewMenuItem(tr("menu.new_agreement"), func() { u.goTo("agreements", func() { u.newAgreement(0) }) }),
		withKey(fyne.NewMenuItem(tr("menu.new_here"), u.onNew), keyNew),
		withKey(fyne.NewMenuItem(tr("menu.find"), u.onFind), keyFind),
	)
	view := fyne.NewMenu(tr("menu.view"))
	for _, e := range u.screens {
		view.Items = append(view.Items, fyne.NewMenuItem(tr(e.title), nav(e.id)))
	}
	help := fyne.NewMenu(tr("menu.help"),
		fyne.NewMenuItem(tr("menu.data_file"), u.onDataFile),
		fyne.NewMenuItem(tr("menu.about"), u.onAbout),
	)
	return fyne.NewMainMenu(file, edit, view, help)
}

// shortcuts handles Esc: it closes the top dialog or pop-up, else leaves
// the editor. Ctrl+S, N, F, P and Q are on the menu's items (keys.go).
func (u *UI) shortcuts() {
	c := u.win.Canvas()
	c.SetOnTypedKey(func(ev *fyne.KeyEvent) {
		if ev.Name != fyne.KeyEscape {
			return
		}
		// Esc over a dialog closes it and must not leave the editor behind it.
		if !u.onEscape() && u.page != nil {
			u.leave(u.back, nil)
		}
	})
}

// quitItem is File → Quit (Ctrl+Q): it asks about unsaved changes first,
// as closing the window does.
func (u *UI) quitItem() *fyne.MenuItem {
	q := withKey(fyne.NewMenuItem(tr("menu.quit"), u.onClose), keyQuit)
	q.IsQuit = true
	return q
}

// onSave saves the editor shown (Ctrl+S); with no editor it says there is
// nothing to save rather than doing nothing.
func (u *UI) onSave() {
	if u.win.Canvas().Overlays().Top() != nil {
		return
	}
	if u.page == nil {
		return
	}
	if !u.page.dirty() {
		u.page.flash(tr("msg.nothing_to_save"))
		return
	}
	u.page.save()
}

func (u *UI) onNew() {
	if u.currentCan(canCreate) {
		u.currentScreen().(creator).create()
	}
}

func (u *UI) onPrint() {
	if u.win.Canvas().Overlays().Top() != nil {
		return // a dialog is open: one print dialog at a time
	}
	if p, ok := u.page.(printable); ok {
		p.print()
		return
	}
	if u.currentCan(canPrint) {
		u.currentScreen().(printable).print()
	}
}

// onFind focuses the search box of the screen shown; editors have none.
func (u *UI) onFind() {
	if u.currentCan(canSearch) {
		u.currentScreen().(searcher).focusSearch()
	}
}

// folderURI returns the last folder the user chose files in, if any.
func (u *UI) folderURI() fyne.ListableURI {
	dir := u.prefs.String(prefLastFolder)
	if dir == "" {
		return nil
	}
	l, err := storage.ListerForURI(storage.NewFileURI(dir))
	if err != nil {
		return nil
	}
	return l
}

func (u *UI) rememberFolder(path string) { u.prefs.SetString(prefLastFolder, filepath.Dir(path)) }

// saveFile asks where to save a file with the suggested name and calls
// write with the chosen path.
func (u *UI) saveFile(name string, write func(path string)) {
	d := dialog.NewFileSave(func(w fyne.URIWriteCloser, err error) {
		if err != nil {
			u.showError(err)
			return
		}
		if w == nil {
			return
		}
		path := w.URI().Path()
		w.Close() // the file is written atomically by the caller
		u.rememberFolder(path)
		write(path)
	}, u.win)
	d.SetFileName(name)
	if l := u.folderURI(); l != nil {
		d.SetLocation(l)
	}
	d.Resize(fyne.NewSize(800, 560))
	d.Show()
}

func (u *UI) onBackup() {
	name := fmt.Sprintf("partnerdesk-%s.db%s", u.today().ISO(), backup.CompressedExt) // compressed: .db.zst
	u.saveFile(name, func(path string) {
		u.runLater(func() error {
			if u.opts.Backups == nil {
				return store.ErrNoFile // the store lives in memory
			}
			return u.opts.Backups.CopyTo(path) // checked before it takes its name
		}, func(err error) {
			if err != nil {
				u.showError(err)
				return
			}
			u.offerOpen(tr("msg.backup_written"), path, false)
		})
	})
}

func (u *UI) onDataFile() {
	path := u.store.Path()
	if path == "" {
		path = tr("msg.in_memory")
	}
	entry := widget.NewEntry()
	entry.SetText(path)
	entry.Disable()
	open := widget.NewButton(tr("action.open_folder"), func() { u.openPath(filepath.Dir(path)) })
	dialog.ShowCustom(tr("menu.data_file"), tr("action.close"), container.NewVBox(
		widget.NewLabel(tr("msg.data_file_explained")), entry, open), u.win)
}

func (u *UI) onAbout() {
	text := fmt.Sprintf("PartnerDesk %s\n%s %s, %s %s\n\n%s\n%s",
		u.opts.Version, tr("about.commit"), u.opts.Commit, tr("about.built"), u.opts.BuildDate,
		tr("menu.data_file")+": "+u.store.Path(), fmt.Sprintf("%s: %d", tr("about.format"), store.SchemaVersion))
	lic := widget.NewLabel(tr("about.licences") + "\n\nNoto Sans 2.004 — SIL Open Font License 1.1\n" +
		"fyne.io/fyne/v2 — BSD 3-Clause\ngo.etcd.io/bbolt — MIT\ngithub.com/xuri/excelize/v2 — BSD 3-Clause\ngithub.com/jung-kurt/gofpdf — MIT")
	lic.Wrapping = fyne.TextWrapWord
	acc := widget.NewAccordion(
		widget.NewAccordionItem(tr("about.font_licence"), licenceText(assets.FontLicence)),
		widget.NewAccordionItem(tr("about.library_licences"), licenceText(assets.Licences)))
	body := container.NewBorder(container.NewVBox(widget.NewLabel(text), lic), nil, nil, nil, container.NewVScroll(acc))
	d := dialog.NewCustom(tr("menu.about"), tr("action.close"), body, u.win)
	d.Resize(fyne.NewSize(640, 600))
	u.showDialog(d, nil)
}

// licenceText shows a licence as written (its lines are already short), in
// a scroll area of a readable height.
func licenceText(text string) fyne.CanvasObject {
	s := container.NewScroll(widget.NewLabel(text))
	s.SetMinSize(fyne.NewSize(0, 240))
	return s
}

// openPath opens a file or folder with the system's program for it.
func (u *UI) openPath(path string) {
	if err := u.app.OpenURL(&url.URL{Scheme: "file", Path: filepath.ToSlash(path)}); err != nil {
		u.showError(err)
	}
}

// offerOpen says a file was written and offers to open it (or its folder).
func (u *UI) offerOpen(message, path string, openFile bool) {
	d := dialog.NewCustomConfirm(tr("msg.done"), tr("action.open"), tr("action.close"),
		widget.NewLabel(message+"\n"+path), func(ok bool) {
			if !ok {
				return
			}
			if openFile {
				u.openPath(path)
			} else {
				u.openPath(filepath.Dir(path))
			}
		}, u.win)
	u.showDialog(d, nil)
}
