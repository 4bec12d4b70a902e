// gen writes the corpus of registers kept by hand that TestCorpus imports.
// Each is shaped after a real published register, form or announcement
// (named in SOURCES.md and above each function); the organisations are
// made up or public ones, the tax numbers made up. Run it from
// reports/excel: go run ./testdata/corpus
// (testdata is outside ./..., so this program is built only when asked).
package main

import (
	"fmt"
	"log"
	"strconv"
	"time"

	"github.com/xuri/excelize/v2"

	"github.com/partnerdesk/partnerdesk/model"
)

func main() {
	ruCollegeDual()
	kkPracticeBases()
	kyUniversityPartners()
	ruTwoRowHeader()
	mixedMultiParty()
	ruSheetPerYear()
	kkNumbersAsNumbers()
	ruTwoTables()
	ruStatusWords()
	ruNameMatching()
	kkSections()
	ruPartnersSheet()
	kyMonthsTerms()
	csvFiles()
}

// bin makes a valid Kazakh BIN from 11 digits (wrong, when bad is set).
func bin(first11 string, bad bool) string {
	for i := 0; i < 10; i++ {
		p := first11[:10] + strconv.Itoa((int(first11[10]-'0')+i)%10)
		if d := model.BINCheckDigit(p); d >= 0 {
			if bad {
				d = (d + 1) % 10
			}
			return p + strconv.Itoa(d)
		}
	}
	panic(first11)
}

// book is a workbook being written.
type book struct {
	f    *excelize.File
	date int
	name string
}

func newBook(name, firstSheet string) *book {
	f := excelize.NewFile()
	must(f.SetSheetName("Sheet1", firstSheet))
	date, err := f.NewStyle(&excelize.Style{NumFmt: 14})
	must(err)
	f.SetDocProps(&excelize.DocProperties{Creator: "Секретарь кафедры", Created: "2025-10-01T09:00:00Z", Modified: "2025-10-01T09:00:00Z"})
	return &book{f: f, date: date, name: name}
}

// rows writes rows from the cell at (col, row); time.Time values become
// date cells.
func (b *book) rows(sheet string, col, row int, rows ...[]any) {
	for i, r := range rows {
		cell, _ := excelize.CoordinatesToCellName(col, row+i)
		must(b.f.SetSheetRow(sheet, cell, &r))
		for j, v := range r {
			if _, ok := v.(time.Time); ok {
				c, _ := excelize.CoordinatesToCellName(col+j, row+i)
				must(b.f.SetCellStyle(sheet, c, c, b.date))
			}
		}
	}
}

func (b *book) merge(sheet, from, to string) { must(b.f.MergeCell(sheet, from, to)) }

func (b *book) save() {
	must(b.f.SaveAs("testdata/corpus/" + b.name))
	fmt.Println("wrote", b.name)
}

func day(y, m, d int) time.Time { return time.Date(y, time.Month(m), d, 0, 0, 0, 0, time.UTC) }

func must(err error) {
	if err != nil {
		log.Fatal(err)
	}
}
