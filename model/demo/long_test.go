package demo

import (
	"testing"

	"github.com/partnerdesk/partnerdesk/model"
	"github.com/partnerdesk/partnerdesk/model/store"
)

func TestLongAgreement(t *testing.T) {
	s := store.OpenMemory(store.Options{})
	if err := s.AddNew(Generate(Options{Seed: 1, Partners: 3, Today: today}), 0, nil); err != nil {
		t.Fatal(err)
	}
	a := LongAgreement("ТР-2026/001", [3]model.ID{1, 2, 3}, today)
	if err := s.SaveAgreement(&a); err != nil {
		t.Fatal(err)
	}
	seen := map[string]bool{}
	parties := map[model.Party]int{}
	for _, r := range a.Responsibilities {
		if seen[r.Description] {
			t.Errorf("repeated: %s", r.Description)
		}
		seen[r.Description] = true
		parties[r.Party]++
	}
	if len(a.Responsibilities) != 20 || len(parties) != 5 || len(a.PartnerIDs) != 3 {
		t.Errorf("%d responsibilities over %d parties, %d partners", len(a.Responsibilities), len(parties), len(a.PartnerIDs))
	}
}
