package excel

import (
	"archive/zip"
	"bytes"
	"errors"
	"hash/crc32"
	"io"
	"io/fs"
	"strings"

	"github.com/klauspost/compress/flate"
	"github.com/xuri/excelize/v2"
)

// registerZip is the zip writer excelize saves the register with
// (File.SetZipWriter). It writes every part as excelize gives it, except
// the table sheets: their data rows were written and compressed by
// rowXML while the register was made, and are joined into the sheet here,
// before </sheetData>, without compressing them again. It also declares
// every sheet's true used range in <dimension>, where excelize writes "A1"
// (readers that trust it would see one cell): for the table sheets the
// range their rows were written to, for the others (the Summary,
// Diagnostics) the range of the cells in their XML.
//
// A deflate stream may be cut into pieces compressed separately when each
// piece but the last ends with a sync flush, which is what rowXML and
// join do; the zip entry's CRC-32 is combined from the pieces' CRCs.
type registerZip struct {
	zw     *zip.Writer
	sheets map[string]*joinedSheet // by part name, e.g. xl/worksheets/sheet3.xml
	// The sheet excelize is writing now: its header and footer XML.
	name string
	part bytes.Buffer
	err  error
}

// joinedSheet is a sheet's data rows and its used range.
type joinedSheet struct {
	rows *rowXML
	ref  string // e.g. A1:AC50001
}

func newRegisterZip(w io.Writer, sheets map[string]*joinedSheet) *registerZip {
	return &registerZip{zw: zip.NewWriter(w), sheets: sheets}
}

// Create starts a part.
func (z *registerZip) Create(name string) (io.Writer, error) {
	if err := z.endPart(); err != nil {
		return nil, err
	}
	if z.sheets[name] != nil || isWorksheet(name) {
		z.name = name
		z.part.Reset()
		return &z.part, nil
	}
	return z.zw.Create(name)
}

// isWorksheet reports whether a part is a worksheet.
func isWorksheet(name string) bool {
	return strings.HasPrefix(name, "xl/worksheets/sheet") && strings.HasSuffix(name, ".xml")
}

// AddFS adds the files of fsys.
func (z *registerZip) AddFS(fsys fs.FS) error {
	if err := z.endPart(); err != nil {
		return err
	}
	return z.zw.AddFS(fsys)
}

// Close ends the last part and the zip.
func (z *registerZip) Close() error {
	err := z.endPart()
	for name, s := range z.sheets {
		if s.rows.out.Len() > 0 {
			err = errors.Join(err, errors.New("excel: the rows of "+name+" found no sheet to go into"))
		}
	}
	return errors.Join(err, z.zw.Close())
}

// endPart writes the sheet excelize has just given, with its rows.
func (z *registerZip) endPart() error {
	if z.name == "" || z.err != nil {
		return z.err
	}
	name, s := z.name, z.sheets[z.name]
	z.name = ""
	xml := z.part.Bytes()
	if s == nil { // a sheet excelize wrote whole (the Summary): its range from its cells
		w, err := z.zw.Create(name)
		if err == nil {
			_, err = w.Write(withDimension(xml, cellRange(xml)))
		}
		return err
	}
	cut := bytes.LastIndex(xml, []byte("</sheetData>"))
	if cut < 0 {
		z.err = errors.New("excel: the sheet " + name + " has no sheetData")
		return z.err
	}
	head := withDimension(xml[:cut], s.ref)
	tail := xml[cut:]
	var headZ, tailZ bytes.Buffer
	if err := deflate(&headZ, head, false); err != nil {
		return err
	}
	if err := deflate(&tailZ, tail, true); err != nil {
		return err
	}
	crc := crc32.ChecksumIEEE(head)
	crc = crc32Combine(crc, s.rows.crc, s.rows.size)
	crc = crc32Combine(crc, crc32.ChecksumIEEE(tail), int64(len(tail)))
	size := int64(len(head)) + s.rows.size + int64(len(tail))
	w, err := z.zw.CreateRaw(&zip.FileHeader{
		Name: name, Method: zip.Deflate, CRC32: crc,
		CompressedSize64:   uint64(headZ.Len() + s.rows.out.Len() + tailZ.Len()),
		UncompressedSize64: uint64(size),
	})
	if err != nil {
		return err
	}
	for _, b := range [][]byte{headZ.Bytes(), s.rows.out.Bytes(), tailZ.Bytes()} {
		if _, err := w.Write(b); err != nil {
			return err
		}
	}
	s.rows.out = bytes.Buffer{} // written: let it go
	return nil
}

// deflate compresses b into w, ending with a sync flush, or with the final
// block when last.
func deflate(w io.Writer, b []byte, last bool) error {
	fw, err := flate.NewWriter(w, flate.DefaultCompression)
	if err != nil {
		return err
	}
	if _, err := fw.Write(b); err != nil {
		return err
	}
	if last {
		return fw.Close()
	}
	return fw.Flush()
}

// withDimension returns the sheet XML head with its <dimension ref> set to
// ref.
func withDimension(head []byte, ref string) []byte {
	const tag = `<dimension ref="`
	i := bytes.Index(head, []byte(tag))
	if i < 0 {
		return head
	}
	start := i + len(tag)
	end := bytes.IndexByte(head[start:], '"')
	if end < 0 {
		return head
	}
	var b strings.Builder
	b.Grow(len(head) + len(ref))
	b.Write(head[:start])
	b.WriteString(ref)
	b.Write(head[start+end:])
	return []byte(b.String())
}

// cellRange returns the range the cells of a worksheet's XML cover, from
// their r attributes (A1 for a sheet without cells).
func cellRange(xml []byte) string {
	const tag = `<c r="`
	minCol, minRow, maxCol, maxRow := 0, 0, 0, 0
	for i := bytes.Index(xml, []byte(tag)); i >= 0; {
		xml = xml[i+len(tag):]
		end := bytes.IndexByte(xml, '"')
		if end < 0 {
			break
		}
		col, row, err := excelize.CellNameToCoordinates(string(xml[:end]))
		if err == nil {
			if maxRow == 0 {
				minCol, minRow = col, row
			}
			minCol, minRow, maxCol, maxRow = min(minCol, col), min(minRow, row), max(maxCol, col), max(maxRow, row)
		}
		i = bytes.Index(xml, []byte(tag))
	}
	if maxRow == 0 {
		return "A1"
	}
	from, _ := excelize.CoordinatesToCellName(minCol, minRow)
	to, _ := excelize.CoordinatesToCellName(maxCol, maxRow)
	if from == to {
		return from
	}
	return from + ":" + to
}

// crc32Combine returns the CRC-32 (IEEE) of A followed by B from the CRCs
// of A and B and the length of B (zlib's crc32_combine).
func crc32Combine(crcA, crcB uint32, lenB int64) uint32 {
	if lenB <= 0 {
		return crcA
	}
	var even, odd [32]uint32
	odd[0] = 0xedb88320 // the reversed polynomial: one zero bit
	row := uint32(1)
	for n := 1; n < 32; n++ {
		odd[n] = row
		row <<= 1
	}
	gf2Square(&even, &odd) // two zero bits
	gf2Square(&odd, &even) // four
	for {
		gf2Square(&even, &odd)
		if lenB&1 != 0 {
			crcA = gf2Times(&even, crcA)
		}
		if lenB >>= 1; lenB == 0 {
			break
		}
		gf2Square(&odd, &even)
		if lenB&1 != 0 {
			crcA = gf2Times(&odd, crcA)
		}
		if lenB >>= 1; lenB == 0 {
			break
		}
	}
	return crcA ^ crcB
}

func gf2Times(mat *[32]uint32, vec uint32) uint32 {
	var sum uint32
	for i := 0; vec != 0; i, vec = i+1, vec>>1 {
		if vec&1 != 0 {
			sum ^= mat[i]
		}
	}
	return sum
}

func gf2Square(square, mat *[32]uint32) {
	for n := range 32 {
		square[n] = gf2Times(mat, mat[n])
	}
}
