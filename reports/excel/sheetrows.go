package excel

import (
	"io"
	"strconv"
	"strings"
)

// Limits of the format, as excelize checks them.
const (
	maxSheetRows = 1_048_576
	maxSheetCols = 16_384
)

// cellType is a cell's t attribute, as far as reading values needs it.
type cellType uint8

const (
	cellOther cellType = iota
	cellShared
	cellInline
)

// rowScan is the state of sheetRows.
type rowScan struct {
	sst     []string
	fn      func(row int, cells []string) (bool, error)
	row     int // the row being read
	next    int // the row expected next
	cells   []string
	col     int // the column of the current cell
	typ     cellType
	v, is   []byte // the cell's value and inline text, unescaped
	hasF    bool
	hasIS   bool
	capture *[]byte // where text goes: v, is or nowhere
	inPh    bool    // inside a phonetic run, whose text is not the value
	inCell  bool
}

// sheetRows reads the rows of a worksheet part as excelize's Rows and
// Columns with RawCellValue do: fn gets every row number from 1 to the
// last row, in order, a row the part leaves out with no cells. It returns
// errSheetXML for a part that is not well-formed where it reads it, and
// errSheetFallback (before any row) for one that it leaves to excelize.
func sheetRows(r io.Reader, sst []string, fn func(row int, cells []string) (bool, error)) error {
	s := newXMLScan(r)
	rs := &rowScan{sst: sst, fn: fn, next: 1}
	inData := false
	for {
		t, err := s.next(rs.capture)
		switch {
		case err == io.EOF && !inData:
			return nil // no sheetData: no rows
		case err == errDoctype && rs.next == 1:
			return errSheetFallback
		case err != nil:
			return errSheetXML
		case !inData:
			inData = string(t.name) == "sheetData" && !t.end && !t.empty
			continue
		}
		if more, err := rs.take(t); err != nil || !more {
			return err
		}
	}
}

// take takes a tag inside sheetData; false at its end or when fn says so.
func (rs *rowScan) take(t xmlTag) (bool, error) {
	switch string(t.name) {
	case "sheetData":
		return !t.end, nil
	case "row":
		if !t.end {
			n, err := rowNumber(t.raw, rs.next)
			if err != nil {
				return false, err
			}
			rs.row, rs.cells = n, nil
		}
		if t.end || t.empty {
			return rs.emit()
		}
	case "c":
		return true, rs.cell(t)
	default:
		rs.element(t)
	}
	return true, nil
}

// rowNumber returns a row's number: its r attribute, or next.
func rowNumber(t []byte, next int) (int, error) {
	v, ok := xmlAttr(t, "r")
	if !ok {
		return next, nil
	}
	n, err := strconv.Atoi(string(v))
	if err != nil || n < 1 || n > maxSheetRows {
		return 0, errSheetXML
	}
	return n, nil
}

// emit hands fn the rows before the current one that the part left out,
// then the current one. A row numbered before the one read last is damage
// (excelize would join its cells to the row before, or drop them).
func (rs *rowScan) emit() (bool, error) {
	if rs.row < rs.next {
		return false, errSheetXML
	}
	for ; rs.next < rs.row; rs.next++ {
		if more, err := rs.fn(rs.next, nil); err != nil || !more {
			return false, err
		}
	}
	rs.next = rs.row + 1
	return rs.fn(rs.row, rs.cells)
}

// cell takes a cell's start or end tag.
func (rs *rowScan) cell(t xmlTag) error {
	if !t.end {
		if err := rs.startCell(t.raw); err != nil {
			return err
		}
	}
	if t.end || t.empty {
		rs.endCell()
	}
	return nil
}

// element takes a tag inside a cell.
func (rs *rowScan) element(t xmlTag) {
	open := !t.end && !t.empty
	switch string(t.name) {
	case "v":
		rs.capture = captureIf(open && rs.inCell, &rs.v)
	case "f":
		rs.hasF = rs.hasF || (rs.inCell && !t.end)
	case "is":
		rs.hasIS = rs.hasIS || (rs.inCell && !t.end)
	case "t":
		rs.capture = captureIf(open && rs.hasIS && !rs.inPh, &rs.is)
	case "rPh":
		rs.inPh = open
	}
}

// captureIf returns dst if ok, else nil (text read goes nowhere).
func captureIf(ok bool, dst *[]byte) *[]byte {
	if ok {
		return dst
	}
	return nil
}

func (rs *rowScan) startCell(t []byte) error {
	rs.inCell, rs.typ, rs.hasF, rs.hasIS, rs.inPh, rs.capture = true, cellOther, false, false, false, nil
	rs.v, rs.is = rs.v[:0], rs.is[:0]
	rs.col++
	if ref, ok := xmlAttr(t, "r"); ok {
		col, ok := columnOf(ref)
		if !ok {
			return errSheetXML
		}
		rs.col = col
	}
	if typ, ok := xmlAttr(t, "t"); ok {
		switch string(typ) {
		case "s":
			rs.typ = cellShared
		case "inlineStr":
			rs.typ = cellInline
		}
	}
	return nil
}

// endCell adds the cell's value, as excelize does: padded to its column,
// when it has a value or a formula.
func (rs *rowScan) endCell() {
	if !rs.inCell {
		return
	}
	rs.inCell, rs.capture = false, nil
	val := rs.value()
	if val == "" && !rs.hasF {
		return
	}
	for len(rs.cells) < rs.col-1 {
		rs.cells = append(rs.cells, "")
	}
	rs.cells = append(rs.cells, val)
}

func (rs *rowScan) value() string {
	switch {
	case rs.typ == cellShared:
		if len(rs.v) == 0 {
			return ""
		}
		i, _ := strconv.Atoi(strings.TrimSpace(string(rs.v))) // excelize: index 0 when unreadable
		if i < 0 || i >= len(rs.sst) {
			return ""
		}
		return rs.sst[i]
	case rs.typ == cellInline && rs.hasIS:
		return bstrUnescape(string(rs.is))
	}
	return string(rs.v)
}

// rawRows reads a sheet's rows with sheetRows, or returns
// errSheetFallback when excelize should.
func (w *Workbook) rawRows(sheet string, fn func(int, []string) (bool, error)) error {
	part, ok := w.parts[sheet]
	if !ok || w.zr == nil {
		return errSheetFallback
	}
	w.sstOnce.Do(func() { w.sst, w.sstErr = w.readSST() })
	if w.sstErr != nil {
		return errSheetFallback
	}
	zf := w.part(part)
	if zf == nil {
		return errSheetFallback
	}
	rc, err := zf.Open()
	if err != nil {
		return problem("xlsx.err.damaged", "Part", sheet)
	}
	defer rc.Close()
	err = sheetRows(rc, w.sst, fn)
	if err == errSheetXML {
		return problem("xlsx.err.damaged", "Part", sheet)
	}
	return err
}

// columnOf returns the column of a cell reference such as "AB12".
func columnOf(ref []byte) (int, bool) {
	col, i := 0, 0
	for ; i < len(ref) && i < 4; i++ {
		c := ref[i] | 0x20 // lower case
		if c < 'a' || c > 'z' {
			break
		}
		col = col*26 + int(c-'a') + 1
	}
	if i == 0 || col > maxSheetCols {
		return 0, false
	}
	row, err := strconv.Atoi(string(ref[i:]))
	if err != nil || row < 1 || row > maxSheetRows {
		return 0, false
	}
	return col, true
}
