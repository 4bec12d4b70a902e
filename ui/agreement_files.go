package ui

import (
	"fmt"
	"io"
	"mime"
	"os"
	"path/filepath"

	"github.com/partnerdesk/partnerdesk/reports"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/partnerdesk/partnerdesk/model"
	"github.com/partnerdesk/partnerdesk/model/store"
)

// filesTab lists the agreement's attachments (a scanned signed copy and
// the like). Adding or removing one is stored at once.
type filesTab struct {
	e        *agreementEditor
	list     *widget.List
	selected int
	open     *widget.Button
	remove   *widget.Button
	root     fyne.CanvasObject
}

func newFilesTab(e *agreementEditor) *filesTab {
	t := &filesTab{e: e, selected: -1}
	t.list = widget.NewList(func() int { return len(t.e.orig.Attachments) },
		func() fyne.CanvasObject {
			return container.NewBorder(nil, nil, widget.NewIcon(theme.FileIcon()), widget.NewLabel(""),
				widget.NewLabel(""))
		},
		func(i widget.ListItemID, o fyne.CanvasObject) {
			a := t.e.orig.Attachments[i]
			row := o.(*fyne.Container)
			row.Objects[0].(*widget.Label).SetText(a.Name)
			row.Objects[2].(*widget.Label).SetText(fmt.Sprintf("%s · %s · %s", reports.FormatSize(a.Size),
				model.DateOf(a.Added.Local()).String(), a.AddedBy))
		})
	t.list.OnSelected = func(i widget.ListItemID) { t.selected = i; t.buttons() }
	add := widget.NewButtonWithIcon(tr("action.attach"), theme.MailAttachmentIcon(), t.onAdd)
	add.Importance = widget.HighImportance
	t.open = widget.NewButtonWithIcon(tr("action.open"), theme.FolderOpenIcon(), t.onOpen)
	t.remove = widget.NewButtonWithIcon(tr("action.remove"), theme.DeleteIcon(), t.onRemove)
	t.buttons()
	top := container.NewHBox(add, t.open, t.remove)
	if e.orig.ID == 0 {
		add.Disable()
		top.Add(widget.NewLabel(tr("files.save_first")))
	}
	empty := widget.NewLabel(tr("files.none"))
	if len(e.orig.Attachments) > 0 {
		empty.Hide()
	}
	t.root = container.NewBorder(container.NewVBox(top, empty), nil, nil, nil, t.list)
	return t
}

func (t *filesTab) content() fyne.CanvasObject { return t.root }

func (t *filesTab) collect(*model.Agreement) model.ValidationError { return nil }

func (t *filesTab) buttons() {
	if t.selected >= 0 && t.selected < len(t.e.orig.Attachments) {
		t.open.Enable()
		t.remove.Enable()
	} else {
		t.open.Disable()
		t.remove.Disable()
	}
}

func (t *filesTab) onAdd() {
	d := dialog.NewFileOpen(func(r fyne.URIReadCloser, err error) {
		if err != nil || r == nil {
			t.e.u.showError(err)
			return
		}
		defer r.Close()
		data, err := io.ReadAll(io.LimitReader(r, store.MaxAttachment+1))
		if err != nil {
			t.e.u.showError(err)
			return
		}
		name := r.URI().Name()
		t.e.u.rememberFolder(r.URI().Path())
		if _, err := t.e.u.store.AddAttachment(t.e.orig.ID, name, mime.TypeByExtension(filepath.Ext(name)),
			data); err != nil {
			t.e.u.showError(err)
			return
		}
		t.e.attachmentsChanged()
	}, t.e.u.win)
	if l := t.e.u.folderURI(); l != nil {
		d.SetLocation(l)
	}
	d.Resize(fyne.NewSize(800, 560))
	d.Show()
}

// onOpen writes the attachment to a temporary file and opens it with the
// system's viewer.
func (t *filesTab) onOpen() {
	a := t.e.orig.Attachments[t.selected]
	data, err := t.e.u.store.AttachmentData(t.e.orig.ID, a.ID)
	if err != nil {
		t.e.u.showError(err)
		return
	}
	dir, err := os.MkdirTemp("", "partnerdesk-")
	if err != nil {
		t.e.u.showError(err)
		return
	}
	path := filepath.Join(dir, filepath.Base(a.Name))
	if err := os.WriteFile(path, data, 0o600); err != nil {
		t.e.u.showError(err)
		return
	}
	t.e.u.openPath(path)
}

func (t *filesTab) onRemove() {
	a := t.e.orig.Attachments[t.selected]
	t.e.u.confirmDanger(tr("action.remove"), tr("files.confirm_remove", "Name", a.Name), tr("action.remove"), func() {
		if err := t.e.u.store.RemoveAttachment(t.e.orig.ID, a.ID); err != nil {
			t.e.u.showError(err)
			return
		}
		t.e.attachmentsChanged()
	})
}

// attachmentsChanged takes the stored attachments and revision into the
// editor, keeping the user's other unsaved edits.
func (e *agreementEditor) attachmentsChanged() {
	fresh, err := e.u.store.Agreement(e.orig.ID)
	if err != nil {
		e.u.showError(err)
		return
	}
	e.orig.Attachments, e.orig.Rev, e.orig.Updated = fresh.Attachments, fresh.Rev, fresh.Updated
	e.u.cat.PutAgreement(model.Summarize(&fresh))
	files := e.tab("tab.attachments").(*filesTab)
	files.selected = -1
	files.list.UnselectAll()
	files.list.Refresh()
	files.buttons()
	hist, at := newHistoryTab(e), e.tabIndex("tab.history")
	e.tabs[at].tab = hist
	e.appTabs.Items[at].Content = hist.content()
	e.appTabs.Refresh()
	e.changed()
}
