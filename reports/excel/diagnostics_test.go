package excel

import (
	"archive/zip"
	"bytes"
	"io"
	"slices"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"github.com/partnerdesk/partnerdesk/model"
	"github.com/partnerdesk/partnerdesk/model/demo"
	"github.com/partnerdesk/partnerdesk/reports/internal/snapshot"
)

// The paper's Table 1 as printed, row by row: fragmented EG, CG, complete
// EG, CG, summative EG, CG.
var paperRows = [][]string{
	{"30", "30", "28", "27", "37", "38"},
	{"35", "35", "32", "31", "40", "40"},
	{"20", "22", "21", "22", "11", "11"},
	{"15", "13", "19", "20", "12", "11"},
}

// diagRow returns the first row at or after from whose column A is text.
func diagRow(t *testing.T, rows [][]string, from int, text string) int {
	t.Helper()
	for i := from; i < len(rows); i++ {
		if len(rows[i]) > 0 && rows[i][0] == text {
			return i
		}
	}
	t.Fatalf("no row %q", text)
	return -1
}

// The register's Diagnostics sheet, read back, holds the paper's Table 1
// cell for cell (as numbers), under the levels' and groups' headings.
func TestDiagnosticsSheetReproducesTable1(t *testing.T) {
	s := snapshot.Filled(t, 10, 30)
	f := openXLSX(t, export(t, s, Options{}))
	sheet := DiagnosticsSheetName("ru")
	rows, err := f.GetRows(sheet)
	if err != nil {
		t.Fatal(err)
	}
	top := diagRow(t, rows, 0, "Таблица 1. Знания студентов по уровням: доля каждого показателя в уровне, %")
	head1, head2 := rows[top+1], rows[top+2]
	if head1[0] != "Показатель" || head1[1] != "Фрагментарные знания" || head1[3] != "Полные знания" || head1[5] != "Обобщённые знания" {
		t.Errorf("level heading %q", head1)
	}
	if !slices.Equal(head2[1:], []string{"EG, %", "CG, %", "EG, %", "CG, %", "EG, %", "CG, %"}) {
		t.Errorf("group heading %q", head2)
	}
	names := []string{"Профессиональные знания", "Социально-психологические знания", "Общекультурные знания", "Предметные знания"}
	for i, want := range paperRows {
		got := rows[top+3+i]
		if got[0] != names[i] || !slices.Equal(got[1:7], want) {
			t.Errorf("row %d: %q, the paper prints %s %q", i, got, names[i], want)
		}
		// Numbers, not text: Excel can chart and sum them.
		cell, _ := excelize.CoordinatesToCellName(2, top+4+i)
		if typ, _ := f.GetCellType(sheet, cell); typ != excelize.CellTypeNumber && typ != excelize.CellTypeUnset {
			t.Errorf("%s is %v, want a number", cell, typ)
		}
	}
	if merged, _ := f.GetMergeCells(sheet); len(merged) < 4 {
		t.Errorf("%d merged ranges, want the levels merged over their groups", len(merged))
	}
	tests := diagRow(t, rows, top, "Больше ли различие, чем случайность? Критерий однородности хи-квадрат, EG и CG")
	if got := rows[tests+2]; !slices.Equal(got[:6], []string{"Профессиональные знания", "0.032", "2", "0.984", "0.013", "27.5"}) {
		t.Errorf("test row %q", got)
	}
	diagRow(t, rows, tests, "Различие между группами по показателю «Профессиональные знания» статистически не значимо (p = 0,984): оно может быть случайным.")
}

// Figure 1 is a native clustered column chart: one series per level and
// group over the four indicators, reading the table's cells.
func TestDiagnosticsChart(t *testing.T) {
	r := demo.PaperRound(model.NewDate(2023, 12, 15))
	var b bytes.Buffer
	if err := ExportDiagnostics(&b, []model.Round{r}, nil, "kk"); err != nil {
		t.Fatal(err)
	}
	zr, err := zip.NewReader(bytes.NewReader(b.Bytes()), int64(b.Len()))
	if err != nil {
		t.Fatal(err)
	}
	var chart string
	for _, zf := range zr.File {
		if strings.HasPrefix(zf.Name, "xl/charts/chart") {
			rc, _ := zf.Open()
			raw, _ := io.ReadAll(rc)
			rc.Close()
			chart = string(raw)
		}
	}
	if !strings.Contains(chart, "<barChart>") || !strings.Contains(chart, `<barDir val="col">`) || strings.Count(chart, "<ser>") != 6 {
		t.Fatalf("not a column chart with 6 series:\n%.600s", chart)
	}
	for _, want := range []string{"<tx><strRef><f>&#39;Диагностика&#39;!$B$", "<cat><strRef><f>&#39;Диагностика&#39;!$A$", "<val><numRef><f>&#39;Диагностика&#39;!$G$"} {
		if !strings.Contains(chart, want) {
			t.Errorf("the chart lacks %q: %s", want, chart[strings.Index(chart, "<ser>"):][:900])
		}
	}
	f, err := excelize.OpenReader(&b)
	if err != nil {
		t.Fatal(err)
	}
	if got := f.GetSheetList(); !slices.Equal(got, []string{"Диагностика"}) {
		t.Errorf("sheets %q", got)
	}
	rows, _ := f.GetRows("Диагностика")
	found := false
	for _, r := range rows {
		found = found || len(r) > 6 && r[1] == "Үзік білім, EG" && r[6] == "Жинақталған білім, CG"
	}
	if !found {
		t.Error("no row names the chart's series")
	}
}

// BenchmarkDiagnosticsSheet writes the demo's three rounds to a workbook.
func BenchmarkDiagnosticsSheet(b *testing.B) {
	rounds := demo.Rounds(1, model.NewDate(2026, 11, 28), nil)
	b.ReportAllocs()
	for b.Loop() {
		var buf bytes.Buffer
		if err := ExportDiagnostics(&buf, rounds, nil, "ru"); err != nil {
			b.Fatal(err)
		}
	}
}
