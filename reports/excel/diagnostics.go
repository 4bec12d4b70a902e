package excel

import (
	"fmt"
	"io"

	"github.com/xuri/excelize/v2"

	"github.com/partnerdesk/partnerdesk/assets"
	"github.com/partnerdesk/partnerdesk/model"
	"github.com/partnerdesk/partnerdesk/reports"
)

// The Diagnostics sheet: for each diagnostic round, its description, the
// paper's Table 1 (with real numbers), the conventional view, the counts,
// the chi-square tests with their conclusions and Figure 1 as a native
// clustered column chart beside the table.

// diagSheet writes the rounds into one sheet.
type diagSheet struct {
	f     *excelize.File
	name  string
	st    *styles
	num   int // style of computed percentages and statistics
	sect  int // style of section titles: bold, unbordered, not wrapped
	wrap  int // style of paragraphs: wrapped, top left
	row   int
	chart int // charts added, for their names
}

// writeDiagnostics adds the Diagnostics sheet to the register when the
// data file holds rounds.
func (x *exporter) writeDiagnostics(f *excelize.File) error {
	rounds, err := x.tx.Rounds()
	if err != nil || len(rounds) == 0 {
		return err
	}
	return addDiagnosticsSheet(f, x.st, rounds, x.numbers, x.o.Lang)
}

// ExportDiagnostics writes a workbook with only the Diagnostics sheet of
// the given rounds to w, in lang.
func ExportDiagnostics(w io.Writer, rounds []model.Round, numbers map[model.ID]string, lang string) error {
	f := excelize.NewFile()
	defer f.Close()
	st, err := newStyles(f)
	if err != nil {
		return err
	}
	if err := addDiagnosticsSheet(f, st, rounds, numbers, lang); err != nil {
		return err
	}
	if err := f.DeleteSheet("Sheet1"); err != nil {
		return err
	}
	if err := f.SetDocProps(&excelize.DocProperties{Title: assets.T(lang, "diag.title", nil), Creator: "PartnerDesk", Language: lang}); err != nil {
		return err
	}
	f.SetZipWriter(func(w io.Writer) excelize.ZipWriter { return newRegisterZip(w, nil) }) // true used range
	if err := f.Write(w); err != nil {
		return fmt.Errorf("writing the workbook: %w", err)
	}
	return nil
}

// DiagnosticsSheetName returns the sheet's name in lang.
func DiagnosticsSheetName(lang string) string { return assets.T(lang, "diag.xlsx.sheet", nil) }

func addDiagnosticsSheet(f *excelize.File, st *styles, rounds []model.Round, numbers map[model.ID]string, lang string) error {
	name := DiagnosticsSheetName(lang)
	if _, err := f.NewSheet(name); err != nil {
		return err
	}
	num, err := f.NewStyle(&excelize.Style{
		Border:    []excelize.Border{{Type: "left", Color: "A6A6A6", Style: 1}, {Type: "right", Color: "A6A6A6", Style: 1}, {Type: "top", Color: "A6A6A6", Style: 1}, {Type: "bottom", Color: "A6A6A6", Style: 1}},
		Alignment: &excelize.Alignment{Horizontal: "right", Vertical: "top"},
	})
	if err != nil {
		return err
	}
	sect, err := f.NewStyle(&excelize.Style{Font: &excelize.Font{Bold: true, Size: 12}})
	if err != nil {
		return err
	}
	wrap, err := f.NewStyle(&excelize.Style{Alignment: &excelize.Alignment{WrapText: true, Vertical: "top", Horizontal: "left"}})
	if err != nil {
		return err
	}
	d := &diagSheet{f: f, name: name, st: st, num: num, sect: sect, wrap: wrap, row: 1}
	if err := f.SetColWidth(name, "A", "A", 36); err != nil {
		return err
	}
	if err := f.SetColWidth(name, "B", "H", 13); err != nil {
		return err
	}
	for i := range rounds {
		if err := d.round(reports.NewRoundReport(&rounds[i], lang, numbers)); err != nil {
			return err
		}
	}
	if err := f.SetSheetProps(name, &excelize.SheetPropsOptions{FitToPage: ptr(true)}); err != nil {
		return err
	}
	return f.SetPageLayout(name, &excelize.PageLayoutOptions{Size: ptr(9), Orientation: ptr("portrait"), FitToWidth: ptr(1), FitToHeight: ptr(0)})
}

func ptr[T any](v T) *T { return &v }

func (d *diagSheet) cell(col, row int) string {
	c, _ := excelize.CoordinatesToCellName(col, row)
	return c
}

func (d *diagSheet) round(rep *reports.RoundReport) error {
	if err := d.line(rep.Title, d.st.title); err != nil {
		return err
	}
	for _, m := range rep.Meta {
		if err := d.para(m); err != nil {
			return err
		}
	}
	d.row++
	if err := d.line(rep.T("diag.table1"), d.sect); err != nil {
		return err
	}
	if err := d.table1(rep); err != nil {
		return err
	}
	first, last, err := d.body(rep.Table1Rows, 1)
	if err != nil {
		return err
	}
	if err := d.para(rep.T("diag.table1_note")); err != nil {
		return err
	}
	if err := d.figure(rep, first, last); err != nil {
		return err
	}
	if err := d.views(rep); err != nil {
		return err
	}
	d.row += 2
	return nil
}

// table1 writes the two header rows of Table 1, each level merged over
// its groups' columns.
func (d *diagSheet) table1(rep *reports.RoundReport) error {
	per := len(rep.Groups)
	top := d.row
	d.row = top + 1
	if err := d.head(rep.Table1Head[1]); err != nil {
		return err
	}
	if err := d.f.SetCellValue(d.name, d.cell(1, top), rep.Table1Head[0][0]); err != nil {
		return err
	}
	for l, lv := range rep.Table1Head[0][1:] {
		from, to := d.cell(2+l*per, top), d.cell(1+(l+1)*per, top)
		if err := d.f.SetCellValue(d.name, from, lv); err != nil {
			return err
		}
		if per > 1 {
			if err := d.f.MergeCell(d.name, from, to); err != nil {
				return err
			}
		}
	}
	if err := d.f.MergeCell(d.name, d.cell(1, top), d.cell(1, top+1)); err != nil {
		return err
	}
	if err := d.f.SetCellStyle(d.name, d.cell(1, top), d.cell(len(rep.Table1Head[1]), top), d.st.header); err != nil {
		return err
	}
	return d.f.SetRowHeight(d.name, top, 30)
}

// views writes the conventional view, the counts and the tests.
func (d *diagSheet) views(rep *reports.RoundReport) error {
	sections := []struct {
		title string
		head  []string
		rows  [][]string
	}{
		{rep.T("diag.by_indicator"), rep.ByIndicatorHead, rep.ByIndicatorRows},
		{rep.T("diag.counts"), rep.CountsHead, rep.CountsRows},
	}
	if rep.TestsRows != nil {
		sections = append(sections, struct {
			title string
			head  []string
			rows  [][]string
		}{rep.TestsTitle(), rep.TestsHead, rep.TestsRows})
	}
	for i, s := range sections {
		d.row++
		if err := d.line(s.title, d.sect); err != nil {
			return err
		}
		if err := d.head(s.head); err != nil {
			return err
		}
		text := 2
		if i == 2 {
			text = 1
		}
		if _, _, err := d.body(s.rows, text); err != nil {
			return err
		}
	}
	for _, tst := range rep.Tests {
		if err := d.para(rep.Sentence(tst)); err != nil {
			return err
		}
	}
	for _, n := range rep.Notes {
		if err := d.para(n); err != nil {
			return err
		}
	}
	return nil
}
