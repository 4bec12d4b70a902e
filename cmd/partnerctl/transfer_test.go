package main

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/partnerdesk/partnerdesk/model/store"
)

// fingerprint is what an import may change in a data file.
func fingerprint(t *testing.T, path string) string {
	t.Helper()
	s, err := store.Open(path, store.Options{ReadOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	c, err := s.Counts()
	if err != nil {
		t.Fatal(err)
	}
	return fmt.Sprintf("%d/%d/%d", c.Partners, c.Agreements, c.History)
}

// Export a demo file as a register and as JSON, import both into new
// files, merge one into the other: every step reports and exits 0.
func TestExportImportMerge(t *testing.T) {
	dir := t.TempDir()
	a, b, c := filepath.Join(dir, "a.db"), filepath.Join(dir, "b.db"), filepath.Join(dir, "c.db")
	reg, js := filepath.Join(dir, "reg.xlsx"), filepath.Join(dir, "all.json")
	if code, _, e := ctl(t, "demo", "--db", a, "--partners", "20", "--agreements", "60", "--today", "01.06.2026"); code != 0 {
		t.Fatal(e)
	}
	steps := [][]string{
		{"export", "register", "--db", a, "--out", reg, "--today", "01.06.2026", "--lang", "kk"},
		{"export", "json", "--db", a, "--out", js},
		{"import", "register", reg, "--db", b, "--dry-run"},
		{"import", "register", reg, "--db", b},
		{"import", "json", js, "--db", c},
		{"merge", js, "--db", b},
		{"merge", reg, "--db", c, "--dry-run"},
	}
	for _, args := range steps {
		code, out, errOut := ctl(t, args...)
		if code != 0 {
			t.Fatalf("%v: exit %d\n%s%s", args, code, out, errOut)
		}
		t.Logf("%v:\n%s", args, out)
	}
	// The register is a document to hand on; the JSON holds the whole
	// data set, contacts included, and is kept private like the data file.
	for f, mode := range map[string]os.FileMode{reg: 0o644, js: 0o600} {
		if st, err := os.Stat(f); err != nil || st.Mode().Perm() != mode {
			t.Errorf("%s: %v %v, want mode %o", f, st, err, mode)
		}
	}
	if got, want := fingerprint(t, b), "20/60/"; !strings.HasPrefix(got, want) {
		t.Errorf("b: %s, want %s…", got, want)
	}
	if got, want := fingerprint(t, c), "20/60/"; !strings.HasPrefix(got, want) {
		t.Errorf("c: %s, want %s…", got, want)
	}
}

// A register with problems is refused as a whole: exit 1, every problem
// listed with its cell, the data file unchanged; --skip-invalid imports
// the valid rows (four: partners without a category get one inferred
// from their names).
func TestImportRefusesProblems(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "d.db")
	if code, _, e := ctl(t, "init", "--db", db); code != 0 {
		t.Fatal(e)
	}
	messy := filepath.Join("..", "..", "reports", "excel", "testdata", "messy.xlsx")
	before := fingerprint(t, db)
	code, _, errOut := ctl(t, "import", "register", messy, "--db", db)
	if code != exitFailure || !strings.Contains(errOut, "Лист1!C7 (БИН)") || !strings.Contains(errOut, "nothing was imported") {
		t.Errorf("exit %d:\n%s", code, errOut)
	}
	if after := fingerprint(t, db); after != before {
		t.Errorf("a refused import changed the file: %s → %s", before, after)
	}
	if code, out, errOut := ctl(t, "import", "register", messy, "--db", db, "--skip-invalid"); code != 0 || !strings.Contains(out, "agreements: 4 added") {
		t.Errorf("--skip-invalid: exit %d\n%s%s", code, out, errOut)
	}
	bomb := filepath.Join("..", "..", "reports", "excel", "testdata", "bomb.xlsx")
	if code, _, errOut := ctl(t, "import", "register", bomb, "--db", db); code != exitFailure || !strings.Contains(errOut, "unpacks to more than") {
		t.Errorf("zip bomb: exit %d %s", code, errOut)
	}
}

func TestTransferUsage(t *testing.T) {
	for _, args := range [][]string{
		{"export", "register"}, {"export", "pdf", "--out", "x"}, {"export", "register", "--out", "x", "--lang", "de"},
		{"export", "register", "--out", "x", "--status", "sleeping"}, {"export", "register", "--out", "x", "--from", "31.02.2025"},
		{"import", "register"}, {"merge"},
	} {
		if code, _, _ := ctl(t, args...); code != exitUsage {
			t.Errorf("%v: exit %d, want %d", args, code, exitUsage)
		}
	}
}
