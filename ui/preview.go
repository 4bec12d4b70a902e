package ui

import (
	"context"
	"errors"
	"image"
	"image/color"
	"image/jpeg"
	"math"
	"os"
	"strconv"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/partnerdesk/partnerdesk/reports/printing"
	"github.com/partnerdesk/partnerdesk/ui/widgets"
)

// The preview shows at most previewMaxPages pages, a portrait A4 page
// previewWidth wide; the pages are drawn at the resolution that fills that
// width pixel for pixel, so nothing is scaled on screen.
const (
	previewMaxPages = 12
	previewWidth    = 700
	a4ShortInches   = 210 / 25.4
)

// previewDocument renders the document to a temporary PDF and its pages
// to images off the interface goroutine, and shows them in a dialog;
// where pdftoppm is missing it opens the PDF in the system's viewer
// instead. printNow, when not nil, is the preview's Print button.
func (u *UI) previewDocument(doc document, c documentChoice, printNow func()) {
	scale := u.win.Canvas().Scale()
	dpi := int(math.Round(previewWidth / a4ShortInches * float64(scale)))
	ctx, cancel := context.WithTimeout(context.Background(), printTimeout)
	progress := u.showProgress(doc.title, tr("print.preparing"), cancel)
	var t *tempPDF
	var pages []image.Image
	u.runLater(func() (err error) {
		defer cancel()
		if t, err = u.renderTemp(doc, c); err != nil {
			return err
		}
		// One page more than shown, to know there are more.
		files, err := printing.Preview(ctx, t.path, t.dir, dpi, previewMaxPages+1)
		if err != nil {
			return err
		}
		pages, err = decodePages(files)
		return err
	}, func(err error) {
		progress.Hide()
		switch {
		case t == nil:
			u.showError(err)
		case errors.Is(err, printing.ErrNoPreview):
			u.openInViewer(t)
		case errors.Is(err, context.Canceled):
			t.remove()
		case err != nil:
			t.remove()
			u.showError(err)
		default:
			u.showPreview(doc, c, t, pages, scale, printNow)
		}
	})
}

// decodePages reads the page images.
func decodePages(files []string) ([]image.Image, error) {
	pages := make([]image.Image, 0, len(files))
	for _, f := range files {
		r, err := os.Open(f)
		if err != nil {
			return nil, err
		}
		img, err := jpeg.Decode(r)
		r.Close()
		if err != nil {
			return nil, err
		}
		pages = append(pages, img)
	}
	return pages, nil
}

// showPreview shows the pages one under the other in a scrolling dialog.
// The temporary files go when it closes.
func (u *UI) showPreview(doc document, c documentChoice, t *tempPDF, pages []image.Image, scale float32,
	printNow func()) {
	more := len(pages) > previewMaxPages
	if more {
		pages = pages[:previewMaxPages]
	}
	list := container.NewVBox()
	if more {
		list.Add(widgets.Wrapped(tr("print.first_pages", "N", strconv.Itoa(previewMaxPages))))
	}
	widest := float32(previewWidth)
	for i, img := range pages {
		page := pageView(img, scale)
		widest = max(widest, page.MinSize().Width)
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
			// Closing first: hiding a dialog also removes every overlay
			// above it (the "no viewer" dialog was gone at once).
			t.kept = true
			d.Hide()
			u.openInViewer(t)
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
	d = dialog.NewCustomWithoutButtons(tr("print.preview")+": "+doc.name(c), container.NewScroll(list), u.win)
	d.SetButtons(buttons)
	d.SetOnClosed(t.remove)
	win := u.win.Canvas().Size()
	d.Resize(fyne.NewSize(min(win.Width-40, widest+60), win.Height-40))
	u.showDialog(d, nil)
}

// pageView shows a page image pixel for pixel in a thin frame.
func pageView(img image.Image, scale float32) fyne.CanvasObject {
	size := img.Bounds().Size()
	c := canvas.NewImageFromImage(img)
	c.FillMode = canvas.ImageFillContain
	c.SetMinSize(fyne.NewSize(float32(size.X)/scale, float32(size.Y)/scale))
	frame := canvas.NewRectangle(color.White)
	frame.StrokeColor = color.Gray{Y: 0xa0}
	frame.StrokeWidth = 1
	return container.NewStack(frame, c)
}
