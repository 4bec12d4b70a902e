package ui

import (
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"github.com/partnerdesk/partnerdesk/model"
)

// historyTab shows every change to the agreement: when, who, what.
type historyTab struct {
	entries []model.HistoryEntry
	root    fyne.CanvasObject
}

func newHistoryTab(e *agreementEditor) *historyTab {
	t := &historyTab{}
	if e.orig.ID != 0 {
		h, err := e.u.store.History(model.EntityAgreement, e.orig.ID)
		if err != nil {
			e.u.showError(err)
		}
		t.entries = h
	}
	list := widget.NewList(func() int { return len(t.entries) },
		func() fyne.CanvasObject {
			l := widget.NewLabel("")
			l.Wrapping = fyne.TextWrapWord
			return l
		},
		func(i widget.ListItemID, o fyne.CanvasObject) {
			h := t.entries[len(t.entries)-1-i] // newest first
			text := h.At.Local().Format("02.01.2006 15:04") + " · " + h.User + " · " + label(h.Action)
			if len(h.Fields) > 0 {
				names := make([]string, len(h.Fields))
				for k, f := range h.Fields {
					names[k] = tr("field." + f)
				}
				text += ": " + strings.Join(names, ", ")
			}
			if h.Note != "" {
				text += " (" + h.Note + ")"
			}
			o.(*widget.Label).SetText(text)
		})
	var top fyne.CanvasObject = widget.NewLabel(tr("history.hint"))
	if len(t.entries) == 0 {
		top = widget.NewLabel(tr("history.none"))
	}
	t.root = container.NewBorder(top, nil, nil, nil, list)
	return t
}

func (t *historyTab) content() fyne.CanvasObject { return t.root }

func (t *historyTab) collect(*model.Agreement) model.ValidationError { return nil }
