package pdf

import (
	"bytes"
	"crypto/sha256"
	"io"
	"runtime"
	"sync"
	"testing"

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
	if err := demo.Load(s, d, 0, nil); err != nil {
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
		if err := printAll(ms, runtime.GOMAXPROCS(0), io.Discard); err != nil {
			b.Fatal(err)
		}
	}
}

// printAll prints every memorandum with the given number of workers.
func printAll(ms []MemoData, workers int, w io.Writer) error {
	var wg sync.WaitGroup
	errs := make(chan error, workers)
	next := make(chan int)
	for range workers {
		wg.Go(func() {
			var b bytes.Buffer
			for i := range next {
				b.Reset()
				if err := Memorandum(&b, &ms[i], opts("ru", "")); err != nil {
					errs <- err
					return
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
	if err := printAll(ms, 4, io.Discard); err != nil {
		t.Fatal(err)
	}
	if sha256.Sum256(assets.FontRegular) != before {
		t.Error("printing changed assets.FontRegular")
	}
}
