package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"github.com/partnerdesk/partnerdesk/model/store"
	"github.com/partnerdesk/partnerdesk/model/store/pgtest"
)

// TestServerCommands sets a server up the way IT and the partnership
// office would, moves a department's file in, and checks that partnerctl
// refuses a secretary what her department does not own.
func TestServerCommands(t *testing.T) {
	srv := pgtest.Need(t)
	name := srv.EmptyDB(t)
	admin := srv.AdminURL(name)
	pw := filepath.Join(t.TempDir(), "pw")
	if err := os.WriteFile(pw, []byte(pgtest.Password+"\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	must := func(want string, args ...string) string {
		t.Helper()
		code, out, errOut := ctl(t, args...)
		if code != 0 || !strings.Contains(out, want) {
			t.Fatalf("%v: exit %d, want %q in\n%s%s", args, code, want, out, errOut)
		}
		return out
	}
	refused := func(want string, args ...string) {
		t.Helper()
		code, out, errOut := ctl(t, args...)
		if code != exitFailure || !strings.Contains(errOut, want) {
			t.Fatalf("%v: exit %d, want 1 and %q in\n%s%s", args, code, want, out, errOut)
		}
	}
	must("prepared", "server", "init", admin, "--department", "office", "--department-name", "Офис партнёрства")
	must("up to date", "server", "init", admin)
	p := name + "_"
	must("added", "server", "adduser", p+"office", "--role", "office", "--department", "office", "--password-file", pw, "--db", admin)
	office := srv.URL(name, p+"office")
	must("econ", "server", "departments", "add", "econ", "Экономика", "--db", office)
	must("law", "server", "departments", "add", "law", "Право", "--db", office)
	must("added", "server", "adduser", p+"econ", "--role", "secretary", "--department", "econ", "--password-file", pw, "--db", office)
	must("added", "server", "adduser", p+"law", "--role", "secretary", "--department", "law", "--password-file", pw, "--db", office)
	must("added", "server", "adduser", p+"audit", "--role", "auditor", "--department", "office", "--password-file", pw, "--db", office)
	econ, law, audit := srv.URL(name, p+"econ"), srv.URL(name, p+"law"), srv.URL(name, p+"audit")
	refused("partnership office", "server", "adduser", p+"x", "--role", "office", "--department", "law", "--password-file", pw, "--db", econ)

	file := demoFile(t)
	must("would move", "server", "migrate-from", file, "--department", "econ", "--db", econ, "--dry-run")
	refused("«econ»", "server", "migrate-from", file, "--department", "econ", "--db", law)
	must("moved "+file+": 40 partners, 150 agreements", "server", "migrate-from", file, "--department", "econ", "--db", econ)
	// The same file again, into law: every number is taken (numbers are
	// unique across the university here), so nothing moves; the partners
	// are found by tax ID.
	code, out, errOut := ctl(t, "server", "migrate-from", file, "--department", "law", "--db", law)
	if code != exitFailure || !strings.Contains(out, "150 agreement number(s) already used") || !strings.Contains(out, "39 partner(s) already on the server") || !strings.Contains(errOut, "nothing was moved") {
		t.Fatalf("a clashing move: exit %d\n%s%s", code, out, errOut)
	}
	s, err := store.OpenURL(audit, store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	c, _ := s.Counts()
	sums, _ := s.Summaries()
	s.Close()
	if c.Partners != 40 || c.Agreements != 150 || sums[0].Department != "econ" {
		t.Errorf("after the moves: %+v, department %q", c, sums[0].Department)
	}

	// A secretary of law merging a file that changes economics'
	// agreements: refused whole.
	js := filepath.Join(t.TempDir(), "econ.json")
	must("", "export", "json", "--db", file, "--out", js)
	data, _ := os.ReadFile(js)
	changed := strings.Replace(string(data), `"notes":`, `"notes": "изменено правом",  "x_notes":`, 1)
	if changed == string(data) {
		t.Fatal("no notes to change in the export")
	}
	if err := os.WriteFile(js, []byte(changed), 0o600); err != nil {
		t.Fatal(err)
	}
	refused("partnership office", "merge", js, "--theirs", "--db", law)
	refused("auditor", "merge", js, "--theirs", "--db", audit)

	out = must("OK: 40 partners, 150 agreements", "server", "check", "--db", office)
	if !strings.Contains(out, "data checksums: true") || !strings.Contains(out, "office of department office") {
		t.Errorf("server check:\n%s", out)
	}
	must("OK", "check", "--db", econ)
	list := must("", "list", "agreements", "--db", audit)
	if n := strings.Count(list, "\n"); n < 150 {
		t.Errorf("the auditor's list has %d lines", n)
	}
	refused("pg_dump", "backup", "--db", econ)

	// The register and the printed register show every role the whole
	// university: here, the 150 agreements of economics.
	dir := t.TempDir()
	for _, who := range []string{audit, law} {
		reg, pdf := filepath.Join(dir, "reg.xlsx"), filepath.Join(dir, "reg.pdf")
		must("", "export", "register", "--db", who, "--out", reg, "--today", "28.11.2026")
		f, err := excelize.OpenFile(reg)
		if err != nil {
			t.Fatal(err)
		}
		rows, _ := f.GetRows(f.GetSheetList()[0])
		f.Close()
		numbers := 0
		for _, r := range rows {
			for _, cell := range r {
				if strings.HasPrefix(cell, "СП-") {
					numbers++
					break
				}
			}
		}
		if numbers != 150 {
			t.Errorf("the register exported by %s lists %d agreements, want 150", who, numbers)
		}
		must("", "print", "register", "--db", who, "--out", pdf, "--today", "28.11.2026")
		if st, err := os.Stat(pdf); err != nil || st.Size() < 10_000 {
			t.Errorf("printed register: %v", err)
		}
	}
}
