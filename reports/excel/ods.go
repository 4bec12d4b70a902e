package excel

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"errors"
	"io"
	"strconv"
	"strings"
	"time"

	"github.com/xuri/excelize/v2"
)

// timeValue is a date read from a file that is not an .xlsx.
type timeValue struct{ t time.Time }

// isODS reports whether a zip is an OpenDocument spreadsheet.
func isODS(data []byte) bool {
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		return false
	}
	for _, zf := range zr.File {
		if zf.Name == "mimetype" {
			rc, err := zf.Open()
			if err != nil {
				return false
			}
			defer rc.Close()
			b, _ := io.ReadAll(io.LimitReader(rc, 100))
			return strings.HasPrefix(string(b), "application/vnd.oasis.opendocument.spreadsheet")
		}
	}
	return false
}

// odsToXlsx reads the tables of an OpenDocument spreadsheet: text, numbers
// and dates, merged cells; repeated empty rows and columns are not
// materialised.
func odsToXlsx(data []byte, lim Limits) ([]byte, error) {
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		return nil, problem("xlsx.err.not_xlsx")
	}
	if _, err := checkParts(zr, lim); err != nil {
		return nil, err
	}
	for _, zf := range zr.File {
		if zf.Name != "content.xml" {
			continue
		}
		rc, err := zf.Open()
		if err != nil {
			return nil, problem("xlsx.err.damaged", "Part", zf.Name)
		}
		defer rc.Close()
		sheets, err := readODS(rc, lim)
		if err != nil {
			return nil, err
		}
		if len(sheets) == 0 {
			return nil, problem("xlsx.err.not_xlsx")
		}
		return buildBook(sheets)
	}
	return nil, problem("xlsx.err.not_xlsx")
}

// odsReader holds the state of reading content.xml.
type odsReader struct {
	lim    Limits
	sheets []bookSheet
	cur    *bookSheet
	row    []any
	rowN   int // rows of the current table so far (0-based index of the next)
	cell   odsCell
	inCell bool
	text   strings.Builder
	paras  int
	rowRep int // how many times the current row repeats
}

type odsCell struct {
	value          any
	repeat, spanC  int
	spanR, covered int
}

func readODS(r io.Reader, lim Limits) ([]bookSheet, error) {
	o := &odsReader{lim: lim}
	d := xml.NewDecoder(r)
	for {
		tok, err := d.Token()
		if errors.Is(err, io.EOF) {
			return o.sheets, nil
		}
		if err != nil {
			return nil, problem("xlsx.err.damaged", "Part", "content.xml")
		}
		if err := o.token(tok); err != nil {
			return nil, err
		}
	}
}

func attr(e xml.StartElement, name string) string {
	for _, a := range e.Attr {
		if a.Name.Local == name {
			return a.Value
		}
	}
	return ""
}

func attrInt(e xml.StartElement, name string, def int) int {
	if n, err := strconv.Atoi(attr(e, name)); err == nil && n > 0 {
		return n
	}
	return def
}

func (o *odsReader) token(tok xml.Token) error {
	switch t := tok.(type) {
	case xml.StartElement:
		return o.start(t)
	case xml.EndElement:
		return o.end(t)
	case xml.CharData:
		if o.inCell {
			o.text.Write(t)
		}
	}
	return nil
}

func (o *odsReader) start(t xml.StartElement) error {
	switch t.Name.Local {
	case "table":
		o.sheets = append(o.sheets, bookSheet{name: attr(t, "name"), cells: [][]any{}})
		o.cur, o.rowN = &o.sheets[len(o.sheets)-1], 0
	case "table-row":
		o.row, o.rowRep = nil, attrInt(t, "number-rows-repeated", 1)
	case "table-cell", "covered-table-cell":
		o.inCell, o.paras = true, 0
		o.text.Reset()
		o.cell = odsCell{repeat: attrInt(t, "number-columns-repeated", 1), spanC: attrInt(t, "number-columns-spanned", 1),
			spanR: attrInt(t, "number-rows-spanned", 1), covered: boolInt(t.Name.Local == "covered-table-cell")}
		o.cell.value = odsValue(t)
	case "p":
		if o.inCell && o.paras > 0 {
			o.text.WriteByte('\n')
		}
		o.paras++
	case "s":
		if o.inCell {
			o.text.WriteString(strings.Repeat(" ", attrInt(t, "c", 1)))
		}
	case "tab":
		if o.inCell {
			o.text.WriteByte('\t')
		}
	case "line-break":
		if o.inCell {
			o.text.WriteByte('\n')
		}
	}
	return nil
}

func boolInt(b bool) int {
	if b {
		return 1
	}
	return 0
}

// odsValue is a cell's typed value: a number, a date, or nil for text.
func odsValue(t xml.StartElement) any {
	switch attr(t, "value-type") {
	case "float", "percentage", "currency":
		if v, err := strconv.ParseFloat(attr(t, "value"), 64); err == nil {
			return v
		}
	case "date":
		s := attr(t, "date-value")
		if len(s) >= 10 {
			if d, err := time.Parse("2006-01-02", s[:10]); err == nil {
				return timeValue{d}
			}
		}
	}
	return nil
}

func (o *odsReader) end(t xml.EndElement) error {
	switch t.Name.Local {
	case "table-cell", "covered-table-cell":
		o.endCell()
	case "table-row":
		return o.endRow()
	case "table":
		o.cur = nil
	}
	return nil
}

// endCell adds the cell just read (repeated as it says, up to column
// 1024) to the row, and its merged range to the sheet.
func (o *odsReader) endCell() {
	o.inCell = false
	v := o.cell.value
	if v == nil {
		v = o.text.String()
	}
	col := len(o.row)
	if v != "" && o.cell.covered == 0 && (o.cell.spanC > 1 || o.cell.spanR > 1) && o.cur != nil {
		from, _ := excelize.CoordinatesToCellName(col+1, o.rowN+1)
		to, _ := excelize.CoordinatesToCellName(col+o.cell.spanC, o.rowN+o.cell.spanR)
		o.cur.merges = append(o.cur.merges, [2]string{from, to})
	}
	for range min(o.cell.repeat, max(0, 1024-col)) {
		o.row = append(o.row, v)
	}
}

// endRow adds the row just read to the sheet, repeated as it says (up to
// 100 times); empty rows are only counted.
func (o *odsReader) endRow() error {
	if o.cur == nil {
		return nil
	}
	for len(o.row) > 0 && o.row[len(o.row)-1] == "" {
		o.row = o.row[:len(o.row)-1]
	}
	if len(o.row) == 0 {
		o.rowN += o.rowRep
		return nil
	}
	for range min(o.rowRep, 100) {
		for len(o.cur.cells) < o.rowN {
			o.cur.cells = append(o.cur.cells, nil)
		}
		o.cur.cells = append(o.cur.cells, o.row)
		o.rowN++
	}
	if len(o.cur.cells) > o.lim.Rows {
		return problem("xlsx.err.too_many_rows", "Sheet", o.cur.name, "Max", strconv.Itoa(o.lim.Rows))
	}
	return nil
}
