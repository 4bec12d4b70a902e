package storetest

import (
	"errors"
	"testing"

	"github.com/partnerdesk/partnerdesk/model"
	"github.com/partnerdesk/partnerdesk/model/demo"
	"github.com/partnerdesk/partnerdesk/model/store"
)

// roundTests are the contract tests of diagnostic rounds; Run runs them.
var roundTests = map[string]func(*testing.T, *store.Store, *Clock){
	"RoundRoundTrip":     testRoundRoundTrip,
	"RoundInvalid":       testRoundInvalid,
	"RoundStaleRevision": testRoundStale,
	"RoundDelete":        testRoundDelete,
	"DiagnosticScale":    testDiagnosticScale,
}

func testRoundRoundTrip(t *testing.T, s *store.Store, clock *Clock) {
	p := mustSavePartner(t, s, "ТОО «Серіктес»", BIN1)
	a := mustSaveAgreement(t, s, "СП-2026/001", p.ID)
	rounds := demo.Rounds(7, model.NewDate(2026, 11, 28), []model.ID{a.ID})
	for i := range rounds {
		want := rounds[i]
		if err := s.SaveRound(&rounds[i]); err != nil {
			t.Fatalf("SaveRound(%s): %v", want.Title, err)
		}
		if rounds[i].ID == 0 || rounds[i].Rev != 1 || !rounds[i].Created.Equal(clock.T) {
			t.Errorf("%s: id %d rev %d created %v", want.Title, rounds[i].ID, rounds[i].Rev, rounds[i].Created)
		}
		got, err := s.Round(rounds[i].ID)
		if err != nil {
			t.Fatal(err)
		}
		want.ID, want.Rev, want.Created, want.Updated = got.ID, 1, got.Created, got.Updated
		assertEqual(t, normalizeTimes(got), normalizeTimes(want))
	}
	list, err := s.Rounds()
	if err != nil || len(list) != 3 || list[0].Title != rounds[0].Title {
		t.Fatalf("Rounds: %d, %v", len(list), err)
	}
	// The paper's Table 1 survives the round trip.
	if got := list[0].Table1("en").Strings("en"); got[1][1] != "35" || got[3][6] != "11" {
		t.Errorf("table after storing: %q", got)
	}
	clock.Advance(1e9)
	list[1].Notes = "повторный срез"
	if err := s.SaveRound(&list[1]); err != nil {
		t.Fatal(err)
	}
	var h []model.HistoryEntry
	_ = s.View(func(tx *store.Tx) error { h, err = tx.History(model.EntityRound, list[1].ID); return err })
	if len(h) != 2 || h[1].Action != model.ActionUpdated || len(h[1].Fields) != 1 || h[1].Fields[0] != "notes" {
		t.Errorf("history %+v", h)
	}
}

func testRoundInvalid(t *testing.T, s *store.Store, _ *Clock) {
	r := demo.PaperRound(model.NewDate(2023, 12, 15))
	r.Groups[0].Students = 0
	err := s.SaveRound(&r)
	if v, ok := model.AsValidation(err); !ok || len(v.For("groups[0].students")) != 1 {
		t.Errorf("invalid round saved: %v", err)
	}
	r = demo.PaperRound(model.NewDate(2023, 12, 15))
	r.AgreementIDs = []model.ID{99}
	err = s.SaveRound(&r)
	if v, ok := model.AsValidation(err); !ok || len(v.For("agreement_ids[0]")) != 1 || v[0].Key != "err.agreement_missing" {
		t.Errorf("round with a missing agreement saved: %v", err)
	}
	if list, _ := s.Rounds(); len(list) != 0 || r.ID != 0 {
		t.Errorf("a refused save left %d rounds, id %d", len(list), r.ID)
	}
}

func testRoundStale(t *testing.T, s *store.Store, _ *Clock) {
	r := demo.PaperRound(model.NewDate(2023, 12, 15))
	if err := s.SaveRound(&r); err != nil {
		t.Fatal(err)
	}
	stale := r
	r.Title = "first"
	if err := s.SaveRound(&r); err != nil {
		t.Fatal(err)
	}
	stale.Title = "second"
	if err := s.SaveRound(&stale); !errors.Is(err, store.ErrConflict) {
		t.Errorf("stale save: %v", err)
	}
}

func testRoundDelete(t *testing.T, s *store.Store, _ *Clock) {
	r := demo.PaperRound(model.NewDate(2023, 12, 15))
	if err := s.SaveRound(&r); err != nil {
		t.Fatal(err)
	}
	if err := s.DeleteRound(r.ID); err != nil {
		t.Fatal(err)
	}
	if _, err := s.Round(r.ID); !errors.Is(err, store.ErrNotFound) {
		t.Errorf("deleted round read back: %v", err)
	}
	if err := s.DeleteRound(r.ID); !errors.Is(err, store.ErrNotFound) {
		t.Errorf("second delete: %v", err)
	}
}

func testDiagnosticScale(t *testing.T, s *store.Store, _ *Clock) {
	sc, err := s.DiagnosticScale()
	if err != nil || len(sc.Indicators) != 4 || len(sc.Levels) != 3 {
		t.Fatalf("default scale: %+v, %v", sc, err)
	}
	sc.Levels = append(sc.Levels, model.ScaleItem{Code: "creative", Names: model.Names{RU: "Творческий"}})
	if err := s.SaveDiagnosticScale(sc); err != nil {
		t.Fatal(err)
	}
	got, _ := s.DiagnosticScale()
	assertEqual(t, got, sc)
	sc.Levels[3].Code = "Bad code"
	if err := s.SaveDiagnosticScale(sc); err == nil {
		t.Error("a scale with a bad code was saved")
	}
}
