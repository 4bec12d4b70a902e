package store_test

import (
	"fmt"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/partnerdesk/partnerdesk/model"
	"github.com/partnerdesk/partnerdesk/model/demo"
	"github.com/partnerdesk/partnerdesk/model/store"
)

// AddNew writes a set whose records name each other by position: every
// partner reference, renewal, attachment and round link points at the
// record the position named, agreements go in batches with a progress
// call after each, and a second set into the same file is refused with
// nothing written.
func TestAddNewTurnsPositionsIntoIDs(t *testing.T) {
	path := filepath.Join(t.TempDir(), "data.db")
	s, err := store.Open(path, store.Options{User: "test"})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	set := demo.Generate(demo.Options{Seed: 3, Partners: 12, Agreements: 60, Today: model.MustDate("28.11.2026")})
	if !slices.ContainsFunc(set.Renews, func(r int) bool { return r >= 0 }) || len(set.Attachments) == 0 || len(set.Rounds) == 0 {
		t.Fatalf("the set has no renewal, attachment or round to check: %v", set.Renews)
	}
	var calls []string
	if err := s.AddNew(set, 25, func(done, total int) { calls = append(calls, fmt.Sprint(done, "/", total)) }); err != nil {
		t.Fatal(err)
	}
	if got := strings.Join(calls, " "); got != "25/60 50/60 60/60" {
		t.Errorf("progress calls %q, want one per batch", got)
	}
	if in, err := s.Institution(); err != nil || in.Names.RU != set.Institution.Names.RU {
		t.Errorf("institution %q, %v", in.Names.RU, err)
	}
	ids := make([]model.ID, len(set.Agreements))
	for i, want := range set.Agreements {
		a, err := s.AgreementByNumber(want.Number)
		if err != nil {
			t.Fatalf("agreement %d (%s): %v", i, want.Number, err)
		}
		ids[i] = a.ID
		checkPartners(t, s, set, want, a)
		if r := set.Renews[i]; r >= 0 {
			old, _ := s.Agreement(ids[r])
			if a.PredecessorID != old.ID || old.SuccessorID != a.ID || old.Status != model.StatusRenewed {
				t.Errorf("%s renews %s: stored with predecessor %s; %s has successor %s, status %s", a.Number, old.Number, a.PredecessorID, old.Number, old.SuccessorID, old.Status)
			}
		}
	}
	for _, att := range set.Attachments {
		a, _ := s.Agreement(ids[att.Agreement])
		if len(a.Attachments) != 1 || a.Attachments[0].Name != att.Name {
			t.Fatalf("%s: attachments %+v, want %q", a.Number, a.Attachments, att.Name)
		}
		if data, err := s.AttachmentData(a.ID, a.Attachments[0].ID); err != nil || string(data) != string(att.Data) {
			t.Errorf("%s: attachment data %q, %v", a.Number, data, err)
		}
	}
	rounds, err := s.Rounds()
	if err != nil || len(rounds) != len(set.Rounds) {
		t.Fatalf("%d rounds, %v; want %d", len(rounds), err, len(set.Rounds))
	}
	for _, r := range rounds {
		want := set.Rounds[slices.IndexFunc(set.Rounds, func(w model.Round) bool { return w.Title == r.Title })]
		for j, pos := range want.AgreementIDs {
			if r.AgreementIDs[j] != ids[pos-1] {
				t.Errorf("round %q links agreement %s, want %s (%s)", r.Title, r.AgreementIDs[j], ids[pos-1], set.Agreements[pos-1].Number)
			}
		}
	}

	before, _ := s.Counts()
	err = s.AddNew(demo.Generate(demo.Options{Seed: 4, Partners: 2, Agreements: 2}), 0, nil)
	if err == nil || !strings.Contains(err.Error(), path) || !strings.Contains(err.Error(), "12 partners and 60 agreements") || !strings.Contains(err.Error(), "empty file only") {
		t.Errorf("a second set: %v", err)
	}
	if after, _ := s.Counts(); after != before {
		t.Errorf("the refused set changed the counts: %+v → %+v", before, after)
	}
}

// checkPartners checks that the stored agreement got names where the set's
// had positions: its partners and the partner parties of its lists.
func checkPartners(t *testing.T, s *store.Store, set model.RecordSet, want, got model.Agreement) {
	t.Helper()
	name := func(id model.ID) string {
		p, err := s.Partner(id)
		if err != nil {
			t.Fatalf("%s: partner %s: %v", got.Number, id, err)
		}
		return p.Name
	}
	for j, pos := range want.PartnerIDs {
		if n := name(got.PartnerIDs[j]); n != set.Partners[pos-1].Name {
			t.Errorf("%s: partner %d is %q, want %q", got.Number, j, n, set.Partners[pos-1].Name)
		}
	}
	for j, r := range want.Responsibilities {
		if pos, ok := r.Party.PartnerID(); ok {
			id, _ := got.Responsibilities[j].Party.PartnerID()
			if n := name(id); n != set.Partners[pos-1].Name {
				t.Errorf("%s: responsibility %d is %q's, want %q's", got.Number, j, n, set.Partners[pos-1].Name)
			}
		}
	}
}
