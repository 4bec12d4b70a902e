package demo

import (
	"testing"

	"github.com/partnerdesk/partnerdesk/model"
	"github.com/partnerdesk/partnerdesk/model/store"
)

// The demo data carries the paper's round and a before/after pair of its
// own, linked to a stored agreement.
func TestDemoRounds(t *testing.T) {
	d := Generate(Options{Seed: 3, Partners: 10, Agreements: 20, Today: today})
	s := store.OpenMemory(store.Options{})
	if err := s.AddNew(d, 500, nil); err != nil {
		t.Fatal(err)
	}
	rounds, err := s.Rounds()
	if err != nil || len(rounds) != 3 {
		t.Fatalf("%d rounds, %v", len(rounds), err)
	}
	paper := rounds[0]
	if paper.Stage != model.StageFormative || paper.Groups[0].Students != 50 || paper.Groups[1].Students != 50 {
		t.Errorf("paper round: %+v", paper)
	}
	for i, row := range PaperTable1 {
		for l := range row {
			if paper.Groups[0].Counts[i][l] != row[l][0] || paper.Groups[1].Counts[i][l] != row[l][1] {
				t.Errorf("indicator %d level %d: %d/%d", i, l, paper.Groups[0].Counts[i][l], paper.Groups[1].Counts[i][l])
			}
		}
	}
	for _, r := range rounds[1:] {
		if len(r.AgreementIDs) != 1 {
			t.Fatalf("%s links %v", r.Title, r.AgreementIDs)
		}
		if _, err := s.Agreement(r.AgreementIDs[0]); err != nil {
			t.Errorf("%s: %v", r.Title, err)
		}
	}
	// The experimental group improves between the demo's own rounds: more
	// students at the summative level of every indicator.
	for _, c := range model.Change(&rounds[1], 0, &rounds[2], 0) {
		if c.Delta[2] <= 0 {
			t.Errorf("%s: summative level changed by %v", c.Indicator.Code, c.Delta[2])
		}
	}
}
