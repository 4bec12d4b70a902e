package ui

import (
	"errors"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/partnerdesk/partnerdesk/model"
	"github.com/partnerdesk/partnerdesk/model/store"
)

// liveScreen is a screen that shows other people's changes where it
// stands, without going back to the top.
type liveScreen interface{ liveRefresh() }

func (s *agreementsScreen) liveRefresh() {
	s.yearOptions()
	s.cells = nil
	s.rows = s.u.cat.Agreements(s.q)
	_, total := s.u.cat.Len()
	s.table.RefreshCounted(len(s.rows), total, s.count, s.empty)
}

func (s *partnersScreen) liveRefresh() {
	s.rows = s.u.cat.Partners(s.q)
	total, _ := s.u.cat.Len()
	s.table.RefreshCounted(len(s.rows), total, s.count, s.empty)
}

func (d *dashboard) liveRefresh() { d.refresh() }

// checkChangedElsewhere asks the store whether the agreement open in the
// editor changed since it was opened, and if so says by whom and when.
func (e *agreementEditor) checkChangedElsewhere() {
	var stored model.Agreement
	var by, at string
	id, st := e.orig.ID, e.u.store
	e.u.runLater(func() error {
		var err error
		if stored, err = st.Agreement(id); err != nil {
			return err
		}
		by, at = lastChange(st, model.EntityAgreement, id)
		return nil
	}, func(err error) {
		switch {
		case e.u.page != e:
		case errors.Is(err, store.ErrNotFound):
			e.notice.show(tr("together.deleted_elsewhere"))
		case err == nil && stored.Rev != e.orig.Rev:
			e.notice.show(tr("together.changed_by", "By", by, "At", at), e.reloadButton())
		}
	})
}

// reloadButton opens the stored version of the agreement in the editor,
// on the same tab.
func (e *agreementEditor) reloadButton() *widget.Button {
	return widget.NewButtonWithIcon(tr("together.reload"), theme.ViewRefreshIcon(), e.onReload)
}

func (e *agreementEditor) onReload() {
	tab := ""
	if i := e.appTabs.SelectedIndex(); i >= 0 {
		tab = e.tabs[i].key
	}
	e.u.openAgreement(e.orig.ID, tab)
}

// noticeBar is a plain line over an editor, with buttons at its end:
// "changed by …", "the server cannot be reached".
type noticeBar struct {
	box  *fyne.Container
	text *widget.Label // the line shown, nil before the first
}

// newNoticeBar returns an empty bar, hidden so that it takes no room (an
// empty box in a VBox still gets its padding).
func newNoticeBar() *noticeBar {
	b := &noticeBar{box: container.NewVBox()}
	b.box.Hide()
	return b
}

// show shows text with the buttons; no text hides the line.
func (b *noticeBar) show(text string, buttons ...fyne.CanvasObject) {
	if text == "" {
		b.box.Objects = nil
		b.box.Hide()
		return
	}
	l := widget.NewLabel(text)
	l.Wrapping = fyne.TextWrapWord
	l.Importance = widget.WarningImportance
	b.text = l
	b.box.Objects = []fyne.CanvasObject{container.NewBorder(nil, nil, nil, container.NewHBox(buttons...), l)}
	b.box.Show()
	b.box.Refresh()
}
