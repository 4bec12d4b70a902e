package ui

import (
	"errors"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"

	"github.com/partnerdesk/partnerdesk/model"
	"github.com/partnerdesk/partnerdesk/model/store"
	"github.com/partnerdesk/partnerdesk/ui/widgets"
)

// conflictDialog is asked when a save is refused because someone else
// saved the agreement after the editor opened it: reload their version,
// keep mine (knowingly over theirs) or compare field by field. Nothing is
// overwritten without the user's choice.
type conflictDialog struct {
	u    *UI
	e    *agreementEditor
	mine model.Agreement // the refused draft
	by   string          // who saved first ("" when the store does not know)
	d    *dialog.CustomDialog
}

// showConflict shows the choice after the draft mine was refused by err
// (a *store.ConflictError).
func (u *UI) showConflict(e *agreementEditor, mine model.Agreement, err error) {
	c := &conflictDialog{u: u, e: e, mine: mine}
	text := tr("together.conflict_unknown")
	var ce *store.ConflictError
	if errors.As(err, &ce) && ce.By != "" {
		c.by = ce.By
		text = tr("together.conflict", "By", ce.By, "At", ce.At)
	}
	cancel := &widget.Button{Text: tr("action.cancel"), OnTapped: c.onCancel}
	reload := &widget.Button{Text: tr("together.reload_theirs"), OnTapped: c.onReload}
	keep := &widget.Button{Text: tr("together.keep_mine"), OnTapped: c.onKeepMine, Importance: widget.DangerImportance}
	compare := &widget.Button{Text: tr("together.compare"), OnTapped: c.onCompare, Importance: widget.HighImportance}
	for _, b := range []*widget.Button{cancel, reload, keep, compare} {
		b.ExtendBaseWidget(b)
	}
	c.d = dialog.NewCustomWithoutButtons(tr("together.conflict_title"), widgets.Wrapped(text), u.win)
	c.d.SetButtons([]fyne.CanvasObject{cancel, reload, keep, compare})
	c.d.Resize(fyne.NewSize(640, 220))
	u.showDialog(c.d, c.onCancel)
}

func (c *conflictDialog) onCancel() { c.d.Hide() }

// onReload shows their version in the editor; the draft is dropped.
func (c *conflictDialog) onReload() {
	c.d.Hide()
	c.e.onReload()
}

// onKeepMine saves the draft over their version, as the user chose.
func (c *conflictDialog) onKeepMine() {
	c.d.Hide()
	mine, st := c.mine, c.u.store
	c.u.runLater(func() error {
		theirs, err := st.Agreement(mine.ID)
		if err != nil {
			return err
		}
		mine.Rev = theirs.Rev
		return st.SaveAgreement(&mine)
	}, func(err error) { c.e.afterChoice(mine, err) })
}

// onCompare reads their version and shows both, field by field.
func (c *conflictDialog) onCompare() {
	c.d.Hide()
	var theirs model.Agreement
	id, st := c.mine.ID, c.u.store
	c.u.runLater(func() error {
		var err error
		theirs, err = st.Agreement(id)
		return err
	}, func(err error) {
		if err != nil {
			c.e.afterChoice(c.mine, err)
			return
		}
		c.u.showCompare(c.e, theirs, c.mine, c.by)
	})
}

// afterChoice shows the outcome of saving the draft a after a conflict or
// a retry: the saved agreement, or why not (again the choice when yet
// another save came first).
func (e *agreementEditor) afterChoice(a model.Agreement, err error) {
	if e.u.page != e {
		return
	}
	if err != nil {
		e.saveFailed(a, err)
		return
	}
	e.saved(a)
}
