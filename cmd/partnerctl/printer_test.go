package main

import (
	"bytes"
	"github.com/partnerdesk/partnerdesk/reports/pdf/pdftest"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/partnerdesk/partnerdesk/reports/printing"
	"github.com/partnerdesk/partnerdesk/reports/printing/printtest"
)

// useFake makes print --printer send to a fake printer for the test.
func useFake(t *testing.T, f *printtest.Fake) {
	t.Helper()
	old := systemPrinter
	systemPrinter = func() printing.Printer { return f }
	t.Cleanup(func() { systemPrinter = old })
}

// printDB is a small demo file and the number of its first agreement.
func printDB(t *testing.T) (db, number string) {
	t.Helper()
	db = filepath.Join(t.TempDir(), "demo.db")
	if code, _, errOut := ctl(t, "demo", "--db", db, "--seed", "3", "--partners", "10", "--agreements", "10", "--today", "28.11.2026"); code != exitOK {
		t.Fatalf("demo: %d %s", code, errOut)
	}
	_, list, _ := ctl(t, "list", "agreements", "--db", db, "--today", "28.11.2026")
	number, _, _ = strings.Cut(list, "\t")
	return db, number
}

// A bare --printer prints a temporary PDF on the default printer and
// removes it; --printer=NAME with --out prints the file it writes.
func TestPrintToPrinter(t *testing.T) {
	db, number := printDB(t)
	fake := printtest.New("Office", "Dean")
	useFake(t, fake)

	code, out, errOut := ctl(t, "print", "memorandum", number, "--db", db, "--printer", "--copies", "2", "--bilingual", "kk+ru")
	if code != exitOK || !strings.Contains(out, "sent to the default printer: "+number+"-kk+ru, 2 copies") {
		t.Fatalf("exit %d: %s %s", code, out, errOut)
	}
	j := fake.Jobs()[0]
	if j.Printer != "" || j.Copies != 2 || j.Title != number+"-kk+ru" {
		t.Errorf("job %+v", j.Job)
	}
	if text := pdftest.TextOf(t, j.PDF); !strings.Contains(text, number) || !strings.Contains(text, "Тараптардың қолдары") {
		t.Errorf("the printed PDF is not the Kazakh-Russian memorandum:\n%.400s", text)
	}
	if _, err := os.Stat(j.Path); !os.IsNotExist(err) {
		t.Errorf("the temporary PDF %s is left behind", j.Path)
	}

	memo := filepath.Join(t.TempDir(), "memo.pdf")
	code, out, errOut = ctl(t, "print", "memorandum", number, "--db", db, "--printer=Dean", "--out", memo, "--lang", "ky")
	if code != exitOK || !strings.Contains(out, "memo.pdf written") || !strings.Contains(out, "sent to printer Dean: "+number+"-ky, 1 copy") {
		t.Fatalf("exit %d: %s %s", code, out, errOut)
	}
	j = fake.Jobs()[1]
	written, _ := os.ReadFile(memo)
	if j.Printer != "Dean" || j.Copies != 1 || j.Path != memo || !bytes.Equal(j.PDF, written) {
		t.Errorf("job %+v, %d bytes sent, %d written", j.Job, len(j.PDF), len(written))
	}
}

// No printer, or a failing one: exit 1 with a plain message; a PDF asked
// for with --out is written all the same.
func TestPrintWithoutPrinter(t *testing.T) {
	db, number := printDB(t)
	useFake(t, printtest.New())
	code, _, errOut := ctl(t, "print", "memorandum", number, "--db", db, "--printer")
	if code != exitFailure || !strings.Contains(errOut, "no printer is set up on this computer") || !strings.Contains(errOut, "--out FILE.pdf") {
		t.Errorf("exit %d: %s", code, errOut)
	}
	memo := filepath.Join(t.TempDir(), "memo.pdf")
	code, _, errOut = ctl(t, "print", "memorandum", number, "--db", db, "--printer", "--out", memo)
	if _, err := os.Stat(memo); code != exitFailure || err != nil || !strings.Contains(errOut, "the PDF is at "+memo) {
		t.Errorf("exit %d, %v: %s", code, err, errOut)
	}

	fake := printtest.New("Office")
	fake.Err = &printing.Error{Kind: printing.ErrPrintFailed, Detail: "lp: Error - printer is out of paper"}
	useFake(t, fake)
	code, _, errOut = ctl(t, "print", "partner", "1", "--db", db, "--printer")
	if code != exitFailure || !strings.Contains(errOut, "the printing system refused the document (lp: Error - printer is out of paper)") {
		t.Errorf("exit %d: %s", code, errOut)
	}
}

func TestPrintPrinterArguments(t *testing.T) {
	db, number := printDB(t)
	fake := printtest.New("Office")
	useFake(t, fake)
	cases := []struct {
		args []string
		want string
	}{
		{[]string{"print", "memorandum", number, "--printer", "Dean"}, "--printer=Dean (with '=')"},
		{[]string{"print", "memorandum", number, "--printer", "--copies", "0"}, "--copies must be 1 to 99"},
		{[]string{"print", "memorandum", number, "--printer", "--copies", "100"}, "--copies must be 1 to 99"},
		{[]string{"print", "memorandum", number, "--out", "x.pdf", "--copies", "2"}, "--copies applies to --printer"},
		{[]string{"print", "memorandum", number}, "--out FILE.pdf, --printer"},
	}
	for _, c := range cases {
		if code, _, errOut := ctl(t, append(c.args, "--db", db)...); code != exitUsage || !strings.Contains(errOut, c.want) {
			t.Errorf("%v: exit %d, want %d saying %q:\n%s", c.args, code, exitUsage, c.want, errOut)
		}
	}
	if n := len(fake.Jobs()); n != 0 {
		t.Errorf("%d jobs sent by wrong commands", n)
	}
	if _, err := os.Stat("x.pdf"); err == nil {
		t.Error("a refused command wrote x.pdf")
	}
}
