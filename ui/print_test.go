package ui

import (
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/partnerdesk/partnerdesk/reports/pdf/pdftest"
	"github.com/partnerdesk/partnerdesk/reports/testtool"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"github.com/partnerdesk/partnerdesk/model"
	"github.com/partnerdesk/partnerdesk/model/store/storetest"
	"github.com/partnerdesk/partnerdesk/reports/printing"
	"github.com/partnerdesk/partnerdesk/reports/printing/printtest"
)

// The printing tests drive the real print dialog and send the real PDF to
// a fake printer (printtest.Fake), which keeps a copy of what it got.

// editMemorandum opens the editor of a stored agreement with a changed,
// unsaved title and presses Ctrl+P; it returns the dialog's overlay.
func editMemorandum(t *testing.T, u *UI) fyne.CanvasObject {
	t.Helper()
	p := savePartner(t, u, "«Ақ Бидай» ЖШС", storetest.BIN1)
	a := storetest.FullAgreement("СП-2026/007", p.ID)
	if err := u.store.SaveAgreement(&a); err != nil {
		t.Fatal(err)
	}
	u.cat.PutAgreement(model.Summarize(&a))
	u.openAgreement(a.ID, "")
	u.page.(*agreementEditor).terms.title.SetText("Меморандум о дуальном обучении")
	u.onPrint()
	settle(u) // the list of printers
	return topOverlay(t, u)
}

func topOverlay(t *testing.T, u *UI) fyne.CanvasObject {
	t.Helper()
	top := u.win.Canvas().Overlays().Top()
	if top == nil {
		t.Fatal("no dialog is shown")
	}
	return top
}

// tapButton taps the button with the text in o, or fails.
func tapButton(t *testing.T, o fyne.CanvasObject, text string) {
	t.Helper()
	b := findButton(o, text)
	if b == nil {
		t.Fatalf("no button %q among %q", text, texts(o))
	}
	test.Tap(b)
}

// find returns the first laid-out object of type T in o.
func find[T fyne.CanvasObject](o fyne.CanvasObject) T {
	var zero T
	for _, obj := range test.LaidOutObjects(o) {
		if w, ok := obj.(T); ok {
			return w
		}
	}
	return zero
}

func exists(path string) bool { _, err := os.Stat(path); return err == nil }

// Print sends the memorandum as it stands in the editor, in the chosen
// layout, to the chosen printer with the chosen copies; the temporary PDF
// stays until the confirmation closes.
func TestPrintSendsTheChosenDocument(t *testing.T) {
	u, _ := newTestUI(t, "ru")
	dlg := editMemorandum(t, u)
	var printerSel *widget.Select
	for _, obj := range test.LaidOutObjects(dlg) {
		if s, ok := obj.(*widget.Select); ok && len(s.Options) == 2 && s.Options[1] == "Dean's office" {
			printerSel = s
		}
	}
	if printerSel == nil || printerSel.Selected != "Office" {
		t.Fatalf("the printer list does not offer the fake's printers with the default chosen: %+v", printerSel)
	}
	printerSel.SetSelected("Dean's office")
	find[*widget.RadioGroup](dlg).SetSelected(tr("doc.kk_ru"))
	copies := find[*widget.Entry](dlg)
	copies.SetText("3")
	tapButton(t, dlg, "Печать")
	settle(u)

	jobs := fakePrinter(u).Jobs()
	if len(jobs) != 1 {
		t.Fatalf("%d jobs reached the printer", len(jobs))
	}
	j := jobs[0]
	if j.Printer != "Dean's office" || j.Copies != 3 || j.Title != "СП-2026/007-kk+ru" {
		t.Errorf("job %+v", j.Job)
	}
	text := pdftest.TextOf(t, j.PDF)
	for _, want := range []string{"СП-2026/007", "Меморандум о дуальном обучении", "«Ақ Бидай» ЖШС", "Тараптардың қолдары", "Подписи Сторон"} {
		if !strings.Contains(text, want) {
			t.Errorf("the printed memorandum lacks %q", want)
		}
	}
	done := topOverlay(t, u)
	if !contains(texts(done), tr("print.sent", "Printer", "Dean's office", "Copies", "3")) {
		t.Errorf("no confirmation: %q", texts(done))
	}
	if filepath.Base(j.Path) != "СП-2026-007-kk+ru.pdf" || !exists(j.Path) {
		t.Errorf("the temporary file %s is gone before the confirmation closed", j.Path)
	}
	tapButton(t, done, "Закрыть")
	if exists(filepath.Dir(j.Path)) {
		t.Errorf("the temporary folder %s is left behind", filepath.Dir(j.Path))
	}
}

// Copies outside 1–99 print nothing; the dialog stays.
func TestPrintRefusesWrongCopies(t *testing.T) {
	u, _ := newTestUI(t, "en")
	dlg := editMemorandum(t, u)
	for _, bad := range []string{"0", "100", "two", ""} {
		find[*widget.Entry](dlg).SetText(bad)
		tapButton(t, dlg, "Print")
		settle(u)
		if n := len(fakePrinter(u).Jobs()); n != 0 || topOverlay(t, u) != dlg {
			t.Fatalf("copies %q: %d jobs, dialog closed: %v", bad, n, topOverlay(t, u) != dlg)
		}
	}
}

// A failing printer is reported plainly, with the system's words, and the
// document is offered as a PDF to save or to open; the file stays until
// the dialog closes.
func TestPrintFailureOffersThePDF(t *testing.T) {
	fake := printtest.New("Office")
	fake.Err = &printing.Error{Kind: printing.ErrPrintFailed, Detail: "lp: Error - printer is out of paper"}
	u, _ := newTestUIWith(t, "kk", fake)
	tapButton(t, editMemorandum(t, u), tr("print.print"))
	settle(u)
	fail := topOverlay(t, u)
	msg := strings.Join(texts(fail), "\n")
	for _, want := range []string{"Принтер құжатты қабылдамады.", "lp: Error - printer is out of paper", tr("print.fallback")} {
		if !strings.Contains(msg, want) {
			t.Errorf("the failure does not say %q:\n%s", want, msg)
		}
	}
	path := fake.Jobs()[0].Path
	if !exists(path) {
		t.Fatal("the PDF is gone while the dialog offers it")
	}
	// Save as PDF… opens the file dialog over it; the file stays.
	tapButton(t, fail, tr("doc.save_pdf"))
	if topOverlay(t, u) == fail || !exists(path) {
		t.Error("Save as PDF… showed no file dialog, or the PDF is gone")
	}
	u.win.Canvas().Overlays().Top().Hide() // the file dialog, cancelled
	if topOverlay(t, u) != fail {
		t.Fatal("the failure dialog closed with the file dialog")
	}
	tapButton(t, fail, tr("action.close"))
	if exists(path) {
		t.Error("the PDF outlived its dialog")
	}
}

// Open in viewer hands the PDF to the system's viewer and leaves it for
// the viewer.
func TestPrintFailureOpensTheViewer(t *testing.T) {
	fake := printtest.New() // no printer at all: Print stays disabled
	u, _ := newTestUIWith(t, "ky", fake)
	dlg := editMemorandum(t, u)
	if !contains(texts(dlg), tr("print.no_printer")) {
		t.Errorf("no plain message about the missing printer: %q", texts(dlg))
	}
	if !findButton(dlg, tr("print.print")).Disabled() || findButton(dlg, tr("doc.save_pdf")).Disabled() {
		t.Error("Print must be disabled and Save as PDF enabled without a printer")
	}
	fake.Destinations = []printing.Destination{{Name: "Office"}} // a printer, but no default
	fake.Err = &printing.Error{Kind: printing.ErrNoPrinter, Detail: "lp: Error - No default destination."}
	u.printDocument(editorDoc(u), documentChoice{lang: "ky"}, printing.Job{Copies: 1})
	settle(u)
	fail := topOverlay(t, u)
	if !strings.Contains(strings.Join(texts(fail), "\n"), "Бул компьютерде бир да принтер жөндөлгөн эмес.") {
		t.Errorf("the failure is not plain: %q", texts(fail))
	}
	tapButton(t, fail, tr("print.open_viewer"))
	opened := openedPaths(u)
	if len(opened) != 1 || !strings.HasSuffix(opened[0], "СП-2026-007-ky.pdf") || !exists(opened[0]) {
		t.Fatalf("opened %q", opened)
	}
	os.RemoveAll(filepath.Dir(opened[0]))
}

// editorDoc is the memorandum of the agreement in the editor.
func editorDoc(u *UI) document {
	e := u.page.(*agreementEditor)
	a, _ := e.collect()
	return e.memorandumDoc(a)
}

// Preview shows every page of the document over the print dialog; its
// Print button prints; its files go when it closes.
func TestPreviewShowsThePages(t *testing.T) {
	testtool.Need(t, "pdftoppm", "Debian: apt-get install poppler-utils")
	u, _ := newTestUI(t, "en")
	dlg := editMemorandum(t, u)
	tapButton(t, dlg, "Preview")
	settle(u)
	pre := topOverlay(t, u)
	pages := 0
	for _, obj := range test.LaidOutObjects(pre) {
		if img, ok := obj.(*canvas.Image); ok && img.Image != nil && img.Image.Bounds().Dy() > 800 {
			pages++
		}
	}
	if pages < 2 || !contains(texts(pre), tr("print.page", "N", "1", "Total", strconv.Itoa(pages))) {
		t.Fatalf("the preview shows %d pages: %q", pages, texts(pre))
	}
	if n := len(tempDocs(t)); n != 1 {
		t.Errorf("%d temporary folders while the preview is open", n)
	}
	tapButton(t, pre, "Print")
	settle(u)
	if jobs := fakePrinter(u).Jobs(); len(jobs) != 1 || jobs[0].Printer != "Office" || jobs[0].Copies != 1 {
		t.Errorf("the preview's Print sent %+v", jobs)
	}
	tapButton(t, topOverlay(t, u), "Close") // the confirmation
	if left := tempDocs(t); len(left) != 0 {
		t.Errorf("left behind: %q", left)
	}
}

// tempDocs lists the temporary folders of documents to print or preview.
func tempDocs(t *testing.T) []string {
	t.Helper()
	dirs, err := filepath.Glob(filepath.Join(os.TempDir(), "partnerdesk-print-*"))
	if err != nil {
		t.Fatal(err)
	}
	return dirs
}

// Without pdftoppm, Preview opens the PDF in the system's viewer.
func TestPreviewWithoutPopplerOpensTheViewer(t *testing.T) {
	u, _ := newTestUI(t, "ru")
	dlg := editMemorandum(t, u)
	t.Setenv("PATH", t.TempDir())
	tapButton(t, dlg, tr("print.preview"))
	settle(u)
	opened := openedPaths(u)
	if len(opened) != 1 || !strings.HasSuffix(opened[0], "СП-2026-007-ru.pdf") || !exists(opened[0]) {
		t.Fatalf("opened %q", opened)
	}
	os.RemoveAll(filepath.Dir(opened[0]))
}

// The partner card and the register print from their screens too.
func TestPrintPartnerCardAndRegister(t *testing.T) {
	u, s := newTestUI(t, "en")
	withDemo(t, u, s, 10, 20)
	p := savePartner(t, u, "Qazaq Steel LLP", storetest.BIN2)
	u.openPartner(p.ID)
	u.onPrint()
	settle(u)
	tapButton(t, topOverlay(t, u), "Print")
	settle(u)
	tapButton(t, topOverlay(t, u), "Close") // the confirmation
	u.goTo("agreements", nil)
	u.onPrint()
	settle(u)
	tapButton(t, topOverlay(t, u), "Print")
	settle(u)
	jobs := fakePrinter(u).Jobs()
	if len(jobs) != 2 {
		t.Fatalf("%d jobs", len(jobs))
	}
	if text := pdftest.TextOf(t, jobs[0].PDF); !strings.Contains(text, "Qazaq Steel LLP") || jobs[0].Title != "Qazaq Steel LLP-en" {
		t.Errorf("the card job %q lacks the partner:\n%.300s", jobs[0].Title, text)
	}
	first := u.currentScreen().(*agreementsScreen).rows[0].Number
	if text := pdftest.TextOf(t, jobs[1].PDF); !strings.Contains(text, first) {
		t.Errorf("the register lacks %s:\n%.300s", first, text)
	}
}

// Ctrl+P over the print dialog opens no second dialog; Esc closes the
// dialog (issue 20 asked for it) and does not leave the editor.
func TestKeysOverThePrintDialog(t *testing.T) {
	u, _ := newTestUI(t, "en")
	dlg := editMemorandum(t, u)
	n := overlays(u)
	u.onPrint()
	if overlays(u) != n || topOverlay(t, u) != dlg {
		t.Errorf("Ctrl+P over the dialog: %d dialogs (want %d)", overlays(u), n)
	}
	u.win.Canvas().OnTypedKey()(&fyne.KeyEvent{Name: fyne.KeyEscape})
	if _, ok := u.page.(*agreementEditor); !ok || overlays(u) != n-1 {
		t.Errorf("after Esc: page %T, %d dialogs (want the editor and %d)", u.page, overlays(u), n-1)
	}
}

// Temporary documents older than a day go at the next start; newer ones
// (a viewer may still show them) and other folders stay.
func TestSweepTempPDFs(t *testing.T) {
	t.Setenv("TMPDIR", t.TempDir())
	old := filepath.Join(os.TempDir(), tempPrefix+"1")
	recent := filepath.Join(os.TempDir(), tempPrefix+"2")
	other := filepath.Join(os.TempDir(), "other")
	for _, d := range []string{old, recent, other} {
		if err := os.MkdirAll(filepath.Join(d, "x"), 0o700); err != nil {
			t.Fatal(err)
		}
	}
	long := time.Now().Add(-48 * time.Hour)
	for _, d := range []string{old, other} {
		if err := os.Chtimes(d, long, long); err != nil {
			t.Fatal(err)
		}
	}
	sweepTempPDFs(24 * time.Hour)
	if exists(old) || !exists(recent) || !exists(other) {
		t.Errorf("after the sweep: old %v, recent %v, other %v", exists(old), exists(recent), exists(other))
	}
}
