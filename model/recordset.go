package model

import "slices"

// RecordSet is a set of new records written at once into an empty data
// file (store.AddNew): the demo data, test fixtures. They have no IDs
// yet, so they name each other by position: agreements name partners by
// their 1-based position in Partners (as PartnerIDs and in "partner:N"
// parties), rounds name agreements by their 1-based position in
// Agreements.
type RecordSet struct {
	Institution Institution
	Partners    []Partner
	Agreements  []Agreement
	// Renews[i] is the index of the agreement that Agreements[i] renews,
	// or -1; a missing entry means -1. A renewed agreement always comes
	// before its successor.
	Renews []int
	// Attachments are files attached to agreements, each named by the
	// index of its agreement in Agreements.
	Attachments []NewAttachment
	// Rounds are diagnostic rounds.
	Rounds []Round
}

// NewAttachment is a file of a RecordSet, attached to the agreement at
// index Agreement of its Agreements.
type NewAttachment struct {
	Agreement      int
	Name, MIMEType string
	Data           []byte
}

// RenewsOf returns the index of the agreement that the i-th agreement
// renews, or -1.
func (s *RecordSet) RenewsOf(i int) int {
	if i < len(s.Renews) {
		return s.Renews[i]
	}
	return -1
}

// MapPartners replaces every partner the agreement names (its PartnerIDs
// and the "partner:N" parties of its responsibilities, resources and
// coordinators) by what f returns for it. It works on copies of those
// lists, so another copy of the agreement keeps its own.
func (a *Agreement) MapPartners(f func(ID) ID) {
	a.PartnerIDs = slices.Clone(a.PartnerIDs)
	for i, p := range a.PartnerIDs {
		a.PartnerIDs[i] = f(p)
	}
	a.Responsibilities = slices.Clone(a.Responsibilities)
	a.Resources = slices.Clone(a.Resources)
	a.Coordinators = slices.Clone(a.Coordinators)
	a.MapParties(func(p Party) Party {
		if id, ok := p.PartnerID(); ok {
			return PartnerParty(f(id))
		}
		return p
	})
}
