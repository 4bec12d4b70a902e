package snapshot

import (
	"path/filepath"
	"testing"
	"time"

	"github.com/partnerdesk/partnerdesk/model"
	"github.com/partnerdesk/partnerdesk/model/demo"
	"github.com/partnerdesk/partnerdesk/model/store"
	"github.com/partnerdesk/partnerdesk/model/store/storetest"
)

// Today is the day tests take as today.
var Today = model.MustDate("28.11.2026")

// StoreOptions returns store options with a clock fixed at noon of Today.
func StoreOptions() store.Options {
	return store.Options{Now: func() time.Time { return time.Date(2026, 11, 28, 12, 0, 0, 0, time.UTC) }, User: "test"}
}

// Fill loads demo data (with the given seed and sizes, dated around
// Today) into the empty store s, plus one partner and one tripartite
// agreement with every field set (storetest.FullPartner, FullAgreement)
// and an attachment, and two partners of the same name without tax IDs,
// each with an agreement.
func Fill(s *store.Store, seed uint64, partners, agreements int) error {
	d := demo.Generate(demo.Options{Seed: seed, Partners: partners, Agreements: agreements, Today: Today})
	if err := s.AddNew(d, 5000, nil); err != nil {
		return err
	}
	return s.Update(func(tx *store.Tx) error {
		p1 := storetest.FullPartner("АО «Қазақстан темір жолы»", storetest.BIN1)
		if err := tx.SavePartner(&p1); err != nil {
			return err
		}
		p2 := storetest.FullPartner("ОсОО «Ала-Тоо Курулуш»", "01234567890123")
		p2.Country, p2.Region, p2.City, p2.Category, p2.SubKind = "KG", "Бишкек", "Бишкек", model.CategoryPublic, model.SubCharityFund
		p2.Names, p2.Contacts, p2.Tags, p2.Relation = model.Names{}, nil, nil, model.RelationPotential
		if err := tx.SavePartner(&p2); err != nil {
			return err
		}
		for i := range 2 { // two partners of one name, without tax IDs
			twin := model.Partner{Name: "Twin Consulting GmbH", Country: "DE", Category: model.CategoryProfessional, Relation: model.RelationReal, Notes: "twin " + string(rune('A'+i))}
			if err := tx.SavePartner(&twin); err != nil {
				return err
			}
			ta := storetest.FullAgreement("TWIN-"+string(rune('A'+i)), twin.ID)
			if err := tx.SaveAgreement(&ta); err != nil {
				return err
			}
		}
		a := storetest.FullAgreement("ТЕСТ-2025/001", p1.ID, p2.ID)
		a.Responsibilities[1].Party = model.PartnerParty(p2.ID)
		if err := tx.SaveAgreement(&a); err != nil {
			return err
		}
		_, err := tx.AddAttachment(a.ID, "скан.pdf", "application/pdf", []byte("%PDF-1.4 test"))
		return err
	})
}

// Filled returns a data file in a temporary folder of tb, opened with
// StoreOptions and holding Fill's data (seed 7); it is closed when the
// test ends.
func Filled(tb testing.TB, partners, agreements int) *store.Store {
	tb.Helper()
	s, err := store.Open(filepath.Join(tb.TempDir(), "data.db"), StoreOptions())
	if err != nil {
		tb.Fatal(err)
	}
	tb.Cleanup(func() { s.Close() })
	if err := Fill(s, 7, partners, agreements); err != nil {
		tb.Fatal(err)
	}
	return s
}
