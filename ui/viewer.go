package ui

import (
	"context"
	"os/exec"
	"runtime"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
	"github.com/partnerdesk/partnerdesk/ui/widgets"
)

// systemHasPDFViewer reports whether the system has a program that opens
// PDF files. Windows and macOS always have one; on Linux and the BSDs
// xdg-open says nothing when none is set up (it fails after we have
// returned), so ask xdg-mime for the default application first.
func systemHasPDFViewer() bool {
	if runtime.GOOS == "windows" || runtime.GOOS == "darwin" {
		return true
	}
	if _, err := exec.LookPath("xdg-open"); err != nil {
		return false
	}
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Second)
	defer cancel()
	out, err := exec.CommandContext(ctx, "xdg-mime", "query", "default", "application/pdf").Output()
	return err == nil && strings.TrimSpace(string(out)) != ""
}

// noViewer says that no program opens PDF files and offers to save the
// document instead. The temporary file stays while the dialog is open,
// and after it when the user saves it (the sweep at the next start
// removes it then).
func (u *UI) noViewer(t *tempPDF) {
	var d *dialog.CustomDialog
	saving := false
	save := widget.NewButtonWithIcon(tr("doc.save_pdf"), theme.DocumentSaveIcon(), func() {
		saving = true
		d.Hide()
		u.saveCopy(t)
	})
	save.Importance = widget.HighImportance
	closeBtn := widget.NewButton(tr("action.close"), func() { d.Hide() })
	d = dialog.NewCustomWithoutButtons(tr("print.no_viewer_title"), widgets.Wrapped(tr("print.no_viewer")), u.win)
	d.SetButtons([]fyne.CanvasObject{closeBtn, save})
	t.kept = true
	d.SetOnClosed(func() {
		if !saving {
			t.kept = false
			t.remove()
		}
	})
	d.Resize(fyne.NewSize(520, 220))
	u.showDialog(d, nil)
}
