package ui

import (
	"io"
	"time"

	"github.com/partnerdesk/partnerdesk/model"
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
			events, err := ics.Events(calendarReader{u.store}, langCode, today)
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

// calendarReader reads what the calendar needs through the store's own
// methods: the agreements one by one, in the order of their summaries.
type calendarReader struct{ Store }

// ForEachAgreement calls fn with every agreement.
func (r calendarReader) ForEachAgreement(fn func(a *model.Agreement) error) error {
	sums, err := r.Summaries()
	if err != nil {
		return err
	}
	for _, s := range sums {
		a, err := r.Agreement(s.ID)
		if err != nil {
			return err
		}
		if err := fn(&a); err != nil {
			return err
		}
	}
	return nil
}
