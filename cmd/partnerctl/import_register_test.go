package main

import (
	"path/filepath"
	"strings"
	"testing"
)

// A register kept by hand with a bad BIN, a repeated number and no
// category column: the dry run names both problems by cell, says what
// it would infer for each partner, writes nothing and exits 1; with
// --default category=educational nothing is inferred; an unknown default
// is a usage error.
func TestImportRegisterDryRun(t *testing.T) {
	db := filepath.Join(t.TempDir(), "d.db")
	reg := filepath.Join("..", "..", "reports", "excel", "testdata", "corpus", "ru_college_dual.xlsx")
	if code, _, e := ctl(t, "init", "--db", db); code != 0 {
		t.Fatal(e)
	}
	code, out, errOut := ctl(t, "import", "register", reg, "--dry-run", "--default", "category=auto", "--db", db)
	if code != 1 {
		t.Fatalf("exit %d, want 1\n%s%s", code, out, errOut)
	}
	for _, want := range []string{
		"problem: Реестр!C7 (БИН): The BIN's check digit is wrong",
		"problem: Реестр!D9 (№ договора) «ДО-02/25»: The agreement number appears twice in the file (also at Реестр!D6 (№ договора))",
		"warning: Реестр!B5 (Наименование предприятия): The category of «ТОО «Казцинк»» was inferred from «тоо»: Professional community",
		"warning: Реестр!B10 (Наименование предприятия): The category of «ГККП «Ясли-сад № 12»» was inferred from «ясли»: Educational community",
		"nothing was imported",
	} {
		if !strings.Contains(errOut, want) {
			t.Errorf("missing %q in\n%s", want, errOut)
		}
	}
	if !strings.Contains(out, "agreements: 4 added, 2 skipped for problems") || !strings.Contains(out, "new partner: Реестр!B10 (Наименование предприятия) «ГККП «Ясли-сад № 12»»") {
		t.Errorf("plan: %s", out)
	}
	if got := fingerprint(t, db); !strings.HasPrefix(got, "0/0/") {
		t.Errorf("the dry run wrote: %s", got)
	}
	_, _, errOut = ctl(t, "import", "register", reg, "--dry-run", "--default", "category=educational", "--db", db)
	if strings.Contains(errOut, "was inferred") {
		t.Errorf("a chosen category is not inferred:\n%s", errOut)
	}
	if code, _, errOut := ctl(t, "import", "register", reg, "--default", "category=spaceship", "--db", db); code != 2 || !strings.Contains(errOut, "category=spaceship") {
		t.Errorf("unknown default: exit %d\n%s", code, errOut)
	}
}
