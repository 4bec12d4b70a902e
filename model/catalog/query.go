package catalog

import (
	"bytes"
	"cmp"
	"slices"
	"strings"

	"github.com/partnerdesk/partnerdesk/model"
)

// Words splits a search text into lower-case words. A record matches when
// it contains every word (anywhere: name, tax ID, contact, number …).
func Words(text string) []string { return strings.Fields(strings.ToLower(text)) }

func matchAll(hay string, words []string) bool {
	for _, w := range words {
		if !strings.Contains(hay, w) {
			return false
		}
	}
	return true
}

// PartnerColumn is a column the partners list sorts by.
type PartnerColumn int

// Partner list columns, in display order.
const (
	PartnerByName PartnerColumn = iota
	PartnerByCategory
	PartnerByRelation
	PartnerByCountry
	PartnerByRegion
	PartnerByTaxID
	PartnerByAgreements
)

// PartnerQuery selects and orders partners. Empty fields do not filter.
type PartnerQuery struct {
	Text     string
	Category model.Category
	Relation model.Relation
	Country  string
	Sort     PartnerColumn
	Desc     bool
}

// Partners returns the partners matching q, in q's order (ties by name).
func (c *Catalog) Partners(q PartnerQuery) []*Partner {
	words := Words(q.Text)
	out := make([]*Partner, 0, len(c.partners))
	for _, p := range c.partners {
		if (q.Category != "" && p.Category != q.Category) || (q.Relation != "" && p.Relation != q.Relation) ||
			(q.Country != "" && p.Country != q.Country) || !matchAll(p.hay, words) {
			continue
		}
		out = append(out, p)
	}
	slices.SortFunc(out, func(a, b *Partner) int {
		r := comparePartners(q.Sort, a, b)
		if q.Desc {
			r = -r
		}
		if r == 0 {
			r = cmp.Or(bytes.Compare(a.nameKey, b.nameKey), cmp.Compare(a.ID, b.ID))
		}
		return r
	})
	return out
}

func comparePartners(col PartnerColumn, a, b *Partner) int {
	switch col {
	case PartnerByCategory:
		return cmp.Compare(slices.Index(model.Categories, a.Category), slices.Index(model.Categories, b.Category))
	case PartnerByRelation:
		return cmp.Compare(a.Relation, b.Relation)
	case PartnerByCountry:
		return cmp.Compare(a.Country, b.Country)
	case PartnerByRegion:
		return cmp.Compare(a.Region, b.Region)
	case PartnerByTaxID:
		return cmp.Compare(a.TaxID, b.TaxID)
	case PartnerByAgreements:
		return cmp.Compare(a.Agreements, b.Agreements)
	}
	return bytes.Compare(a.nameKey, b.nameKey)
}

// AgreementColumn is a column the agreements list sorts by.
type AgreementColumn int

// Agreement list columns, in display order.
const (
	AgreementByNumber AgreementColumn = iota
	AgreementByTitle
	AgreementByPartners
	AgreementByKind
	AgreementByFrom
	AgreementByUntil
	AgreementByStatus
	AgreementByDaysLeft
	AgreementByOpen
)

// AgreementQuery selects and orders agreements. Empty fields do not
// filter. Today and Warn derive statuses and days left.
type AgreementQuery struct {
	Text     string
	Statuses []model.Status
	Kind     model.AgreementKind
	Partner  model.ID
	Category model.Category
	Year     int  // signed in this year
	Expiring bool // only expiring or expired
	Today    model.Date
	Warn     int
	Sort     AgreementColumn
	Desc     bool
}

// Row is an agreement with its status and days left on the query's day.
type Row struct {
	*Agreement
	Status   model.Status
	End      model.Date // end of the current term; zero when open-ended
	DaysLeft int        // meaningful only when End is set
	Overdue  int
}

// Agreements returns the rows matching q, in q's order (ties by number).
func (c *Catalog) Agreements(q AgreementQuery) []Row {
	words := Words(q.Text)
	out := make([]Row, 0, len(c.agreements))
	for _, a := range c.agreements {
		if (q.Kind != "" && a.Kind != q.Kind) || (q.Partner != 0 && !slices.Contains(a.PartnerIDs, q.Partner)) ||
			(q.Category != "" && !slices.Contains(a.Categories, q.Category)) ||
			(q.Year != 0 && a.SignedOn.Year() != q.Year) || !matchAll(a.hay, words) {
			continue
		}
		r := c.row(a, q.Today, q.Warn)
		if (len(q.Statuses) > 0 && !slices.Contains(q.Statuses, r.Status)) ||
			(q.Expiring && r.Status != model.StatusExpiring && r.Status != model.StatusExpired) {
			continue
		}
		out = append(out, r)
	}
	slices.SortFunc(out, func(a, b Row) int {
		r := compareRows(q.Sort, a, b)
		if q.Desc {
			r = -r
		}
		if r == 0 {
			r = cmp.Or(cmp.Compare(a.Number, b.Number), cmp.Compare(a.ID, b.ID))
		}
		return r
	})
	return out
}

func (c *Catalog) row(a *Agreement, today model.Date, warn int) Row {
	end := a.EndOn(today)
	r := Row{Agreement: a, End: end, Status: model.DeriveStatus(a.Status, end, today, warn), Overdue: a.OverdueOn(today)}
	if !end.IsZero() {
		r.DaysLeft = today.DaysUntil(end)
	}
	return r
}

func compareRows(col AgreementColumn, a, b Row) int {
	switch col {
	case AgreementByTitle:
		return bytes.Compare(a.titleKey, b.titleKey)
	case AgreementByPartners:
		return bytes.Compare(a.partnerKey, b.partnerKey)
	case AgreementByKind:
		return cmp.Compare(slices.Index(model.AgreementKinds, a.Kind), slices.Index(model.AgreementKinds, b.Kind))
	case AgreementByFrom:
		return cmp.Compare(a.ValidFrom, b.ValidFrom)
	case AgreementByUntil:
		return compareEnds(a.End, b.End)
	case AgreementByStatus:
		return cmp.Compare(slices.Index(model.Statuses, a.Status), slices.Index(model.Statuses, b.Status))
	case AgreementByDaysLeft:
		return compareEnds(a.End, b.End)
	case AgreementByOpen:
		return cmp.Compare(len(a.OpenDue), len(b.OpenDue))
	}
	return compareNumbers(a.Number, b.Number)
}

// compareEnds orders open-ended agreements last.
func compareEnds(a, b model.Date) int {
	switch {
	case a == b:
		return 0
	case a.IsZero():
		return 1
	case b.IsZero():
		return -1
	}
	return cmp.Compare(a, b)
}

// compareNumbers compares agreement numbers with their digit runs as
// numbers, so СП-2026/9 comes before СП-2026/10.
func compareNumbers(a, b string) int {
	for a != "" && b != "" {
		da, db := digitRun(a), digitRun(b)
		if da > 0 && db > 0 {
			na, nb := strings.TrimLeft(a[:da], "0"), strings.TrimLeft(b[:db], "0")
			if r := cmp.Or(cmp.Compare(len(na), len(nb)), cmp.Compare(na, nb)); r != 0 {
				return r
			}
			a, b = a[da:], b[db:]
			continue
		}
		if a[0] != b[0] {
			return cmp.Compare(a[0], b[0])
		}
		a, b = a[1:], b[1:]
	}
	return cmp.Compare(len(a), len(b))
}

func digitRun(s string) int {
	n := 0
	for n < len(s) && s[n] >= '0' && s[n] <= '9' {
		n++
	}
	return n
}

func sortStrings(s []string) { slices.Sort(s) }

func sortIntsDesc(s []int) { slices.SortFunc(s, func(a, b int) int { return cmp.Compare(b, a) }) }
