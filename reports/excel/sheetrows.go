package excel

import (
	"bytes"
	"io"
	"regexp"
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
	rs := &rowScan{sst: sst}
	inData, rowNo, next := false, 0, 1
	for {
		raw, err := s.text()
		if err == io.EOF && !inData {
			return nil // no sheetData: no rows
		} else if err != nil {
			return errSheetXML
		}
		if rs.capture != nil {
			if *rs.capture, err = appendText(*rs.capture, raw); err != nil {
				return err
			}
		}
		t, err := s.tag()
		if err != nil {
			return err
		}
		if len(t) == 0 {
			return errSheetXML
		}
		switch t[0] {
		case '?':
			continue
		case '!':
			if c, ok := cdata(t); ok && rs.capture != nil {
				*rs.capture = append(*rs.capture, c...)
			} else if bytes.HasPrefix(t, []byte("!DOCTYPE")) {
				if next > 1 {
					return errSheetXML
				}
				return errSheetFallback
			}
			continue
		}
		name, end, empty := tagName(t)
		if !inData {
			inData = string(name) == "sheetData" && !end && !empty
			continue
		}
		switch string(name) {
		case "sheetData":
			if end {
				return nil
			}
		case "row":
			if !end {
				if rowNo, err = rowNumber(t, next); err != nil {
					return err
				}
				rs.cells = nil
			}
			if end || empty {
				more, err := rs.emit(rowNo, &next, fn)
				if err != nil || !more {
					return err
				}
			}
		default:
			if err := rs.element(name, t, end, empty); err != nil {
				return err
			}
		}
	}
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

// emit hands fn the rows before row that the part left out, then row.
// A row numbered before the one read last is damage (excelize would join
// its cells to the row before, or drop them).
func (rs *rowScan) emit(row int, next *int, fn func(int, []string) (bool, error)) (bool, error) {
	if row < *next {
		return false, errSheetXML
	}
	for ; *next < row; *next++ {
		if more, err := fn(*next, nil); err != nil || !more {
			return false, err
		}
	}
	*next = row + 1
	return fn(row, rs.cells)
}

// element takes a tag inside a row.
func (rs *rowScan) element(name, t []byte, end, empty bool) error {
	switch string(name) {
	case "c":
		if !end {
			if err := rs.startCell(t); err != nil {
				return err
			}
		}
		if end || empty {
			rs.endCell()
		}
	case "v":
		rs.capture = nil
		if !end && !empty && rs.inCell {
			rs.capture = &rs.v
		}
	case "f":
		rs.hasF = rs.hasF || (rs.inCell && !end)
	case "is":
		rs.hasIS = rs.hasIS || (rs.inCell && !end)
	case "t":
		rs.capture = nil
		if !end && !empty && rs.hasIS && !rs.inPh {
			rs.capture = &rs.is
		}
	case "rPh":
		rs.inPh = !end && !empty
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

// readSST reads a shared strings part: the text of each item, its runs
// joined, without phonetic runs, Excel's _xHHHH_ escapes undone.
func readSST(r io.Reader) ([]string, error) {
	s := newXMLScan(r)
	var out []string
	var cur []byte
	var capture *[]byte
	inSI, inPh := false, false
	for {
		raw, err := s.text()
		if err == io.EOF {
			return out, nil
		} else if err != nil {
			return nil, errSheetXML
		}
		if capture != nil {
			if cur, err = appendText(cur, raw); err != nil {
				return nil, err
			}
		}
		t, err := s.tag()
		if err != nil || len(t) == 0 {
			return nil, errSheetXML
		}
		if t[0] == '?' || t[0] == '!' {
			if c, ok := cdata(t); ok && capture != nil {
				cur = append(cur, c...)
			}
			continue
		}
		name, end, empty := tagName(t)
		switch string(name) {
		case "si":
			if !end {
				inSI, cur = true, cur[:0]
			}
			if end || empty {
				out, inSI = append(out, bstrUnescape(string(cur))), false
			}
		case "t":
			capture = nil
			if inSI && !inPh && !end && !empty {
				capture = &cur
			}
		case "rPh":
			inPh = !end && !empty
		}
	}
}

var bstrEscape = regexp.MustCompile(`_x[a-fA-F\d]{4}_`)

// bstrUnescape undoes Excel's _xHHHH_ escapes of characters XML cannot
// hold, as excelize does for shared and inline strings.
func bstrUnescape(s string) string {
	if !strings.Contains(s, "_x") {
		return s
	}
	return bstrEscape.ReplaceAllStringFunc(s, func(m string) string {
		if m == "_x005F_" {
			return "_"
		}
		v, _ := strconv.Unquote(`"\u` + m[2:6] + `"`)
		return v
	})
}
