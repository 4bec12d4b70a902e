package ui

import (
	"errors"
	"slices"
	"strconv"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/partnerdesk/partnerdesk/model"
	"github.com/partnerdesk/partnerdesk/model/store"
)

// agreementTab is one tab of the agreement editor: it shows part of the
// agreement and writes its inputs back into a draft.
type agreementTab interface {
	content() fyne.CanvasObject
	// collect writes the tab's inputs into a and returns the problems the
	// model cannot see (text that is not a date or a number).
	collect(a *model.Agreement) model.ValidationError
}

// agreementEditor edits one agreement in tabs. Every change is validated
// by the model; Save stays disabled while the agreement is invalid or
// unchanged. Attachments are stored at once, the rest on Save.
type agreementEditor struct {
	u       *UI
	orig    model.Agreement
	renewOf model.ID // when not 0, Save stores the draft as this agreement's renewal
	fs      *fieldSet
	root    fyne.CanvasObject
	appTabs *container.AppTabs
	tabs    []editorTab
	terms   *termsTab

	saveBtn, renew, terminate, duplicate, del *widget.Button
	printBtn                                  *widget.Button
	status, problems                          *widget.Label

	notice *noticeBar // "changed by …", "the server cannot be reached"
	retry  *saveRetry // saving again while the server is away, or nil
}

// editorTab describes one tab of the agreement editor.
type editorTab struct {
	key string // translation key of its title; Options.Start and tests pick tabs by it
	// prefix starts the field paths the tab shows, for its ⚠ mark; the
	// terms tab, with "", takes the paths no other tab claims.
	prefix string
	tab    agreementTab
}

// newAgreementEditor edits a; when renewOf is not 0, a is a new draft
// that Save stores as the renewal of agreement renewOf.
func newAgreementEditor(u *UI, a model.Agreement, renewOf model.ID) *agreementEditor {
	e := &agreementEditor{u: u, orig: a, renewOf: renewOf, fs: newFieldSet()}
	e.makeActions()
	e.terms = newTermsTab(e)
	e.tabs = []editorTab{
		{key: "tab.terms", tab: e.terms},
		{key: "tab.responsibilities", prefix: "responsibilities[", tab: newTasksTab(e)},
		{key: "tab.principles", prefix: "principles[", tab: newPrinciplesTab(e)},
		{key: "tab.outcomes", prefix: "outcomes[", tab: newOutcomesTab(e)},
		{key: "tab.attachments", prefix: "attachments", tab: newFilesTab(e)},
		{key: "tab.history", prefix: "history", tab: newHistoryTab(e)},
	}
	for _, t := range e.tabs {
		e.appTabs.Append(container.NewTabItem(tr(t.key), t.tab.content()))
	}
	e.root = e.build()
	e.fs.quiet = a.ID == 0
	e.changed()
	e.fs.quiet = false // from the first edit on
	return e
}

// makeActions makes the buttons, the status line and the (empty) tabs,
// before the tabs' inputs exist.
func (e *agreementEditor) makeActions() {
	e.appTabs = container.NewAppTabs()
	e.notice = newNoticeBar()
	e.saveBtn = widget.NewButtonWithIcon(tr("action.save"), theme.DocumentSaveIcon(), e.onSave)
	e.saveBtn.Importance = widget.HighImportance
	e.status = widget.NewLabel("")
	e.problems = widget.NewLabel("")
	e.problems.Importance = widget.DangerImportance
	e.renew = widget.NewButtonWithIcon(tr("action.renew"), theme.ViewRefreshIcon(), e.onRenew)
	e.terminate = widget.NewButtonWithIcon(tr("action.terminate"), theme.CancelIcon(), e.onTerminate)
	e.duplicate = widget.NewButtonWithIcon(tr("action.duplicate"), theme.ContentCopyIcon(), e.onDuplicate)
	e.del = widget.NewButtonWithIcon(tr("action.delete"), theme.DeleteIcon(), e.onDelete)
	e.del.Importance = widget.DangerImportance
	e.printBtn = widget.NewButtonWithIcon(tr("action.print"), theme.DocumentPrintIcon(), e.print)
	e.updateActions()
}

func (e *agreementEditor) onBack() { e.u.leave(e.u.back, nil) }

func (e *agreementEditor) onSave() { e.saveNow() }

// build lays the editor out: title, actions, status, problems, tabs.
func (e *agreementEditor) build() fyne.CanvasObject {
	back := widget.NewButtonWithIcon(tr("action.back"), theme.NavigateBackIcon(), e.onBack)
	// The status has a line of its own: between the buttons it was
	// squeezed to "…".
	state := container.NewHBox(e.status, e.problems)
	bar := container.NewBorder(nil, nil, container.NewHBox(back, e.saveBtn, e.printBtn),
		container.NewHBox(e.renew, e.terminate, e.duplicate, e.del))
	return container.NewBorder(container.NewVBox(e.title(), bar, e.notice.box, state, e.fs.summary), nil, nil, nil, e.appTabs)
}

func (e *agreementEditor) title() fyne.CanvasObject {
	text := tr("agreement.new")
	switch {
	case e.renewOf != 0:
		text = tr("agreement.renewal_of", "Number", e.u.cat.NumberOf(e.renewOf))
	case e.orig.ID != 0:
		text = e.orig.Number + " — " + e.orig.Title
	}
	l := widget.NewLabelWithStyle(text, fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	l.Truncation = fyne.TextTruncateEllipsis
	return l
}

// updateActions shows the actions that apply to the stored agreement.
func (e *agreementEditor) updateActions() {
	stored := e.orig.ID != 0
	st := e.orig.StatusOn(e.u.today(), e.u.inst.Warning())
	show := func(b *widget.Button, on bool) {
		if on {
			b.Show()
		} else {
			b.Hide()
		}
	}
	show(e.renew, stored && e.orig.SuccessorID == 0 && (st == model.StatusActive || st == model.StatusExpiring || st == model.StatusExpired))
	show(e.terminate, stored && (st == model.StatusActive || st == model.StatusExpiring))
	show(e.duplicate, stored)
	show(e.del, stored)
}

// collect builds the draft from every tab.
func (e *agreementEditor) collect() (model.Agreement, model.ValidationError) {
	a := e.orig
	var parse model.ValidationError
	for _, t := range e.tabs {
		parse = append(parse, t.tab.collect(&a)...)
	}
	return a, parse
}

// changed validates after any edit.
func (e *agreementEditor) changed() {
	a, problems := e.collect()
	if v, ok := model.AsValidation(a.Validate(e.u.today())); ok {
		problems = append(problems, v...)
	}
	problems = dropShadowed(problems)
	e.fs.show(problems)
	dirty := e.dirtyDraft(&a)
	if len(problems) == 0 && dirty && !e.u.readOnly() {
		e.saveBtn.Enable()
	} else {
		e.saveBtn.Disable()
	}
	if dirty {
		e.status.SetText("")
	}
	e.problems.SetText("")
	// Count what the fields show: a new draft hides its "required" until
	// the first edit, and "2 errors" with one in sight puzzled.
	n := 0
	for _, fe := range problems {
		if !e.fs.quiet || fe.Key != "err.required" {
			n++
		}
	}
	if n > 0 {
		e.problems.SetText(tr("msg.problems", "Count", strconv.Itoa(n)))
	}
	e.markTabs(problems)
}

// dropShadowed removes the model's "required" for a field whose text
// could not be read (the reader's message says more).
func dropShadowed(v model.ValidationError) model.ValidationError {
	unreadable := map[string]bool{}
	for _, fe := range v {
		if fe.Key == "err.date_invalid" || fe.Key == "err.not_number" {
			unreadable[fe.Field] = true
		}
	}
	out := v[:0:0]
	for _, fe := range v {
		if unreadable[fe.Field] && fe.Key == "err.required" {
			continue
		}
		out = append(out, fe)
	}
	return out
}

// markTabs puts a warning sign on the tabs that have problems.
func (e *agreementEditor) markTabs(v model.ValidationError) {
	bad := make([]bool, len(e.tabs))
	for _, fe := range v {
		tab := 0
		for i, t := range e.tabs {
			if t.prefix != "" && strings.HasPrefix(fe.Field, t.prefix) {
				tab = i
			}
		}
		bad[tab] = true
	}
	for i, item := range e.appTabs.Items {
		text := tr(e.tabs[i].key)
		if bad[i] {
			text += " ⚠"
		}
		if item.Text != text {
			item.Text = text
			e.appTabs.Refresh()
		}
	}
}

func (e *agreementEditor) dirtyDraft(a *model.Agreement) bool {
	return e.orig.ID == 0 || len(model.ChangedFields(&e.orig, a)) > 0
}

func (e *agreementEditor) view() fyne.CanvasObject { return e.root }

func (e *agreementEditor) dirty() bool {
	a, _ := e.collect()
	if e.orig.ID == 0 {
		// A new draft counts as changed once anything but the suggestions
		// was entered.
		blank := e.orig
		return len(model.ChangedFields(&blank, &a)) > 0
	}
	return e.dirtyDraft(&a)
}

func (e *agreementEditor) flash(message string) { e.status.SetText(message) }

// tabIndex returns the position of the tab with the given key, -1 when
// there is none.
func (e *agreementEditor) tabIndex(key string) int {
	return slices.IndexFunc(e.tabs, func(t editorTab) bool { return t.key == key })
}

// tab returns the tab with the given key.
func (e *agreementEditor) tab(key string) agreementTab { return e.tabs[e.tabIndex(key)].tab }

// selectTab shows the tab with the given key; an unknown key changes
// nothing.
func (e *agreementEditor) selectTab(key string) {
	if i := e.tabIndex(key); i >= 0 {
		e.appTabs.SelectIndex(i)
	}
}

func (e *agreementEditor) save() bool { return e.saveNow() }

// saveNow stores the agreement; it returns false when it could not.
func (e *agreementEditor) saveNow() bool {
	a, problems := e.collect()
	if len(problems) > 0 {
		e.u.showError(problems)
		return false
	}
	var err error
	if e.renewOf != 0 {
		err = e.u.store.Renew(e.renewOf, &a)
	} else {
		err = e.u.store.SaveAgreement(&a)
	}
	if err != nil {
		e.saveFailed(a, err)
		return false
	}
	e.saved(a)
	return true
}

// saveFailed says why the draft a was not stored: a refused field, a
// newer save by someone else (the choice of what to keep), a lost server
// (saved again when it is back).
func (e *agreementEditor) saveFailed(a model.Agreement, err error) {
	switch {
	case errors.Is(err, store.ErrConflict) && a.ID != 0 && e.renewOf == 0:
		e.u.showConflict(e, a, err)
		return
	case errors.Is(err, store.ErrServerUnreachable):
		e.serverLost()
		return
	}
	e.stopRetry()
	if v, ok := model.AsValidation(err); ok {
		e.fs.show(v)
	}
	e.u.showError(err)
}

// saved shows a, just stored, in a fresh editor, and the lists with it.
func (e *agreementEditor) saved(a model.Agreement) {
	e.stopRetry()
	if e.renewOf != 0 {
		e.u.refreshAgreement(e.renewOf)
		e.renewOf = 0
	}
	e.u.cat.PutAgreement(model.Summarize(&a))
	fresh := e.reopen(a)
	fresh.status.SetText(tr("msg.saved_at", "Time", time.Now().Format("15:04")))
}

// reopen shows a (just stored) in a new editor on the same tab, so that
// every tab reflects what the store holds.
func (e *agreementEditor) reopen(a model.Agreement) *agreementEditor {
	fresh := newAgreementEditor(e.u, a, 0)
	e.u.open(fresh)
	fresh.appTabs.SelectIndex(e.appTabs.SelectedIndex())
	return fresh
}

// print offers the memorandum of the agreement as it stands in the editor
// (Ctrl+P).
func (e *agreementEditor) print() {
	a, problems := e.collect()
	if v, ok := model.AsValidation(a.Validate(e.u.today())); ok {
		problems = append(problems, v...)
	}
	if len(problems) > 0 {
		e.u.showError(problems)
		return
	}
	e.u.showDocument(e.memorandumDoc(a))
}
