package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"

	"github.com/partnerdesk/partnerdesk/model"
	"github.com/partnerdesk/partnerdesk/ui/widgets"
)

// unsavedFirst runs next once the editor has no unsaved changes (saving
// them if the user says so).
func (e *agreementEditor) unsavedFirst(next func(current *agreementEditor)) {
	if !e.dirty() {
		next(e)
		return
	}
	e.u.askUnsaved(func(save bool) {
		if !save {
			next(e)
			return
		}
		if e.saveNow() {
			if cur, ok := e.u.page.(*agreementEditor); ok {
				next(cur)
			}
		}
	}, nil)
}

// onRenew opens a draft successor: the same terms for a new period that
// starts the day after the current one ends. Saving it links both.
func (e *agreementEditor) onRenew() {
	e.unsavedFirst(func(cur *agreementEditor) {
		old := cur.orig
		today := cur.u.today()
		next := old
		next.ID, next.Rev, next.SuccessorID, next.PredecessorID = 0, 0, 0, 0
		next.Status, next.TerminatedOn, next.TerminationReason = model.StatusDraft, 0, ""
		next.Attachments, next.Outcomes = nil, nil
		next.Responsibilities = nil
		start, until := old.RenewalTerm(today)
		next.SignedOn, next.ValidFrom, next.ValidUntil = 0, start, until
		next.Number = model.SuggestNumber(cur.u.inst.Pattern(), start, cur.u.cat.Numbers())
		cur.u.open(newAgreementEditor(cur.u, next, old.ID))
	})
}

// onTerminate asks for the date and the reason and stores the termination.
func (e *agreementEditor) onTerminate() {
	e.unsavedFirst(func(cur *agreementEditor) {
		date := cur.u.newDateEntry(nil)
		date.SetDate(cur.u.today())
		reason := widgets.Multiline(3)
		msg := widget.NewLabel("")
		msg.Importance = widget.DangerImportance
		msg.Wrapping = fyne.TextWrapWord
		form := container.NewVBox(widgets.Heading("field.terminated_on"), date,
			widgets.Heading("field.termination_reason"), reason, msg)
		d := dialog.NewCustomConfirm(tr("action.terminate"), tr("action.terminate"), tr("action.cancel"), form,
			func(ok bool) {
				if !ok {
					return
				}
				a := cur.orig
				a.Status, a.TerminatedOn, a.TerminationReason = model.StatusTerminated, date.Date(), reason.Text
				if err := cur.u.store.SaveAgreement(&a); err != nil {
					cur.u.showError(err)
					return
				}
				cur.u.cat.PutAgreement(model.Summarize(&a))
				cur.reopen(a)
			}, cur.u.win)
		d.Resize(fyne.NewSize(480, 320))
		cur.u.showDialog(d, nil)
	})
}

// onDuplicate opens a new draft with the same terms and a new number.
func (e *agreementEditor) onDuplicate() {
	e.unsavedFirst(func(cur *agreementEditor) {
		a := cur.orig
		a.ID, a.Rev, a.SuccessorID, a.PredecessorID = 0, 0, 0, 0
		a.Status, a.TerminatedOn, a.TerminationReason = model.StatusDraft, 0, ""
		a.Attachments, a.SignedOn = nil, 0
		a.Number = model.SuggestNumber(cur.u.inst.Pattern(), cur.u.today(), cur.u.cat.Numbers())
		cur.u.open(newAgreementEditor(cur.u, a, 0))
	})
}

func (e *agreementEditor) onDelete() {
	e.u.confirmDelete(tr("delete.agreement", "Number", e.orig.Number), func() {
		if err := e.u.store.DeleteAgreement(e.orig.ID); err != nil {
			e.u.showError(err)
			return
		}
		e.u.cat.DeleteAgreement(e.orig.ID)
		for _, id := range []model.ID{e.orig.PredecessorID, e.orig.SuccessorID} {
			if id != 0 {
				e.u.refreshAgreement(id)
			}
		}
		e.u.back()
	})
}
