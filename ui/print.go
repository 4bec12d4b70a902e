package ui

import (
	"context"
	"io"
	"os"
	"path/filepath"
	"strconv"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/partnerdesk/partnerdesk/reports/pdf"
	"github.com/partnerdesk/partnerdesk/reports/printing"
	"github.com/partnerdesk/partnerdesk/ui/widgets"
)

// printTimeout bounds the wait for the printing system to accept a job
// (or for pdftoppm to render a preview).
const printTimeout = 2 * time.Minute

// tempPDF is a document rendered into a folder of its own in the system's
// temporary folder, to be printed or previewed. The dialog that shows the
// outcome removes it when it closes — unless the file was opened in the
// system's viewer, which still reads it.
type tempPDF struct {
	dir, path string
	kept      bool // opened in the viewer: leave it
}

// remove deletes the folder unless the viewer was given the file. Where
// the PDF program reads a printed file after Print returned (Windows), it
// waits a minute first.
func (t *tempPDF) remove() {
	switch {
	case t == nil || t.kept:
	case printing.FileReadLater:
		time.AfterFunc(time.Minute, func() { os.RemoveAll(t.dir) })
	default:
		os.RemoveAll(t.dir)
	}
}

// tempPrefix starts the names of the temporary folders of documents.
const tempPrefix = "partnerdesk-print-"

// sweepTempPDFs removes the temporary folders of documents older than
// age: those a viewer was given, or that a closed app left behind.
func sweepTempPDFs(age time.Duration) {
	dirs, _ := filepath.Glob(filepath.Join(os.TempDir(), tempPrefix+"*"))
	for _, d := range dirs {
		if st, err := os.Stat(d); err == nil && st.IsDir() && time.Since(st.ModTime()) > age {
			os.RemoveAll(d)
		}
	}
}

// sweepOldPDFs sweeps the documents of a day ago and more (for runLater).
func sweepOldPDFs() error {
	sweepTempPDFs(24 * time.Hour)
	return nil
}

// ignoreError is the done of background work whose failure nobody needs
// to hear about.
func ignoreError(error) {}

// openInViewer gives the file to the system's viewer and keeps it.
func (u *UI) openInViewer(t *tempPDF) {
	if !u.opts.HasPDFViewer() {
		u.noViewer(t) // opening would silently do nothing
		return
	}
	t.kept = true
	u.openPath(t.path)
}

// renderTemp writes the document with the choice into a new temporary
// folder, under the name it would be saved with.
func (u *UI) renderTemp(doc document, c documentChoice) (*tempPDF, error) {
	dir, err := os.MkdirTemp("", tempPrefix)
	if err != nil {
		return nil, err
	}
	t := &tempPDF{dir: dir, path: filepath.Join(dir, safeFileName(doc.name(c))+".pdf")}
	if err := pdf.WriteFile(nil, t.path, func(w io.Writer) error { return u.renderPDF(doc, c, w) }); err != nil {
		os.RemoveAll(dir)
		return nil, err
	}
	return t, nil
}

// printDocument renders the document to a temporary PDF and sends it to
// the printer off the interface goroutine; then it confirms, or says
// plainly why not and offers the file instead.
func (u *UI) printDocument(doc document, c documentChoice, job printing.Job) {
	progress := u.showProgress(doc.title, tr("print.sending"), nil)
	var t *tempPDF
	u.runLater(func() (err error) {
		if t, err = u.renderTemp(doc, c); err != nil {
			return err
		}
		ctx, cancel := context.WithTimeout(context.Background(), printTimeout)
		defer cancel()
		return u.opts.Printer.Print(ctx, t.path, job)
	}, func(err error) {
		progress.Hide()
		switch {
		case t == nil:
			u.showError(err) // no document: nothing to fall back on
		case err != nil:
			u.showPrintFailure(t, err)
		default:
			u.showPrinted(t, job)
		}
	})
}

// showPrinted confirms the job; the temporary file goes when it closes.
func (u *UI) showPrinted(t *tempPDF, job printing.Job) {
	text := widget.NewLabel(tr("print.sent", "Printer", job.Printer, "Copies", strconv.Itoa(job.Copies)))
	d := dialog.NewCustom(tr("print.sent_title"), tr("action.close"), text, u.win)
	d.SetOnClosed(t.remove)
	u.showDialog(d, nil)
}

// showPrintFailure says why the document was not printed and offers it as
// a PDF to save or to open in a viewer. The file stays until the dialog
// closes.
func (u *UI) showPrintFailure(t *tempPDF, err error) {
	var d *dialog.CustomDialog
	save := widget.NewButtonWithIcon(tr("doc.save_pdf"), theme.DocumentSaveIcon(), func() { u.saveCopy(t) })
	save.Importance = widget.HighImportance
	open := widget.NewButtonWithIcon(tr("print.open_viewer"), theme.FileIcon(), func() {
		t.kept = true // closing must not remove the file
		d.Hide()
		u.openInViewer(t)
	})
	closeBtn := widget.NewButton(tr("action.close"), func() { d.Hide() })
	d = dialog.NewCustomWithoutButtons(tr("print.failed_title"),
		widgets.Wrapped(errorText(err)+"\n\n"+tr("print.fallback")), u.win)
	d.SetButtons([]fyne.CanvasObject{closeBtn, open, save})
	d.SetOnClosed(t.remove)
	d.Resize(fyne.NewSize(580, 280))
	u.showDialog(d, nil)
}

// saveCopy asks where to save the temporary PDF and copies it there. The
// copy runs on the interface goroutine: the file is small and local, and
// so it is done before the dialog that owns it can close.
func (u *UI) saveCopy(t *tempPDF) {
	u.saveFile(filepath.Base(t.path), func(path string) {
		err := pdf.WriteFile(u.store, path, func(w io.Writer) error {
			f, err := os.Open(t.path)
			if err != nil {
				return err
			}
			defer f.Close()
			_, err = io.Copy(w, f)
			return err
		})
		if err != nil {
			u.showError(err)
			return
		}
		u.offerOpen(tr("doc.written"), path, true)
	})
}

// showProgress shows a message with an endless progress bar, and a Cancel
// button that calls cancel when cancel is not nil. The caller hides it.
func (u *UI) showProgress(title, message string, cancel func()) dialog.Dialog {
	d := dialog.NewCustomWithoutButtons(title, container.NewVBox(widget.NewLabel(message), widget.NewProgressBarInfinite()), u.win)
	if cancel != nil {
		d.SetButtons([]fyne.CanvasObject{widget.NewButton(tr("action.cancel"), func() {
			cancel()
			d.Hide()
		})})
	}
	d.Show()
	return d
}
