package ui

import (
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/partnerdesk/partnerdesk/model"
	"github.com/partnerdesk/partnerdesk/ui/widgets"
)

// tasksTab lists the parties' responsibilities; they are added, edited
// and marked done in a small dialog.
type tasksTab struct {
	e        *agreementEditor
	items    []model.Responsibility
	table    *widgets.ListTable
	selected int
	edit     *widget.Button
	done     *widget.Button
	remove   *widget.Button
	root     fyne.CanvasObject
}

var taskColumns = []widgets.Column{
	{Title: "col.party", Width: 220, Long: true},
	{Title: "col.description", Width: 340, Long: true},
	{Title: "col.owner", Width: 170, Long: true},
	{Title: "col.due", Width: 100},
	{Title: "col.status", Width: 120, Cut: true},
	{Title: "col.done_on", Width: 100},
}

func newTasksTab(e *agreementEditor) *tasksTab {
	t := &tasksTab{e: e, items: append([]model.Responsibility(nil), e.orig.Responsibilities...), selected: -1}
	t.table = widgets.NewListTable(taskColumns, func() int { return len(t.items) }, t.cell)
	t.table.SetSorted(-1, false)
	t.table.OnOpen = func(row int) { t.selected = row; t.updateButtons(); t.openDialog(row) }
	add := widget.NewButtonWithIcon(tr("action.add_responsibility"), theme.ContentAddIcon(),
		func() { t.openDialog(-1) })
	add.Importance = widget.HighImportance
	t.edit = widget.NewButtonWithIcon(tr("action.edit"), theme.DocumentCreateIcon(),
		func() { t.openDialog(t.selected) })
	t.done = widget.NewButtonWithIcon(tr("action.mark_done"), theme.ConfirmIcon(), t.markDone)
	t.remove = widget.NewButtonWithIcon(tr("action.remove"), theme.ContentRemoveIcon(), t.removeSelected)
	t.updateButtons()
	msg := t.e.fs.message("responsibilities")
	t.root = container.NewBorder(container.NewVBox(container.NewHBox(add, t.edit, t.done, t.remove), msg), nil, nil,
		nil, t.table.Table)
	return t
}

func (t *tasksTab) content() fyne.CanvasObject { return t.root }

func (t *tasksTab) cell(row, col int) string {
	r := &t.items[row]
	switch col {
	case 0:
		return t.partyName(r.Party)
	case 1:
		return strings.ReplaceAll(r.Description, "\n", " ")
	case 2:
		return r.Owner
	case 3:
		return r.Due.String()
	case 4:
		return label(r.StatusOn(t.e.u.today()))
	}
	return r.CompletedOn.String()
}

func (t *tasksTab) partyName(p model.Party) string {
	names, codes := t.e.terms.parties()
	for i, c := range codes {
		if c == p {
			return names[i]
		}
	}
	return string(p)
}

func (t *tasksTab) updateButtons() {
	for _, b := range []*widget.Button{t.edit, t.done, t.remove} {
		if t.selected >= 0 && t.selected < len(t.items) {
			b.Enable()
		} else {
			b.Disable()
		}
	}
}

func (t *tasksTab) markDone() {
	if t.selected < 0 || t.selected >= len(t.items) {
		return
	}
	r := &t.items[t.selected]
	if r.Status != model.TaskDone {
		r.Status, r.CompletedOn = model.TaskDone, t.e.u.today()
	}
	t.openDialog(t.selected) // to add the evidence
	t.changed()
}

func (t *tasksTab) removeSelected() {
	if t.selected < 0 || t.selected >= len(t.items) {
		return
	}
	t.items = append(t.items[:t.selected], t.items[t.selected+1:]...)
	t.selected = -1
	t.changed()
}

func (t *tasksTab) changed() {
	t.updateButtons()
	t.table.Table.Refresh()
	t.e.changed()
}

// taskDialog is the dialog that edits one responsibility.
type taskDialog struct {
	party, status         *widget.Select
	desc, owner, evidence *widget.Entry
	descs                 map[string]*widget.Entry // the description in the other document languages
	due, doneOn           *widgets.DateEntry
	fs                    *fieldSet
	ok                    *widget.Button
	d                     *dialog.CustomDialog
}

// openDialog edits responsibility i (or a new one for -1).
func (t *tasksTab) openDialog(i int) *taskDialog {
	r := model.Responsibility{Party: model.PartyInstitution, Status: model.TaskPlanned}
	if i >= 0 {
		r = t.items[i]
	}
	td := &taskDialog{fs: newFieldSet(), party: t.e.terms.partySelect(r.Party), desc: widgets.Multiline(3),
		owner: widget.NewEntry(),
		due:   t.e.u.newDateEntry(nil), status: widgets.NewSelect(labels(model.StoredTaskStatuses), nil),
		doneOn: t.e.u.newDateEntry(nil), evidence: widgets.Multiline(2)}
	td.party.OnChanged = nil
	td.desc.SetText(r.Description)
	td.owner.SetText(r.Owner)
	td.due.SetDate(r.Due)
	td.status.SetSelected(label(r.Status))
	td.doneOn.SetDate(r.CompletedOn)
	td.evidence.SetText(r.Evidence)
	fs := td.fs
	descRow := []fyne.CanvasObject{fs.labelled("description", langLabel("field.description", model.MainTextLang),
		td.desc)}
	td.descs = map[string]*widget.Entry{}
	for _, l := range t.e.terms.texts[1:] {
		e := widgets.Multiline(3)
		e.SetText(r.Descriptions[l.lang])
		td.descs[l.lang] = e
		descRow = append(descRow, fs.labelled("descriptions."+l.lang, langLabel("field.description", l.lang), e))
	}
	fs.steady("description") // its "required" must not move the buttons
	form := container.NewVBox(
		fs.field("party", "field.party", td.party), widgets.NewColumns(len(descRow), descRow...),
		widgets.NewColumns(2, fs.field("owner", "field.owner", td.owner), fs.field("due", "field.due", td.due)),
		widgets.NewColumns(2, fs.field("status", "field.status", td.status),
			fs.field("completed_on", "field.completed_on", td.doneOn)),
		fs.field("evidence", "field.evidence", td.evidence),
	)
	td.ok = widget.NewButton(tr("action.ok"), func() {
		n, bad := t.read(td)
		if len(bad) > 0 {
			return
		}
		td.d.Hide()
		if i >= 0 {
			t.items[i] = n
		} else {
			t.items = append(t.items, n)
		}
		t.changed()
	})
	td.ok.Importance = widget.HighImportance
	cancel := widget.NewButton(tr("action.cancel"), func() { td.d.Hide() })
	td.d = dialog.NewCustomWithoutButtons(tr("tab.responsibilities"), form, t.e.u.win)
	td.d.SetButtons([]fyne.CanvasObject{cancel, td.ok})
	check := func() {
		_, bad := t.read(td)
		fs.show(bad)
		if len(bad) > 0 {
			td.ok.Disable()
		} else {
			td.ok.Enable()
		}
	}
	for _, e := range []*widget.Entry{td.desc, td.owner, &td.due.Entry, &td.doneOn.Entry, td.evidence} {
		e.OnChanged = func(string) { check() }
	}
	for _, e := range td.descs {
		e.OnChanged = func(string) { check() }
	}
	td.status.OnChanged = func(v string) {
		if fromLabel(model.StoredTaskStatuses, v) == model.TaskDone && td.doneOn.Text == "" {
			td.doneOn.SetDate(t.e.u.today())
		}
		check()
	}
	td.party.OnChanged = func(string) { check() }
	check()
	td.d.Resize(fyne.NewSize(float32(320+300*len(td.descs)), 560))
	t.e.u.showDialog(td.d, nil)
	return td
}

// read takes a responsibility from the dialog and checks it with the
// model's rules.
func (t *tasksTab) read(td *taskDialog) (model.Responsibility, model.ValidationError) {
	n := model.Responsibility{Party: t.e.terms.partyOf(td.party), Description: strings.TrimSpace(td.desc.Text),
		Owner: strings.TrimSpace(td.owner.Text),
		Due:   td.due.Date(), Status: fromLabel(model.StoredTaskStatuses,
			td.status.Selected), CompletedOn: td.doneOn.Date(), Evidence: strings.TrimSpace(td.evidence.Text)}
	for l, e := range td.descs {
		if s := strings.TrimSpace(e.Text); s != "" {
			if n.Descriptions == nil {
				n.Descriptions = map[string]string{}
			}
			n.Descriptions[l] = s
		}
	}
	var bad model.ValidationError
	if k := td.due.Problem(); k != "" {
		bad = append(bad, model.FieldError{Field: "due", Key: k})
	}
	if k := td.doneOn.Problem(); k != "" {
		bad = append(bad, model.FieldError{Field: "completed_on", Key: k})
	}
	// Validate the one responsibility by the model's rules for a list of
	// one, and strip the list prefix from the paths.
	probe := model.Agreement{PartnerIDs: t.e.terms.partners, Responsibilities: []model.Responsibility{n}}
	if v, ok := model.AsValidation(probe.Validate(t.e.u.today())); ok {
		for _, fe := range v {
			if rest, ok := strings.CutPrefix(fe.Field, "responsibilities[0]."); ok {
				fe.Field = rest
				bad = append(bad, fe)
			}
		}
	}
	return n, bad
}

func (t *tasksTab) collect(a *model.Agreement) model.ValidationError {
	a.Responsibilities = append([]model.Responsibility(nil), t.items...)
	return nil
}
