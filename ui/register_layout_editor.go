package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/partnerdesk/partnerdesk/model"
	"github.com/partnerdesk/partnerdesk/ui/widgets"
)

// layoutEditor makes a layout of the user's own: the columns ticked, in
// the order arranged with the arrows, saved under a name.
type layoutEditor struct {
	p       *layoutPicker
	name    *widget.Entry
	order   []string        // every column, the chosen ones first
	chosen  map[string]bool // ticked columns
	list    *fyne.Container
	perPart *widget.Check
	d       dialog.Dialog
}

// edit opens the editor, starting from the selected layout's columns.
func (p *layoutPicker) edit() {
	l, full := p.selected()
	e := &layoutEditor{p: p, name: widget.NewEntry(), chosen: map[string]bool{}, list: container.NewVBox(),
		perPart: widget.NewCheck(tr("ui.layout.per_partner"), nil)}
	if !full {
		e.order = append(e.order, l.Columns...)
		e.perPart.SetChecked(l.PerPartner)
		if !isPresetName(l.Name) {
			e.name.SetText(l.Name)
		}
	}
	for _, c := range e.order {
		e.chosen[c] = true
	}
	for _, c := range model.LayoutColumns {
		if !e.chosen[c] {
			e.order = append(e.order, c)
		}
	}
	e.name.SetPlaceHolder(tr("ui.layout.name"))
	e.fill()
	save := widget.NewButtonWithIcon(tr("ui.layout.save"), theme.DocumentSaveIcon(), e.save)
	save.Importance = widget.HighImportance
	e.p.u.disableIfReadOnly(save)
	remove := widget.NewButtonWithIcon(tr("ui.layout.delete"), theme.DeleteIcon(), e.remove)
	body := container.NewBorder(
		container.NewVBox(widgets.Heading("ui.layout.name"), e.name, e.perPart, widgets.Heading("ui.layout.columns")),
		container.NewHBox(save, remove), nil, nil, container.NewVScroll(e.list))
	d := dialog.NewCustom(tr("ui.layout.edit"), tr("action.close"), body, p.u.win)
	d.Resize(fyne.NewSize(560, 640))
	e.d = d
	p.u.showDialog(d, nil)
}

func isPresetName(name string) bool {
	for _, n := range model.PresetLayoutNames {
		if n == name {
			return true
		}
	}
	return false
}

// fill lists the columns: a tick, the header, and arrows to move it.
func (e *layoutEditor) fill() {
	e.list.Objects = nil
	for i, c := range e.order {
		check := widget.NewCheck(tr("layout.col."+c), nil)
		check.SetChecked(e.chosen[c])
		check.OnChanged = func(on bool) { e.chosen[c] = on }
		up := widget.NewButtonWithIcon("", theme.MoveUpIcon(), func() { e.move(i, -1) })
		down := widget.NewButtonWithIcon("", theme.MoveDownIcon(), func() { e.move(i, 1) })
		if i == 0 {
			up.Disable()
		}
		if i == len(e.order)-1 {
			down.Disable()
		}
		e.list.Add(container.NewBorder(nil, nil, nil, container.NewHBox(up, down), check))
	}
	e.list.Refresh()
}

func (e *layoutEditor) move(i, by int) {
	j := i + by
	if j < 0 || j >= len(e.order) {
		return
	}
	e.order[i], e.order[j] = e.order[j], e.order[i]
	e.fill()
}

// layout is what the editor holds.
func (e *layoutEditor) layout() model.RegisterLayout {
	l := model.RegisterLayout{Name: e.name.Text, PerPartner: e.perPart.Checked}
	for _, c := range e.order {
		if e.chosen[c] {
			l.Columns = append(l.Columns, c)
		}
	}
	return l
}

func (e *layoutEditor) save() {
	l := e.layout()
	if err := e.p.u.store.SaveRegisterLayout(l); err != nil {
		e.p.u.showError(err)
		return
	}
	e.d.Hide()
	e.p.reload(l.Name)
	dialog.ShowInformation(tr("ui.layout.label"), tr("ui.layout.saved", "Name", l.Name), e.p.u.win)
}

func (e *layoutEditor) remove() {
	if err := e.p.u.store.DeleteRegisterLayout(e.name.Text); err != nil {
		e.p.u.showError(err)
		return
	}
	e.d.Hide()
	e.p.reload("")
}
