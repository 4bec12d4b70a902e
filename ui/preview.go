package ui

import (
	"context"
	"errors"
	"image/color"
	"image/jpeg"
	"os"
	"strconv"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/partnerdesk/partnerdesk/reports/printing"
)

// The preview renders pages at previewDPI, at most previewMaxPages of
// them, and shows them previewWidth wide (portrait pages).
const (
	previewDPI      = 96
	previewMaxPages = 20
	previewWidth    = 620
)

// previewDocument renders the document to a temporary PDF and shows its
// pages in a dialog; where pdftoppm is missing it opens the PDF in the
// system's viewer instead. printNow, when not nil, is the preview's Print
// button.
func (u *UI) previewDocument(doc document, c documentChoice, printNow func()) {
	progress := u.showProgress(doc.title, tr("print.preparing"))
	var t *tempPDF
	var pages []string
	u.runLater(func() (err error) {
		if t, err = u.renderTemp(doc, c); err != nil {
			return err
		}
		ctx, cancel := context.WithTimeout(context.Background(), printTimeout)
		defer cancel()
		// One page more than shown, to know there are more.
		pages, err = printing.Preview(ctx, t.path, t.dir, previewDPI, previewMaxPages+1)
		return err
	}, func(err error) {
		progress.Hide()
		switch {
		case t == nil:
			u.showError(err)
		case errors.Is(err, printing.ErrNoPreview):
			u.openInViewer(t)
		case err != nil:
			t.remove()
			u.showError(err)
		default:
			u.showPreview(doc, c, t, pages, printNow)
		}
	})
}

// showPreview shows the page images one under the other in a scrolling
// dialog. The temporary files go when it closes.
func (u *UI) showPreview(doc document, c documentChoice, t *tempPDF, pages []string, printNow func()) {
	more := len(pages) > previewMaxPages
	if more {
		pages = pages[:previewMaxPages]
	}
	list := container.NewVBox()
	if more {
		list.Add(wrapped(tr("print.first_pages", "N", strconv.Itoa(previewMaxPages))))
	}
	widest := float32(previewWidth)
	for i, p := range pages {
		page, w := pageView(p)
		widest = max(widest, w)
		caption := tr("print.page", "N", strconv.Itoa(i+1), "Total", strconv.Itoa(len(pages)))
		if more {
			caption = tr("print.page_n", "N", strconv.Itoa(i+1))
		}
		list.Add(container.NewCenter(page))
		list.Add(widget.NewLabelWithStyle(caption, fyne.TextAlignCenter, fyne.TextStyle{Italic: true}))
	}
	var d *dialog.CustomDialog
	buttons := []fyne.CanvasObject{
		widget.NewButton(tr("action.close"), func() { d.Hide() }),
		widget.NewButtonWithIcon(tr("print.open_viewer"), theme.FileIcon(), func() {
			u.openInViewer(t)
			d.Hide()
		}),
	}
	if printNow != nil {
		b := widget.NewButtonWithIcon(tr("print.print"), theme.DocumentPrintIcon(), func() {
			d.Hide()
			printNow()
		})
		b.Importance = widget.HighImportance
		buttons = append(buttons, b)
	}
	d = dialog.NewCustomWithoutButtons(tr("print.preview")+": "+doc.name(c), container.NewVScroll(list), u.win)
	d.SetButtons(buttons)
	d.SetOnClosed(t.remove)
	win := u.win.Canvas().Size()
	d.Resize(fyne.NewSize(min(win.Width-40, widest+80), win.Height-40))
	d.Show()
}

// pageView shows a page image in a thin frame, previewWidth wide for a
// portrait page and proportionally wider for a landscape one, and returns
// its width.
func pageView(path string) (fyne.CanvasObject, float32) {
	w, h := float32(previewWidth), float32(previewWidth)*297/210
	if f, err := os.Open(path); err == nil {
		cfg, err := jpeg.DecodeConfig(f)
		f.Close()
		if err == nil && cfg.Width > cfg.Height { // landscape: keep the height of text readable
			w, h = float32(previewWidth)*297/210, float32(previewWidth)
		}
	}
	img := canvas.NewImageFromFile(path)
	img.FillMode = canvas.ImageFillContain
	img.SetMinSize(fyne.NewSize(w, h))
	frame := canvas.NewRectangle(color.White)
	frame.StrokeColor = color.Gray{Y: 0xa0}
	frame.StrokeWidth = 1
	return container.NewStack(frame, img), w
}
