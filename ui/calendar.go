package ui

import (
	"io"
	"time"

	"github.com/partnerdesk/partnerdesk/model/store"
	"github.com/partnerdesk/partnerdesk/reports/ics"
)

// onExportCalendar writes every end date and due date to an .ics file.
func (u *UI) onExportCalendar() {
	u.saveFile("partnerdesk-"+u.today().ISO()+".ics", func(path string) {
		if err := u.store.CheckTarget(path); err != nil {
			u.showError(err)
			return
		}
		today, langCode := u.today(), u.lang
		u.runLater(func() error {
			events, err := ics.Events(u.store, langCode, today)
			if err != nil {
				return err
			}
			return store.WriteFileAtomic(path, 0o644, func(w io.Writer) error {
				return ics.Write(w, "PartnerDesk — "+u.inst.Names.In(langCode), time.Now(), events)
			})
		}, func(err error) {
			if err != nil {
				u.showError(err)
				return
			}
			u.offerOpen(tr("msg.calendar_written"), path, true)
		})
	})
}
