package ui

import (
	"context"
	"errors"
	"strconv"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/partnerdesk/partnerdesk/model"
	"github.com/partnerdesk/partnerdesk/reports/printing"
	"github.com/partnerdesk/partnerdesk/ui/widgets"
)

// printersTimeout bounds the wait for the list of printers (lpstat may
// ask a print server on the network).
const printersTimeout = 20 * time.Second

// docLayouts are the layouts a document can be printed in, "" for one
// language; the languages are model.Languages, in their order.
var docLayouts = []string{"", "kk+ru", "ky+ru"}

// printDialog asks how to print a document: language and layout, printer
// and copies. Print is its primary action; Preview shows the pages first;
// Save as PDF… writes a file instead.
type printDialog struct {
	u   *UI
	doc document
	d   *dialog.CustomDialog

	langSel    *widget.Select
	layoutSel  *widget.RadioGroup
	printerSel *widget.Select
	copies     *widget.Entry
	status     *widget.Label // looking for printers, or none set up
	gaps       *widget.Label // what the chosen languages lack (memoGaps)

	printBtn, previewBtn, saveBtn, cancelBtn *widget.Button
}

func newPrintDialog(u *UI, doc document) *printDialog {
	p := &printDialog{u: u, doc: doc}
	p.buildUI()
	return p
}

func (p *printDialog) buildUI() {
	names := make([]string, len(model.Languages))
	for i, l := range model.Languages {
		names[i] = tr("lang." + l)
	}
	p.langSel = widgets.NewSelect(names, nil)
	p.langSel.SetSelectedIndex(0)
	for i, l := range model.Languages {
		if l == p.u.lang {
			p.langSel.SetSelectedIndex(i)
		}
	}
	p.layoutSel = widget.NewRadioGroup([]string{tr("doc.one_language"), tr("doc.kk_ru"), tr("doc.ky_ru")}, nil)
	p.layoutSel.Required = true
	p.layoutSel.SetSelected(tr("doc.one_language"))

	p.printerSel = widgets.NewSelect(nil, nil)
	p.printerSel.PlaceHolder = tr("print.looking")
	p.printerSel.Disable()
	p.copies = widget.NewEntry()
	p.copies.SetText("1")
	p.copies.Validator = validCopies
	p.status = widgets.Wrapped(tr("print.looking"))
	p.gaps = widgets.Wrapped("")
	p.gaps.Importance = widget.WarningImportance
	p.langSel.OnChanged = func(string) { p.showGaps() }
	p.layoutSel.OnChanged = func(v string) {
		// Two columns name their languages: the one-language choice
		// does not apply.
		if v == tr("doc.one_language") {
			p.langSel.Enable()
		} else {
			p.langSel.Disable()
		}
		p.showGaps()
	}
	p.showGaps()

	p.printBtn = widget.NewButtonWithIcon(tr("print.print"), theme.DocumentPrintIcon(), p.onPrint)
	p.printBtn.Importance = widget.HighImportance
	p.printBtn.Disable() // until a printer is found
	p.previewBtn = widget.NewButtonWithIcon(tr("print.preview"), theme.VisibilityIcon(), p.onPreview)
	p.saveBtn = widget.NewButtonWithIcon(tr("doc.save_pdf"), theme.DocumentSaveIcon(), p.onSave)
	p.cancelBtn = widget.NewButton(tr("action.cancel"), p.onCancel)
}

// view lays the dialog's fields out.
func (p *printDialog) view() fyne.CanvasObject {
	form := container.NewVBox(widgets.Heading("doc.language"), p.langSel)
	if p.doc.bilingual {
		form.Add(widgets.Heading("doc.layout"))
		form.Add(p.layoutSel)
	}
	copies := container.NewVBox(widgets.Heading("print.copies"), widgets.MinWidth(90, p.copies))
	printer := container.NewVBox(widgets.Heading("print.printer"), p.printerSel)
	form.Add(p.gaps)
	form.Add(container.NewBorder(nil, nil, nil, copies, printer))
	form.Add(p.status)
	return form
}

func (p *printDialog) show() {
	p.d = dialog.NewCustomWithoutButtons(p.doc.title, p.view(), p.u.win)
	p.d.SetButtons([]fyne.CanvasObject{p.cancelBtn, p.saveBtn, p.previewBtn, p.printBtn})
	p.d.Resize(fyne.NewSize(620, p.d.MinSize().Height))
	p.u.showDialog(p.d, p.onCancel)
	p.loadPrinters()
}

// loadPrinters asks the system for its printers without blocking the
// window, then fills the printer list.
func (p *printDialog) loadPrinters() {
	var list []printing.Destination
	p.u.runLater(func() (err error) {
		ctx, cancel := context.WithTimeout(context.Background(), printersTimeout)
		defer cancel()
		list, err = p.u.opts.Printer.Printers(ctx)
		return err
	}, func(err error) { p.setPrinters(list, err) })
}

// setPrinters fills the printer list, the default printer selected; with
// none, it says so plainly and leaves Print disabled.
func (p *printDialog) setPrinters(list []printing.Destination, err error) {
	if err != nil || len(list) == 0 {
		text := tr("print.no_printer")
		var pe *printing.Error
		if errors.As(err, &pe) && pe.Detail != "" {
			text += "\n" + tr("print.err.system_said") + ": " + pe.Detail
		} else if err != nil && !errors.Is(err, printing.ErrNoPrinter) {
			text += "\n" + tr("print.err.system_said") + ": " + err.Error()
		}
		p.printerSel.PlaceHolder = "—"
		p.printerSel.Refresh()
		p.status.SetText(text)
		return
	}
	names := make([]string, len(list))
	for i, d := range list {
		names[i] = d.Name
	}
	p.printerSel.SetOptions(names)
	p.printerSel.SetSelectedIndex(0)
	if def := printing.DefaultName(list); def != "" {
		p.printerSel.SetSelected(def)
	}
	p.printerSel.Enable()
	p.status.SetText("")
	p.status.Hide()
	p.printBtn.Enable()
}

// choice is the language and layout chosen.
func (p *printDialog) choice() documentChoice {
	c := documentChoice{lang: model.Languages[max(p.langSel.SelectedIndex(), 0)]}
	if p.doc.bilingual {
		for i, o := range p.layoutSel.Options {
			if o == p.layoutSel.Selected {
				c.bilingual = docLayouts[i]
			}
		}
	}
	return c
}

// job is the print job chosen, or an error when the copies are not a
// number from 1 to 99.
func (p *printDialog) job() (printing.Job, error) {
	if err := p.copies.Validate(); err != nil {
		return printing.Job{}, err
	}
	n, _ := strconv.Atoi(strings.TrimSpace(p.copies.Text))
	return printing.Job{Printer: p.printerSel.Selected, Copies: n, Title: p.doc.name(p.choice())}, nil
}

func (p *printDialog) onPrint() {
	job, err := p.job()
	if err != nil {
		p.u.win.Canvas().Focus(p.copies)
		return
	}
	p.d.Hide()
	p.u.printDocument(p.doc, p.choice(), job)
}

// onPreview shows the pages over the dialog, which stays open beneath.
func (p *printDialog) onPreview() {
	var printNow func()
	if !p.printBtn.Disabled() {
		printNow = p.onPrint
	}
	p.u.previewDocument(p.doc, p.choice(), printNow)
}

func (p *printDialog) onSave() {
	p.d.Hide()
	p.u.savePDF(p.doc, p.choice())
}

func (p *printDialog) onCancel() { p.d.Hide() }

// validCopies accepts a whole number of copies from 1 to MaxCopies.
func validCopies(s string) error {
	n, err := strconv.Atoi(strings.TrimSpace(s))
	if err != nil || n < 1 || n > printing.MaxCopies {
		return errors.New(tr("print.err.copies"))
	}
	return nil
}

// showGaps warns, before anything is printed, about the fields the chosen
// languages have no text for (they would print in Russian) and a missing
// signatory.
func (p *printDialog) showGaps() {
	if p.doc.gaps == nil || p.gaps == nil {
		return
	}
	lines := p.doc.gaps(p.u.store, p.choice().langs())
	if len(lines) == 0 {
		p.gaps.SetText("")
		p.gaps.Hide()
		return
	}
	p.gaps.SetText("⚠ " + strings.Join(lines, "\n⚠ "))
	p.gaps.Show()
	if p.d != nil {
		p.d.Resize(fyne.NewSize(620, p.d.MinSize().Height))
	}
}
