package store_test

import (
	"path/filepath"
	"testing"

	"github.com/partnerdesk/partnerdesk/model"
	"github.com/partnerdesk/partnerdesk/model/store"
	"github.com/partnerdesk/partnerdesk/model/store/storetest"
)

// The texts per document language survive a save, a close and a reopen
// of a real data file, and old records (every fixture, see
// TestFixturesMigrateWithEveryRecord) read with none.
func TestDocTextsStored(t *testing.T) {
	path := filepath.Join(t.TempDir(), "partnerdesk.db")
	s, err := store.Open(path, store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	p := storetest.FullPartner("ТОО «Ак Бидай»", storetest.BIN1)
	if err := s.SavePartner(&p); err != nil {
		t.Fatal(err)
	}
	a := storetest.FullAgreement("СП-2026/001", p.ID)
	a.Texts = map[string]model.DocText{"kk": {Title: "Меморандум (қаз.)", Subject: "Тәжірибе", Place: "Астана қаласы"}}
	a.Responsibilities[0].Descriptions = map[string]string{"kk": "Студенттерді практикаға жіберу"}
	if err := s.SaveAgreement(&a); err != nil {
		t.Fatal(err)
	}
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	s, err = store.Open(path, store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	got, err := s.Agreement(a.ID)
	if err != nil {
		t.Fatal(err)
	}
	if got.Texts["kk"] != a.Texts["kk"] || got.Responsibilities[0].Descriptions["kk"] != "Студенттерді практикаға жіберу" {
		t.Errorf("read back %+v / %+v", got.Texts, got.Responsibilities[0].Descriptions)
	}
	if err := s.Check(); err != nil {
		t.Error(err)
	}
}
