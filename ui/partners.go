package ui

import (
	"slices"
	"strconv"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/partnerdesk/partnerdesk/model"
	"github.com/partnerdesk/partnerdesk/model/catalog"
	"github.com/partnerdesk/partnerdesk/ui/widgets"
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
	table    *widgets.ListTable
	empty    *widgets.EmptyHint
	rows     []*catalog.Partner
	q        catalog.PartnerQuery
}

// partnerColumn describes one column of the partners list: its title (a
// translation key, which is also the column's key), width and cutting,
// the order it sorts by and the text of its cell.
type partnerColumn struct {
	widgets.Column
	sort  catalog.PartnerColumn
	value func(*catalog.Partner) string
}

// partnerColumns are the list's columns, in display order.
var partnerColumns = []partnerColumn{
	{widgets.Column{Title: "col.name", Width: 330, Long: true}, catalog.PartnerByName, partnerName},
	{widgets.Column{Title: "col.category", Width: 175, Long: true}, catalog.PartnerByCategory, partnerCategory},
	{widgets.Column{Title: "col.relation", Width: 150, Cut: true}, catalog.PartnerByRelation, partnerRelation},
	{widgets.Column{Title: "col.country", Width: 60}, catalog.PartnerByCountry, partnerCountry},
	{widgets.Column{Title: "col.region", Width: 150, Long: true}, catalog.PartnerByRegion, partnerRegion},
	{widgets.Column{Title: "col.tax_id", Width: 125}, catalog.PartnerByTaxID, partnerTaxID},
	{widgets.Column{Title: "col.agreements", Width: 80}, catalog.PartnerByAgreements, partnerAgreements},
}

func partnerName(p *catalog.Partner) string       { return p.Name }
func partnerCategory(p *catalog.Partner) string   { return cachedTr(p.Category.ShortKey()) }
func partnerRelation(p *catalog.Partner) string   { return label(p.Relation) }
func partnerCountry(p *catalog.Partner) string    { return p.Country }
func partnerRegion(p *catalog.Partner) string     { return p.Region }
func partnerTaxID(p *catalog.Partner) string      { return p.TaxID }
func partnerAgreements(p *catalog.Partner) string { return strconv.Itoa(p.Agreements) }

func newPartnersScreen(u *UI) screen {
	s := &partnersScreen{u: u}
	all := tr("filter.all")
	s.search = &widget.Entry{PlaceHolder: tr("placeholder.search_partners"), OnChanged: s.onSearch}
	s.search.ExtendBaseWidget(s.search)
	s.category = filterSelect(append([]string{all}, labels(model.Categories)...), s.onCategory)
	s.relation = filterSelect(append([]string{all}, labels(model.Relations)...), s.onRelation)
	s.country = filterSelect([]string{all}, s.onCountry)
	s.review = widget.NewCheck(tr("filter.to_review"), s.onReview)
	s.count = widget.NewLabel("")
	cols := make([]widgets.Column, len(partnerColumns))
	for i, c := range partnerColumns {
		cols[i] = c.Column
	}
	s.table = widgets.NewListTable(cols, s.len, s.cell)
	s.table.OnSort = s.onSort
	s.table.OnOpen = s.onOpen
	add := widget.NewButtonWithIcon(tr("action.new_partner"), theme.ContentAddIcon(), s.create)
	add.Importance = widget.HighImportance
	s.u.disableIfReadOnly(add)
	filters := container.NewHBox(widget.NewLabel(tr("col.category")), s.category,
		widget.NewLabel(tr("col.relation")), s.relation,
		widget.NewLabel(tr("col.country")), s.country, s.review)
	s.root, s.empty = widgets.ListLayout("nav.partners", s.search, []fyne.CanvasObject{add},
		[]fyne.CanvasObject{container.NewBorder(nil, nil, nil, s.count, filters)}, "partners.empty", s.table)
	return s
}

func (s *partnersScreen) onSearch(text string) { s.q.Text = text; s.reload() }

func (s *partnersScreen) onCategory(v string) {
	s.q.Category = fromLabel(model.Categories, v)
	s.reload()
}

func (s *partnersScreen) onRelation(v string) {
	s.q.Relation = fromLabel(model.Relations, v)
	s.reload()
}

func (s *partnersScreen) onCountry(v string) {
	s.q.Country = ""
	if v != tr("filter.all") {
		s.q.Country = countryCode(v)
	}
	s.reload()
}

func (s *partnersScreen) onReview(on bool) { s.q.Review = on; s.reload() }

func (s *partnersScreen) onSort(col int, desc bool) {
	s.q.Sort, s.q.Desc = partnerColumns[col].sort, desc
	s.reload()
}

func (s *partnersScreen) onOpen(row int) { s.u.openPartner(s.rows[row].ID) }

func (s *partnersScreen) len() int { return len(s.rows) }

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
	s.rows = s.u.cat.Partners(s.q)
	total, _ := s.u.cat.Len()
	s.table.ReloadCounted(len(s.rows), total, s.count, s.empty)
}

// cell returns the text of a cell.
func (s *partnersScreen) cell(row, col int) string { return partnerColumns[col].value(s.rows[row]) }

// cellByKey returns the text of a row's cell in the column with the given
// key.
func (s *partnersScreen) cellByKey(row int, key string) string {
	i := slices.IndexFunc(partnerColumns, func(c partnerColumn) bool { return c.Title == key })
	return s.cell(row, i)
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
	d = dialog.NewCustom(tr("action.choose_partner"), tr("action.cancel"),
		container.NewBorder(search, widgets.Wrapped(tr("hint.no_partner")), nil, nil, list), u.win)
	d.Resize(fyne.NewSize(640, 520))
	u.showDialog(d, nil)
	u.win.Canvas().Focus(search)
}
