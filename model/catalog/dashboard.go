package catalog

import (
	"cmp"
	"slices"

	"github.com/partnerdesk/partnerdesk/model"
)

// Figures are the dashboard's numbers on one day.
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
	// Expired lists ended ones (not renewed or terminated), latest first.
	Expiring, Expired []Row
	// Overdue lists agreements with overdue responsibilities, most first.
	Overdue []Row
}

// Dashboard computes the dashboard's figures.
func (c *Catalog) Dashboard(today model.Date, warn int) Figures {
	f := Figures{
		Partners: len(c.partners), Agreements: len(c.agreements),
		PartnersByCategory: map[model.Category]int{}, ByStatus: map[model.Status]int{}, ByCategory: map[model.Category]int{},
	}
	for _, p := range c.partners {
		f.PartnersByCategory[p.Category]++
		if p.Relation == model.RelationReal {
			f.Real++
		} else {
			f.Potential++
		}
	}
	for _, a := range c.agreements {
		r := c.row(a, today, warn)
		f.ByStatus[r.Status]++
		for _, cat := range a.Categories {
			f.ByCategory[cat]++
		}
		switch r.Status {
		case model.StatusActive, model.StatusExpiring:
			f.InForce++
			for i := range model.Principles {
				if a.Principles&(1<<i) != 0 {
					f.Coverage[i]++
				}
			}
			if r.Status == model.StatusExpiring {
				f.Expiring = append(f.Expiring, r)
			}
		case model.StatusExpired:
			f.Expired = append(f.Expired, r)
		}
		if r.Overdue > 0 && r.Status != model.StatusTerminated && r.Status != model.StatusDraft {
			f.Overdue = append(f.Overdue, r)
		}
	}
	slices.SortFunc(f.Expiring, func(a, b Row) int { return cmp.Or(cmp.Compare(a.End, b.End), compareNumbers(a.Number, b.Number)) })
	slices.SortFunc(f.Expired, func(a, b Row) int { return cmp.Or(cmp.Compare(b.End, a.End), compareNumbers(a.Number, b.Number)) })
	slices.SortFunc(f.Overdue, func(a, b Row) int {
		return cmp.Or(cmp.Compare(b.Overdue, a.Overdue), compareNumbers(a.Number, b.Number))
	})
	return f
}
