package catalog_test

import (
	"runtime"
	"testing"

	"github.com/partnerdesk/partnerdesk/model/catalog"
	"github.com/partnerdesk/partnerdesk/model/store"
	"github.com/partnerdesk/partnerdesk/model/store/storetest"
)

// BenchmarkOpenAndBuildLists is what the app does on start with the
// 10,000-partner, 50,000-agreement file: open it, read the institution,
// the partners and the summaries, and build the catalog (sorted by number
// for the first list). It reports the live heap afterwards.
func BenchmarkOpenAndBuildLists(b *testing.B) {
	path := storetest.BenchFile(b, 10000, 50000)
	b.ReportAllocs()
	var heap uint64
	for b.Loop() {
		s, err := store.Open(path, store.Options{ReadOnly: true})
		if err != nil {
			b.Fatal(err)
		}
		in, ps, sums, err := s.ListData()
		if err != nil {
			b.Fatal(err)
		}
		c := catalog.New(ps, sums, storetest.BenchToday, in.Warning())
		c.Agreements(catalog.AgreementQuery{})
		b.StopTimer()
		runtime.GC()
		var m runtime.MemStats
		runtime.ReadMemStats(&m)
		heap = m.HeapAlloc
		runtime.KeepAlive(c)
		s.Close()
		b.StartTimer()
	}
	b.ReportMetric(float64(heap)/(1<<20), "MiB-live-heap")
}
