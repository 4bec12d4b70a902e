package ui

import (
	"io"
	"strings"

	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"

	"github.com/partnerdesk/partnerdesk/model"
	"github.com/partnerdesk/partnerdesk/reports/pdf"
)

// document is something the interface can make a PDF of: a memorandum, a
// partner card, a register.
type document struct {
	title     string // what the dialog says it prints
	fileName  string // suggested file name, without .pdf
	bilingual bool   // the document has bilingual layouts
	// load reads what the document needs inside a read transaction and
	// returns the function that writes the PDF with the options.
	load func(r pdf.Reader) (func(w io.Writer, o pdf.Options) error, error)
	// gaps, when set, lists what the document would print in the wrong
	// language or leave blank in the given languages (memoGaps).
	gaps func(r pdf.Reader, langs []string) []string
}

// langs returns the languages of the choice, in column order.
func (c documentChoice) langs() []string {
	if c.bilingual != "" {
		return strings.Split(c.bilingual, "+")
	}
	return []string{c.lang}
}

// documentChoice is what the user chose in the document dialog.
type documentChoice struct {
	lang, bilingual string
}

// options turns the choice into PDF options for today.
func (c documentChoice) options(today model.Date) pdf.Options {
	return pdf.Options{Lang: c.lang, Bilingual: c.bilingual, Today: today}
}

// showDocument opens the print dialog for the document (Ctrl+P and the
// Print… buttons): language and layout, printer and copies, then Print,
// Preview or Save as PDF.
func (u *UI) showDocument(doc document) { newPrintDialog(u, doc).show() }

// name is the document's name with its language or layout, for files and
// print jobs: "СП-2026/001-kk+ru".
func (doc document) name(c documentChoice) string {
	if c.bilingual != "" {
		return doc.fileName + "-" + c.bilingual
	}
	return doc.fileName + "-" + c.lang
}

// renderPDF loads the document and writes it with the choice to w.
func (u *UI) renderPDF(doc document, c documentChoice, w io.Writer) error {
	write, err := doc.load(u.store)
	if err != nil {
		return err
	}
	return write(w, c.options(u.opts.Today()))
}

// savePDF asks where to save the document and writes it there.
func (u *UI) savePDF(doc document, c documentChoice) {
	u.savePDFAs(doc.name(c), doc.title, func(w io.Writer) error { return u.renderPDF(doc, c, w) })
}

// savePDFAs asks where to save a PDF named name (made safe for file
// systems), writes it in the background behind a progress dialog titled
// title, and offers to open it.
func (u *UI) savePDFAs(name, title string, write func(io.Writer) error) {
	u.saveFile(safeFileName(name)+".pdf", func(path string) {
		progress := dialog.NewCustomWithoutButtons(title, widget.NewProgressBarInfinite(), u.win)
		progress.Show()
		u.runLater(func() error {
			return pdf.WriteFile(u.store, path, write)
		}, func(err error) {
			progress.Hide()
			if err != nil {
				u.showError(err)
				return
			}
			u.offerOpen(tr("doc.written"), path, true)
		})
	})
}

// safeFileName replaces the characters file systems refuse ("/" in
// agreement numbers above all).
func safeFileName(s string) string {
	return strings.Map(func(r rune) rune {
		if strings.ContainsRune(`/\:*?"<>|`, r) || r < 0x20 {
			return '-'
		}
		return r
	}, s)
}

// memorandumDoc prints the agreement being edited (its unsaved state
// included, so the secretary sees what she is about to sign).
func (e *agreementEditor) memorandumDoc(a model.Agreement) document {
	return document{
		title: tr("doc.print_kind", "Kind", label(a.Kind)), fileName: a.Number, bilingual: true,
		load: func(tx pdf.Reader) (func(io.Writer, pdf.Options) error, error) {
			d, err := pdf.NewMemoData(tx, a)
			return func(w io.Writer, o pdf.Options) error { return pdf.Memorandum(w, &d, o) }, err
		},
		gaps: func(r pdf.Reader, langs []string) []string { return memoGaps(r, &a, langs) },
	}
}

// partnerCardDoc prints a stored partner's card.
func partnerCardDoc(p model.Partner) document {
	return document{
		title: tr("doc.partner_card"), fileName: p.Name,
		load: func(tx pdf.Reader) (func(io.Writer, pdf.Options) error, error) {
			d, err := pdf.LoadPartner(tx, p.ID)
			return func(w io.Writer, o pdf.Options) error { return pdf.PartnerCard(w, &d, o) }, err
		},
	}
}

// registerDoc prints a list of agreements, in its order.
func registerDoc(rows []model.Summary, filter string) document {
	return document{
		title: tr("doc.register"), fileName: tr("doc.register_file"),
		load: func(tx pdf.Reader) (func(io.Writer, pdf.Options) error, error) {
			d, err := pdf.LoadRegister(tx, rows, filter)
			return func(w io.Writer, o pdf.Options) error { return pdf.Register(w, &d, o) }, err
		},
	}
}
