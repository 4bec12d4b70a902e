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
	Review   bool // only partners an import marked for review
	Sort     PartnerColumn
	Desc     bool
}

// Partners returns the partners matching q, in q's order (ties by name).
func (c *Catalog) Partners(q PartnerQuery) []*Partner {
	words := Words(q.Text)
	hit := c.searchPartners(words)
	sorted := c.sortedPartners(psort{q.Sort, q.Desc})
	out := make([]*Partner, 0, len(sorted))
	for _, p := range sorted {
		if (q.Category != "" && p.Category != q.Category) || (q.Relation != "" && p.Relation != q.Relation) ||
			(q.Country != "" && p.Country != q.Country) || (q.Review && !p.Review) || !found(hit, p.pos, words, func() []string { return partnerTexts(&p.Partner) }) {
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
	return sortInto(&c.psorted, k, c.plist, k.desc, func(a, b *Partner) int { return comparePartners(k.col, a, b) },
		func(a, b *Partner) int { return cmp.Or(strings.Compare(a.nameKey, b.nameKey), cmp.Compare(a.ID, b.ID)) })
}

// sortInto sorts a copy of list by by (reversed when desc), breaking ties
// with tie, and keeps it in cache under k until the cache is cleared.
func sortInto[K comparable, T any](cache *map[K][]T, k K, list []T, desc bool, by, tie func(a, b T) int) []T {
	s := slices.Clone(list)
	slices.SortFunc(s, func(a, b T) int {
		r := by(a, b)
		if desc {
			r = -r
		}
		return cmp.Or(r, tie(a, b))
	})
	if *cache == nil {
		*cache = map[K][]T{}
	}
	(*cache)[k] = s
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
	hit := c.searchAgreements(words)
	sorted := c.sortedAgreements(asort{q.Sort, q.Desc})
	out := make([]*Agreement, 0, len(sorted))
	for _, a := range sorted {
		if !q.filters(a) || !found(hit, a.pos, words, func() []string { return c.agreementTexts(a) }) {
			continue
		}
		out = append(out, a)
	}
	return out
}

// filters reports whether a passes q's filters other than the text.
func (q *AgreementQuery) filters(a *Agreement) bool {
	return (q.Kind == "" || a.Kind == q.Kind) && (q.Partner == 0 || slices.Contains(a.PartnerIDs, q.Partner)) &&
		(q.Category == "" || slices.Contains(a.Categories, q.Category)) &&
		(q.Year == 0 || a.SignedOn.Year() == q.Year) &&
		(len(q.Statuses) == 0 || slices.Contains(q.Statuses, a.Status)) &&
		(!q.Expiring || a.Status == model.StatusExpiring || a.Status == model.StatusExpired)
}

func (c *Catalog) sortedAgreements(k asort) []*Agreement {
	if s, ok := c.asorted[k]; ok {
		return s
	}
	switch {
	case k.col == AgreementByTitle && !c.titleKeys:
		for _, a := range c.alist {
			a.setTitleKey()
		}
		c.titleKeys = true
	case k.col == AgreementByPartners && !c.partKeys:
		for _, a := range c.alist {
			a.setPartKey()
		}
		c.partKeys = true
	}
	if k.col != AgreementByNumber {
		// Ties in other orders go by number: rank the numbers once.
		for i, a := range c.sortedAgreements(asort{AgreementByNumber, false}) {
			a.numRank = int32(i)
		}
	}
	tie := func(a, b *Agreement) int { return cmp.Compare(a.numRank, b.numRank) }
	if k.col == AgreementByNumber {
		tie = func(a, b *Agreement) int { return cmp.Compare(a.ID, b.ID) }
	}
	return sortInto(&c.asorted, k, c.alist, k.desc, func(a, b *Agreement) int { return compareAgreements(k.col, a, b) }, tie)
}

func compareAgreements(col AgreementColumn, a, b *Agreement) int {
	switch col {
	case AgreementByTitle:
		return cmp.Or(cmp.Compare(a.titlePre, b.titlePre), strings.Compare(a.titleKey, b.titleKey))
	case AgreementByPartners:
		return cmp.Or(cmp.Compare(a.partPre, b.partPre), strings.Compare(a.partKey, b.partKey))
	case AgreementByKind:
		return cmp.Compare(slices.Index(model.AgreementKinds, a.Kind), slices.Index(model.AgreementKinds, b.Kind))
	case AgreementByFrom:
		return cmp.Compare(a.Term.Start, b.Term.Start)
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

// found reports whether a record matched: from the folded search when it
// ran (hit not nil), else from its UTF-8 texts, lower-cased now (the rare
// query with a character the folded text cannot tell apart).
func found(hit []bool, pos int, words []string, texts func() []string) bool {
	if hit != nil {
		return hit[pos]
	}
	return len(words) == 0 || matchAll(lowerJoin(texts()...), words)
}

// foldWords folds the search words, or returns nil when one cannot be
// folded (the caller then searches the UTF-8 text).
func foldWords(words []string) [][]byte {
	if len(words) == 0 {
		return nil
	}
	out := make([][]byte, len(words))
	for i, w := range words {
		f, ok := foldQuery(w)
		if !ok {
			return nil
		}
		out[i] = f
	}
	return out
}

// searchAgreements marks the agreements (by position in alist) containing
// every word, or returns nil when there is no search or it must fall back
// to the UTF-8 text.
func (c *Catalog) searchAgreements(words []string) []bool {
	return search(words, &c.afold, &c.astale, c.alist, func(a *Agreement, i int) []string {
		a.pos = i
		return c.agreementTexts(a)
	})
}

// searchPartners is searchAgreements for partners.
func (c *Catalog) searchPartners(words []string) []bool {
	return search(words, &c.pfold, &c.pstale, c.plist, func(p *Partner, i int) []string {
		p.pos = i
		return partnerTexts(&p.Partner)
	})
}

// search folds the words and marks the records of list that contain them
// all, folding the records' texts first when stale.
func search[T any](words []string, f *folded, stale *bool, list []T, texts func(T, int) []string) []bool {
	fw := foldWords(words)
	if fw == nil {
		return nil
	}
	if *stale {
		f.build(len(list), func(i int, add func(string)) {
			for _, s := range texts(list[i], i) {
				add(s)
			}
		})
		*stale = false
	}
	hit := make([]bool, len(list))
	f.match(fw, hit)
	return hit
}
