package ui

import (
	"encoding/json"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/partnerdesk/partnerdesk/model"
	"github.com/partnerdesk/partnerdesk/ui/widgets"
)

// scaleEditor edits the institution's indicators and levels: their codes,
// names and definitions in the four languages. New rounds copy them.
type scaleEditor struct {
	u     *UI
	sc    model.Scale
	orig  []byte
	root  *fyne.Container
	lists *fyne.Container
}

func (u *UI) openScaleEditor() {
	rs := u.rs()
	if rs == nil {
		return
	}
	sc, err := rs.DiagnosticScale()
	if err != nil {
		u.showError(err)
		return
	}
	e := &scaleEditor{u: u, sc: sc.Clone(), lists: container.NewVBox()}
	e.orig, _ = json.Marshal(sc)
	back := widget.NewButtonWithIcon(tr("diag.action.back"), theme.NavigateBackIcon(), func() { u.leave(u.back, nil) })
	save := widget.NewButtonWithIcon(tr("diag.action.save"), theme.DocumentSaveIcon(), func() {
		if e.save() {
			dialog.ShowInformation(tr("diag.action.scale"), tr("diag.scale_saved"), u.win)
		}
	})
	save.Importance = widget.HighImportance
	bar := container.NewBorder(nil, nil, back, save, widgets.Bold(strings.TrimSuffix(tr("diag.action.scale"), "…")))
	e.fill()
	e.root = container.NewBorder(container.NewVBox(bar, widget.NewSeparator()), nil, nil, nil,
		container.NewVScroll(container.NewPadded(container.NewVBox(widgets.Wrapped(tr("diag.scale_help")), e.lists))))
	u.open(e)
}

func (e *scaleEditor) view() fyne.CanvasObject { return e.root }

// flash has nowhere to show a word: the scale editor has no status line.
func (e *scaleEditor) flash(string) {}

func (e *scaleEditor) dirty() bool {
	now, _ := json.Marshal(e.sc)
	return string(now) != string(e.orig)
}

func (e *scaleEditor) save() bool {
	sc := e.sc.Clone()
	if err := e.u.rs().SaveDiagnosticScale(sc); err != nil {
		e.u.showError(err)
		return false
	}
	e.orig, _ = json.Marshal(sc)
	return true
}

// fill rebuilds the two lists.
func (e *scaleEditor) fill() {
	e.lists.Objects = []fyne.CanvasObject{
		widgets.Heading("diag.indicators_help"), e.items(&e.sc.Indicators, "diag.action.add_indicator"),
		widgets.Heading("diag.levels_help"), e.items(&e.sc.Levels, "diag.action.add_level"),
	}
	e.lists.Refresh()
}

// items edits one list of scale items, with buttons to add an item and to
// remove the last.
func (e *scaleEditor) items(list *[]model.ScaleItem, addKey string) fyne.CanvasObject {
	var objs []fyne.CanvasObject
	for i := range *list {
		objs = append(objs, e.itemCard(list, i))
	}
	add := widget.NewButtonWithIcon(tr(addKey), theme.ContentAddIcon(), func() {
		*list = append(*list, model.ScaleItem{})
		e.fill()
	})
	remove := widget.NewButtonWithIcon(tr("diag.action.remove_last"), theme.ContentRemoveIcon(), func() {
		if len(*list) > 0 {
			*list = (*list)[:len(*list)-1]
			e.fill()
		}
	})
	return container.NewVBox(append(objs, container.NewHBox(add, remove))...)
}

// itemCard edits one item: code, and name and definition per language.
func (e *scaleEditor) itemCard(list *[]model.ScaleItem, i int) fyne.CanvasObject {
	it := &(*list)[i]
	code := textEntry(it.Code, func(s string) { (*list)[i].Code = strings.TrimSpace(s) })
	rows := []fyne.CanvasObject{container.NewVBox(widgets.Heading("diag.field.item_code"), widgets.MinWidth(200, code))}
	for _, lang := range model.Languages {
		name := textEntry(it.Names.Exact(lang), func(s string) { setNameIn(&(*list)[i].Names, lang, s) })
		help := textEntry(it.Help.Exact(lang), func(s string) { setNameIn(&(*list)[i].Help, lang, s) })
		rows = append(rows, widgets.NewColumns(2,
			container.NewVBox(widgets.Bold(tr("diag.field.name", "Lang", tr("lang."+lang))), name),
			container.NewVBox(widgets.Bold(tr("diag.field.help", "Lang", tr("lang."+lang))), help)))
	}
	return widget.NewCard("", "", container.NewVBox(rows...))
}

func setNameIn(n *model.Names, lang, s string) {
	switch lang {
	case "ru":
		n.RU = s
	case "kk":
		n.KK = s
	case "ky":
		n.KY = s
	default:
		n.EN = s
	}
}
