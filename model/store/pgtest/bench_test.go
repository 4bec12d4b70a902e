package pgtest_test

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/partnerdesk/partnerdesk/model/demo"
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

// BenchmarkServerSaveCopy writes the last copy of a server holding 1,000
// partners and 5,000 agreements (the app does it after loading and at
// most every few minutes after changes, off the interface's goroutine).
func BenchmarkServerSaveCopy(b *testing.B) {
	db := pgtest.Need(b).NewDB(b, store.NumbersPerUniversity)
	s := db.Open(b, "office", store.Options{})
	d := demo.Generate(demo.Options{Seed: 5, Partners: 1000, Agreements: 5000, Today: storetest.BenchToday})
	if err := s.AddNew(d, 2000, nil); err != nil {
		b.Fatal(err)
	}
	path := filepath.Join(b.TempDir(), "copy.db")
	b.ResetTimer()
	for range b.N {
		if err := s.SaveCopy(path); err != nil {
			b.Fatal(err)
		}
	}
	b.StopTimer()
	if fi, err := os.Stat(path); err == nil {
		b.ReportMetric(float64(fi.Size())/(1<<20), "MiB")
	}
}
