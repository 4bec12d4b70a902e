package ui

import (
	"slices"
	"strconv"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/partnerdesk/partnerdesk/model"
	"github.com/partnerdesk/partnerdesk/model/catalog"
	"github.com/partnerdesk/partnerdesk/ui/widgets"
)

// agreementsScreen lists agreements with search, filters and sortable
// columns.
type agreementsScreen struct {
	u                            *UI
	root                         fyne.CanvasObject
	search                       *widget.Entry
	status, kind, category, year *widget.Select
	partner                      *widget.Button
	expiring                     *widget.Check
	count                        *widget.Label
	table                        *widgets.ListTable
	empty                        *widgets.EmptyHint
	rows                         []*catalog.Agreement
	q                            catalog.AgreementQuery
	cells                        map[*catalog.Agreement][]string // formatted once per row shown
	day                          model.Date
	warn                         int
}

// agreementColumn describes one column of the agreements list: its title
// (a translation key, which is also the column's key), width, how its
// cells are cut, the order it sorts by and the text of its cell.
type agreementColumn struct {
	widgets.Column
	sort  catalog.AgreementColumn
	value func(*catalog.Agreement) string
}

// agreementColumns are the list's columns, in display order.
var agreementColumns = []agreementColumn{
	{widgets.Column{Title: "col.number", Width: 120}, catalog.AgreementByNumber, agreementNumber},
	{widgets.Column{Title: "col.title", Width: 200, Long: true}, catalog.AgreementByTitle, agreementTitle},
	{widgets.Column{Title: "col.partners", Width: 220, Long: true}, catalog.AgreementByPartners, agreementPartners},
	{widgets.Column{Title: "col.kind", Width: 140, Long: true, Cut: true}, catalog.AgreementByKind, agreementKind},
	{widgets.Column{Title: "col.valid_from", Width: 95}, catalog.AgreementByFrom, agreementFrom},
	{widgets.Column{Title: "col.valid_until", Width: 95, Cut: true}, catalog.AgreementByUntil, agreementUntil},
	{widgets.Column{Title: "col.status", Width: 95, Cut: true}, catalog.AgreementByStatus, agreementStatus},
	{widgets.Column{Title: "col.days_left", Width: 65}, catalog.AgreementByDaysLeft, agreementDaysLeft},
	{widgets.Column{Title: "col.open_tasks", Width: 75}, catalog.AgreementByOpen, agreementOpenTasks},
}

func agreementNumber(a *catalog.Agreement) string   { return a.Number }
func agreementTitle(a *catalog.Agreement) string    { return a.Title }
func agreementPartners(a *catalog.Agreement) string { return strings.Join(a.Partners, "; ") }
func agreementKind(a *catalog.Agreement) string     { return label(a.Kind) }
func agreementFrom(a *catalog.Agreement) string     { return a.Term.Start.String() }
func agreementStatus(a *catalog.Agreement) string   { return label(a.Status) }

func agreementUntil(a *catalog.Agreement) string {
	if a.End.IsZero() && a.Summary.Status != model.StatusDraft {
		return tr("agreement.open_ended")
	}
	return a.End.String()
}

func agreementDaysLeft(a *catalog.Agreement) string {
	if a.End.IsZero() || (a.Status != model.StatusActive && a.Status != model.StatusExpiring && a.Status != model.StatusExpired) {
		return ""
	}
	return strconv.Itoa(a.DaysLeft)
}

func agreementOpenTasks(a *catalog.Agreement) string {
	if a.Overdue > 0 {
		return tr("list.open_overdue", "Open", strconv.Itoa(len(a.OpenDue)), "Overdue", strconv.Itoa(a.Overdue))
	}
	return strconv.Itoa(len(a.OpenDue))
}

// agreementColumnIndex returns the position of the column with the given
// key, -1 when there is none.
func agreementColumnIndex(key string) int {
	return slices.IndexFunc(agreementColumns, func(c agreementColumn) bool { return c.Title == key })
}

func newAgreementsScreen(u *UI) screen {
	s := &agreementsScreen{u: u}
	all := tr("filter.all")
	s.search = &widget.Entry{PlaceHolder: tr("placeholder.search_agreements"), OnChanged: s.onSearch}
	s.search.ExtendBaseWidget(s.search)
	s.status = filterSelect(append([]string{all}, labels(model.Statuses)...), s.onStatus)
	s.kind = filterSelect(append([]string{all}, labels(model.AgreementKinds)...), s.onKind)
	s.category = filterSelect(append([]string{all}, labels(model.Categories)...), s.onCategory)
	s.year = filterSelect([]string{all}, s.onYear)
	s.partner = &widget.Button{Text: tr("filter.any_partner"), Icon: theme.AccountIcon(),
		Alignment: widget.ButtonAlignLeading, OnTapped: s.onPickPartner}
	s.partner.ExtendBaseWidget(s.partner)
	clearPartner := widget.NewButtonWithIcon("", theme.ContentClearIcon(), s.onClearPartner)
	s.expiring = widget.NewCheck(tr("filter.expiring"), s.onExpiring)
	s.count = widget.NewLabel("")
	cols := make([]widgets.Column, len(agreementColumns))
	for i, c := range agreementColumns {
		cols[i] = c.Column
	}
	status := agreementColumnIndex("col.status")
	cols[status].Width = min(max(cols[status].Width, widgets.TextWidth(labels(model.Statuses)...)),
		135) // "Мерзімі өткен" whole
	s.table = widgets.NewListTable(cols, s.len, s.cell)
	s.table.OnSort = s.onSort
	s.table.OnOpen = s.onOpen
	add := widget.NewButtonWithIcon(tr("action.new_agreement"), theme.ContentAddIcon(), s.create)
	add.Importance = widget.HighImportance
	s.u.disableIfReadOnly(add)
	printList := widget.NewButtonWithIcon(tr("action.print"), theme.DocumentPrintIcon(), s.print)
	filters := container.NewHBox(
		widget.NewLabel(tr("col.status")), s.status, widget.NewLabel(tr("col.kind")), s.kind,
		widget.NewLabel(tr("col.category")), s.category, widget.NewLabel(tr("filter.year")), s.year)
	s.root, s.empty = widgets.ListLayout("nav.agreements", s.search, []fyne.CanvasObject{printList, add},
		[]fyne.CanvasObject{
			container.NewHScroll(filters),
			container.NewBorder(nil, nil, widget.NewLabel(tr("col.partners")),
				container.NewHBox(clearPartner, s.expiring, s.count), s.partner),
		}, "agreements.empty", s.table)
	return s
}

// filterSelect is a filter's select showing its first option ("All"),
// with changed called only when the user picks another.
func filterSelect(options []string, changed func(string)) *widget.Select {
	sel := widgets.NewSelect(options, nil)
	sel.Selected = options[0]
	sel.OnChanged = changed
	return sel
}

func (s *agreementsScreen) onSearch(text string) { s.q.Text = text; s.reload() }

func (s *agreementsScreen) onStatus(v string) {
	s.q.Statuses = nil
	if st := fromLabel(model.Statuses, v); st != "" {
		s.q.Statuses = []model.Status{st}
	}
	s.reload()
}

func (s *agreementsScreen) onKind(v string) {
	s.q.Kind = fromLabel(model.AgreementKinds, v)
	s.reload()
}

func (s *agreementsScreen) onCategory(v string) {
	s.q.Category = fromLabel(model.Categories, v)
	s.reload()
}

func (s *agreementsScreen) onYear(v string) { s.q.Year, _ = strconv.Atoi(v); s.reload() }

func (s *agreementsScreen) onPickPartner() { s.u.pickPartner(s.setPartner) }

func (s *agreementsScreen) onClearPartner() { s.setPartner(0) }

func (s *agreementsScreen) onExpiring(b bool) { s.q.Expiring = b; s.reload() }

func (s *agreementsScreen) onSort(col int, desc bool) {
	s.q.Sort, s.q.Desc = agreementColumns[col].sort, desc
	s.reload()
}

func (s *agreementsScreen) onOpen(row int) { s.u.openAgreement(s.rows[row].ID, "") }

func (s *agreementsScreen) len() int { return len(s.rows) }

func (s *agreementsScreen) view() fyne.CanvasObject { return s.root }

func (s *agreementsScreen) refresh() {
	s.u.today()
	s.yearOptions()
	s.reload()
}

// yearOptions offers the years the agreements cover in the year filter.
func (s *agreementsScreen) yearOptions() {
	years := []string{tr("filter.all")}
	for _, y := range s.u.cat.Years() {
		years = append(years, strconv.Itoa(y))
	}
	s.year.Options = years
}

func (s *agreementsScreen) reload() {
	if d, w := s.u.cat.Day(); d != s.day || w != s.warn {
		s.cells, s.day, s.warn = nil, d, w // statuses and days left changed
	}
	s.rows = s.u.cat.Agreements(s.q)
	_, total := s.u.cat.Len()
	s.table.ReloadCounted(len(s.rows), total, s.count, s.empty)
}

// cell returns the text of a cell, formatting a row's cells once (the
// catalog replaces an agreement's entry when it changes, so a changed
// row is formatted again).
func (s *agreementsScreen) cell(row, col int) string {
	a := s.rows[row]
	c, ok := s.cells[a]
	if !ok {
		c = make([]string, len(agreementColumns))
		for i, col := range agreementColumns {
			c[i] = col.value(a)
		}
		if s.cells == nil || len(s.cells) > 5000 {
			s.cells = map[*catalog.Agreement][]string{}
		}
		s.cells[a] = c
	}
	return c[col]
}

// cellByKey returns the text of a row's cell in the column with the given
// key.
func (s *agreementsScreen) cellByKey(row int, key string) string {
	return s.cell(row, agreementColumnIndex(key))
}

func (s *agreementsScreen) create() { s.u.newAgreement(s.q.Partner) }

// setPartner filters by one partner (0 for any).
func (s *agreementsScreen) setPartner(id model.ID) {
	s.q.Partner = id
	if name := s.u.cat.PartnerName(id); id != 0 && name != "" {
		s.partner.SetText(name)
	} else {
		s.q.Partner = 0
		s.partner.SetText(tr("filter.any_partner"))
	}
	s.reload()
}

func (s *agreementsScreen) focusSearch() { s.u.win.Canvas().Focus(s.search) }

// openAgreement opens a stored agreement in the editor, on the given tab
// ("" for the first).
func (u *UI) openAgreement(id model.ID, tab string) {
	a, err := u.store.Agreement(id)
	if err != nil {
		u.showError(err)
		return
	}
	e := newAgreementEditor(u, a, 0)
	u.open(e)
	e.selectTab(tab)
}

// refreshAgreement reloads one agreement's summary into the catalog.
func (u *UI) refreshAgreement(id model.ID) {
	if a, err := u.store.Agreement(id); err == nil {
		u.cat.PutAgreement(model.Summarize(&a))
	}
}

// newAgreement opens the editor on a new draft, with a suggested number
// and, when partner is not 0, that partner.
func (u *UI) newAgreement(partner model.ID) {
	today := u.today()
	a := model.Agreement{
		Status: model.StatusDraft, Kind: model.KindMemorandum, Place: u.inst.City,
		Number:     model.SuggestNumber(u.inst.Pattern(), today, u.cat.Numbers()),
		Principles: model.NormalizePrinciples(nil),
	}
	if partner != 0 {
		a.PartnerIDs = []model.ID{partner}
	}
	u.open(newAgreementEditor(u, a, 0))
}

// print offers the register of the agreements shown, in their order
// (Ctrl+P).
func (s *agreementsScreen) print() {
	rows := make([]model.Summary, len(s.rows))
	for i, a := range s.rows {
		rows[i] = a.Summary
	}
	s.u.showDocument(registerDoc(rows, s.describeFilter()))
}

// describeFilter says in words which agreements the list shows.
func (s *agreementsScreen) describeFilter() string {
	var parts []string
	add := func(name, value string) {
		if value != "" && value != tr("filter.all") {
			parts = append(parts, name+": "+value)
		}
	}
	add(tr("col.status"), s.status.Selected)
	add(tr("col.kind"), s.kind.Selected)
	add(tr("col.category"), s.category.Selected)
	add(tr("filter.year"), s.year.Selected)
	if s.q.Partner != 0 {
		add(tr("col.partners"), s.u.cat.PartnerName(s.q.Partner))
	}
	if s.q.Expiring {
		parts = append(parts, tr("filter.expiring"))
	}
	if s.q.Text != "" {
		parts = append(parts, "«"+s.q.Text+"»")
	}
	return strings.Join(parts, "; ")
}
