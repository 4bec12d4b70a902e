package ui

import (
	"errors"

	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/partnerdesk/partnerdesk/model"
	"github.com/partnerdesk/partnerdesk/model/store"
)

// checkChangedElsewhere asks the store whether the partner open in the
// form changed since it was opened, and if so says by whom and when.
func (f *partnerForm) checkChangedElsewhere() {
	var stored model.Partner
	var by, at string
	id, st := f.orig.ID, f.u.store
	f.u.runLater(func() error {
		var err error
		if stored, err = st.Partner(id); err != nil {
			return err
		}
		by, at = lastChange(st, model.EntityPartner, id)
		return nil
	}, func(err error) {
		switch {
		case f.u.page != f:
		case errors.Is(err, store.ErrNotFound):
			f.notice.show(tr("together.partner_deleted_elsewhere"))
		case err == nil && stored.Rev != f.orig.Rev:
			f.notice.show(tr("together.changed_by", "By", by, "At", at),
				widget.NewButtonWithIcon(tr("together.reload"), theme.ViewRefreshIcon(), f.onReload))
		}
	})
}

// onReload opens the stored version of the partner in the form.
func (f *partnerForm) onReload() { f.u.openPartner(f.orig.ID) }

// lastChange returns who changed a record last, and when.
func lastChange(st Store, entity model.Entity, id model.ID) (by, at string) {
	h, err := st.History(entity, id)
	if err != nil || len(h) == 0 {
		return "", ""
	}
	last := h[len(h)-1]
	return last.User, last.At.Local().Format("02.01.2006 15:04")
}
