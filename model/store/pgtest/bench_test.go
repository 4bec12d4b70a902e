package pgtest_test

import (
	"testing"

	"github.com/partnerdesk/partnerdesk/model/store"
	"github.com/partnerdesk/partnerdesk/model/store/pgtest"
	"github.com/partnerdesk/partnerdesk/model/store/storetest"
)

// BenchmarkServerSave is one client saving one agreement over and over
// on the loopback server: a save's round trips without contention.
func BenchmarkServerSave(b *testing.B) {
	db := pgtest.Need(b).NewDB(b, store.NumbersPerUniversity)
	s := db.Open(b, "office", store.Options{})
	p := storetest.FullPartner("Партнёр", storetest.BIN1)
	if err := s.SavePartner(&p); err != nil {
		b.Fatal(err)
	}
	a := storetest.FullAgreement("СП-2026/001", p.ID)
	if err := s.SaveAgreement(&a); err != nil {
		b.Fatal(err)
	}
	b.ResetTimer()
	for i := range b.N {
		a.Notes = "правка " + string(rune('а'+i%32))
		if err := s.SaveAgreement(&a); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkFileSave is the same on a bbolt file, for comparison.
func BenchmarkFileSave(b *testing.B) {
	s, err := store.Open(b.TempDir()+"/f.db", store.Options{})
	if err != nil {
		b.Fatal(err)
	}
	defer s.Close()
	p := storetest.FullPartner("Партнёр", storetest.BIN1)
	if err := s.SavePartner(&p); err != nil {
		b.Fatal(err)
	}
	a := storetest.FullAgreement("СП-2026/001", p.ID)
	if err := s.SaveAgreement(&a); err != nil {
		b.Fatal(err)
	}
	b.ResetTimer()
	for i := range b.N {
		a.Notes = "правка " + string(rune('а'+i%32))
		if err := s.SaveAgreement(&a); err != nil {
			b.Fatal(err)
		}
	}
}
