package catalog

import (
	"cmp"
	"slices"
	"strings"

	"github.com/partnerdesk/partnerdesk/model"
)

// Figures are the dashboard's numbers for the catalog's day.
type Figures struct {
	Partners           int
	PartnersByCategory map[model.Category]int
	Real, Potential    int
	Agreements         int
	ByStatus           map[model.Status]int
	// ByCategory counts agreements per partner category; an agreement with
	// partners of two categories counts in both.
	ByCategory map[model.Category]int
	// InForce counts the agreements in force (active or expiring), and
	// Coverage[i] how many of them meet Principles[i].
	InForce  int
	Coverage [7]int
	// Expiring lists agreements in the warning window, soonest first;
	// Expired lists ended ones (neither renewed nor terminated), latest
	// first.
	Expiring, Expired []*Agreement
	// Overdue lists agreements with overdue responsibilities, most first.
	Overdue []*Agreement
}

// Dashboard computes the dashboard's figures.
func (c *Catalog) Dashboard() Figures {
	f := Figures{
		Partners: len(c.plist), Agreements: len(c.alist),
		PartnersByCategory: map[model.Category]int{}, ByStatus: map[model.Status]int{}, ByCategory: map[model.Category]int{},
	}
	for _, p := range c.plist {
		f.PartnersByCategory[p.Category]++
		if p.Relation == model.RelationReal {
			f.Real++
		} else {
			f.Potential++
		}
	}
	for _, a := range c.alist {
		f.ByStatus[a.Status]++
		for _, cat := range a.Categories {
			f.ByCategory[cat]++
		}
		switch a.Status {
		case model.StatusActive, model.StatusExpiring:
			f.InForce++
			for i := range model.Principles {
				if a.Principles&(1<<i) != 0 {
					f.Coverage[i]++
				}
			}
			if a.Status == model.StatusExpiring {
				f.Expiring = append(f.Expiring, a)
			}
		case model.StatusExpired:
			f.Expired = append(f.Expired, a)
		}
		if a.Overdue > 0 && a.Status != model.StatusTerminated && a.Status != model.StatusDraft && a.Status != model.StatusRenewed {
			f.Overdue = append(f.Overdue, a)
		}
	}
	byNumber := func(a, b *Agreement) int { return strings.Compare(a.numberKey, b.numberKey) }
	slices.SortFunc(f.Expiring, func(a, b *Agreement) int { return cmp.Or(cmp.Compare(a.End, b.End), byNumber(a, b)) })
	slices.SortFunc(f.Expired, func(a, b *Agreement) int { return cmp.Or(cmp.Compare(b.End, a.End), byNumber(a, b)) })
	slices.SortFunc(f.Overdue, func(a, b *Agreement) int { return cmp.Or(cmp.Compare(b.Overdue, a.Overdue), byNumber(a, b)) })
	return f
}
