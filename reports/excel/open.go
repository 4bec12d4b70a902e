package excel

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"errors"
	"io"
	"os"
	"path"
	"strconv"
	"strings"
	"sync"

	"github.com/partnerdesk/partnerdesk/reports"

	"github.com/klauspost/compress/flate"
	"github.com/xuri/excelize/v2"

	"github.com/partnerdesk/partnerdesk/reports/interchange"
)

// Limits bound what OpenWorkbook reads of a file that may be hostile. A
// file over any of them is refused at once, before it is unpacked.
type Limits struct {
	File  int64 // the .xlsx file, in bytes
	Unzip int64 // all its parts unpacked
	Part  int64 // one part unpacked (a sheet, the shared strings)
	Parts int   // number of parts
	Cells int   // cells per sheet, counting the gaps before the last cell of each row
	Rows  int   // rows per sheet
	// Ratio bounds how many times larger than its compressed size a part
	// of more than 16 MiB may unpack: sheets compress 5 to 30 times, a
	// zip bomb a thousand times. 0 means no bound.
	Ratio int64
}

// DefaultLimits admit any register people keep by hand and any register
// PartnerDesk exports (50,000 agreements: a 36 MiB file unpacking to
// 444 MiB, its largest sheet 152 MiB, read as a stream), and refuse a
// zip bomb from the sizes its headers declare.
func DefaultLimits() Limits {
	return Limits{File: 128 << 20, Unzip: 2 << 30, Part: 1 << 30, Parts: 2000, Cells: 4_000_000, Rows: 1_000_000, Ratio: 250}
}

// bigPart is the size from which excelize keeps a part in a temporary
// file rather than in memory, and from which Limits.Ratio applies.
const bigPart = 16 << 20

// Workbook is an opened register (or any workbook) to import from.
type Workbook struct {
	// Defaults are the values used for what the file does not say;
	// OpenWorkbook sets DefaultValues.
	Defaults Defaults
	f        *excelize.File
	name     string
	lim      Limits
	date1904 bool
	company  string
	merges   map[string][]mergeRange // by sheet name, sorted by first row
	// zr is the file's zip and parts its worksheet parts by sheet name,
	// for reading rows without excelize (see sheetRows); sst is the
	// shared strings, read once.
	zr      *zip.Reader
	parts   map[string]string
	sstOnce sync.Once
	sst     []string
	sstErr  error
}

// OpenWorkbookFile opens the workbook at path; see OpenWorkbook.
func OpenWorkbookFile(path string, lim Limits) (*Workbook, error) {
	fh, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer fh.Close()
	return OpenWorkbook(fh, path, lim)
}

// OpenWorkbook reads a workbook from r (name is for messages and, for a
// .csv, .txt or .tsv, says the file is text): an .xlsx or .xlsm, an .ods
// or a CSV file (see convert). It refuses,
// with an interchange.Problem, a file over the limits (a zip bomb, a huge
// sheet), one that is not an .xlsx workbook, and one whose parts are not
// well-formed XML. The Workbook must be closed.
func OpenWorkbook(r io.Reader, name string, lim Limits) (*Workbook, error) {
	data, err := io.ReadAll(io.LimitReader(r, lim.File+1))
	if err != nil {
		return nil, err
	}
	if int64(len(data)) > lim.File {
		return nil, problem("xlsx.err.too_big", "Max", reports.FormatSize(lim.File))
	}
	conv, err := convert(data, name, lim)
	if err != nil {
		return nil, err
	}
	if conv != nil {
		data = conv
	}
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		return nil, problem("xlsx.err.not_xlsx")
	}
	// klauspost's inflater is about twice the standard library's speed on
	// the hundreds of MiB of XML of a large register, read twice.
	zr.RegisterDecompressor(zip.Deflate, func(r io.Reader) io.ReadCloser { return flate.NewReader(r) })
	parts, err := checkParts(zr, lim)
	if err != nil {
		return nil, err
	}
	f, err := excelize.OpenReader(bytes.NewReader(data), excelize.Options{UnzipSizeLimit: lim.Unzip, UnzipXMLSizeLimit: min(lim.Part, bigPart)})
	if err != nil {
		return nil, problem("xlsx.err.not_xlsx")
	}
	names := sheetParts(zr)
	w := &Workbook{f: f, name: name, lim: lim, Defaults: DefaultValues(), merges: sheetMerges(names, parts), zr: zr, parts: names}
	if props, err := f.GetWorkbookProps(); err == nil && props.Date1904 != nil {
		w.date1904 = *props.Date1904
	}
	if app, err := f.GetAppProps(); err == nil {
		w.company = app.Company
	}
	if len(f.GetSheetList()) == 0 {
		f.Close()
		return nil, problem("xlsx.err.not_xlsx")
	}
	return w, nil
}

func problem(key string, args ...string) interchange.Problem {
	return interchange.NewProblem(interchange.Loc{}, key, args...)
}

// Close releases the workbook.
func (w *Workbook) Close() error { return w.f.Close() }

// checkParts refuses a zip whose parts claim too much, then reads every XML
// part to check that it is well-formed and that no sheet holds too many
// cells. archive/zip stops reading a part at its declared size, so a part
// that lies about its size fails here too.
//
// It returns the merged ranges of each worksheet part, found on the way:
// asking excelize for them would decode a whole sheet into memory.
func checkParts(zr *zip.Reader, lim Limits) (map[string][]mergeRange, error) {
	if len(zr.File) > lim.Parts {
		return nil, problem("xlsx.err.too_many_parts", "Max", strconv.Itoa(lim.Parts))
	}
	var total uint64
	for _, zf := range zr.File {
		size := zf.UncompressedSize64
		total += size
		if size > uint64(lim.Part) {
			return nil, problem("xlsx.err.part_too_big", "Part", zf.Name, "Max", reports.FormatSize(lim.Part))
		}
		if max := zf.CompressedSize64 * uint64(lim.Ratio); lim.Ratio > 0 && size > bigPart && size > max {
			return nil, problem("xlsx.err.part_too_big", "Part", zf.Name, "Max", reports.FormatSize(int64(max)))
		}
		if total > uint64(lim.Unzip) {
			return nil, problem("xlsx.err.unzip_too_big", "Max", reports.FormatSize(lim.Unzip))
		}
	}
	merges := map[string][]mergeRange{}
	for _, zf := range zr.File {
		ext := strings.ToLower(path.Ext(zf.Name))
		if ext != ".xml" && ext != ".rels" {
			continue
		}
		check := checkXML
		if zf.UncompressedSize64 > bigPart && strings.HasPrefix(strings.ToLower(zf.Name), "xl/worksheets/") {
			check = scanBigSheet // read as a stream later, its rows and cells counted then
		}
		m, err := check(zf, lim)
		if err != nil {
			return nil, err
		}
		if len(m) > 0 {
			merges[zf.Name] = m
		}
	}
	return merges, nil
}

// checkXML reads one part as XML: it must be well-formed, and a
// worksheet may not imply more than lim.Cells cells.
func checkXML(zf *zip.File, lim Limits) ([]mergeRange, error) {
	rc, err := zf.Open()
	if err != nil {
		return nil, problem("xlsx.err.damaged", "Part", zf.Name)
	}
	defer rc.Close()
	c := &partChecker{name: zf.Name, lim: lim, sheet: strings.HasPrefix(strings.ToLower(zf.Name), "xl/worksheets/")}
	d := xml.NewDecoder(rc)
	for {
		tok, err := d.RawToken()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			return nil, problem("xlsx.err.damaged", "Part", zf.Name)
		}
		switch t := tok.(type) {
		case xml.StartElement:
			c.start(t)
		case xml.EndElement:
			if err := c.end(t); err != nil {
				return nil, err
			}
		}
	}
	if len(c.stack) != 0 {
		return nil, problem("xlsx.err.damaged", "Part", zf.Name)
	}
	return c.merges, nil
}

// partChecker follows the elements of one part: their nesting, and in a
// worksheet its merged ranges and the cells its rows imply.
type partChecker struct {
	name               string
	sheet              bool
	lim                Limits
	stack              []string
	merges             []mergeRange
	cells, rowMax, col int
}

func (c *partChecker) start(t xml.StartElement) {
	c.stack = append(c.stack, t.Name.Local)
	if c.sheet && t.Name.Local == "mergeCell" {
		c.merges = appendMerge(c.merges, t.Attr)
	}
	if c.sheet && t.Name.Local == "c" {
		c.col = cellColumn(t.Attr, c.col)
		c.rowMax = max(c.rowMax, c.col)
	}
}

// end closes an element: it must be the one open, and a worksheet's rows
// may not add up to more than lim.Cells cells.
func (c *partChecker) end(t xml.EndElement) error {
	if len(c.stack) == 0 || c.stack[len(c.stack)-1] != t.Name.Local {
		return problem("xlsx.err.damaged", "Part", c.name)
	}
	c.stack = c.stack[:len(c.stack)-1]
	if c.sheet && t.Name.Local == "row" {
		c.cells += max(c.rowMax, 1)
		c.rowMax, c.col = 0, 0
		if c.cells > c.lim.Cells {
			return problem("xlsx.err.too_many_cells", "Sheet", c.name, "Max", strconv.Itoa(c.lim.Cells))
		}
	}
	return nil
}

// cellColumn returns the column number of a <c r="…"> element; one
// without a reference follows the previous cell.
func cellColumn(attrs []xml.Attr, prev int) int {
	for _, a := range attrs {
		if a.Name.Local == "r" {
			if col, _, err := excelize.CellNameToCoordinates(a.Value); err == nil {
				return col
			}
		}
	}
	return prev + 1
}
