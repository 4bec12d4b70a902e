package excel

import (
	"math"
	"strconv"
	"unicode/utf8"
)

// line writes one text line in column A with a style (0: none).
func (d *diagSheet) line(text string, style int) error {
	if err := d.f.SetCellValue(d.name, d.cell(1, d.row), text); err != nil {
		return err
	}
	if style != 0 {
		if err := d.f.SetCellStyle(d.name, d.cell(1, d.row), d.cell(1, d.row), style); err != nil {
			return err
		}
	}
	d.row++
	return nil
}

// para writes a paragraph across the tables' width (columns A to H,
// merged), wrapped, so that long sentences neither run off the printed
// page nor hide under the next cell.
func (d *diagSheet) para(text string) error {
	from, to := d.cell(1, d.row), d.cell(lastCol, d.row)
	if err := d.f.SetCellValue(d.name, from, text); err != nil {
		return err
	}
	if err := d.f.MergeCell(d.name, from, to); err != nil {
		return err
	}
	if err := d.f.SetCellStyle(d.name, from, to, d.wrap); err != nil {
		return err
	}
	lines := (utf8.RuneCountInString(text) + 139) / 140
	if lines > 1 {
		if err := d.f.SetRowHeight(d.name, d.row, float64(15*lines)); err != nil {
			return err
		}
	}
	d.row++
	return nil
}

// lastCol is the last column of the tables (H).
const lastCol = 8

// head writes a header row.
func (d *diagSheet) head(cells []string) error {
	for c, h := range cells {
		if err := d.f.SetCellValue(d.name, d.cell(c+1, d.row), h); err != nil {
			return err
		}
	}
	if err := d.f.SetCellStyle(d.name, d.cell(1, d.row), d.cell(len(cells), d.row), d.st.header); err != nil {
		return err
	}
	height := 30.0
	for _, c := range cells[1:] {
		if utf8.RuneCountInString(c) > 24 {
			height = 45
		}
	}
	if err := d.f.SetRowHeight(d.name, d.row, height); err != nil {
		return err
	}
	d.row++
	return nil
}

// body writes rows whose first `text` cells are text and the rest numbers
// (written as numbers so Excel can chart and sum them; "–" stays text).
func (d *diagSheet) body(rows [][]string, text int) (first, last int, err error) {
	first = d.row
	for _, r := range rows {
		for c, v := range r {
			ax := d.cell(c+1, d.row)
			style := d.st.byKind[styleText]
			var val any = v
			if c >= text {
				style = d.num
				if f, ok := number(v); ok {
					val = f
				}
			}
			if err := d.f.SetCellValue(d.name, ax, val); err != nil {
				return 0, 0, err
			}
			if err := d.f.SetCellStyle(d.name, ax, ax, style); err != nil {
				return 0, 0, err
			}
		}
		d.row++
	}
	return first, d.row - 1, nil
}

// number reads a number as the reports print it ("30", "33,3").
func number(s string) (float64, bool) {
	b := []byte(s)
	for i := range b {
		if b[i] == ',' {
			b[i] = '.'
		}
	}
	f, err := strconv.ParseFloat(string(b), 64)
	return f, err == nil && !math.IsNaN(f)
}
