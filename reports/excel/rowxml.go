package excel

import (
	"bytes"
	"hash/crc32"
	"strconv"
	"unicode/utf8"

	"github.com/klauspost/compress/flate"
	"github.com/xuri/excelize/v2"

	"github.com/partnerdesk/partnerdesk/model"
)

// The data rows of the register's tables are written as SpreadsheetML
// here, not through excelize's StreamWriter.SetRow: that takes about six
// allocations and a style lookup per cell, and the register has millions
// of cells. excelize still writes everything else (the header row, column
// widths, panes, autofilter, page setup, styles, the Summary sheet and its
// charts); registerZip joins the rows into its sheets while it writes the
// zip. The XML is what SetRow writes for the same values.

// compressLevel is the deflate level of the table sheets' rows: the
// default, as excelize's zip writer uses. The rows are compressed with
// klauspost/compress's deflate, which makes the same format at about the
// speed of the standard library's level 2 and within a few per cent of its
// level 6 size (see BENCHMARKS.md).
var compressLevel = flate.DefaultCompression

// chunkSize is how much row XML is handed to a sheet's compressor at once.
const chunkSize = 256 << 10

// rowXML builds the XML of one sheet's data rows and compresses it, in
// chunks, on a goroutine of its own, so that the rows of the next
// agreements are formatted while earlier ones compress.
type rowXML struct {
	cols  []string // column letters
	buf   []byte   // row XML not yet handed to the compressor
	row   []byte   // the row being built
	rowNo []byte   // its number, as text
	work  chan []byte
	free  chan []byte
	done  chan error
	// Filled by the compressor, read after done.
	out  bytes.Buffer // deflated XML, ended by a sync flush (not final)
	crc  uint32       // CRC-32 of the XML
	size int64        // bytes of XML
}

func newRowXML(cols int) *rowXML {
	x := &rowXML{work: make(chan []byte, 2), free: make(chan []byte, 3), done: make(chan error, 1)}
	for i := range cols {
		name, _ := excelize.ColumnNumberToName(i + 1)
		x.cols = append(x.cols, name)
	}
	x.buf = make([]byte, 0, chunkSize+64<<10)
	go x.compress(x.work)
	return x
}

// compress deflates the chunks it is handed until work is closed.
func (x *rowXML) compress(work <-chan []byte) {
	fw, err := flate.NewWriter(&x.out, compressLevel)
	if err != nil {
		x.done <- err
		return
	}
	for b := range work {
		x.crc = crc32.Update(x.crc, crc32.IEEETable, b)
		x.size += int64(len(b))
		if err == nil {
			_, err = fw.Write(b)
		}
		select {
		case x.free <- b[:0]:
		default:
		}
	}
	if err == nil {
		err = fw.Flush()
	}
	x.done <- err
}

// close hands over the last rows and waits for the compressor.
func (x *rowXML) close() error {
	if x.work == nil {
		return nil
	}
	if len(x.buf) > 0 {
		x.work <- x.buf
	}
	close(x.work)
	x.work = nil
	return <-x.done
}

// startRow begins row r, height points high.
func (x *rowXML) startRow(r int, height float64) {
	x.rowNo = strconv.AppendInt(x.rowNo[:0], int64(r), 10)
	x.row = append(x.row[:0], `<row r="`...)
	x.row = append(x.row, x.rowNo...)
	x.row = append(x.row, `" ht="`...)
	x.row = strconv.AppendFloat(x.row, height, 'f', -1, 64)
	x.row = append(x.row, `" customHeight="1">`...)
}

// endRow ends the row and queues it for compression.
func (x *rowXML) endRow() {
	x.buf = append(x.buf, x.row...)
	x.buf = append(x.buf, `</row>`...)
	if len(x.buf) >= chunkSize {
		x.work <- x.buf
		select {
		case b := <-x.free:
			x.buf = b
		default:
			x.buf = make([]byte, 0, chunkSize+64<<10)
		}
	}
}

// open writes the start of cell col of the current row with its style.
func (x *rowXML) open(col, style int, typ string) {
	x.row = append(x.row, `<c r="`...)
	x.row = append(x.row, x.cols[col]...)
	x.row = append(x.row, x.rowNo...)
	x.row = append(x.row, '"')
	if style != 0 {
		x.row = append(x.row, ` s="`...)
		x.row = strconv.AppendInt(x.row, int64(style), 10)
		x.row = append(x.row, '"')
	}
	x.row = append(x.row, typ...)
}

// empty writes an empty cell, which shows its style (borders).
func (x *rowXML) empty(col, style int) { x.open(col, style, `/>`) }

// int writes a number cell.
func (x *rowXML) int(col, style, v int) {
	x.open(col, style, `><v>`)
	x.row = strconv.AppendInt(x.row, int64(v), 10)
	x.row = append(x.row, `</v></c>`...)
}

// float writes a number cell.
func (x *rowXML) float(col, style int, v float64) {
	x.open(col, style, `><v>`)
	x.row = strconv.AppendFloat(x.row, v, 'f', -1, 64)
	x.row = append(x.row, `</v></c>`...)
}

// date writes a date cell: its serial day number, shown by the style's
// date format.
func (x *rowXML) date(col, style int, d model.Date) {
	if serial, ok := excelSerial(d); ok {
		x.int(col, style, serial)
		return
	}
	x.text(col, style, d.ISO())
}

// text writes an inline string cell.
func (x *rowXML) text(col, style int, s string) {
	if s == "" {
		x.open(col, style, `/>`)
		return
	}
	x.open(col, style, ` t="inlineStr"><is><t`)
	switch s[0] {
	case ' ', '\t', '\n', '\r':
		x.row = append(x.row, ` xml:space="preserve"`...)
	default:
		switch s[len(s)-1] {
		case ' ', '\t', '\n', '\r':
			x.row = append(x.row, ` xml:space="preserve"`...)
		}
	}
	x.row = append(x.row, '>')
	x.row = appendEscaped(x.row, s)
	x.row = append(x.row, `</t></is></c>`...)
}

// asciiEscapes are the XML escapes of the ASCII characters that need one
// in cell text, as xml.EscapeText writes them; a control character XML
// cannot hold becomes U+FFFD.
var asciiEscapes = func() (t [utf8.RuneSelf]string) {
	for c := range 0x20 {
		t[c] = "\uFFFD"
	}
	t['\n'] = "" // kept as it is: a line break in the cell
	t['\t'], t['\r'] = "&#x9;", "&#xD;"
	t['&'], t['<'], t['>'], t['"'], t['\''] = "&amp;", "&lt;", "&gt;", "&#34;", "&#39;"
	return t
}()

// appendEscaped appends s escaped as XML text the way excelize escapes
// cell text: markup characters as entities, characters XML cannot hold as
// U+FFFD, and text that reads like Excel's _xHHHH_ escape protected by
// _x005F.
func appendEscaped(b []byte, s string) []byte {
	last := 0
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			if esc := asciiEscapes[c]; esc != "" {
				b = append(append(b, s[last:i]...), esc...)
				last = i + 1
			} else if c == '_' && isExcelEscape(s[i:]) {
				b = append(append(b, s[last:i]...), "_x005F"...)
				last = i
			}
			i++
			continue
		}
		r, n := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && n == 1 || r == 0xFFFE || r == 0xFFFF {
			b = append(append(b, s[last:i]...), "\uFFFD"...)
			last = i + n
		}
		i += n
	}
	return append(b, s[last:]...)
}

// isExcelEscape reports whether s starts with _xHHHH_.
func isExcelEscape(s string) bool {
	if len(s) < 7 || s[1] != 'x' || s[6] != '_' {
		return false
	}
	for _, c := range []byte(s[2:6]) {
		if !('0' <= c && c <= '9' || 'a' <= c && c <= 'f' || 'A' <= c && c <= 'F') {
			return false
		}
	}
	return true
}

// excelSerial returns the date as Excel's serial day number (1900 date
// system), and false before 1 March 1900, which the system cannot hold
// without its leap-year error.
func excelSerial(d model.Date) (int, bool) {
	if d < 19000301 {
		return 0, false
	}
	return daysFromCivil(d.Year(), int(d.Month()), d.Day()) - daysFromCivil(1899, 12, 30), true
}

// daysFromCivil counts days from 1 January 1970 to y-m-d (proleptic
// Gregorian calendar; H. Hinnant's algorithm).
func daysFromCivil(y, m, d int) int {
	if m <= 2 {
		y--
	}
	era := y / 400
	if y < 0 && y%400 != 0 {
		era--
	}
	yoe := y - era*400
	mp := (m + 9) % 12
	doy := (153*mp+2)/5 + d - 1
	doe := yoe*365 + yoe/4 - yoe/100 + doy
	return era*146097 + doe - 719468
}
