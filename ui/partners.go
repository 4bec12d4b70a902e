package ui

import (
	"strconv"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/partnerdesk/partnerdesk/model"
	"github.com/partnerdesk/partnerdesk/model/catalog"
)

// partnersScreen lists partners with an instant search, filters and
// sortable columns.
type partnersScreen struct {
	u        *UI
	root     fyne.CanvasObject
	search   *widget.Entry
	category *widget.Select
	relation *widget.Select
	country  *widget.Select
	review   *widget.Check
	count    *widget.Label
	table    *listTable
	empty    *emptyHint
	rows     []*catalog.Partner
	q        catalog.PartnerQuery
}

var partnerColumns = []column{
	{"col.name", 330, true, false}, {"col.category", 175, true, false}, {"col.relation", 150, false, true}, {"col.country", 60, false, false},
	{"col.region", 150, true, false}, {"col.tax_id", 125, false, false}, {"col.agreements", 80, false, false},
}

func newPartnersScreen(u *UI) screen {
	s := &partnersScreen{u: u}
	s.search = widget.NewEntry()
	s.search.SetPlaceHolder(tr("placeholder.search_partners"))
	s.search.OnChanged = func(text string) { s.q.Text = text; s.reload() }
	all := tr("filter.all")
	s.category = newSelect(append([]string{all}, labels(model.Categories)...), func(v string) {
		s.q.Category = fromLabel(model.Categories, v)
		s.reload()
	})
	s.category.SetSelectedIndex(0)
	s.relation = newSelect(append([]string{all}, labels(model.Relations)...), func(v string) {
		s.q.Relation = fromLabel(model.Relations, v)
		s.reload()
	})
	s.relation.SetSelectedIndex(0)
	s.country = newSelect([]string{all}, func(v string) {
		s.q.Country = ""
		if v != all {
			s.q.Country = countryCode(v)
		}
		s.reload()
	})
	s.review = widget.NewCheck(tr("filter.to_review"), func(on bool) { s.q.Review = on; s.reload() })
	s.count = widget.NewLabel("")
	s.table = newListTable(partnerColumns, func() int { return len(s.rows) }, s.cell)
	s.table.onSort = func(col int, desc bool) { s.q.Sort, s.q.Desc = catalog.PartnerColumn(col), desc; s.reload() }
	s.table.onOpen = func(row int) { u.openPartner(s.rows[row].ID) }
	add := widget.NewButtonWithIcon(tr("action.new_partner"), theme.ContentAddIcon(), s.create)
	add.Importance = widget.HighImportance
	filters := container.NewHBox(widget.NewLabel(tr("col.category")), s.category, widget.NewLabel(tr("col.relation")), s.relation,
		widget.NewLabel(tr("col.country")), s.country, s.review)
	s.root, s.empty = listLayout("nav.partners", s.search, []fyne.CanvasObject{add},
		[]fyne.CanvasObject{container.NewBorder(nil, nil, nil, s.count, filters)}, "partners.empty", s.table)
	return s
}

func (s *partnersScreen) view() fyne.CanvasObject { return s.root }

func (s *partnersScreen) refresh() {
	all := tr("filter.all")
	s.country.Options = []string{all}
	for _, c := range s.u.cat.Countries() {
		s.country.Options = append(s.country.Options, countryOption(c))
	}
	if s.country.Selected == "" {
		s.country.SetSelectedIndex(0)
	}
	s.reload()
}

func (s *partnersScreen) reload() {
	if s.table == nil {
		return // a filter fired while the screen is being built
	}
	s.rows = s.u.cat.Partners(s.q)
	total, _ := s.u.cat.Len()
	s.table.reloadCounted(len(s.rows), total, s.count, s.empty)
}

func (s *partnersScreen) cell(row, col int) string {
	p := s.rows[row]
	switch col {
	case 0:
		return p.Name
	case 1:
		return cachedTr(p.Category.ShortKey())
	case 2:
		return label(p.Relation)
	case 3:
		return p.Country
	case 4:
		return p.Region
	case 5:
		return p.TaxID
	}
	return strconv.Itoa(p.Agreements)
}

func (s *partnersScreen) create() { s.u.newPartner() }

func (s *partnersScreen) focusSearch() { s.u.win.Canvas().Focus(s.search) }

// openPartner opens a stored partner in the editor.
func (u *UI) openPartner(id model.ID) {
	p, err := u.store.Partner(id)
	if err != nil {
		u.showError(err)
		return
	}
	u.open(newPartnerForm(u, p))
}

// newPartner opens the editor on a new partner.
func (u *UI) newPartner() {
	u.open(newPartnerForm(u, model.Partner{Country: "KZ", Relation: model.RelationReal}))
}

// pickPartner opens a searchable list of every partner; picked gets the
// one the user taps.
func (u *UI) pickPartner(picked func(model.ID)) {
	search := newEscEntry(u) // it has the focus: Esc must still close the list
	search.SetPlaceHolder(tr("placeholder.search_partners"))
	var found []*catalog.Partner
	list := widget.NewList(func() int { return len(found) },
		func() fyne.CanvasObject {
			l := widget.NewLabel("")
			l.Truncation = fyne.TextTruncateEllipsis
			return l
		},
		func(i widget.ListItemID, o fyne.CanvasObject) {
			p := found[i]
			o.(*widget.Label).SetText(p.Name + "  (" + strings.TrimSpace(p.Country+" "+p.TaxID) + ")")
		})
	update := func(q string) {
		found = u.cat.Partners(catalog.PartnerQuery{Text: q})
		list.Refresh()
	}
	search.OnChanged = update
	update("")
	var d dialog.Dialog
	list.OnSelected = func(i widget.ListItemID) {
		id := found[i].ID
		d.Hide()
		picked(id)
	}
	d = dialog.NewCustom(tr("action.choose_partner"), tr("action.cancel"), container.NewBorder(search, wrapped(tr("hint.no_partner")), nil, nil, list), u.win)
	d.Resize(fyne.NewSize(640, 520))
	u.showDialog(d, nil)
	u.win.Canvas().Focus(search)
}
