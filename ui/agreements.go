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
	table                        *listTable
	empty                        *emptyHint
	rows                         []*catalog.Agreement
	q                            catalog.AgreementQuery
	cells                        map[*catalog.Agreement]*[9]string // formatted once per row shown
	day                          model.Date
	warn                         int
}

var agreementColumns = []column{
	{"col.number", 120, false, false}, {"col.title", 200, true, false}, {"col.partners", 220, true, false}, {"col.kind", 140, true, true},
	{"col.valid_from", 95, false, false}, {"col.valid_until", 95, false, true}, {"col.status", 95, false, true}, {"col.days_left", 65, false, false}, {"col.open_tasks", 75, false, false},
}

func newAgreementsScreen(u *UI) screen {
	s := &agreementsScreen{u: u}
	s.search = widget.NewEntry()
	s.search.SetPlaceHolder(tr("placeholder.search_agreements"))
	s.search.OnChanged = func(text string) { s.q.Text = text; s.reload() }
	all := tr("filter.all")
	s.status = newSelect(append([]string{all}, labels(model.Statuses)...), func(v string) {
		s.q.Statuses = nil
		if st := fromLabel(model.Statuses, v); st != "" {
			s.q.Statuses = []model.Status{st}
		}
		s.reload()
	})
	s.kind = newSelect(append([]string{all}, labels(model.AgreementKinds)...), func(v string) {
		s.q.Kind = fromLabel(model.AgreementKinds, v)
		s.reload()
	})
	s.category = newSelect(append([]string{all}, labels(model.Categories)...), func(v string) {
		s.q.Category = fromLabel(model.Categories, v)
		s.reload()
	})
	s.year = newSelect([]string{all}, func(v string) {
		s.q.Year, _ = strconv.Atoi(v)
		s.reload()
	})
	s.partner = widget.NewButtonWithIcon(tr("filter.any_partner"), theme.AccountIcon(), func() {
		u.pickPartner(func(id model.ID) { s.setPartner(id) })
	})
	s.partner.Alignment = widget.ButtonAlignLeading
	clearPartner := widget.NewButtonWithIcon("", theme.ContentClearIcon(), func() { s.setPartner(0) })
	s.expiring = widget.NewCheck(tr("filter.expiring"), func(b bool) { s.q.Expiring = b; s.reload() })
	for _, sel := range []*widget.Select{s.status, s.kind, s.category, s.year} {
		sel.SetSelectedIndex(0)
	}
	s.count = widget.NewLabel("")
	cols := slices.Clone(agreementColumns)
	cols[6].width = min(max(cols[6].width, textWidth(labels(model.Statuses)...)), 135) // "Мерзімі өткен" whole
	s.table = newListTable(cols, func() int { return len(s.rows) }, s.cell)
	s.table.onSort = func(col int, desc bool) { s.q.Sort, s.q.Desc = catalog.AgreementColumn(col), desc; s.reload() }
	s.table.onOpen = func(row int) { u.openAgreement(s.rows[row].ID, "") }
	add := widget.NewButtonWithIcon(tr("action.new_agreement"), theme.ContentAddIcon(), s.create)
	add.Importance = widget.HighImportance
	printList := widget.NewButtonWithIcon(tr("action.print"), theme.DocumentPrintIcon(), s.print)
	filters := container.NewHBox(
		widget.NewLabel(tr("col.status")), s.status, widget.NewLabel(tr("col.kind")), s.kind,
		widget.NewLabel(tr("col.category")), s.category, widget.NewLabel(tr("filter.year")), s.year)
	s.root, s.empty = listLayout("nav.agreements", s.search, []fyne.CanvasObject{printList, add}, []fyne.CanvasObject{
		container.NewHScroll(filters),
		container.NewBorder(nil, nil, widget.NewLabel(tr("col.partners")), container.NewHBox(clearPartner, s.expiring, s.count), s.partner),
	}, "agreements.empty", s.table)
	return s
}

func (s *agreementsScreen) view() fyne.CanvasObject { return s.root }

func (s *agreementsScreen) refresh() {
	s.u.today()
	years := []string{tr("filter.all")}
	for _, y := range s.u.cat.Years() {
		years = append(years, strconv.Itoa(y))
	}
	s.year.Options = years
	s.reload()
}

func (s *agreementsScreen) reload() {
	if s.table == nil {
		return // a filter fired while the screen is being built
	}
	if d, w := s.u.cat.Day(); d != s.day || w != s.warn {
		s.cells, s.day, s.warn = nil, d, w // statuses and days left changed
	}
	s.rows = s.u.cat.Agreements(s.q)
	_, total := s.u.cat.Len()
	s.table.reloadCounted(len(s.rows), total, s.count, s.empty)
}

// cell returns the text of a cell, formatting a row's cells once (the
// catalog replaces an agreement's entry when it changes, so a changed
// row is formatted again).
func (s *agreementsScreen) cell(row, col int) string {
	a := s.rows[row]
	c, ok := s.cells[a]
	if !ok {
		c = new([9]string)
		for i := range c {
			c[i] = s.format(a, i)
		}
		if s.cells == nil || len(s.cells) > 5000 {
			s.cells = map[*catalog.Agreement]*[9]string{}
		}
		s.cells[a] = c
	}
	return c[col]
}

func (s *agreementsScreen) format(a *catalog.Agreement, col int) string {
	switch col {
	case 0:
		return a.Number
	case 1:
		return a.Title
	case 2:
		return strings.Join(a.Partners, "; ")
	case 3:
		return label(a.Kind)
	case 4:
		return a.Term.Start.String()
	case 5:
		if a.End.IsZero() && a.Summary.Status != model.StatusDraft {
			return tr("agreement.open_ended")
		}
		return a.End.String()
	case 6:
		return label(a.Status)
	case 7:
		if a.End.IsZero() || (a.Status != model.StatusActive && a.Status != model.StatusExpiring && a.Status != model.StatusExpired) {
			return ""
		}
		return strconv.Itoa(a.DaysLeft)
	}
	if a.Overdue > 0 {
		return tr("list.open_overdue", "Open", strconv.Itoa(len(a.OpenDue)), "Overdue", strconv.Itoa(a.Overdue))
	}
	return strconv.Itoa(len(a.OpenDue))
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
