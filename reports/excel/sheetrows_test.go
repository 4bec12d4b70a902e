package excel

import (
	"archive/zip"
	"bytes"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"
)

// excelizeRows is what the import read before sheetRows: excelize's row
// iterator with raw cell values, every row number from 1.
func excelizeRows(t *testing.T, f *excelize.File, sheet string) [][]string {
	t.Helper()
	rows, err := f.Rows(sheet)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	var out [][]string
	for rows.Next() {
		cells, err := rows.Columns(excelize.Options{RawCellValue: true})
		if err != nil {
			t.Fatalf("%s: %v", sheet, err)
		}
		out = append(out, cells)
	}
	return out
}

// fastRows reads every sheet of a workbook with sheetRows.
func fastRows(t *testing.T, w *Workbook, sheet string) [][]string {
	t.Helper()
	var out [][]string
	err := w.rawRows(sheet, func(n int, cells []string) (bool, error) {
		if n != len(out)+1 {
			t.Fatalf("%s: row %d after %d rows", sheet, n, len(out))
		}
		out = append(out, cells)
		return true, nil
	})
	if err != nil {
		t.Fatalf("%s: %v", sheet, err)
	}
	return out
}

func sameRows(t *testing.T, name, sheet string, want, got [][]string) {
	t.Helper()
	// excelize's iterator may end with empty rows the part lists.
	for len(want) > len(got) && len(want[len(want)-1]) == 0 {
		want = want[:len(want)-1]
	}
	for len(got) > len(want) && len(got[len(got)-1]) == 0 {
		got = got[:len(got)-1]
	}
	if len(want) != len(got) {
		t.Errorf("%s %s: %d rows, excelize %d", name, sheet, len(got), len(want))
		return
	}
	for i := range want {
		if len(want[i]) == 0 && len(got[i]) == 0 {
			continue
		}
		if !reflect.DeepEqual(want[i], got[i]) {
			t.Errorf("%s %s row %d:\n got %q\nwant %q", name, sheet, i+1, got[i], want[i])
		}
	}
}

// TestSheetRowsAsExcelize reads every workbook of the test data, the
// corpus of hand-kept registers and their other formats included, with
// sheetRows and with excelize: the same cells in the same rows.
func TestSheetRowsAsExcelize(t *testing.T) {
	n := 0
	err := filepath.WalkDir("testdata", func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(path, ".xlsx") && !strings.HasSuffix(path, ".xlsm") {
			return err
		}
		data, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		compareWorkbook(t, path, data)
		n++
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if n < 12 {
		t.Errorf("only %d workbooks compared", n)
	}
}

func compareWorkbook(t *testing.T, name string, data []byte) {
	t.Helper()
	w, err := OpenWorkbook(bytes.NewReader(data), name, DefaultLimits())
	if err != nil {
		return // refused files are the hostile tests' business
	}
	defer w.Close()
	for _, sheet := range w.f.GetSheetList() {
		sameRows(t, name, sheet, excelizeRows(t, w.f, sheet), fastRows(t, w, sheet))
	}
}

// withSheet returns an .xlsx made by excelize with its first sheet's XML
// and its shared strings replaced.
func withSheet(t *testing.T, sheetXML, sstXML string) []byte {
	t.Helper()
	f := excelize.NewFile()
	if err := f.SetCellValue("Sheet1", "A1", "x"); err != nil {
		t.Fatal(err)
	}
	var src bytes.Buffer
	if err := f.Write(&src); err != nil {
		t.Fatal(err)
	}
	zr, err := zip.NewReader(bytes.NewReader(src.Bytes()), int64(src.Len()))
	if err != nil {
		t.Fatal(err)
	}
	var out bytes.Buffer
	zw := zip.NewWriter(&out)
	for _, zf := range zr.File {
		w, err := zw.Create(zf.Name)
		if err != nil {
			t.Fatal(err)
		}
		switch zf.Name {
		case "xl/worksheets/sheet1.xml":
			io.WriteString(w, sheetXML)
		case "xl/sharedStrings.xml":
			io.WriteString(w, sstXML)
		default:
			rc, err := zf.Open()
			if err != nil {
				t.Fatal(err)
			}
			io.Copy(w, rc)
			rc.Close()
		}
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return out.Bytes()
}

// TestSheetRowsEdges compares sheetRows with excelize on what other
// programs write: prefixed names, rows and cells without references,
// rows left out, entities, character references, CR LF,
// CDATA, comments, rich and phonetic runs, formulas without a value,
// booleans, errors, dates as text, Excel's _xHHHH_ escapes.
func TestSheetRowsEdges(t *testing.T) {
	const ns = `xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"`
	sst := `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<sst ` + ns + ` count="4" uniqueCount="4"><si><t>Договор &amp; «ТОО»</t></si><si><r><rPr><b/></rPr><t xml:space="preserve">Ала-</t></r><r><t>Тоо</t></r><rPh sb="0" eb="1"><t>ph</t></rPh></si><si><t/></si><si><t>a_x000D_b_x005F_x0041_</t></si></sst>`
	sheets := map[string]string{
		"plain": `<?xml version="1.0"?>
<worksheet ` + ns + `><dimension ref="A1:C9"/><sheetData>
<row r="1"><c r="A1" t="s"><v>0</v></c><c r="C1" t="s"><v> 1 </v></c></row>
<row r="3" spans="1:4"><c r="B3"><v>45910</v></c><c t="inlineStr"><is><t>x &lt; y &#1178;&#x49B;</t></is></c><c><f>SUM(A1:A2)</f></c></row>
<row><c r="A4" t="b"><v>1</v></c><c r="B4" t="e"><v>#N/A</v></c><c r="C4" t="d"><v>2025-09-10T00:00:00</v></c></row>
<row r="6"><c r="A6" t="s"><v>2</v></c><c r="B6" t="s"><v>3</v></c><c r="D6" t="str"><f>A1</f><v>line1` + "\r\n" + `line2</v></c></row>
<row r="7"/>
<!-- a comment <c> -->
<row r="8"><c r="A8" t="inlineStr"><is><r><t>one </t></r><r><rPr><i/></rPr><t>two</t></r><rPh><t>no</t></rPh></is></c><c r="b8"><v><![CDATA[1<2]]></v></c><c r="C8" t="s"><v>99</v></c></row>
</sheetData><mergeCells count="1"><mergeCell ref="A1:B1"/></mergeCells></worksheet>`,
		"prefixed": `<x:worksheet xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><x:sheetData>
<x:row r="2"><x:c r="A2" t="inlineStr"><x:is><x:t>Колледж</x:t></x:is></x:c><x:c r="B2"><x:v>1.5</x:v></x:c></x:row>
</x:sheetData></x:worksheet>`,
		"empty":   `<worksheet ` + ns + `><sheetData/></worksheet>`,
		"no data": `<worksheet ` + ns + `><dimension ref="A1"/></worksheet>`,
	}
	for name, xml := range sheets {
		data := withSheet(t, xml, sst)
		w, err := OpenWorkbook(bytes.NewReader(data), name+".xlsx", DefaultLimits())
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		sameRows(t, name, "Sheet1", excelizeRows(t, w.f, "Sheet1"), fastRows(t, w, "Sheet1"))
		w.Close()
	}
}

// TestSheetRowsDamaged: a worksheet cut short, with an unknown entity, a
// bad cell reference or rows out of order is damaged.
func TestSheetRowsDamaged(t *testing.T) {
	for name, xml := range map[string]string{
		"cut":    `<worksheet><sheetData><row r="1"><c r="A1"><v>1</v></c></row><row r="2"><c r="A2"><v>2`,
		"entity": `<worksheet><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>&nbsp;</t></is></c></row></sheetData></worksheet>`,
		"order":  `<worksheet><sheetData><row r="4"><c r="A4"><v>1</v></c></row><row r="2"><c r="A2"><v>2</v></c></row></sheetData></worksheet>`,
		"ref":    `<worksheet><sheetData><row r="1"><c r="1A"><v>1</v></c></row></sheetData></worksheet>`,
	} {
		err := sheetRows(strings.NewReader(xml), nil, func(int, []string) (bool, error) { return true, nil })
		if err != errSheetXML {
			t.Errorf("%s: %v, want damaged", name, err)
		}
	}
}

// FuzzSheetRows: no worksheet XML makes the reader panic or hand out
// rows out of order.
func FuzzSheetRows(f *testing.F) {
	f.Add(`<worksheet><sheetData><row r="2"><c r="B2" t="inlineStr"><is><t>a&amp;b</t></is></c><c t="s"><v>0</v></c></row></sheetData></worksheet>`)
	f.Add(`<x:sheetData><x:row><x:c r="A1"><x:v><![CDATA[1]]></x:v></x:c><!-- c --></x:row></x:sheetData>`)
	f.Fuzz(func(t *testing.T, xml string) {
		last := 0
		_ = sheetRows(strings.NewReader(xml), []string{"s"}, func(n int, cells []string) (bool, error) {
			if n != last+1 {
				t.Fatalf("row %d after row %d", n, last)
			}
			last = n
			return true, nil
		})
		_, _ = readSST(strings.NewReader(xml))
	})
}
