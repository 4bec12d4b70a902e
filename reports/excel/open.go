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

	"github.com/partnerdesk/partnerdesk/reports"

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
}

// DefaultLimits are generous for the registers people keep (thousands of
// rows) and for PartnerDesk's own registers of about 10,000 agreements,
// and small enough to keep a hostile file from exhausting memory.
func DefaultLimits() Limits {
	return Limits{File: 32 << 20, Unzip: 160 << 20, Part: 64 << 20, Parts: 2000, Cells: 4_000_000, Rows: 200_000}
}

// Workbook is an opened register (or any workbook) to import from.
type Workbook struct {
	f        *excelize.File
	name     string
	lim      Limits
	date1904 bool
	company  string
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

// OpenWorkbook reads a workbook from r (name is for messages). It refuses,
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
	if bytes.HasPrefix(data, []byte{0xD0, 0xCF, 0x11, 0xE0}) {
		return nil, problem("xlsx.err.old_or_encrypted")
	}
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		return nil, problem("xlsx.err.not_xlsx")
	}
	if err := checkParts(zr, lim); err != nil {
		return nil, err
	}
	f, err := excelize.OpenReader(bytes.NewReader(data), excelize.Options{UnzipSizeLimit: lim.Unzip, UnzipXMLSizeLimit: lim.Part})
	if err != nil {
		return nil, problem("xlsx.err.not_xlsx")
	}
	w := &Workbook{f: f, name: name, lim: lim}
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
func checkParts(zr *zip.Reader, lim Limits) error {
	if len(zr.File) > lim.Parts {
		return problem("xlsx.err.too_many_parts", "Max", strconv.Itoa(lim.Parts))
	}
	var total uint64
	for _, zf := range zr.File {
		size := zf.UncompressedSize64
		total += size
		if size > uint64(lim.Part) {
			return problem("xlsx.err.part_too_big", "Part", zf.Name, "Max", reports.FormatSize(lim.Part))
		}
		if total > uint64(lim.Unzip) {
			return problem("xlsx.err.unzip_too_big", "Max", reports.FormatSize(lim.Unzip))
		}
	}
	for _, zf := range zr.File {
		ext := strings.ToLower(path.Ext(zf.Name))
		if ext != ".xml" && ext != ".rels" {
			continue
		}
		if err := checkXML(zf, lim); err != nil {
			return err
		}
	}
	return nil
}

// checkXML reads one part as XML: it must be well-formed, and a
// worksheet may not imply more than lim.Cells cells.
func checkXML(zf *zip.File, lim Limits) error {
	rc, err := zf.Open()
	if err != nil {
		return problem("xlsx.err.damaged", "Part", zf.Name)
	}
	defer rc.Close()
	sheet := strings.HasPrefix(strings.ToLower(zf.Name), "xl/worksheets/")
	d := xml.NewDecoder(rc)
	var stack []string
	cells, rowMax, col := 0, 0, 0
	for {
		tok, err := d.RawToken()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			return problem("xlsx.err.damaged", "Part", zf.Name)
		}
		switch t := tok.(type) {
		case xml.StartElement:
			stack = append(stack, t.Name.Local)
			if sheet && t.Name.Local == "c" {
				col = cellColumn(t.Attr, col)
				rowMax = max(rowMax, col)
			}
		case xml.EndElement:
			if len(stack) == 0 || stack[len(stack)-1] != t.Name.Local {
				return problem("xlsx.err.damaged", "Part", zf.Name)
			}
			stack = stack[:len(stack)-1]
			if sheet && t.Name.Local == "row" {
				cells += max(rowMax, 1)
				rowMax, col = 0, 0
				if cells > lim.Cells {
					return problem("xlsx.err.too_many_cells", "Sheet", zf.Name, "Max", strconv.Itoa(lim.Cells))
				}
			}
		}
	}
	if len(stack) != 0 {
		return problem("xlsx.err.damaged", "Part", zf.Name)
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
