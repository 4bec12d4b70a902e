package excel

import (
	"context"
	"fmt"
	"io"
	"math"
	"strings"
	"unicode/utf8"

	"github.com/xuri/excelize/v2"

	"github.com/partnerdesk/partnerdesk/assets"
	"github.com/partnerdesk/partnerdesk/model"
	"github.com/partnerdesk/partnerdesk/model/store"
	"github.com/partnerdesk/partnerdesk/reports/layouts"
)

// A printed layout's page: A4 landscape at 100 %, margins in inches.
// Columns are scaled to fill the width between the margins; type is
// LayoutFontSize points, so nothing is shrunk to fit.
const (
	layoutMarginX   = 0.3
	layoutPrintMM   = 297 - 2*layoutMarginX*25.4 - 2 // 2 mm to spare
	LayoutFontSize  = 8                              // points, body and headers
	layoutLetterMM  = 1.65                           // a Cyrillic letter at 8 pt (DejaVu Sans, the widest usual font)
	layoutWordMM    = 1.9                            // a letter of a long word (wide letters such as ы, м, ж count)
	layoutHeadMM    = 2.4                            // a letter of a header word, bold (DejaVu Serif Bold is the widest seen)
	layoutLinePt    = 9.8                            // one line of 8 pt text
	layoutPaddingPt = 3
)

// WriteLayout writes a register of a printable layout to path (see
// WriteRegister for how the file is replaced).
func WriteLayout(ctx context.Context, s *store.Store, path string, l model.RegisterLayout, o layouts.Options) error {
	if err := s.CheckTarget(path); err != nil {
		return err
	}
	t, err := layouts.Build(ctx, s, l, o)
	if err != nil {
		return err
	}
	return store.WriteFileAtomic(path, 0o644, func(w io.Writer) error { return WriteTable(w, t) })
}

// WriteTable writes a laid-out register as a one-sheet workbook made for
// printing: A4 landscape, 8 pt type, rows as high as their text, the
// header row repeated on every page and "page N of M" in the footer.
func WriteTable(w io.Writer, t *layouts.Table) error {
	f := excelize.NewFile()
	defer f.Close()
	lang := t.Langs[0]
	name := sheetTitle(assets.T(lang, "xlsx.sheet.agreements", nil))
	if err := f.SetSheetName("Sheet1", name); err != nil {
		return err
	}
	lw := &layoutWriter{f: f, sheet: name, t: t, mm: t.Widths(layoutPrintMM, layoutHeadMM, layoutWordMM)}
	for _, step := range []func() error{lw.styles, lw.widths, lw.heading, lw.header, lw.body, lw.page} {
		if err := step(); err != nil {
			return fmt.Errorf("writing the register: %w", err)
		}
	}
	return f.Write(w)
}

// layoutWriter fills the one sheet of a printable register.
type layoutWriter struct {
	f               *excelize.File
	sheet           string
	t               *layouts.Table
	mm              []float64
	row             int // the last row written
	headRow         int
	inst, title, hd int
	cells           map[string]int // body styles by alignment
}

func (lw *layoutWriter) styles() error {
	border := []excelize.Border{{Type: "left", Color: "808080", Style: 1}, {Type: "right", Color: "808080", Style: 1},
		{Type: "top", Color: "808080", Style: 1}, {Type: "bottom", Color: "808080", Style: 1}}
	var err error
	mk := func(s *excelize.Style) int {
		id, e := lw.f.NewStyle(s)
		err = firstErr(err, e)
		return id
	}
	lw.inst = mk(&excelize.Style{Font: &excelize.Font{Bold: true, Size: 11}, Alignment: &excelize.Alignment{Horizontal: "center", WrapText: true}})
	lw.title = mk(&excelize.Style{Font: &excelize.Font{Bold: true, Size: 10}, Alignment: &excelize.Alignment{Horizontal: "center", WrapText: true}})
	lw.hd = mk(&excelize.Style{Font: &excelize.Font{Bold: true, Size: LayoutFontSize}, Border: border,
		Fill:      excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{"E8EEF4"}},
		Alignment: &excelize.Alignment{Horizontal: "center", Vertical: "center", WrapText: true}})
	lw.cells = map[string]int{}
	for code, h := range map[string]string{"L": "left", "C": "center", "R": "right"} {
		lw.cells[code] = mk(&excelize.Style{Font: &excelize.Font{Size: LayoutFontSize}, Border: border,
			Alignment: &excelize.Alignment{Horizontal: h, Vertical: "top", WrapText: true}})
	}
	return err
}

func firstErr(a, b error) error {
	if a != nil {
		return a
	}
	return b
}

// widths sets the columns' widths. A width unit is the widest digit of
// the default font plus padding: 7 pixels plus 5 with Calibri, 9 plus 5
// with DejaVu Sans, which LibreOffice uses where Calibri and Carlito are
// missing. Widths are reckoned for DejaVu so that the table fits the page
// with either; text wraps alike, since letters widen with the digit.
func (lw *layoutWriter) widths() error {
	for i, mm := range lw.mm {
		col, _ := excelize.ColumnNumberToName(i + 1)
		if err := lw.f.SetColWidth(lw.sheet, col, col, math.Max(1, (mm/0.2646-5)/9)); err != nil {
			return err
		}
	}
	return nil
}

// heading writes the institution's name and the title with the period,
// in each header language, merged across the table.
func (lw *layoutWriter) heading() error {
	last, _ := excelize.ColumnNumberToName(len(lw.mm))
	total := 0.0
	for _, mm := range lw.mm {
		total += mm
	}
	for _, h := range lw.t.Heading {
		for i, text := range h {
			lw.row++
			a, b := fmt.Sprintf("A%d", lw.row), fmt.Sprintf("%s%d", last, lw.row)
			st, size := lw.inst, 11.0
			if i == 1 {
				st, size = lw.title, 10
			}
			if err := firstErr(lw.f.MergeCell(lw.sheet, a, b), lw.f.SetCellStr(lw.sheet, a, text)); err != nil {
				return err
			}
			lines := wrappedLines(text, max(1, int(total/(layoutLetterMM*size/LayoutFontSize))))
			if err := firstErr(lw.f.SetCellStyle(lw.sheet, a, b, st), lw.f.SetRowHeight(lw.sheet, lw.row, float64(lines)*size*1.3+2)); err != nil {
				return err
			}
		}
	}
	lw.row++ // a blank row before the table
	return lw.f.SetRowHeight(lw.sheet, lw.row, 6)
}

// header writes the column headers, one line per language.
func (lw *layoutWriter) header() error {
	lw.row++
	lw.headRow = lw.row
	texts := make([]string, len(lw.t.Columns))
	for i, c := range lw.t.Columns {
		texts[i] = strings.Join(c.Header, "\n")
	}
	return lw.writeRow(texts, func(int) int { return lw.hd }, 1.12)
}

func (lw *layoutWriter) body() error {
	for _, r := range lw.t.Rows {
		lw.row++
		if err := lw.writeRow(r, func(i int) int { return lw.cells[lw.t.Columns[i].Align] }, 1); err != nil {
			return err
		}
	}
	return nil
}

// writeRow writes texts into row lw.row and sets its height from the
// wrapped text; wide is how much wider than a body letter a letter is.
func (lw *layoutWriter) writeRow(texts []string, style func(int) int, wide float64) error {
	lines := 1
	for i, text := range texts {
		cell, _ := excelize.CoordinatesToCellName(i+1, lw.row)
		if err := lw.f.SetCellStr(lw.sheet, cell, text); err != nil {
			return err
		}
		if err := lw.f.SetCellStyle(lw.sheet, cell, cell, style(i)); err != nil {
			return err
		}
		if text != "" {
			perLine := max(1, int((lw.mm[i]-2)/(layoutLetterMM*wide)))
			lines = max(lines, layoutLines(text, perLine))
		}
	}
	return lw.f.SetRowHeight(lw.sheet, lw.row, math.Min(409, float64(lines)*layoutLinePt+layoutPaddingPt))
}

// page sets A4 landscape at 100 %, the margins, the footer and the header
// row repeated on every page.
func (lw *layoutWriter) page() error {
	size, orient, scale := 9, "landscape", uint(100)
	if err := lw.f.SetPageLayout(lw.sheet, &excelize.PageLayoutOptions{Size: &size, Orientation: &orient, AdjustTo: &scale}); err != nil {
		return err
	}
	m, centred := func(v float64) *float64 { return &v }, true
	if err := lw.f.SetPageMargins(lw.sheet, &excelize.PageLayoutMarginsOptions{Left: m(layoutMarginX), Right: m(layoutMarginX),
		Top: m(0.4), Bottom: m(0.5), Header: m(0.2), Footer: m(0.2), Horizontally: &centred}); err != nil {
		return err
	}
	var pages []string
	for _, lang := range lw.t.Langs {
		pages = append(pages, assets.T(lang, "xlsx.page_of", map[string]string{"Page": "&P", "Pages": "&N"}))
	}
	if err := lw.f.SetHeaderFooter(lw.sheet, &excelize.HeaderFooterOptions{
		OddFooter: "&L&8" + headerText(lw.t.Heading[0][0], 100) + "&R&8" + strings.Join(pages, " / "),
	}); err != nil {
		return err
	}
	freeze := fmt.Sprintf("A%d", lw.headRow+1)
	if err := lw.f.SetPanes(lw.sheet, &excelize.Panes{Freeze: true, YSplit: lw.headRow, TopLeftCell: freeze, ActivePane: "bottomLeft"}); err != nil {
		return err
	}
	return lw.f.SetDefinedName(&excelize.DefinedName{Name: "_xlnm.Print_Titles",
		RefersTo: quoteSheet(lw.sheet) + fmt.Sprintf("!$%d:$%d", lw.headRow, lw.headRow), Scope: lw.sheet})
}

// sheetTitle makes a valid sheet name: at most 31 characters, none of
// []:*?/\.
func sheetTitle(s string) string {
	s = strings.Map(func(r rune) rune {
		if strings.ContainsRune(`[]:*?/\`, r) {
			return ' '
		}
		return r
	}, s)
	if r := []rune(s); len(r) > 31 {
		s = string(r[:31])
	}
	return s
}

// layoutLines counts the lines text takes wrapped to perLine letters the
// way LibreOffice and Excel wrap: between words and after a hyphen
// ("научно-" | "исследовательский"); a longer word is broken.
func layoutLines(text string, perLine int) int {
	n := 0
	for _, para := range strings.Split(text, "\n") {
		n++
		used := 0
		for _, word := range strings.Fields(para) {
			parts := strings.SplitAfter(word, "-")
			for i, part := range parts {
				l := utf8.RuneCountInString(part)
				if l == 0 {
					continue
				}
				gap := 1
				if i > 0 || used == 0 {
					gap = 0
				}
				if used+gap+l <= perLine {
					used += gap + l
					continue
				}
				if used > 0 {
					n++
				}
				n += (l - 1) / perLine
				used = (l-1)%perLine + 1
			}
		}
	}
	return max(n, 1)
}
