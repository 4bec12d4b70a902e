package excel

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"hash/crc32"
	"io"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"github.com/partnerdesk/partnerdesk/reports/internal/snapshot"
)

// sheetRange reads a worksheet part: the range its <dimension> declares
// and the range its cells really cover.
func sheetRange(t *testing.T, r io.Reader) (declared, actual string) {
	t.Helper()
	dec := xml.NewDecoder(r)
	minCol, minRow, maxCol, maxRow := 1<<30, 1<<30, 0, 0
	for {
		tok, err := dec.Token()
		if err == io.EOF {
			break
		}
		if err != nil {
			t.Fatal(err)
		}
		el, ok := tok.(xml.StartElement)
		if !ok {
			continue
		}
		for _, a := range el.Attr {
			switch {
			case el.Name.Local == "dimension" && a.Name.Local == "ref":
				declared = a.Value
			case el.Name.Local == "c" && a.Name.Local == "r":
				col, row, err := excelize.CellNameToCoordinates(a.Value)
				if err != nil {
					t.Fatal(err)
				}
				minCol, minRow, maxCol, maxRow = min(minCol, col), min(minRow, row), max(maxCol, col), max(maxRow, row)
			}
		}
	}
	if maxRow == 0 {
		return declared, ""
	}
	from, _ := excelize.CoordinatesToCellName(minCol, minRow)
	to, _ := excelize.CoordinatesToCellName(maxCol, maxRow)
	return declared, from + ":" + to
}

// Every sheet declares the range its cells cover, as readers that trust
// <dimension> (openpyxl in read-only mode and the tools built on it) need;
// excelize's StreamWriter alone declares "A1".
func TestDeclaredRangeIsTheTable(t *testing.T) {
	s := snapshot.Filled(t, 30, 120)
	for _, o := range []Options{{}, {Lang: "kk", Statuses: nil, Categories: nil, From: snapshot.Today}} {
		zr, err := zip.OpenReader(export(t, s, o))
		if err != nil {
			t.Fatal(err)
		}
		sheets := 0
		for _, f := range zr.File {
			if !strings.HasPrefix(f.Name, "xl/worksheets/sheet") {
				continue
			}
			sheets++
			rc, err := f.Open() // checks the CRC-32 and the size at EOF
			if err != nil {
				t.Fatal(err)
			}
			declared, actual := sheetRange(t, rc)
			rc.Close()
			if declared == "" || declared != actual {
				t.Errorf("%s declares %q, its cells cover %q", f.Name, declared, actual)
			}
		}
		zr.Close()
		if sheets < len(SheetKinds) { // and Diagnostics when the file holds rounds
			t.Errorf("%d worksheets, want at least %d", sheets, len(SheetKinds))
		}
	}
}

// A deflate stream cut into separately compressed pieces reads back whole,
// and its CRC-32 is combined from theirs.
func TestJoinedDeflate(t *testing.T) {
	parts := [][]byte{[]byte(`<head>`), bytes.Repeat([]byte("<row>данные</row>"), 50000), []byte(`</tail>`)}
	var z bytes.Buffer
	crc, size := uint32(0), int64(0)
	for i, p := range parts {
		if err := deflate(&z, p, i == len(parts)-1); err != nil {
			t.Fatal(err)
		}
		crc, size = crc32Combine(crc, crc32.ChecksumIEEE(p), int64(len(p))), size+int64(len(p))
	}
	whole := bytes.Join(parts, nil)
	if crc != crc32.ChecksumIEEE(whole) || size != int64(len(whole)) {
		t.Errorf("combined CRC %08x, want %08x", crc, crc32.ChecksumIEEE(whole))
	}
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	w, err := zw.CreateRaw(&zip.FileHeader{Name: "x.xml", Method: zip.Deflate, CRC32: crc,
		CompressedSize64: uint64(z.Len()), UncompressedSize64: uint64(size)})
	if err != nil {
		t.Fatal(err)
	}
	w.Write(z.Bytes())
	zw.Close()
	zr, err := zip.NewReader(bytes.NewReader(buf.Bytes()), int64(buf.Len()))
	if err != nil {
		t.Fatal(err)
	}
	rc, err := zr.File[0].Open()
	if err != nil {
		t.Fatal(err)
	}
	got, err := io.ReadAll(rc)
	if err != nil || !bytes.Equal(got, whole) {
		t.Errorf("read back %d bytes, %v", len(got), err)
	}
}

// wrappedLinesSlow is the first, plain way of counting wrapped lines.
func wrappedLinesSlow(text string, perLine int) int {
	n := 0
	for _, para := range strings.Split(text, "\n") {
		n++
		used := 0
		for _, word := range strings.Fields(para) {
			l := len([]rune(word))
			switch {
			case used == 0:
			case used+1+l <= perLine:
				used += 1 + l
				continue
			default:
				n++
			}
			n += (l - 1) / perLine
			used = (l-1)%perLine + 1
		}
	}
	return n
}

func TestWrappedLines(t *testing.T) {
	texts := []string{"", "a", "Договор о социальном партнёрстве", "one two  three\nfour\n\nfive", "\u00a0неразрывный\u00a0пробел и\u2003em",
		strings.Repeat("Длинноеслово", 9) + " и ещё\tслова \r\n конец \n", "Ԁ é ü ß 東京 \u0085 x"}
	for _, s := range texts {
		for _, per := range []int{1, 3, 10, 24, 60} {
			if got, want := wrappedLines(s, per), wrappedLinesSlow(s, per); got != want {
				t.Errorf("%q at %d: %d lines, want %d", s, per, got, want)
			}
		}
	}
}

// Cell text is escaped as excelize escapes it (xml.EscapeText, line
// breaks kept, _xHHHH_ protected).
func TestAppendEscaped(t *testing.T) {
	for _, s := range []string{"", "plain", "a & b < c > d \"e\" 'f'", "tab\there\r\nnew line", "ctl\x01\x1f", "bad \xff utf8",
		"_x0041_ and _x12_ and _xZZZZ_", "Қазақстан «ТОО» — №5", "\uFFFE\uFFFF"} {
		var ref strings.Builder
		xml.EscapeText(&ref, []byte(s))
		want := strings.ReplaceAll(ref.String(), "&#xA;", "\n")
		want = strings.ReplaceAll(want, "_x0041_", "_x005F_x0041_")
		if got := string(appendEscaped(nil, s)); got != want {
			t.Errorf("%q: %q, want %q", s, got, want)
		}
	}
}
