package store_test

import (
	"testing"

	"github.com/partnerdesk/partnerdesk/model/demo"
	"github.com/partnerdesk/partnerdesk/model/store"
	"github.com/partnerdesk/partnerdesk/model/store/storetest"
)

// BenchmarkMemorySaveAgreement saves one edited agreement into an
// in-memory store holding 500 partners and 2,000 agreements (larger than
// any user interface test's data): what copy-on-write costs a save.
func BenchmarkMemorySaveAgreement(b *testing.B) {
	s := store.OpenMemory(store.Options{})
	d := demo.Generate(demo.Options{Seed: 1, Partners: 500, Agreements: 2000, Today: storetest.BenchToday})
	if err := s.AddNew(d, 500, nil); err != nil {
		b.Fatal(err)
	}
	a, err := s.AgreementByNumber(d.Agreements[100].Number)
	if err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	i := 0
	for b.Loop() {
		i++
		a.Notes = "правка " + string(rune('а'+i%32))
		if err := s.SaveAgreement(&a); err != nil {
			b.Fatal(err)
		}
	}
}
