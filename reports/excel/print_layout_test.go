package excel

import (
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"

	"github.com/partnerdesk/partnerdesk/reports/internal/snapshot"
	"github.com/partnerdesk/partnerdesk/reports/layouts"
	"github.com/partnerdesk/partnerdesk/reports/testtool"
)

// writeLayouts exports each preset, and the practice-bases columns for
// every agreement, from the demo data (120 partners, 400 agreements).
func writeLayouts(t *testing.T, dir string, langs []string) map[string]string {
	t.Helper()
	s := snapshot.Filled(t, 120, 400)
	all := layouts.Presets()[0]
	all.Name, all.Kinds = "all", nil
	out := map[string]string{}
	for _, l := range append(layouts.Presets(), all) {
		path := filepath.Join(dir, l.Name+".xlsx")
		if err := WriteLayout(context.Background(), s, path, l, layouts.Options{Langs: langs, Today: snapshot.Today}); err != nil {
			t.Fatalf("%s: %v", l.Name, err)
		}
		out[l.Name] = path
	}
	return out
}

// TestLayoutHeadersBilingual reads the headings and column headers of a
// Kazakh–Russian register back.
func TestLayoutHeadersBilingual(t *testing.T) {
	files := writeLayouts(t, t.TempDir(), []string{"kk", "ru", "en"})
	f := openXLSX(t, files["dual-training"])
	sheet := f.GetSheetName(0)
	rows, err := f.GetRows(sheet)
	if err != nil {
		t.Fatal(err)
	}
	if got := rows[0][0]; !strings.Contains(got, "Жібек жолы") && got == "" {
		t.Errorf("no institution name in Kazakh: %q", got)
	}
	for i, want := range []string{"Тізілім: дуалды оқыту", "Реестр: дуальное обучение", "Register: dual training"} {
		if got := rows[2*i+1][0]; !strings.HasPrefix(got, want) || !strings.Contains(got, "28.11.2026") {
			t.Errorf("heading line %d = %q, want %q… with the date", i, got, want)
		}
	}
	head := rows[7]
	for i, want := range []string{"Р/с №\n№ п/п\nNo.", "Ұйым\nОрганизация\nOrganisation", "Кәсіпорыннан тәлімгер\nНаставник от предприятия\nMentor at the enterprise"} {
		col := []int{0, 1, 6}[i]
		if head[col] != want {
			t.Errorf("header %d = %q, want %q", col, head[col], want)
		}
	}
	if len(rows) < 9 || rows[8][0] != "1" {
		t.Errorf("the first agreement row does not follow the header: %q", rows[8])
	}
	titles := false
	for _, n := range f.GetDefinedName() {
		titles = titles || n.Name == "_xlnm.Print_Titles" && n.RefersTo == quoteSheet(sheet)+"!$8:$8"
	}
	if !titles {
		t.Errorf("the header row is not repeated on every page: %+v", f.GetDefinedName())
	}
	hf, err := f.GetHeaderFooter(sheet)
	if err != nil || !strings.Contains(hf.OddFooter, "&P") || !strings.Contains(hf.OddFooter, "&N") || !strings.Contains(hf.OddFooter, "Страница &P из &N") {
		t.Errorf("footer %q, want page N of M in each language", hf.OddFooter)
	}
	pl, err := f.GetPageLayout(sheet)
	if err != nil || pl.Size == nil || *pl.Size != 9 || pl.Orientation == nil || *pl.Orientation != "landscape" {
		t.Errorf("page layout %+v, want A4 landscape", pl)
	}
}

// TestLayoutsPrintInLibreOffice converts each preset to PDF with
// LibreOffice and checks A4 landscape, the page count (at least 12
// agreements a page, 400 agreements on at most 35 pages) and type of at
// least 8 pt in the cell styles.
func TestLayoutsPrintInLibreOffice(t *testing.T) {
	soffice := testtool.Need(t, "soffice", "apt-get install libreoffice-calc-nogui")
	pdfinfo := testtool.Need(t, "pdfinfo", "apt-get install poppler-utils")
	dir := t.TempDir()
	files := writeLayouts(t, dir, []string{"kk", "ru"})
	for name, path := range files {
		f := openXLSX(t, path)
		checkFontSizes(t, name, f)
	}
	ctx, cancel := context.WithTimeout(context.Background(), 3*time.Minute)
	defer cancel()
	args := []string{"--headless", "-env:UserInstallation=file://" + filepath.Join(dir, ".lo-profile"), "--convert-to", "pdf", "--outdir", dir}
	for _, name := range []string{"practice-bases", "dual-training", "memoranda", "all"} {
		args = append(args, files[name])
	}
	cmd := exec.CommandContext(ctx, soffice, args...)
	cmd.Env = append(os.Environ(), "HOME="+dir)
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("soffice: %v\n%s", err, out)
	}
	for _, name := range []string{"practice-bases", "dual-training", "memoranda", "all"} {
		pdf := filepath.Join(dir, name+".pdf")
		out, err := exec.CommandContext(ctx, pdfinfo, pdf).Output()
		if err != nil {
			t.Fatalf("%s: pdfinfo: %v", name, err)
		}
		pages := pdfField(t, out, `Pages:\s+(\d+)`)
		if w, h := pdfField(t, out, `Page size:\s+([\d.]+)`), pdfField(t, out, `Page size:\s+[\d.]+ x ([\d.]+)`); w < 840 || w > 843 || h < 594 || h > 596 {
			t.Errorf("%s: page %d × %d pt, want A4 landscape", name, w, h)
		}
		n := agreementsIn(t, files[name])
		t.Logf("%s: %d agreements on %d pages (%.1f a page)", name, n, pages, float64(n)/float64(pages))
		if n < 12*(pages-1)+1 {
			t.Errorf("%s: %d agreements on %d pages: fewer than 12 a page", name, n, pages)
		}
		if name == "all" && (n < 400 || pages > 35) {
			t.Errorf("all agreements: %d on %d pages, want 400 or more on at most 35", n, pages)
		}
		if os.Getenv("LAYOUT_PDF_DIR") != "" {
			_ = exec.Command("cp", pdf, os.Getenv("LAYOUT_PDF_DIR")).Run()
		}
	}
}

func pdfField(t *testing.T, info []byte, re string) int {
	t.Helper()
	m := regexp.MustCompile(re).FindSubmatch(info)
	if m == nil {
		t.Fatalf("pdfinfo says nothing matching %s:\n%s", re, info)
	}
	v, _ := strconv.ParseFloat(string(m[1]), 64)
	return int(v)
}

// agreementsIn counts the numbered rows of a printable register.
func agreementsIn(t *testing.T, path string) int {
	t.Helper()
	f := openXLSX(t, path)
	rows, err := f.GetRows(f.GetSheetName(0))
	if err != nil {
		t.Fatal(err)
	}
	n := 0
	for _, r := range rows {
		if len(r) > 0 && r[0] == strconv.Itoa(n+1) {
			n++
		}
	}
	return n
}

// checkFontSizes fails when a cell of the table has type under 8 pt or
// the sheet is printed below 100 %.
func checkFontSizes(t *testing.T, name string, x *excelize.File) {
	t.Helper()
	sheet := x.GetSheetName(0)
	rows, _ := x.GetRows(sheet)
	smallest := 100.0
	for r := range rows {
		for c := range rows[r] {
			cell, _ := excelize.CoordinatesToCellName(c+1, r+1)
			id, err := x.GetCellStyle(sheet, cell)
			if err != nil {
				t.Fatal(err)
			}
			st, err := x.GetStyle(id)
			if err != nil {
				t.Fatal(err)
			}
			if st.Font != nil && st.Font.Size > 0 && st.Font.Size < smallest {
				smallest = st.Font.Size
			}
		}
	}
	pl, err := x.GetPageLayout(sheet)
	if err != nil {
		t.Fatal(err)
	}
	scale := 100.0
	if pl.AdjustTo != nil {
		scale = float64(*pl.AdjustTo)
	}
	t.Logf("%s: smallest type %.1f pt at %.0f %%", name, smallest, scale)
	if smallest*scale/100 < 8 {
		t.Errorf("%s: type of %.1f pt at %.0f %%", name, smallest, scale)
	}
	if pl.FitToWidth != nil && *pl.FitToWidth > 0 {
		t.Errorf("%s: fit to width shrinks the type", name)
	}
}

func TestLayoutLines(t *testing.T) {
	for _, c := range []struct {
		text    string
		perLine int
		want    int
	}{
		{"", 10, 1}, {"один два", 10, 1}, {"один два три", 10, 2},
		{"Научно-исследовательский институт", 20, 3}, // "Научно-" | "исследовательский" | "институт"
		{"СП-2021/007\n01.12.2021", 12, 2}, {"абвгдеёжзийклмн", 5, 3},
	} {
		if got := layoutLines(c.text, c.perLine); got != c.want {
			t.Errorf("%q at %d: %d lines, want %d", c.text, c.perLine, got, c.want)
		}
	}
}
