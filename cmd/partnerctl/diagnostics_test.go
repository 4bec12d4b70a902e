package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"github.com/partnerdesk/partnerdesk/reports/pdf/pdftest"
)

// partnerctl diagnostics: the demo's rounds listed, the paper's shown with
// Table 1 and its tests, printed to PDF and exported to Excel and JSON.
func TestDiagnosticsCommands(t *testing.T) {
	db := filepath.Join(t.TempDir(), "demo.db")
	if code, _, e := ctl(t, "demo", "--db", db, "--partners", "8", "--agreements", "20", "--today", "28.11.2026"); code != 0 {
		t.Fatalf("demo: %s", e)
	}
	code, out, _ := ctl(t, "diagnostics", "list", "--db", db)
	if code != 0 || !strings.Contains(out, "1   15.12.2023  Формирующий     EG 50, CG 50  Формирующий этап эксперимента (Таблица 1 статьи)") || !strings.Contains(out, "3 rounds") {
		t.Errorf("list: %d\n%s", code, out)
	}
	code, out, _ = ctl(t, "diagnostics", "show", "1", "--db", db, "--lang", "en")
	fields := strings.Join(strings.Fields(out), " ")
	for _, want := range []string{
		"Professional knowledge 30 30 28 27 37 38", "Subject knowledge 15 13 19 20 12 11",
		"Professional knowledge 0.032 2 0.984 0.013 27.5",
		"The difference between the groups in “Subject knowledge” is not statistically significant (p = 0.920): it may be chance.",
	} {
		if code != 0 || !strings.Contains(fields, want) {
			t.Errorf("show lacks %q:\n%s", want, out)
		}
	}
	code, out, _ = ctl(t, "diagnostics", "show", "3", "--compare", "2", "--db", db, "--lang", "en")
	fields = strings.Join(strings.Fields(out), " ")
	for _, want := range []string{"Change of EG from", "Change of CG from", "Professional knowledge Summative knowledge", "The change in “Professional knowledge”"} {
		if code != 0 || !strings.Contains(fields, want) {
			t.Errorf("show --compare lacks %q:\n%s", want, out)
		}
	}
	pdfPath := filepath.Join(t.TempDir(), "round.pdf")
	if code, _, e := ctl(t, "diagnostics", "print", "1", "--out", pdfPath, "--lang", "kk", "--db", db); code != 0 {
		t.Fatalf("print: %s", e)
	}
	if text := pdftest.Text(t, pdfPath); !strings.Contains(text, "Кәсіби білім 30 30 28 27 37 38") {
		t.Errorf("the PDF lacks Table 1:\n%.800s", text)
	}
	xlsx := filepath.Join(t.TempDir(), "rounds.xlsx")
	if code, _, e := ctl(t, "diagnostics", "export", "--out", xlsx, "--db", db); code != 0 {
		t.Fatalf("export: %s", e)
	}
	f, err := excelize.OpenFile(xlsx)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	rows, _ := f.GetRows("Диагностика")
	found := false
	for _, r := range rows {
		found = found || strings.Join(r, " ") == "Общекультурные знания 20 22 21 22 11 11"
	}
	if !found {
		t.Error("the workbook lacks Table 1's general cultural row")
	}
	js := filepath.Join(t.TempDir(), "round.json")
	if code, _, e := ctl(t, "diagnostics", "export", "2", "--out", js, "--db", db); code != 0 {
		t.Fatalf("export json: %s", e)
	}
	raw, _ := os.ReadFile(js)
	var doc struct {
		Diagnostics []struct {
			Stage  string `json:"stage"`
			Groups []struct {
				Results []any `json:"results"`
			} `json:"groups"`
		} `json:"diagnostics"`
	}
	if err := json.Unmarshal(raw, &doc); err != nil || len(doc.Diagnostics) != 1 || doc.Diagnostics[0].Stage != "ascertaining" || len(doc.Diagnostics[0].Groups[0].Results) != 25 {
		t.Errorf("json export: %v %+v", err, doc)
	}
	for _, bad := range [][]string{{"diagnostics"}, {"diagnostics", "show"}, {"diagnostics", "print", "1"}, {"diagnostics", "export", "--out", "x.txt"}, {"diagnostics", "list", "--lang", "de"}} {
		if code, _, _ := ctl(t, append(bad, "--db", db)...); code != exitUsage {
			t.Errorf("%v: exit %d, want %d", bad, code, exitUsage)
		}
	}
	if code, _, e := ctl(t, "diagnostics", "show", "99", "--db", db); code != exitFailure || !strings.Contains(e, "round 99") {
		t.Errorf("unknown round: %d %s", code, e)
	}
}
