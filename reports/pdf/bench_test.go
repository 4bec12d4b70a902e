package pdf

import (
	"bytes"
	"crypto/sha256"
	"runtime"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/partnerdesk/partnerdesk/assets"
	"github.com/partnerdesk/partnerdesk/model/demo"
	"github.com/partnerdesk/partnerdesk/model/store"
)

// Run with: go test -run '^$' -bench . -benchmem ./reports/pdf
// Figures are in BENCHMARKS.md, section "PDF memoranda".

// counter counts the bytes written to it.
type counter int64

func (c *counter) Write(p []byte) (int, error) { *c += counter(len(p)); return len(p), nil }

// BenchmarkFonts is the cost of a new document with the two fonts parsed:
// gofpdf cannot share parsed fonts between documents, so every PDF pays
// it.
func BenchmarkFonts(b *testing.B) {
	o, _ := opts("ru", "").check()
	for b.Loop() {
		newDoc(o, portrait)
	}
}

// BenchmarkMemorandum prints one memorandum (the fixture's full agreement,
// three parties, three pages), fonts included.
func BenchmarkMemorandum(b *testing.B) {
	for _, layout := range []string{"", "kk+ru"} {
		name := layout
		if name == "" {
			name = "ru"
		}
		b.Run(name, func(b *testing.B) {
			d := memoData(b, fullNumber)
			var n counter
			for b.Loop() {
				n = 0
				if err := Memorandum(&n, &d, opts("ru", layout)); err != nil {
					b.Fatal(err)
				}
			}
			b.ReportMetric(float64(n), "bytes/file")
		})
	}
}

// BenchmarkMemorandumAfterFonts is BenchmarkMemorandum with the timer
// stopped while the fonts are parsed: layout, drawing, font subsetting
// and compression only.
func BenchmarkMemorandumAfterFonts(b *testing.B) {
	d := memoData(b, fullNumber)
	o, _ := opts("ru", "").check()
	var n counter
	for i := 0; i < b.N; i++ {
		b.StopTimer()
		dc := newDoc(o, portrait)
		n = 0
		b.StartTimer()
		if err := writeMemo(&n, dc, &d); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(n), "bytes/file")
}

// batch is the memoranda of 1,000 demo agreements, loaded once.
var batch = sync.OnceValues(func() ([]MemoData, error) {
	s := store.OpenMemory(store.Options{})
	d := demo.Generate(demo.Options{Seed: 11, Partners: 200, Agreements: 1000, Today: testToday})
	if err := s.AddNew(d, 0, nil); err != nil {
		return nil, err
	}
	var out []MemoData
	err := s.View(func(tx *store.Tx) error {
		sums, err := tx.Summaries()
		if err != nil {
			return err
		}
		for _, sm := range sums {
			m, err := LoadMemoByID(tx, sm.ID)
			if err != nil {
				return err
			}
			out = append(out, m)
		}
		return nil
	})
	return out, err
})

// BenchmarkBatch1000 prints the memoranda of 1,000 different demo
// agreements one after another (an op is the whole batch), in memory.
func BenchmarkBatch1000(b *testing.B) {
	ms := mustBatch(b)
	var n counter
	for b.Loop() {
		n = 0
		for i := range ms {
			if err := Memorandum(&n, &ms[i], opts("ru", "")); err != nil {
				b.Fatal(err)
			}
		}
	}
	b.ReportMetric(float64(n)/float64(len(ms)), "bytes/file")
}

// BenchmarkBatch1000Parallel is BenchmarkBatch1000 on every CPU.
func BenchmarkBatch1000Parallel(b *testing.B) {
	ms := mustBatch(b)
	for b.Loop() {
		if err := printAll(ms, runtime.GOMAXPROCS(0), opts("ru", "")); err != nil {
			b.Fatal(err)
		}
	}
}

// printAll prints every memorandum with the given number of workers and
// options and
// returns the first error. A worker that fails goes on taking (and
// skipping) work, so the feeding loop never blocks, even when every
// worker fails.
func printAll(ms []MemoData, workers int, o Options) error {
	var wg sync.WaitGroup
	errs := make(chan error, len(ms))
	next := make(chan int)
	for range workers {
		wg.Go(func() {
			var b bytes.Buffer
			failed := false
			for i := range next {
				if failed {
					continue
				}
				b.Reset()
				if err := Memorandum(&b, &ms[i], o); err != nil {
					errs <- err
					failed = true
				}
			}
		})
	}
	for i := range ms {
		next <- i
	}
	close(next)
	wg.Wait()
	close(errs)
	return <-errs
}

// printAllWithin is printAll for tests: it fails the test when printing
// takes longer than d instead of hanging it.
func printAllWithin(t *testing.T, d time.Duration, ms []MemoData, workers int, o Options) error {
	t.Helper()
	done := make(chan error, 1)
	go func() { done <- printAll(ms, workers, o) }()
	select {
	case err := <-done:
		return err
	case <-time.After(d):
		t.Fatalf("printing %d memoranda with %d workers still running after %v", len(ms), workers, d)
		return nil
	}
}

func mustBatch(b *testing.B) []MemoData {
	ms, err := batch()
	if err != nil {
		b.Fatal(err)
	}
	if len(ms) != 1000 {
		b.Fatalf("%d agreements", len(ms))
	}
	return ms
}

// Documents printed at the same time do not interfere (run with -race),
// and printing leaves the shipped font bytes, which the GUI draws with,
// untouched.
func TestParallel(t *testing.T) {
	before := sha256.Sum256(assets.FontRegular)
	ms := []MemoData{memoData(t, fullNumber), memoData(t, longNumber), memoData(t, fullNumber), memoData(t, longNumber)}
	if err := printAllWithin(t, 2*time.Minute, ms, 4, opts("ru", "")); err != nil {
		t.Fatal(err)
	}
	if sha256.Sum256(assets.FontRegular) != before {
		t.Error("printing changed assets.FontRegular")
	}
}

// When every worker fails, printAll reports the failure instead of
// hanging with work left to hand out.
func TestParallelAllFail(t *testing.T) {
	m := memoData(t, fullNumber)
	ms := []MemoData{m, m, m, m, m, m, m, m}
	if err := printAllWithin(t, 2*time.Minute, ms, 2, opts("xx", "")); err == nil || !strings.Contains(err.Error(), "unknown language") {
		t.Fatalf("printing in an unknown language: %v", err)
	}
}
