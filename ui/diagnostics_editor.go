package ui

import (
	"bytes"
	"encoding/json"
	"fmt"
	"slices"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/partnerdesk/partnerdesk/model"
	"github.com/partnerdesk/partnerdesk/model/catalog"
	"github.com/partnerdesk/partnerdesk/ui/widgets"
)

// roundEditor edits one diagnostic round: its description, its groups and
// results, and shows the paper's views of it as edited (Table 1, the
// distribution by indicator, Figure 1, the tests, the change since an
// earlier round).
type roundEditor struct {
	u      *UI
	r      model.Round // as edited
	orig   []byte      // the round as opened, to tell unsaved changes
	others []model.Round
	agr    string // agreement numbers as typed, comma-separated

	root   *fyne.Container
	tabs   *container.AppTabs
	groups *fyne.Container // the groups tab's content
	views  map[string]*fyne.Container
	title  *widget.Label
}

// Tab names of the editor, for Options.Start and tests.
const (
	tabRound       = "round"
	tabResults     = "results"
	tabTable1      = "table1"
	tabByIndicator = "by_indicator"
	tabChart       = "chart"
	tabTests       = "tests"
	tabChange      = "change"
)

var roundTabs = []string{tabRound, tabResults, tabTable1, tabByIndicator, tabChart, tabTests, tabChange}

func newRoundEditor(u *UI, r model.Round, all []model.Round) *roundEditor {
	e := &roundEditor{u: u, r: cloneRound(r), views: map[string]*fyne.Container{}}
	e.orig, _ = json.Marshal(r)
	for _, o := range all {
		if o.ID != r.ID {
			e.others = append(e.others, o)
		}
	}
	e.agr = e.agreementNumbers()
	e.build()
	return e
}

// cloneRound copies r deeply, so editing never touches the list's copy.
func cloneRound(r model.Round) model.Round {
	var c model.Round
	raw, _ := json.Marshal(r)
	_ = json.Unmarshal(raw, &c)
	return c
}

func (e *roundEditor) view() fyne.CanvasObject { return e.root }

// flash has nowhere to show a word: the round editor has no status line.
func (e *roundEditor) flash(string) {}

func (e *roundEditor) dirty() bool {
	c := cloneRound(e.r)
	c.Normalize()
	c.AgreementIDs = nil
	if ids, ok := e.resolveAgreements(); ok {
		c.AgreementIDs = ids
	}
	now, _ := json.Marshal(c)
	o := model.Round{}
	_ = json.Unmarshal(e.orig, &o)
	o.Normalize()
	was, _ := json.Marshal(o)
	return !bytes.Equal(now, was)
}

// save stores the round; on a problem it says what is wrong and returns
// false.
func (e *roundEditor) save() bool {
	rs := e.u.rs()
	if rs == nil {
		return false
	}
	ids, ok := e.resolveAgreements()
	if !ok {
		e.u.showError(model.ValidationError{{Field: "agreement_ids", Key: "err.agreement_missing"}})
		return false
	}
	r := cloneRound(e.r)
	r.AgreementIDs = ids
	if err := rs.SaveRound(&r); err != nil {
		e.u.showError(err)
		return false
	}
	e.r = cloneRound(r)
	e.orig, _ = json.Marshal(r)
	e.title.SetText(r.Label())
	return true
}

func (e *roundEditor) onSave() {
	if e.save() {
		e.u.back()
	}
}

func (e *roundEditor) onDelete() {
	if e.r.ID == 0 {
		e.u.back()
		return
	}
	e.u.confirmDanger(tr("diag.action.delete"), tr("diag.confirm_delete", "Title", e.r.Title),
		tr("diag.action.delete"), func() {
			if err := e.u.rs().DeleteRound(e.r.ID); err != nil {
				e.u.showError(err)
				return
			}
			e.orig, _ = json.Marshal(e.r)
			e.u.back()
		})
}

func (e *roundEditor) onBack() { e.u.leave(e.u.back, nil) }

func (e *roundEditor) onPDF() { e.u.saveRoundPDF(cloneRound(e.r)) }

func (e *roundEditor) build() {
	e.title = widgets.Bold(e.r.Label())
	back := widget.NewButtonWithIcon(tr("diag.action.back"), theme.NavigateBackIcon(), e.onBack)
	save := widget.NewButtonWithIcon(tr("diag.action.save"), theme.DocumentSaveIcon(), e.onSave)
	save.Importance = widget.HighImportance
	e.u.disableIfReadOnly(save)
	pdfBtn := widget.NewButtonWithIcon(tr("diag.action.pdf"), theme.DocumentPrintIcon(), e.onPDF)
	del := widget.NewButtonWithIcon(tr("diag.action.delete"), theme.DeleteIcon(), e.onDelete)
	del.Importance = widget.DangerImportance
	bar := container.NewBorder(nil, nil, back, container.NewHBox(pdfBtn, del, save), e.title)
	e.groups = container.NewVBox()
	e.fillGroups()
	items := []*container.TabItem{
		container.NewTabItem(tr("diag.tab.round"), container.NewVScroll(container.NewPadded(e.form()))),
		container.NewTabItem(tr("diag.tab.results"), container.NewVScroll(container.NewPadded(e.groups))),
	}
	for _, id := range roundTabs[2:] {
		c := container.NewStack()
		e.views[id] = c
		items = append(items, container.NewTabItem(tr("diag.tab."+id), container.NewVScroll(container.NewPadded(c))))
	}
	e.tabs = container.NewAppTabs(items...)
	e.tabs.OnSelected = func(*container.TabItem) { e.refreshView() }
	e.root = container.NewBorder(container.NewVBox(bar, widget.NewSeparator()), nil, nil, nil, e.tabs)
}

// showTab selects the editor's tab by name.
func (e *roundEditor) showTab(name string) {
	if i := slices.Index(roundTabs, name); i >= 0 {
		e.tabs.SelectIndex(i)
		e.refreshView()
	}
}

// refreshView rebuilds the view tab shown from the round as edited.
func (e *roundEditor) refreshView() {
	id := roundTabs[e.tabs.SelectedIndex()]
	c, ok := e.views[id]
	if !ok {
		return
	}
	c.Objects = []fyne.CanvasObject{e.viewOf(id)}
	c.Refresh()
}

// switchMode changes how results are entered. Students' results become
// their counts; counts cannot become students, so the list starts empty.
func (e *roundEditor) switchMode(m model.ResultMode) {
	if m == e.r.Mode {
		return
	}
	for g := range e.r.Groups {
		if m == model.ModeCounts {
			e.r.Groups[g].Counts = e.r.Counts(g)
			e.r.Groups[g].Results = nil
		} else if e.r.Groups[g].Results == nil {
			e.r.Groups[g].Counts = nil
		}
	}
	e.r.Mode = m
	e.fillGroups()
}

// agreementNumbers lists the numbers of the round's agreements.
func (e *roundEditor) agreementNumbers() string {
	var nums []string
	for _, id := range e.r.AgreementIDs {
		if n := e.u.cat.NumberOf(id); n != "" {
			nums = append(nums, n)
		}
	}
	return strings.Join(nums, ", ")
}

// resolveAgreements turns the typed numbers into IDs; ok is false when a
// number is unknown.
func (e *roundEditor) resolveAgreements() ([]model.ID, bool) {
	var ids []model.ID
	for _, n := range strings.Split(e.agr, ",") {
		n = strings.TrimSpace(n)
		if n == "" {
			continue
		}
		found := false
		for _, a := range e.u.cat.Agreements(catalog.AgreementQuery{Text: n}) {
			if a.Number == n {
				ids, found = append(ids, a.ID), true
				break
			}
		}
		if !found {
			return nil, false
		}
	}
	return ids, true
}

// fillGroups rebuilds the groups tab.
func (e *roundEditor) fillGroups() {
	objs := []fyne.CanvasObject{widgets.Wrapped(tr("diag.help_percent"))}
	for g := range e.r.Groups {
		objs = append(objs, e.groupCard(g))
	}
	add := widget.NewButtonWithIcon(tr("diag.action.add_group"), theme.ContentAddIcon(), e.addGroup)
	remove := widget.NewButtonWithIcon(tr("diag.action.remove_group"), theme.ContentRemoveIcon(), e.removeGroup)
	if len(e.r.Groups) <= 1 {
		remove.Disable()
	}
	objs = append(objs, container.NewHBox(add, remove))
	e.groups.Objects = objs
	e.groups.Refresh()
}

func (e *roundEditor) addGroup() {
	n := len(e.r.Groups) + 1
	g := model.Group{Name: fmt.Sprintf("G%d", n), Kind: model.GroupOther}
	if e.r.Mode != model.ModeStudents {
		g.Counts = e.r.EmptyCounts()
	}
	e.r.Groups = append(e.r.Groups, g)
	e.fillGroups()
}

func (e *roundEditor) removeGroup() {
	if len(e.r.Groups) > 1 {
		e.r.Groups = e.r.Groups[:len(e.r.Groups)-1]
		e.fillGroups()
	}
}
