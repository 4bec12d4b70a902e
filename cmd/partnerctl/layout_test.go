package main

import (
	"path/filepath"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"github.com/partnerdesk/partnerdesk/reports/pdf/pdftest"
)

// TestSavedLayoutReused saves a layout of one's own and exports and prints
// the register in it, with Kyrgyz and Russian headers.
func TestSavedLayoutReused(t *testing.T) {
	db := demoFile(t)
	if code, out, errOut := ctl(t, "layout", "save", "Для декана", "--db", db, "--columns", "seq,partners,number,students,status"); code != exitOK || !strings.Contains(out, "saved") {
		t.Fatalf("layout save: %d %s %s", code, out, errOut)
	}
	code, out, _ := ctl(t, "layout", "list", "--db", db)
	if code != exitOK || !strings.Contains(out, "Для декана") || !strings.Contains(out, "practice-bases") {
		t.Fatalf("layout list: %d\n%s", code, out)
	}
	xlsx := filepath.Join(t.TempDir(), "dean.xlsx")
	if code, _, errOut := ctl(t, "export", "register", "--db", db, "--out", xlsx, "--layout", "для декана", "--headers", "ky+ru", "--today", "28.11.2026"); code != exitOK {
		t.Fatalf("export --layout: %d %s", code, errOut)
	}
	f, err := excelize.OpenFile(xlsx)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	rows, err := f.GetRows(f.GetSheetName(0))
	if err != nil {
		t.Fatal(err)
	}
	want := []string{"Катар №\n№ п/п", "Уюм\nОрганизация", "Келишимдин номери\nНомер договора", "Студенттердин саны\nЧисло студентов", "Статусу\nСтатус"}
	if head := rows[5]; strings.Join(head, "|") != strings.Join(want, "|") {
		t.Errorf("headers %q, want %q", head, want)
	}
	if len(rows) != 6+150 {
		t.Errorf("%d rows, want 6 heading and header rows and 150 agreements", len(rows))
	}

	reg := filepath.Join(t.TempDir(), "dual.pdf")
	if code, _, errOut := ctl(t, "print", "register", "--db", db, "--out", reg, "--layout", "dual-training", "--headers", "kk+ru", "--today", "28.11.2026"); code != exitOK {
		t.Fatalf("print --layout: %d %s", code, errOut)
	}
	text := pdftest.Text(t, reg)
	for _, s := range []string{"Тізілім: дуалды оқыту", "Реестр: дуальное обучение", "Кәсіпорыннан тәлімгер"} {
		if !strings.Contains(text, s) {
			t.Errorf("the printed register lacks %q:\n%.600s", s, text)
		}
	}
	for _, bad := range [][]string{
		{"export", "register", "--db", db, "--out", xlsx, "--layout", "nonesuch"},
		{"export", "register", "--db", db, "--out", xlsx, "--layout", "memoranda", "--headers", "ru+kk"},
		{"layout", "save", "full", "--db", db, "--columns", "seq"},
		{"export", "register", "--db", db, "--out", xlsx, "--headers", "kk+ru"},
		{"layout", "save", "x", "--db", db, "--columns", "seq,bogus"},
	} {
		if code, _, _ := ctl(t, bad...); code == exitOK {
			t.Errorf("%v succeeded", bad)
		}
	}
}
