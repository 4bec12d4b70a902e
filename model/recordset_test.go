package model

import (
	"slices"
	"testing"
)

// MapPartners renames every partner an agreement names, its partners and
// its partner parties, leaves the other parties alone and does not touch
// the lists of the copy it was made from.
func TestMapPartners(t *testing.T) {
	orig := Agreement{
		PartnerIDs:       []ID{1, 2},
		Responsibilities: []Responsibility{{Party: PartnerParty(2)}, {Party: PartyInstitution}, {Party: PartyJoint}},
		Resources:        []Resource{{Party: PartnerParty(1)}},
		Coordinators:     []Coordinator{{Party: PartyInstitution}, {Party: PartnerParty(1)}},
	}
	a := orig
	a.MapPartners(func(id ID) ID { return id * 10 })
	if !slices.Equal(a.PartnerIDs, []ID{10, 20}) {
		t.Errorf("partners %v", a.PartnerIDs)
	}
	got := []Party{a.Responsibilities[0].Party, a.Responsibilities[1].Party, a.Responsibilities[2].Party, a.Resources[0].Party, a.Coordinators[0].Party, a.Coordinators[1].Party}
	want := []Party{"partner:20", PartyInstitution, PartyJoint, "partner:10", PartyInstitution, "partner:10"}
	if !slices.Equal(got, want) {
		t.Errorf("parties %q, want %q", got, want)
	}
	if orig.PartnerIDs[0] != 1 || orig.Responsibilities[0].Party != PartnerParty(2) || orig.Resources[0].Party != PartnerParty(1) || orig.Coordinators[1].Party != PartnerParty(1) {
		t.Errorf("the original changed: %+v", orig)
	}
}
