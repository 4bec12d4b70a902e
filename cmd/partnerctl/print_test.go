package main

import (
	"github.com/partnerdesk/partnerdesk/reports/pdf/pdftest"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestPrint(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "demo.db")
	if code, _, errOut := ctl(t, "demo", "--db", db, "--seed", "3", "--partners", "20", "--agreements", "30", "--today", "28.11.2026"); code != exitOK {
		t.Fatalf("demo: %d %s", code, errOut)
	}
	_, list, _ := ctl(t, "list", "agreements", "--db", db, "--today", "28.11.2026")
	number, _, _ := strings.Cut(list, "\t")
	_, partners, _ := ctl(t, "list", "partners", "--db", db)
	fields := strings.Split(strings.SplitN(partners, "\n", 2)[0], "\t")
	taxID := fields[3]

	memo := filepath.Join(dir, "memo.pdf")
	if code, out, errOut := ctl(t, "print", "memorandum", number, "--db", db, "--out", memo, "--bilingual", "ky+ru"); code != exitOK || !strings.Contains(out, "memo.pdf written") {
		t.Fatalf("print memorandum: %d %s %s", code, out, errOut)
	}
	if text := pdftest.Text(t, memo); !strings.Contains(text, number) || !strings.Contains(text, "Тараптардын колдору") {
		t.Errorf("the memorandum lacks its number or Kyrgyz text:\n%.500s", text)
	}

	card := filepath.Join(dir, "card.pdf")
	if code, _, errOut := ctl(t, "print", "partner", taxID, "--db", db, "--out", card, "--lang", "kk"); code != exitOK {
		t.Fatalf("print partner: %d %s", code, errOut)
	}
	if text := pdftest.Text(t, card); !strings.Contains(text, "Серіктес картасы") || !strings.Contains(text, fields[0]) {
		t.Errorf("the card lacks its title or the partner's name:\n%.500s", text)
	}

	reg := filepath.Join(dir, "register.pdf")
	if code, _, errOut := ctl(t, "print", "register", "--db", db, "--out", reg, "--status", "active", "--today", "28.11.2026", "--lang", "en"); code != exitOK {
		t.Fatalf("print register: %d %s", code, errOut)
	}
	_, active, _ := ctl(t, "list", "agreements", "--db", db, "--status", "active", "--today", "28.11.2026")
	text := pdftest.Text(t, reg)
	if !strings.Contains(text, "Filter: status «Active»") {
		t.Errorf("the register does not say its filter:\n%.500s", text)
	}
	for _, line := range strings.Split(strings.TrimSpace(active), "\n") {
		if n, _, _ := strings.Cut(line, "\t"); !strings.Contains(text, n) {
			t.Errorf("the register lacks %s", n)
		}
	}
}

func TestPrintErrors(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "demo.db")
	if code, _, errOut := ctl(t, "demo", "--db", db, "--partners", "5", "--agreements", "5"); code != exitOK {
		t.Fatalf("demo: %d %s", code, errOut)
	}
	out := filepath.Join(dir, "x.pdf")
	cases := []struct {
		args []string
		code int
	}{
		{[]string{"print"}, exitUsage},
		{[]string{"print", "letter", "--out", out}, exitUsage},
		{[]string{"print", "memorandum", "--out", out}, exitUsage},
		{[]string{"print", "memorandum", "СП-1"}, exitUsage},
		{[]string{"print", "memorandum", "СП-1", "--out", out, "--lang", "de"}, exitUsage},
		{[]string{"print", "memorandum", "СП-1", "--out", out, "--bilingual", "ru+kk"}, exitUsage},
		{[]string{"print", "register", "--out", out, "--bilingual", "kk+ru"}, exitUsage},
		{[]string{"print", "memorandum", "НЕТ-ТАКОГО", "--out", out}, exitFailure},
		{[]string{"print", "partner", "999999", "--out", out}, exitFailure},
		{[]string{"print", "register", "--out", db}, exitFailure},
	}
	for _, c := range cases {
		args := append(c.args, "--db", db)
		if code, _, errOut := ctl(t, args...); code != c.code {
			t.Errorf("%v: exit %d, want %d (%s)", c.args, code, c.code, errOut)
		}
	}
	if _, err := os.Stat(out); !os.IsNotExist(err) {
		t.Errorf("a failed print left %s behind", out)
	}
}
