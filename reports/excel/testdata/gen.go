//go:build ignore

// gen writes the hand-made workbooks the import tests read: a messy
// register as secretaries keep them, and hostile files. Run it from the
// package folder: go run testdata/gen.go
package main

import (
	"archive/zip"
	"bytes"
	"compress/flate"
	"hash/crc32"
	"log"
	"os"
	"strings"
	"time"

	"github.com/xuri/excelize/v2"
)

func main() {
	messy()
	messyKazakh()
	hostile()
}

// messy is a register kept by hand: a merged title row, Russian headers
// in their own order, text dates, blank rows and several mistakes.
func messy() {
	f := excelize.NewFile()
	sh := "Лист1"
	f.SetSheetName("Sheet1", sh)
	must(f.SetCellValue(sh, "A1", "Реестр договоров кафедры социальной педагогики на 2025 год"))
	must(f.MergeCell(sh, "A1", "I1"))
	head := []any{"№", "Наименование организации", "БИН", "№ договора", "Дата заключения", "Срок действия до", "Предмет договора", "Вид договора", "Категория"}
	must(f.SetSheetRow(sh, "A3", &head))
	date, _ := f.NewStyle(&excelize.Style{NumFmt: 14})
	rows := [][]any{
		// 4: fine, text date, a partner already in the data file (by name)
		{1, "ТОО «Сарыарқа Логистик»", "", "К-2025/01", "01.09.2025", "31.08.2027", "Практика студентов", "Договор о базе практики", ""},
		// 5: fine, a new partner with a category; a real date cell below
		{2, "Колледж «Болашақ»", "050740004819", "К-2025/02", nil, "01.02.2028 г.", "Сотрудничество", "Меморандум о сотрудничестве", "Образовательное сообщество"},
		// 6: blank
		{},
		// 7: bad BIN (check digit)
		{4, "ТОО «Ақ Бидай»", "050740004818", "К-2025/03", "15.03.2025", "", "Практика", "", "Профессиональное сообщество"},
		// 8: impossible date
		{5, "Колледж «Болашақ»", "050740004819", "К-2025/04", "31.02.2025", "", "Практика", "", ""},
		// 9: duplicate number of row 4
		{6, "ТОО «Сарыарқа Логистик»", "", "к-2025/01", "02.09.2025", "", "Повтор", "", ""},
		// 10: partner known nowhere, no category to create it
		{7, "ИП Неизвестный", "", "К-2025/05", "03.09.2025", "", "Практика", "", ""},
		// 11: unknown kind and category
		{8, "ОФ «Үміт»", "", "К-2025/06", "04.09.2025", "", "Волонтёрство", "Договор дарения", "Спонсоры"},
		// 12, 13: blank
		{}, {},
		// 14: fine, Excel serial as a number, English labels
		{9, "Steppe Digital LLP", "", "К-2025/07", 45910, "", "Hackathon", "Memorandum of cooperation", "Professional community"},
	}
	for i, r := range rows {
		cell, _ := excelize.CoordinatesToCellName(1, 4+i)
		must(f.SetSheetRow(sh, cell, &r))
	}
	must(f.SetCellValue(sh, "E5", time.Date(2025, 9, 5, 0, 0, 0, 0, time.UTC)))
	must(f.SetCellStyle(sh, "E5", "E5", date))
	must(f.SaveAs("testdata/messy.xlsx"))
}

// messyKazakh has Kazakh headers and Kazakh and Russian labels.
func messyKazakh() {
	f := excelize.NewFile()
	sh := "Шарттар"
	f.SetSheetName("Sheet1", sh)
	head := []any{"Шарт нөмірі", "Серіктес", "БСН/ЖСН", "Қол қойылған күні", "Шарт нысанасы", "Мәртебесі"}
	must(f.SetSheetRow(sh, "A1", &head))
	r := []any{"Ш-2025/01", "ТОО «Сарыарқа Логистик»", "", "2025-10-01", "Тәжірибе", "Действует"}
	must(f.SetSheetRow(sh, "A2", &r))
	must(f.SaveAs("testdata/messy_kk.xlsx"))
}

func must(err error) {
	if err != nil {
		log.Fatal(err)
	}
}

// part is one file of a hand-made zip; Claim, when set, is the size its
// header declares instead of the true one.
type part struct {
	Name  string
	Data  []byte
	Claim uint64
}

var skeleton = []part{
	{Name: "[Content_Types].xml", Data: []byte(`<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/><Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/></Types>`)},
	{Name: "_rels/.rels", Data: []byte(`<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>`)},
	{Name: "xl/workbook.xml", Data: []byte(`<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Реестр договоров" sheetId="1" r:id="rId1"/></sheets></workbook>`)},
	{Name: "xl/_rels/workbook.xml.rels", Data: []byte(`<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/></Relationships>`)},
}

const sheetHead = `<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>`
const sheetTail = `</sheetData></worksheet>`

func sheet(rows string) []byte { return []byte(sheetHead + rows + sheetTail) }

var headerRow = `<row r="1"><c r="A1" t="inlineStr"><is><t>Номер договора</t></is></c><c r="B1" t="inlineStr"><is><t>Партнёр</t></is></c></row>`

func hostile() {
	sst := []byte(`<?xml version="1.0" encoding="UTF-8"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="1" uniqueCount="1"><si><t>x</t></si></sst>`)
	ok := sheet(headerRow)
	// A sheet of 200 MiB of spaces that compresses to a few hundred KiB.
	bomb := append(append([]byte(sheetHead), bytes.Repeat([]byte(" "), 200<<20)...), sheetTail...)
	write("bomb.xlsx", with(part{Name: "xl/worksheets/sheet1.xml", Data: bomb}, part{Name: "xl/sharedStrings.xml", Data: sst}))
	// The same, but its header claims 2 KiB.
	write("bomb_lying.xlsx", with(part{Name: "xl/worksheets/sheet1.xml", Data: bomb, Claim: 2048}, part{Name: "xl/sharedStrings.xml", Data: sst}))
	// Shared strings that claim 2^31 strings and 8 GiB, and a sheet that
	// points far into them.
	claim := []byte(`<?xml version="1.0" encoding="UTF-8"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="2147483647" uniqueCount="2147483647"><si><t>x</t></si></sst>`)
	write("sst_huge.xlsx", with(part{Name: "xl/worksheets/sheet1.xml", Data: ok}, part{Name: "xl/sharedStrings.xml", Data: claim, Claim: 8 << 30}))
	far := sheet(headerRow + `<row r="2"><c r="A2" t="s"><v>2000000000</v></c><c r="B2" t="s"><v>0</v></c></row>`)
	write("sst_count.xlsx", with(part{Name: "xl/worksheets/sheet1.xml", Data: far}, part{Name: "xl/sharedStrings.xml", Data: claim}))
	// Malformed XML: a row that never ends.
	write("malformed.xlsx", with(part{Name: "xl/worksheets/sheet1.xml", Data: []byte(sheetHead + `<row r="1"><c r="A1" t="inlineStr"><is><t>Номер</t></is></c>` + sheetTail)}, part{Name: "xl/sharedStrings.xml", Data: sst}))
	// Invalid UTF-8 in the shared strings.
	write("bad_utf8.xlsx", with(part{Name: "xl/worksheets/sheet1.xml", Data: ok}, part{Name: "xl/sharedStrings.xml", Data: []byte(strings.Replace(string(sst), "<t>x</t>", "<t>x\xff\xfe</t>", 1))}))
	// 300 rows, each with one cell in the last column: 4.9 million cells.
	var far16k strings.Builder
	for r := 1; r <= 300; r++ {
		far16k.WriteString(`<row><c r="XFD` + itoa(r) + `"><v>1</v></c></row>`)
	}
	write("wide.xlsx", with(part{Name: "xl/worksheets/sheet1.xml", Data: sheet(far16k.String())}, part{Name: "xl/sharedStrings.xml", Data: sst}))
	must(os.WriteFile("testdata/not_xlsx.xlsx", []byte("Номер договора;Партнёр\nК-1;ТОО\n"), 0o644))
	must(os.WriteFile("testdata/old.xls", append([]byte{0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1}, make([]byte, 504)...), 0o644))
}

func itoa(n int) string {
	b := []byte{}
	for n > 0 {
		b = append([]byte{byte('0' + n%10)}, b...)
		n /= 10
	}
	return string(b)
}

func with(extra ...part) []part { return append(append([]part(nil), skeleton...), extra...) }

// write zips parts, deflating each, with the declared sizes given.
func write(name string, parts []part) {
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for _, p := range parts {
		var comp bytes.Buffer
		fw, _ := flate.NewWriter(&comp, flate.BestCompression)
		fw.Write(p.Data)
		fw.Close()
		h := &zip.FileHeader{Name: p.Name, Method: zip.Deflate, CRC32: crc32.ChecksumIEEE(p.Data),
			CompressedSize64: uint64(comp.Len()), UncompressedSize64: uint64(len(p.Data))}
		if p.Claim != 0 {
			h.UncompressedSize64 = p.Claim
		}
		w, err := zw.CreateRaw(h)
		must(err)
		_, err = w.Write(comp.Bytes())
		must(err)
	}
	must(zw.Close())
	must(os.WriteFile("testdata/"+name, buf.Bytes(), 0o644))
}
