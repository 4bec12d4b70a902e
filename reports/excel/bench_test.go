package excel

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"strconv"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"

	"github.com/partnerdesk/partnerdesk/model"
	"github.com/partnerdesk/partnerdesk/model/demo"
	"github.com/partnerdesk/partnerdesk/model/store"
	"github.com/partnerdesk/partnerdesk/reports/internal/snapshot"
)

// benchAgreements is the size of the benchmark data set.
const benchAgreements = 50_000

// benchStore opens (creating it once, in the system's temporary folder,
// outside the source tree) a data file with 50,000 demo agreements.
func benchStore(b *testing.B) *store.Store {
	b.Helper()
	dir := filepath.Join(os.TempDir(), "partnerdesk-bench")
	path := filepath.Join(dir, fmt.Sprintf("demo-%d-seed1.db", benchAgreements))
	if _, err := os.Stat(path); err != nil {
		if err := os.MkdirAll(dir, 0o700); err != nil {
			b.Fatal(err)
		}
		tmp := path + ".tmp"
		os.Remove(tmp)
		s, err := store.Open(tmp, snapshot.StoreOptions())
		if err != nil {
			b.Fatal(err)
		}
		d := demo.Generate(demo.Options{Seed: 1, Partners: 2000, Agreements: benchAgreements, Today: snapshot.Today})
		if err := s.AddNew(d, 5000, nil); err != nil {
			b.Fatal(err)
		}
		s.Close()
		if err := os.Rename(tmp, path); err != nil {
			b.Fatal(err)
		}
	}
	s, err := store.Open(path, store.Options{ReadOnly: true})
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { s.Close() })
	return s
}

// countingWriter counts and discards.
type countingWriter struct{ n int64 }

func (w *countingWriter) Write(p []byte) (int, error) { w.n += int64(len(p)); return len(p), nil }

// BenchmarkExportRegister writes the register of 50,000 agreements (with
// their responsibilities, principles, indicators, coordinators, resources,
// 2,000 partners and their contacts) to a discarding writer.
func BenchmarkExportRegister(b *testing.B) {
	s := benchStore(b)
	var size int64
	for b.Loop() {
		w := &countingWriter{}
		if err := ExportRegister(context.Background(), s, w, Options{Today: snapshot.Today}); err != nil {
			b.Fatal(err)
		}
		size = w.n
	}
	b.ReportMetric(float64(size)/(1<<20), "MiB/file")
}

// sheetShape is how many rows of how many columns a sheet of the register
// of the benchmark data has.
type sheetShape struct{ rows, cols int }

// registerShape counts the rows each sheet of the register gets.
func registerShape(b *testing.B, s *store.Store) []sheetShape {
	b.Helper()
	rows := map[SheetKind]int{}
	err := s.View(func(tx *store.Tx) error {
		ps, err := tx.Partners()
		for _, p := range ps {
			rows[SheetPartners]++
			rows[SheetContacts] += len(p.Contacts)
		}
		if err != nil {
			return err
		}
		return tx.ForEachAgreement(func(a *model.Agreement) error {
			rows[SheetAgreements]++
			rows[SheetPrinciples]++
			rows[SheetResponsibilities] += len(a.Responsibilities)
			rows[SheetIndicators] += len(a.Outcomes)
			rows[SheetCoordinators] += len(a.Coordinators)
			rows[SheetResources] += len(a.Resources)
			return nil
		})
	})
	if err != nil {
		b.Fatal(err)
	}
	var out []sheetShape
	for _, k := range SheetKinds {
		if k != SheetSummary {
			out = append(out, sheetShape{rows[k] + 1, len(Fields(k))})
		}
	}
	return out
}

// BenchmarkBareStreamWriter writes the same number of cells, sheet by
// sheet, with a bare excelize StreamWriter: short text and numbers, no
// styles, no data file. The difference to BenchmarkExportRegister is what
// reading the data file, formatting and styling cost.
func BenchmarkBareStreamWriter(b *testing.B) {
	shape := registerShape(b, benchStore(b))
	cells := 0
	for _, sh := range shape {
		cells += sh.rows * sh.cols
	}
	var size int64
	for b.Loop() {
		size = bareRegister(b, shape)
	}
	b.ReportMetric(float64(cells), "cells")
	b.ReportMetric(float64(size)/(1<<20), "MiB/file")
}

// bareRegister writes sheets of the given shape with a bare StreamWriter
// and returns the file's size.
func bareRegister(b *testing.B, shape []sheetShape) int64 {
	f := excelize.NewFile()
	defer f.Close()
	for i, sh := range shape {
		name := "S" + strconv.Itoa(i)
		if _, err := f.NewSheet(name); err != nil {
			b.Fatal(err)
		}
		sw, err := f.NewStreamWriter(name)
		if err != nil {
			b.Fatal(err)
		}
		row := make([]any, sh.cols)
		for r := 1; r <= sh.rows; r++ {
			for c := range row {
				if c%3 == 2 {
					row[c] = r
				} else {
					row[c] = "СП-2026/001 значение"
				}
			}
			cell, _ := excelize.CoordinatesToCellName(1, r)
			if err := sw.SetRow(cell, row); err != nil {
				b.Fatal(err)
			}
		}
		if err := sw.Flush(); err != nil {
			b.Fatal(err)
		}
	}
	w := &countingWriter{}
	if err := f.Write(w); err != nil {
		b.Fatal(err)
	}
	return w.n
}

// BenchmarkRegisterAgainstBare interleaves the two: each iteration writes
// the bare StreamWriter's workbook, then the register, and reports the
// ratios of their times and allocations within the iteration, which a
// shared, noisy machine leaves comparable.
func BenchmarkRegisterAgainstBare(b *testing.B) {
	s := benchStore(b)
	shape := registerShape(b, s)
	var timeRatio, cpuRatio, byteRatio, allocRatio, bare, ours float64
	var size, bareSize int64
	n := 0
	var cpu time.Duration
	measure := func(f func()) (time.Duration, uint64, uint64) {
		runtime.GC()
		var m0, m1 runtime.MemStats
		runtime.ReadMemStats(&m0)
		c0 := cpuTime()
		start := time.Now()
		f()
		d := time.Since(start)
		cpu = cpuTime() - c0
		runtime.ReadMemStats(&m1)
		return d, m1.TotalAlloc - m0.TotalAlloc, m1.Mallocs - m0.Mallocs
	}
	for b.Loop() {
		bt, bb, ba := measure(func() { bareSize = bareRegister(b, shape) })
		bc := cpu
		ot, ob, oa := measure(func() {
			w := &countingWriter{}
			if err := ExportRegister(context.Background(), s, w, Options{Today: snapshot.Today}); err != nil {
				b.Fatal(err)
			}
			size = w.n
		})
		n++
		oc := cpu
		timeRatio += ot.Seconds() / bt.Seconds()
		cpuRatio += oc.Seconds() / bc.Seconds()
		byteRatio += float64(ob) / float64(bb)
		allocRatio += float64(oa) / float64(ba)
		bare += bt.Seconds()
		ours += ot.Seconds()
		b.Logf("bare %.2f s (CPU %.2f s) %d MB %d allocs; register %.2f s (CPU %.2f s) %d MB %d allocs; ratio %.2f (CPU %.2f)",
			bt.Seconds(), bc.Seconds(), bb>>20, ba, ot.Seconds(), oc.Seconds(), ob>>20, oa, ot.Seconds()/bt.Seconds(), oc.Seconds()/bc.Seconds())
	}
	b.ReportMetric(timeRatio/float64(n), "time-ratio")
	b.ReportMetric(cpuRatio/float64(n), "cpu-ratio")
	b.ReportMetric(byteRatio/float64(n), "bytes-ratio")
	b.ReportMetric(allocRatio/float64(n), "allocs-ratio")
	b.ReportMetric(bare/float64(n), "bare-s")
	b.ReportMetric(ours/float64(n), "register-s")
	b.ReportMetric(float64(size)/(1<<20), "MiB/file")
	b.ReportMetric(float64(bareSize)/(1<<20), "MiB/bare-file")
}

// BenchmarkRefuseBomb opens the zip bomb of testdata (a 200 MiB sheet in
// a 200 KiB file), which is refused from the sizes its zip headers
// declare.
func BenchmarkRefuseBomb(b *testing.B) {
	for b.Loop() {
		if wb, err := OpenWorkbookFile(filepath.Join("testdata", "bomb.xlsx"), DefaultLimits()); err == nil {
			wb.Close()
			b.Fatal("opened")
		}
	}
}
