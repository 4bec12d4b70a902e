package excel

import (
	"errors"
	"path/filepath"
	"testing"
	"time"

	"github.com/partnerdesk/partnerdesk/model/store"
	"github.com/partnerdesk/partnerdesk/reports/interchange"
	"github.com/partnerdesk/partnerdesk/reports/internal/snapshot"
)

// Hostile and broken files are refused with a clear message, before they
// are unpacked into memory.
func TestOpenRefusesHostileFiles(t *testing.T) {
	for _, tc := range []struct{ file, key string }{
		{"bomb.xlsx", "xlsx.err.part_too_big"},
		{"bomb_lying.xlsx", "xlsx.err.damaged"},
		{"sst_huge.xlsx", "xlsx.err.part_too_big"},
		{"malformed.xlsx", "xlsx.err.damaged"},
		{"bad_utf8.xlsx", "xlsx.err.damaged"},
		{"wide.xlsx", "xlsx.err.too_many_cells"},
		{"not_xlsx.xlsx", "xlsx.err.not_xlsx"},
		{"old.xls", "xlsx.err.old_or_encrypted"},
	} {
		t.Run(tc.file, func(t *testing.T) {
			start := time.Now()
			wb, err := OpenWorkbookFile(filepath.Join("testdata", tc.file), DefaultLimits())
			took := time.Since(start)
			if err == nil {
				wb.Close()
				t.Fatal("opened")
			}
			var p interchange.Problem
			if !errors.As(err, &p) || p.Key != tc.key {
				t.Fatalf("error %v, want %s", err, tc.key)
			}
			t.Logf("refused in %v: %s / %s", took.Round(time.Millisecond), p.Error(), p.Text("ru"))
		})
	}
}

// Limits are checked against what the file claims before anything is
// unpacked: a small limit refuses a normal register too.
func TestOpenLimits(t *testing.T) {
	s := snapshot.Filled(t, 5, 20)
	path := export(t, s, Options{})
	for _, lim := range []Limits{
		{File: 1000, Unzip: 1 << 30, Part: 1 << 30, Parts: 100, Cells: 1 << 30, Rows: 1 << 20},
		{File: 1 << 30, Unzip: 50000, Part: 1 << 30, Parts: 100, Cells: 1 << 30, Rows: 1 << 20},
		{File: 1 << 30, Unzip: 1 << 30, Part: 1 << 30, Parts: 5, Cells: 1 << 30, Rows: 1 << 20},
		{File: 1 << 30, Unzip: 1 << 30, Part: 1 << 30, Parts: 100, Cells: 50, Rows: 1 << 20},
	} {
		if wb, err := OpenWorkbookFile(path, lim); err == nil {
			wb.Close()
			t.Errorf("limits %+v: opened", lim)
		}
	}
	wb, err := OpenWorkbookFile(path, Limits{File: 1 << 30, Unzip: 1 << 30, Part: 1 << 30, Parts: 100, Cells: 1 << 30, Rows: 3})
	if err != nil {
		t.Fatal(err)
	}
	defer wb.Close()
	var p interchange.Problem
	if _, err := wb.GuessMapping(SheetAgreements.Name("ru"), ""); !errors.As(err, &p) || p.Key != "xlsx.err.too_many_rows" {
		t.Errorf("read more rows than the limit: %v", err)
	}
}

// A shared strings table that claims two billion strings, and a cell that
// points far into it, give an agreement without a number: a problem, not a
// hang, and nothing is imported.
func TestSharedStringsClaim(t *testing.T) {
	wb, err := OpenWorkbookFile(filepath.Join("testdata", "sst_count.xlsx"), DefaultLimits())
	if err != nil {
		t.Fatal(err)
	}
	defer wb.Close()
	d, err := wb.Read(t.Context(), wb.GuessMappings(), nil)
	if err != nil {
		t.Fatal(err)
	}
	s := store.OpenMemory(snapshot.StoreOptions())
	plan, err := interchange.PlanImport(t.Context(), s, d, nil)
	if err != nil {
		t.Fatal(err)
	}
	if plan.Errors() == 0 || plan.AgreementCounts().Add != 0 {
		t.Errorf("plan %+v, problems %v", plan.AgreementCounts(), plan.Problems)
	}
}
