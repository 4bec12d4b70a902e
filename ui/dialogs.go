package ui

import (
	"context"
	"errors"
	"fmt"
	"strconv"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"

	"github.com/partnerdesk/partnerdesk/model"
	"github.com/partnerdesk/partnerdesk/model/store"
	"github.com/partnerdesk/partnerdesk/reports"
	"github.com/partnerdesk/partnerdesk/reports/printing"
)

// errorText puts an error in plain, translated words.
func errorText(err error) string {
	var inUse *store.InUseError
	var locked *store.LockedError
	var record *store.RecordError
	var printErr *printing.Error
	if text, ok := serverErrorText(err); ok {
		return text
	}
	switch {
	case errors.As(err, &printErr):
		return printErrorText(printErr)
	case errors.Is(err, context.DeadlineExceeded):
		return tr("print.err.timeout")
	case errors.As(err, &inUse):
		return tr("err.partner_in_use", "Name", inUse.Partner, "Numbers", strings.Join(inUse.Numbers, ", "))
	case errors.As(err, &locked):
		return tr("err.locked", "Path", locked.Path)
	case errors.Is(err, store.ErrConflict):
		return tr("err.conflict")
	case errors.Is(err, store.ErrNewerSchema):
		return tr("err.newer_file") + "\n\n" + err.Error()
	case errors.As(err, &record):
		return tr("repair.record_damaged", "Record", recordName(record.Record))
	case errors.Is(err, store.ErrDamaged):
		return tr("err.damaged") + "\n\n" + err.Error()
	case errors.Is(err, store.ErrTooLarge):
		return tr("err.attachment_too_large", "Max", reports.FormatSize(store.MaxAttachment))
	case errors.Is(err, store.ErrIsDataFile):
		return tr("err.is_data_file")
	}
	if v, ok := model.AsValidation(err); ok {
		lines := make([]string, 0, len(v))
		for _, fe := range v {
			lines = append(lines, fieldLabel(fe.Field)+": "+fieldMessage(fe))
		}
		return tr("err.invalid") + "\n" + strings.Join(lines, "\n")
	}
	return err.Error()
}

// printErrorKeys translate the kinds of printing failures.
var printErrorKeys = map[error]string{
	printing.ErrNoPrinter:       "print.err.no_printer",
	printing.ErrPrinterNotFound: "print.err.not_found",
	printing.ErrNoPDFProgram:    "print.err.no_pdf_program",
	printing.ErrPrintFailed:     "print.err.failed",
}

// printErrorText says why a document was not printed, and what the system
// said.
func printErrorText(e *printing.Error) string {
	text := e.Kind.Error()
	if key, ok := printErrorKeys[e.Kind]; ok {
		text = tr(key)
	}
	if e.Detail != "" {
		text += "\n" + tr("print.err.system_said") + ": " + e.Detail
	}
	return text
}

// fieldMessage translates one validation problem.
func fieldMessage(fe model.FieldError) string {
	kv := make([]string, 0, 2*len(fe.Args))
	for k, v := range fe.Args {
		kv = append(kv, k, v)
	}
	return tr(fe.Key, kv...)
}

// fieldLabel translates a field path such as "contacts[1].email" into the
// field's label.
func fieldLabel(path string) string {
	parts := strings.Split(path, ".")
	if n := len(parts); n >= 3 && parts[0] == "texts" {
		return langLabel("field."+parts[n-1], parts[n-2]) // texts.kk.title
	}
	if n := len(parts); n >= 2 && strings.HasSuffix(parts[n-2], "descriptions") {
		return langLabel("field.description", parts[n-1]) // responsibilities[0].descriptions.kk
	}
	last := path
	if i := strings.LastIndexAny(path, ".]"); i >= 0 && i+1 < len(path) {
		last = strings.TrimPrefix(path[i+1:], ".")
	}
	if i := strings.IndexByte(last, '['); i >= 0 {
		last = last[:i]
	}
	return tr("field." + last)
}

// showError tells the user what went wrong, in plain words. Every error
// the interface shows goes through here.
func (u *UI) showError(err error) {
	if err == nil {
		return
	}
	text := widget.NewLabel(errorText(err))
	text.Wrapping = fyne.TextWrapWord
	d := dialog.NewCustom(tr("msg.error"), tr("action.ok"), text, u.win)
	d.Resize(fyne.NewSize(520, 220))
	u.showDialog(d, nil)
}

// confirmDanger asks before a destructive action; its button is red.
func (u *UI) confirmDanger(title, message, action string, do func()) {
	text := widget.NewLabel(message)
	text.Wrapping = fyne.TextWrapWord
	var d *dialog.CustomDialog
	yes := widget.NewButton(action, func() { d.Hide(); do() })
	yes.Importance = widget.DangerImportance
	no := widget.NewButton(tr("action.cancel"), func() { d.Hide() })
	d = dialog.NewCustomWithoutButtons(title, text, u.win)
	d.SetButtons([]fyne.CanvasObject{no, yes})
	d.Resize(fyne.NewSize(480, 200))
	u.showDialog(d, nil)
}

// confirmDelete asks before deleting a record. With a data file it takes
// a verified backup first, and deletes only when that worked, so the
// promise of a restore holds; in memory it promises nothing.
func (u *UI) confirmDelete(message string, do func()) {
	if u.opts.Backups == nil {
		u.confirmDanger(tr("action.delete"), message+"\n\n"+tr("delete.no_backup"), tr("action.delete"), do)
		return
	}
	u.confirmDanger(tr("action.delete"), message+"\n\n"+tr("delete.backup_first"), tr("action.delete"), func() {
		u.runLater(func() error {
			_, err := u.opts.Backups.BackUpNow()
			return err
		}, func(err error) {
			if err != nil {
				u.showError(fmt.Errorf("%s: %w", tr("delete.backup_failed"), err))
				return
			}
			do()
		})
	})
}

// askUnsaved asks Save / Discard / Cancel about unsaved changes; done gets
// true for Save and false for Discard; cancel runs on Cancel.
func (u *UI) askUnsaved(done func(save bool), cancel func()) {
	var d *dialog.CustomDialog
	saveBtn := widget.NewButton(tr("action.save"), func() { d.Hide(); done(true) })
	saveBtn.Importance = widget.HighImportance
	discard := widget.NewButton(tr("action.discard"), func() { d.Hide(); done(false) })
	discard.Importance = widget.DangerImportance
	onCancel := func() {
		d.Hide()
		if cancel != nil {
			cancel()
		}
	}
	cancelBtn := widget.NewButton(tr("action.cancel"), onCancel)
	text := widget.NewLabel(tr("msg.unsaved"))
	text.Wrapping = fyne.TextWrapWord
	d = dialog.NewCustomWithoutButtons(tr("msg.unsaved_title"), text, u.win)
	d.SetButtons([]fyne.CanvasObject{cancelBtn, discard, saveBtn})
	d.Resize(fyne.NewSize(460, 180))
	u.showDialog(d, onCancel)
}

// errPartnerInUse is the error the store gives for a partner in use, made
// from the catalog so that the refusal needs no trip to the file.
func errPartnerInUse(name string, numbers []string) error {
	return &store.InUseError{Partner: name, Numbers: numbers}
}

// idx builds a field path such as "contacts[2].email".
func idx(list string, i int, field string) string {
	return list + "[" + strconv.Itoa(i) + "]." + field
}

// recordName names a stored record in the interface's language, e.g.
// «соглашение 42 "СП-2026/77"».
func recordName(r store.RecordRef) string {
	name := r.Kind
	if key := "repair.kind_" + strings.ReplaceAll(r.Kind, " ", "_"); tr(key) != key {
		name = tr(key)
	}
	if r.ID != 0 {
		name += " " + strconv.FormatUint(r.ID, 10)
	}
	if r.Name != "" {
		name += " «" + r.Name + "»"
	}
	return name
}
