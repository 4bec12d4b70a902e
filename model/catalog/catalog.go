// Package catalog is the in-memory index behind PartnerDesk's lists,
// search and dashboard. It is built once from the partners and agreement
// summaries when a data file opens and kept current by the caller after
// every save, so that:
//
//   - a keystroke in a search box filters prepared lower-case text in an
//     already sorted list (no record is decoded, nothing is sorted);
//   - sorting by a column compares prepared keys (names in the Kazakh
//     alphabet's order, numbers with their digits as numbers) and the
//     result is kept until the data or the day changes;
//   - statuses and days left are derived once per day, not per row drawn.
//
// A Catalog is not safe for concurrent use; the user interface owns one.
package catalog

import (
	"slices"
	"strings"
	"unicode"

	"github.com/partnerdesk/partnerdesk/model"
)

// Partner is a partner with what its list row and search need.
type Partner struct {
	model.Partner
	// Agreements counts the agreements with this partner.
	Agreements int
	nameKey    string
	pos        int // index in Catalog.plist, as of the last folding
}

// Agreement is an agreement summary with what its list row and search
// need, including its status derived for the catalog's current day.
type Agreement struct {
	model.Summary
	// Partners are the partners' names, in the agreement's order.
	Partners []string
	// Categories are the distinct categories of the partners.
	Categories []model.Category

	// Derived for the day given to the last query (see Catalog.SetDay).
	Status   model.Status
	Term     model.Term // the current term (model.CurrentTerm)
	End      model.Date // end of the current term (Term.End); zero when open-ended
	DaysLeft int        // days from the day to End; 0 when open-ended
	Overdue  int        // open responsibilities past their due date

	// Sort keys: the number's at once, the others on the first sort by
	// their column (most sessions never sort by title).
	numberKey, titleKey, partKey string
	titlePre, partPre            uint64 // the keys' first 8 bytes, compared first
	numRank                      int32  // position in number order: the tie-break of other orders
	pos                          int    // index in Catalog.alist, as of the last folding
}

// Catalog indexes partners and agreement summaries.
type Catalog struct {
	plist      []*Partner
	partners   map[model.ID]*Partner
	alist      []*Agreement
	agreements map[model.ID]*Agreement
	byPartner  map[model.ID][]model.ID // partner → its agreements

	today model.Date
	warn  int

	psorted map[psort][]*Partner
	asorted map[asort][]*Agreement

	// Folded search text, rebuilt on the first search after a change.
	pfold, afold   folded
	pstale, astale bool
	// Whether the title and partner sort keys have been computed.
	titleKeys, partKeys bool
}

type psort struct {
	col  PartnerColumn
	desc bool
}

type asort struct {
	col  AgreementColumn
	desc bool
}

// New builds a catalog; statuses are derived for today with the warning
// window warn (days).
func New(partners []model.Partner, summaries []model.Summary, today model.Date, warn int) *Catalog {
	c := &Catalog{
		partners:   make(map[model.ID]*Partner, len(partners)),
		agreements: make(map[model.ID]*Agreement, len(summaries)),
		byPartner:  make(map[model.ID][]model.ID, len(partners)),
		plist:      make([]*Partner, 0, len(partners)),
		alist:      make([]*Agreement, 0, len(summaries)),
		today:      today, warn: warn, pstale: true, astale: true,
	}
	for i := range partners {
		c.putPartner(partners[i])
	}
	for i := range summaries {
		c.PutAgreement(summaries[i])
	}
	return c
}

// SetDay re-derives statuses and days left for another day or warning
// window; it does nothing when both are unchanged.
func (c *Catalog) SetDay(today model.Date, warn int) {
	if today == c.today && warn == c.warn {
		return
	}
	c.today, c.warn = today, warn
	for _, a := range c.alist {
		c.derive(a)
	}
	c.asorted = nil
}

// Day returns the day and warning window statuses are derived for.
func (c *Catalog) Day() (model.Date, int) { return c.today, c.warn }

func (c *Catalog) derive(a *Agreement) {
	a.Term = a.TermOn(c.today)
	a.End = a.Term.End
	a.Status = model.DeriveStatus(a.Summary.Status, a.End, c.today, c.warn)
	a.DaysLeft = 0
	if !a.End.IsZero() {
		a.DaysLeft = c.today.DaysUntil(a.End)
	}
	a.Overdue = a.OverdueOn(c.today)
}

// Len returns the numbers of partners and agreements.
func (c *Catalog) Len() (partners, agreements int) { return len(c.plist), len(c.alist) }

// Partner returns the partner with the ID.
func (c *Catalog) Partner(id model.ID) (*Partner, bool) {
	p, ok := c.partners[id]
	return p, ok
}

// Agreement returns the agreement with the ID.
func (c *Catalog) Agreement(id model.ID) (*Agreement, bool) {
	a, ok := c.agreements[id]
	return a, ok
}

// PartnerName returns the partner's name, or "" if there is none.
func (c *Catalog) PartnerName(id model.ID) string {
	if p, ok := c.partners[id]; ok {
		return p.Name
	}
	return ""
}

// lowerJoin lower-cases and joins parts with NUL separators in one pass.
func lowerJoin(parts ...string) string {
	n := 0
	for _, p := range parts {
		n += len(p) + 1
	}
	var b strings.Builder
	b.Grow(n)
	for _, p := range parts {
		for _, r := range p {
			b.WriteRune(unicode.ToLower(r))
		}
		b.WriteByte(0)
	}
	return b.String()
}

// PutPartner adds or replaces a partner after a save, and refreshes its
// agreements' rows (they show its name).
func (c *Catalog) PutPartner(p model.Partner) {
	old, existed := c.partners[p.ID]
	c.putPartner(p)
	if existed && (old.Name != p.Name || old.ShortName != p.ShortName || old.TaxID != p.TaxID || old.Category != p.Category) {
		for _, aid := range c.byPartner[p.ID] {
			c.index(c.agreements[aid])
		}
	}
	c.psorted, c.asorted = nil, nil
	c.pstale, c.astale = true, true
}

func (c *Catalog) putPartner(p model.Partner) {
	e := &Partner{Partner: p, Agreements: len(c.byPartner[p.ID]), nameKey: sortKey(p.Name)}
	if old, ok := c.partners[p.ID]; ok {
		c.plist[slices.Index(c.plist, old)] = e
	} else {
		c.plist = append(c.plist, e)
	}
	c.partners[p.ID] = e
}

// DeletePartner removes a partner after a delete.
func (c *Catalog) DeletePartner(id model.ID) {
	if p, ok := c.partners[id]; ok {
		c.plist = slices.DeleteFunc(c.plist, func(x *Partner) bool { return x == p })
		delete(c.partners, id)
		c.psorted, c.pstale = nil, true
	}
}

// PutAgreement adds or replaces an agreement summary after a save.
func (c *Catalog) PutAgreement(s model.Summary) {
	a := &Agreement{Summary: s, numberKey: numberKey(s.Number)}
	if old, ok := c.agreements[s.ID]; ok {
		c.unlink(old)
		c.alist[slices.Index(c.alist, old)] = a
	} else {
		c.alist = append(c.alist, a)
	}
	c.agreements[s.ID] = a
	for _, pid := range s.PartnerIDs {
		if !slices.Contains(c.byPartner[pid], s.ID) {
			c.byPartner[pid] = append(c.byPartner[pid], s.ID)
		}
		if p, ok := c.partners[pid]; ok {
			p.Agreements = len(c.byPartner[pid])
		}
	}
	c.index(a)
	c.derive(a)
	c.asorted, c.astale = nil, true
	if c.psorted != nil {
		delete(c.psorted, psort{PartnerByAgreements, false})
		delete(c.psorted, psort{PartnerByAgreements, true})
	}
}

// index fills the agreement's partner names and categories from the
// current partners, and the sort keys already in use.
func (c *Catalog) index(a *Agreement) {
	a.Partners = make([]string, 0, len(a.PartnerIDs))
	a.Categories = a.Categories[:0]
	for _, pid := range a.PartnerIDs {
		p, ok := c.partners[pid]
		if !ok {
			a.Partners = append(a.Partners, "")
			continue
		}
		a.Partners = append(a.Partners, p.Name)
		if !slices.Contains(a.Categories, p.Category) {
			a.Categories = append(a.Categories, p.Category)
		}
	}
	if c.titleKeys {
		a.setTitleKey()
	}
	if c.partKeys {
		a.setPartKey()
	}
}

func (a *Agreement) setTitleKey() {
	a.titleKey = sortKey(a.Title)
	a.titlePre = prefix(a.titleKey)
}

func (a *Agreement) setPartKey() {
	a.partKey, a.partPre = "", 0
	if len(a.Partners) > 0 {
		a.partKey = sortKey(a.Partners[0])
		a.partPre = prefix(a.partKey)
	}
}

// agreementTexts lists what an agreement search looks in.
func (c *Catalog) agreementTexts(a *Agreement) []string {
	parts := []string{a.Number, a.Title, a.Coordinator}
	for _, pid := range a.PartnerIDs {
		if p, ok := c.partners[pid]; ok {
			parts = append(parts, p.Name, p.ShortName, p.TaxID)
		}
	}
	return parts
}

func (c *Catalog) unlink(a *Agreement) {
	for _, pid := range a.PartnerIDs {
		c.byPartner[pid] = slices.DeleteFunc(c.byPartner[pid], func(id model.ID) bool { return id == a.ID })
		if p, ok := c.partners[pid]; ok {
			p.Agreements = len(c.byPartner[pid])
		}
	}
}

// DeleteAgreement removes an agreement after a delete.
func (c *Catalog) DeleteAgreement(id model.ID) {
	a, ok := c.agreements[id]
	if !ok {
		return
	}
	c.unlink(a)
	c.alist = slices.DeleteFunc(c.alist, func(x *Agreement) bool { return x == a })
	delete(c.agreements, id)
	c.asorted, c.psorted = nil, nil
	c.astale, c.pstale = true, true
}

// AgreementsOf returns the IDs of the partner's agreements, sorted.
func (c *Catalog) AgreementsOf(partner model.ID) []model.ID {
	out := slices.Clone(c.byPartner[partner])
	slices.Sort(out)
	return out
}

// NumberOf returns the number of the agreement with the ID, or "".
func (c *Catalog) NumberOf(id model.ID) string {
	if a, ok := c.agreements[id]; ok {
		return a.Number
	}
	return ""
}

// Numbers returns every agreement number, for number suggestions.
func (c *Catalog) Numbers() []string {
	out := make([]string, len(c.alist))
	for i, a := range c.alist {
		out[i] = a.Number
	}
	return out
}

// Countries returns the distinct partner countries, sorted.
func (c *Catalog) Countries() []string {
	var out []string
	for _, p := range c.plist {
		if !slices.Contains(out, p.Country) {
			out = append(out, p.Country)
		}
	}
	slices.Sort(out)
	return out
}

// Years returns the distinct years of signing, newest first.
func (c *Catalog) Years() []int {
	var out []int
	for _, a := range c.alist {
		if y := a.SignedOn.Year(); y > 0 && !slices.Contains(out, y) {
			out = append(out, y)
		}
	}
	slices.Sort(out)
	slices.Reverse(out)
	return out
}

// partnerTexts lists what a partner search looks in.
func partnerTexts(p *model.Partner) []string {
	parts := []string{p.Name, p.ShortName, p.TaxID, p.City, p.Region, p.Country, p.Names.RU, p.Names.KK, p.Names.KY, p.Names.EN}
	for _, ct := range p.Contacts {
		parts = append(parts, ct.Name, ct.Email, ct.Phone)
	}
	return parts
}

// prefix packs the first 8 bytes of a sort key into an integer that
// orders like the key, so most comparisons while sorting are one integer
// comparison.
func prefix(key string) uint64 {
	var p uint64
	for i := range 8 {
		p <<= 8
		if i < len(key) {
			p |= uint64(key[i])
		}
	}
	return p
}
