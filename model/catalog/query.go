package catalog

import (
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
	sorted := c.sortedPartners(psort{q.Sort, q.Desc})
	out := make([]*Partner, 0, len(sorted))
	for _, p := range sorted {
		if (q.Category != "" && p.Category != q.Category) || (q.Relation != "" && p.Relation != q.Relation) ||
			(q.Country != "" && p.Country != q.Country) || !matchAll(p.hay, words) {
			continue
		}
		out = append(out, p)
	}
	return out
}

func (c *Catalog) sortedPartners(k psort) []*Partner {
	if s, ok := c.psorted[k]; ok {
		return s
	}
	s := slices.Clone(c.plist)
	slices.SortStableFunc(s, func(a, b *Partner) int {
		r := comparePartners(k.col, a, b)
		if k.desc {
			r = -r
		}
		return cmp.Or(r, strings.Compare(a.nameKey, b.nameKey), cmp.Compare(a.ID, b.ID))
	})
	if c.psorted == nil {
		c.psorted = map[psort][]*Partner{}
	}
	c.psorted[k] = s
	return s
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
	return strings.Compare(a.nameKey, b.nameKey)
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
// filter.
type AgreementQuery struct {
	Text     string
	Statuses []model.Status
	Kind     model.AgreementKind
	Partner  model.ID
	Category model.Category
	Year     int  // signed in this year
	Expiring bool // only expiring or expired
	Sort     AgreementColumn
	Desc     bool
}

// Agreements returns the agreements matching q, in q's order (ties by
// number), with statuses derived for the catalog's day.
func (c *Catalog) Agreements(q AgreementQuery) []*Agreement {
	words := Words(q.Text)
	sorted := c.sortedAgreements(asort{q.Sort, q.Desc})
	out := make([]*Agreement, 0, len(sorted))
	for _, a := range sorted {
		if (q.Kind != "" && a.Kind != q.Kind) || (q.Partner != 0 && !slices.Contains(a.PartnerIDs, q.Partner)) ||
			(q.Category != "" && !slices.Contains(a.Categories, q.Category)) ||
			(q.Year != 0 && a.SignedOn.Year() != q.Year) ||
			(len(q.Statuses) > 0 && !slices.Contains(q.Statuses, a.Status)) ||
			(q.Expiring && a.Status != model.StatusExpiring && a.Status != model.StatusExpired) ||
			!matchAll(a.hay, words) {
			continue
		}
		out = append(out, a)
	}
	return out
}

func (c *Catalog) sortedAgreements(k asort) []*Agreement {
	if s, ok := c.asorted[k]; ok {
		return s
	}
	s := slices.Clone(c.alist)
	slices.SortStableFunc(s, func(a, b *Agreement) int {
		r := compareAgreements(k.col, a, b)
		if k.desc {
			r = -r
		}
		return cmp.Or(r, strings.Compare(a.numberKey, b.numberKey), cmp.Compare(a.ID, b.ID))
	})
	if c.asorted == nil {
		c.asorted = map[asort][]*Agreement{}
	}
	c.asorted[k] = s
	return s
}

func compareAgreements(col AgreementColumn, a, b *Agreement) int {
	switch col {
	case AgreementByTitle:
		return strings.Compare(a.titleKey, b.titleKey)
	case AgreementByPartners:
		return strings.Compare(a.partKey, b.partKey)
	case AgreementByKind:
		return cmp.Compare(slices.Index(model.AgreementKinds, a.Kind), slices.Index(model.AgreementKinds, b.Kind))
	case AgreementByFrom:
		return cmp.Compare(a.ValidFrom, b.ValidFrom)
	case AgreementByUntil, AgreementByDaysLeft:
		return compareEnds(a.End, b.End)
	case AgreementByStatus:
		return cmp.Compare(slices.Index(model.Statuses, a.Status), slices.Index(model.Statuses, b.Status))
	case AgreementByOpen:
		return cmp.Compare(len(a.OpenDue), len(b.OpenDue))
	}
	return strings.Compare(a.numberKey, b.numberKey)
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
