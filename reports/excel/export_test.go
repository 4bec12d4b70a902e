package excel

import (
	"archive/zip"
	"context"
	"errors"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"github.com/partnerdesk/partnerdesk/model"
	"github.com/partnerdesk/partnerdesk/model/store"
	"github.com/partnerdesk/partnerdesk/reports/internal/snapshot"
)

// findRow returns the 1-based row whose column A..Z cell col holds value.
func findRow(t *testing.T, f *excelize.File, sheet string, col int, value string) int {
	t.Helper()
	rows, err := f.GetRows(sheet)
	if err != nil {
		t.Fatal(err)
	}
	for i, r := range rows {
		if col < len(r) && r[col] == value {
			return i + 1
		}
	}
	t.Fatalf("%s: no row with %q in column %d", sheet, value, col+1)
	return 0
}

// cellAt returns the cell name of a field of a sheet kind in a row.
func cellAt(t *testing.T, kind SheetKind, f Field, row int) string {
	t.Helper()
	i := slices.IndexFunc(Fields(kind), func(fi FieldInfo) bool { return fi.Field == f })
	if i < 0 {
		t.Fatalf("%s has no field %s", kind, f)
	}
	c, _ := excelize.CoordinatesToCellName(i+1, row)
	return c
}

func numFmt(t *testing.T, f *excelize.File, sheet, cell string) string {
	t.Helper()
	id, err := f.GetCellStyle(sheet, cell)
	if err != nil {
		t.Fatal(err)
	}
	st, err := f.GetStyle(id)
	if err != nil {
		t.Fatal(err)
	}
	if st.CustomNumFmt != nil {
		return *st.CustomNumFmt
	}
	return strconv.Itoa(st.NumFmt)
}

// The exported demo data, read back with excelize: sheet names, headers,
// cell values and types (dates are numbers with a date format), frozen
// header rows, autofilters, print settings and the charts.
func TestRegisterWorkbook(t *testing.T) {
	s := snapshot.Filled(t, 30, 120)
	f := openXLSX(t, export(t, s, Options{}))
	var want []string
	for _, k := range SheetKinds {
		want = append(want, k.Name("ru"))
	}
	// The demo data holds diagnostic rounds: their sheet comes last.
	want = append(want, DiagnosticsSheetName("ru"))
	if got := f.GetSheetList(); !slices.Equal(got, want) {
		t.Fatalf("sheets %q, want %q", got, want)
	}
	if want[0] != "Реестр договоров" || want[5] != "Сводка" {
		t.Errorf("Russian sheet names: %q", want)
	}
	names := f.GetDefinedName()
	for _, kind := range SheetKinds {
		if kind != SheetSummary {
			checkTableSheet(t, f, kind.Name("ru"), kind, names)
		}
	}
	checkAgreementRow(t, f)
	checkIndicators(t, f)
	layout, _ := f.GetPageLayout(want[0])
	if layout.Orientation == nil || *layout.Orientation != "landscape" || *layout.Size != 9 || *layout.FitToWidth != 1 {
		t.Errorf("page layout %+v, want A4 landscape fit to width", layout)
	}
	hf, _ := f.GetHeaderFooter(want[5])
	if hf == nil || !strings.Contains(hf.OddHeader, "Жібек жолы") || !strings.Contains(hf.OddHeader, "28.11.2026") {
		t.Errorf("page header %+v, want the institution and the date", hf)
	}
	props, _ := f.GetDocProps()
	if props.Creator != "PartnerDesk" {
		t.Errorf("creator %q", props.Creator)
	}
	if v, _ := f.GetCellValue(want[5], "A4"); v != "Договоров в реестре: 123" {
		t.Errorf("summary A4 = %q", v)
	}
	// Two summary charts, and Figure 1 of each of the three rounds.
	checkCharts(t, export(t, s, Options{}), 5)
}

func checkTableSheet(t *testing.T, f *excelize.File, sheet string, kind SheetKind, names []excelize.DefinedName) {
	t.Helper()
	panes, err := f.GetPanes(sheet)
	if err != nil || !panes.Freeze || panes.YSplit != 1 || panes.TopLeftCell != "A2" {
		t.Errorf("%s: panes %+v, want the header row frozen", sheet, panes)
	}
	for i, fi := range Fields(kind) {
		cell, _ := excelize.CoordinatesToCellName(i+1, 1)
		if v, _ := f.GetCellValue(sheet, cell); v != fi.Header("ru") {
			t.Errorf("%s!%s header %q, want %q", sheet, cell, v, fi.Header("ru"))
		}
	}
	id, _ := f.GetCellStyle(sheet, "A1")
	if st, _ := f.GetStyle(id); st.Font == nil || !st.Font.Bold || st.Alignment == nil || !st.Alignment.WrapText {
		t.Errorf("%s: header style %+v, want bold and wrapped", sheet, st)
	}
	var filter, titles bool
	for _, n := range names {
		if n.Scope != sheet {
			continue
		}
		filter = filter || n.Name == "_xlnm._FilterDatabase" && strings.HasPrefix(n.RefersTo, quoteSheet(sheet)+"!$A$1:$")
		titles = titles || n.Name == "_xlnm.Print_Titles" && n.RefersTo == quoteSheet(sheet)+"!$1:$1"
	}
	if !filter || !titles {
		t.Errorf("%s: autofilter %v, print titles %v; defined names %+v", sheet, filter, titles, names)
	}
}

// checkAgreementRow looks at the row of the fixture with every field set.
func checkAgreementRow(t *testing.T, f *excelize.File) {
	t.Helper()
	sheet := SheetAgreements.Name("ru")
	row := findRow(t, f, sheet, 1, "ТЕСТ-2025/001")
	want := map[Field]string{
		"partners":   "АО «Қазақстан темір жолы» (рус.)\nОсОО «Ала-Тоо Курулуш»",
		"tax_ids":    "971240001315\n01234567890123",
		"categories": "Профессиональное сообщество\nОбщественность",
		"kind":       "Договор о социальном партнёрстве", "status": "Действует", "auto_renew": "Да",
		"signed_on": "01.09.2025", "valid_until": "31.08.2028", "days_left": "642", "principles_met": "4",
		"attachment": "Да", "programmes": "6B07101 — Транспорт, транспортная техника и технологии",
		"levels":      "Формирование и выполнение образовательного заказа\nАдаптация и карьера молодого специалиста",
		"coordinator": "Сулейменова Ж.А.", "renewal_months": "12", "practice_places": "25",
	}
	for field, v := range want {
		if got, _ := f.GetCellValue(sheet, cellAt(t, SheetAgreements, field, row)); got != v {
			t.Errorf("%s: %q, want %q", field, got, v)
		}
	}
	for _, field := range []Field{"signed_on", "valid_from", "valid_until"} {
		cell := cellAt(t, SheetAgreements, field, row)
		raw, _ := f.GetCellValue(sheet, cell, excelize.Options{RawCellValue: true})
		if numFmt(t, f, sheet, cell) != "dd.mm.yyyy" || strings.Trim(raw, "0123456789") != "" {
			t.Errorf("%s: raw %q with format %q, want a date serial shown dd.mm.yyyy", field, raw, numFmt(t, f, sheet, cell))
		}
	}
	if raw, _ := f.GetCellValue(sheet, cellAt(t, SheetAgreements, "signed_on", row), excelize.Options{RawCellValue: true}); raw != "45901" {
		t.Errorf("signed on: serial %s, want 45901 (1 September 2025)", raw)
	}
	if typ, _ := f.GetCellType(sheet, cellAt(t, SheetAgreements, "tax_ids", row)); typ != excelize.CellTypeInlineString {
		t.Errorf("tax IDs cell type %v, want text (leading zeros kept)", typ)
	}
}

func checkIndicators(t *testing.T, f *excelize.File) {
	t.Helper()
	sheet := SheetIndicators.Name("ru")
	row := findRow(t, f, sheet, 0, "ТЕСТ-2025/001")
	cell := cellAt(t, SheetIndicators, "employment_pct", row)
	raw, _ := f.GetCellValue(sheet, cell, excelize.Options{RawCellValue: true})
	if v, err := strconv.ParseFloat(raw, 64); err != nil || v < 0.8333 || v > 0.8334 || numFmt(t, f, sheet, cell) != "0.0%" {
		t.Errorf("employment %%: raw %q format %q, want 15/18 as a percentage", raw, numFmt(t, f, sheet, cell))
	}
	if v, _ := f.GetCellValue(sheet, cell); v != "83.3%" {
		t.Errorf("employment shown as %q", v)
	}
	total := findRow(t, f, sheet, 0, "Итого")
	if total <= row {
		t.Errorf("totals row %d is not below the data (row %d)", total, row)
	}
}

func checkCharts(t *testing.T, path string, want int) {
	t.Helper()
	zr, err := zip.OpenReader(path)
	if err != nil {
		t.Fatal(err)
	}
	defer zr.Close()
	n := 0
	for _, zf := range zr.File {
		if strings.HasPrefix(zf.Name, "xl/charts/chart") {
			n++
		}
	}
	if n != want {
		t.Errorf("%d charts, want %d", n, want)
	}
}

// User text is written as text, never as a formula, and text too long for
// a cell is cut with "…".
func TestRegisterTextStaysText(t *testing.T) {
	s := snapshot.Filled(t, 3, 5)
	long := strings.Repeat("😀", 20000) // 40,000 UTF-16 units
	err := s.Update(func(tx *store.Tx) error {
		a, err := tx.AgreementByNumber("ТЕСТ-2025/001")
		if err != nil {
			return err
		}
		a.Title, a.Notes = `=HYPERLINK("http://evil.example","click")`, long
		return tx.SaveAgreement(&a)
	})
	if err != nil {
		t.Fatal(err)
	}
	f := openXLSX(t, export(t, s, Options{}))
	sheet := SheetAgreements.Name("ru")
	row := findRow(t, f, sheet, 1, "ТЕСТ-2025/001")
	cell := cellAt(t, SheetAgreements, "title", row)
	if formula, _ := f.GetCellFormula(sheet, cell); formula != "" {
		t.Errorf("title became the formula %q", formula)
	}
	if v, _ := f.GetCellValue(sheet, cell); v != `=HYPERLINK("http://evil.example","click")` {
		t.Errorf("title %q", v)
	}
	notes, _ := f.GetCellValue(sheet, cellAt(t, SheetAgreements, "notes", row))
	if utf16Len(notes) > maxCell || !strings.HasSuffix(notes, "…") || !strings.HasPrefix(notes, "😀😀") {
		t.Errorf("notes: %d UTF-16 units, ends %q", utf16Len(notes), notes[len(notes)-8:])
	}
}

func TestClip(t *testing.T) {
	for _, tc := range []struct {
		in    string
		units int
		cut   bool
	}{
		{"short", 5, false},
		{strings.Repeat("я", maxCell), maxCell, false},
		{strings.Repeat("я", maxCell+1), maxCell, true},
		{strings.Repeat("😀", maxCell/2) + "x", maxCell, false},
		{strings.Repeat("😀", maxCell/2+1), maxCell, true},
		{"bad \xff utf-8", 11, false},
	} {
		got := clip(tc.in)
		if utf16Len(got) != tc.units || strings.HasSuffix(got, "…") != tc.cut {
			t.Errorf("clip(%.10q…): %d units, cut %v; want %d, %v", tc.in, utf16Len(got), strings.HasSuffix(got, "…"), tc.units, tc.cut)
		}
	}
}

// The register is written to a temporary file renamed into place with
// mode 0644; a cancelled export leaves nothing behind, and the data file
// itself is refused as the target.
func TestWriteRegisterFile(t *testing.T) {
	s := snapshot.Filled(t, 5, 30)
	dir := t.TempDir()
	path := filepath.Join(dir, "reg.xlsx")
	var calls [][2]int
	o := Options{Today: snapshot.Today, Progress: func(done, total int) { calls = append(calls, [2]int{done, total}) }}
	if err := WriteRegister(context.Background(), s, path, o); err != nil {
		t.Fatal(err)
	}
	st, err := os.Stat(path)
	if err != nil || st.Mode().Perm() != 0o644 {
		t.Fatalf("stat %v, %v: want mode 0644", st, err)
	}
	if last := calls[len(calls)-1]; last != [2]int{33, 33} {
		t.Errorf("last progress %v, want 33 of 33", last)
	}
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	other := filepath.Join(dir, "cancelled.xlsx")
	if err := WriteRegister(ctx, s, other, Options{Today: snapshot.Today}); !errors.Is(err, context.Canceled) {
		t.Errorf("cancelled export: %v", err)
	}
	if entries, _ := os.ReadDir(dir); len(entries) != 1 {
		t.Errorf("folder holds %v, want only reg.xlsx", entries)
	}
	if err := WriteRegister(context.Background(), s, s.Path(), o); !errors.Is(err, store.ErrIsDataFile) {
		t.Errorf("export over the data file: %v", err)
	}
}

// Filters keep the agreements asked for; a filtered register lists only
// the partners of its agreements.
func TestRegisterFilters(t *testing.T) {
	s := snapshot.Filled(t, 30, 120)
	sums, _ := s.Summaries()
	in, _ := s.Institution()
	for _, tc := range []struct {
		name string
		o    Options
		keep func(model.Summary) bool
	}{
		{"expiring", Options{Statuses: []model.Status{model.StatusExpiring}}, func(sm model.Summary) bool {
			return sm.StatusOn(snapshot.Today, in.Warning()) == model.StatusExpiring
		}},
		{"2025", Options{From: model.MustDate("01.01.2025"), To: model.MustDate("31.12.2025")}, func(sm model.Summary) bool {
			start, end := sm.ValidFrom, sm.EndOn(snapshot.Today)
			return start <= model.MustDate("31.12.2025") && (end.IsZero() || end >= model.MustDate("01.01.2025"))
		}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			want := 0
			for _, sm := range sums {
				if tc.keep(sm) {
					want++
				}
			}
			f := openXLSX(t, export(t, s, tc.o))
			rows, _ := f.GetRows(SheetAgreements.Name("ru"))
			if len(rows)-1 != want || want == 0 || want == len(sums) {
				t.Errorf("%d agreements, want %d of %d", len(rows)-1, want, len(sums))
			}
		})
	}
}
