// Package catalog is the in-memory index behind PartnerDesk's lists,
// search and dashboard. It is built once from the partners and agreement
// summaries when a data file opens and kept current by the caller after
// every save, so a keystroke in a search box scans prepared lower-case
// text instead of decoding records, and sorting compares prepared
// collation keys (Kazakh Ә sorts beside А, not after Я).
//
// A Catalog is not safe for concurrent use; the user interface owns one.
package catalog

import (
	"strings"

	"golang.org/x/text/collate"
	"golang.org/x/text/language"

	"github.com/partnerdesk/partnerdesk/model"
)

// Partner is a partner with what its list row and search need.
type Partner struct {
	model.Partner
	// Agreements counts the agreements with this partner.
	Agreements int
	hay        string // lower-case searchable text
	nameKey    []byte // collation key of the name
}

// Agreement is an agreement summary with what its list row and search
// need.
type Agreement struct {
	model.Summary
	// Partners are the partners' names, in the agreement's order.
	Partners []string
	// Categories are the distinct categories of the partners.
	Categories []model.Category
	hay        string
	titleKey   []byte
	partnerKey []byte
}

// Catalog indexes partners and agreement summaries.
type Catalog struct {
	partners   map[model.ID]*Partner
	agreements map[model.ID]*Agreement
	byPartner  map[model.ID]map[model.ID]bool // partner → its agreements
	col        *collate.Collator
	buf        collate.Buffer
}

// New builds a catalog.
func New(partners []model.Partner, summaries []model.Summary) *Catalog {
	c := &Catalog{
		partners:   make(map[model.ID]*Partner, len(partners)),
		agreements: make(map[model.ID]*Agreement, len(summaries)),
		byPartner:  make(map[model.ID]map[model.ID]bool, len(partners)),
		col:        collate.New(language.Russian, collate.IgnoreCase),
	}
	for i := range partners {
		c.putPartner(partners[i])
	}
	for i := range summaries {
		c.PutAgreement(summaries[i])
	}
	return c
}

func (c *Catalog) key(s string) []byte {
	k := c.col.KeyFromString(&c.buf, s)
	out := make([]byte, len(k))
	copy(out, k)
	c.buf.Reset()
	return out
}

// Len returns the numbers of partners and agreements.
func (c *Catalog) Len() (partners, agreements int) { return len(c.partners), len(c.agreements) }

// Partner returns the partner with the ID.
func (c *Catalog) Partner(id model.ID) (*Partner, bool) {
	p, ok := c.partners[id]
	return p, ok
}

// Agreement returns the agreement summary with the ID.
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

// PutPartner adds or replaces a partner after a save, and refreshes the
// search text of its agreements (their rows show its name).
func (c *Catalog) PutPartner(p model.Partner) {
	old, existed := c.partners[p.ID]
	c.putPartner(p)
	if existed && (old.Name != p.Name || old.ShortName != p.ShortName || old.TaxID != p.TaxID || old.Category != p.Category) {
		for aid := range c.byPartner[p.ID] {
			c.index(c.agreements[aid])
		}
	}
}

func (c *Catalog) putPartner(p model.Partner) {
	e := &Partner{Partner: p, Agreements: len(c.byPartner[p.ID])}
	parts := []string{p.Name, p.ShortName, p.TaxID, p.City, p.Region, p.Country, p.Names.RU, p.Names.KK, p.Names.KY, p.Names.EN}
	for _, ct := range p.Contacts {
		parts = append(parts, ct.Name, ct.Email, ct.Phone)
	}
	e.hay = strings.ToLower(strings.Join(parts, "\x00"))
	e.nameKey = c.key(p.Name)
	c.partners[p.ID] = e
}

// DeletePartner removes a partner after a delete.
func (c *Catalog) DeletePartner(id model.ID) { delete(c.partners, id) }

// PutAgreement adds or replaces an agreement summary after a save.
func (c *Catalog) PutAgreement(s model.Summary) {
	if old, ok := c.agreements[s.ID]; ok {
		c.unlink(old)
	}
	a := &Agreement{Summary: s}
	for _, pid := range s.PartnerIDs {
		if c.byPartner[pid] == nil {
			c.byPartner[pid] = map[model.ID]bool{}
		}
		c.byPartner[pid][s.ID] = true
		if p, ok := c.partners[pid]; ok {
			p.Agreements = len(c.byPartner[pid])
		}
	}
	c.index(a)
	c.agreements[s.ID] = a
}

// index fills the agreement's partner names, categories, search text and
// sort keys from the current partners.
func (c *Catalog) index(a *Agreement) {
	a.Partners = a.Partners[:0]
	a.Categories = a.Categories[:0]
	parts := []string{a.Number, a.Title, a.Coordinator}
	for _, pid := range a.PartnerIDs {
		p, ok := c.partners[pid]
		if !ok {
			a.Partners = append(a.Partners, "")
			continue
		}
		a.Partners = append(a.Partners, p.Name)
		parts = append(parts, p.Name, p.ShortName, p.TaxID)
		if !containsCat(a.Categories, p.Category) {
			a.Categories = append(a.Categories, p.Category)
		}
	}
	a.hay = strings.ToLower(strings.Join(parts, "\x00"))
	a.titleKey = c.key(a.Title)
	a.partnerKey = c.key(strings.Join(a.Partners, "; "))
}

func containsCat(list []model.Category, c model.Category) bool {
	for _, x := range list {
		if x == c {
			return true
		}
	}
	return false
}

func (c *Catalog) unlink(a *Agreement) {
	for _, pid := range a.PartnerIDs {
		delete(c.byPartner[pid], a.ID)
		if p, ok := c.partners[pid]; ok {
			p.Agreements = len(c.byPartner[pid])
		}
	}
}

// DeleteAgreement removes an agreement after a delete.
func (c *Catalog) DeleteAgreement(id model.ID) {
	if a, ok := c.agreements[id]; ok {
		c.unlink(a)
		delete(c.agreements, id)
	}
}

// AgreementsOf returns the IDs of the partner's agreements.
func (c *Catalog) AgreementsOf(partner model.ID) []model.ID {
	out := make([]model.ID, 0, len(c.byPartner[partner]))
	for id := range c.byPartner[partner] {
		out = append(out, id)
	}
	return out
}

// Numbers returns every agreement number, for number suggestions.
func (c *Catalog) Numbers() []string {
	out := make([]string, 0, len(c.agreements))
	for _, a := range c.agreements {
		out = append(out, a.Number)
	}
	return out
}

// Countries returns the distinct partner countries, sorted.
func (c *Catalog) Countries() []string {
	seen := map[string]bool{}
	var out []string
	for _, p := range c.partners {
		if !seen[p.Country] {
			seen[p.Country] = true
			out = append(out, p.Country)
		}
	}
	sortStrings(out)
	return out
}

// Years returns the distinct years of signing, newest first.
func (c *Catalog) Years() []int {
	seen := map[int]bool{}
	var out []int
	for _, a := range c.agreements {
		if y := a.SignedOn.Year(); y > 0 && !seen[y] {
			seen[y] = true
			out = append(out, y)
		}
	}
	sortIntsDesc(out)
	return out
}
