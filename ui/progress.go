package ui

import (
	"context"
	"strconv"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"
)

// runWithProgress runs slow work in a goroutine behind a dialog with a
// progress bar and a Cancel button (which cancels the work's context),
// then calls done on the interface goroutine. The work reports progress
// through the function it is given; updates are throttled.
func (u *UI) runWithProgress(title string, work func(ctx context.Context, progress func(done, total int)) error,
	done func(error)) {
	ctx, cancel := context.WithCancel(context.Background())
	bar := widget.NewProgressBar()
	note := widget.NewLabel("")
	d := dialog.NewCustomWithoutButtons(title, container.NewVBox(bar, note), u.win)
	stop := widget.NewButton(tr("action.cancel"), func() {
		cancel()
		note.SetText(tr("msg.cancelling"))
	})
	d.SetButtons([]fyne.CanvasObject{stop})
	d.Resize(fyne.NewSize(460, 160))
	d.Show()
	var last time.Time
	progress := func(n, total int) {
		if n < total && time.Since(last) < 100*time.Millisecond {
			return
		}
		last = time.Now()
		fyne.Do(func() {
			if total > 0 {
				bar.SetValue(float64(n) / float64(total))
				note.SetText(tr("msg.progress", "Done", strconv.Itoa(n), "Total", strconv.Itoa(total)))
			}
		})
	}
	u.runLater(func() error {
		defer cancel()
		return work(ctx, progress)
	}, func(err error) {
		d.Hide()
		done(err)
	})
}
