package excel

import (
	"bytes"
	"encoding/csv"
	"errors"
	"io"
	"path/filepath"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/richardlehane/mscfb"
	"github.com/xuri/excelize/v2"
	"golang.org/x/text/encoding/charmap"
)

// Files as they arrive: besides .xlsx and .xlsm (read by excelize), a
// register may come as OpenDocument (.ods), as text (.csv in UTF-8 or
// Windows-1251, with ";" or "," between values) or in Excel 97–2003's
// .xls. Each of these is turned into a workbook in memory and read by the
// same code as an .xlsx.

// convert turns a file that is not an .xlsx into one, or returns nil
// when data is to be read as an .xlsx.
func convert(data []byte, name string, lim Limits) ([]byte, error) {
	switch {
	case bytes.HasPrefix(data, []byte{0xD0, 0xCF, 0x11, 0xE0}):
		return oleToXlsx(data, lim)
	case bytes.HasPrefix(data, []byte("PK\x03\x04")):
		if isODS(data) {
			return odsToXlsx(data, lim)
		}
		return nil, nil
	}
	switch strings.ToLower(filepath.Ext(name)) {
	case ".csv", ".txt", ".tsv":
		return csvToXlsx(data, name, lim)
	}
	return nil, nil
}

// oleToXlsx reads an OLE compound file: an .xls workbook, or an .xlsx
// protected by a password (which Excel stores encrypted inside one).
func oleToXlsx(data []byte, lim Limits) ([]byte, error) {
	doc, err := mscfb.New(bytes.NewReader(data))
	if err != nil {
		return nil, problem("xlsx.err.old_or_encrypted")
	}
	book := false
	for e, err := doc.Next(); err == nil; e, err = doc.Next() {
		switch e.Name {
		case "EncryptionInfo", "EncryptedPackage":
			return nil, problem("xlsx.err.encrypted")
		case "Workbook", "Book":
			book = true
		}
	}
	if !book {
		return nil, problem("xlsx.err.old_or_encrypted")
	}
	return xlsToXlsx(data, lim)
}

// csvToXlsx reads a CSV file into a one-sheet workbook of text cells
// (so tax IDs keep their zeros and dates are read as typed).
func csvToXlsx(data []byte, name string, lim Limits) ([]byte, error) {
	data = bytes.TrimPrefix(data, []byte("\ufeff"))
	if !utf8.Valid(data) {
		dec, err := charmap.Windows1251.NewDecoder().Bytes(data)
		if err != nil {
			return nil, problem("xlsx.err.not_xlsx")
		}
		data = dec
	}
	r := csv.NewReader(bytes.NewReader(data))
	r.Comma, r.LazyQuotes, r.FieldsPerRecord = csvDelimiter(data), true, -1
	var rows [][]string
	next := 1 // the line the next record starts on, unless blank lines come first
	for {
		rec, err := r.Read()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			return nil, problem("xlsx.err.not_xlsx")
		}
		// encoding/csv skips blank lines; the sheet keeps them, so that
		// rows are numbered as a spreadsheet program shows the file.
		line, _ := r.FieldPos(0)
		for ; next < line && len(rows) < lim.Rows; next++ {
			rows = append(rows, nil)
		}
		if len(rows) >= lim.Rows {
			return nil, problem("xlsx.err.too_many_rows", "Sheet", name, "Max", strconv.Itoa(lim.Rows))
		}
		rows = append(rows, rec)
		next = line + 1
		for _, f := range rec {
			next += strings.Count(f, "\n")
		}
	}
	return buildBook([]bookSheet{{name: sheetName(name), rows: rows}})
}

// csvDelimiter guesses the separator from the first lines: the one of
// ";", tab and "," that appears most outside quotes.
func csvDelimiter(data []byte) rune {
	head := data[:min(len(data), 8192)]
	counts := map[rune]int{}
	quoted := false
	for _, c := range string(head) {
		switch {
		case c == '"':
			quoted = !quoted
		case !quoted && (c == ';' || c == ',' || c == '\t'):
			counts[c]++
		}
	}
	best := ','
	for _, c := range []rune{';', '\t'} {
		if counts[c] > counts[best] {
			best = c
		}
	}
	return best
}

// sheetName makes a sheet name of a file name.
func sheetName(path string) string {
	n := strings.TrimSuffix(filepath.Base(path), filepath.Ext(path))
	n = strings.Map(func(r rune) rune {
		if strings.ContainsRune(`[]:*?/\`, r) {
			return '_'
		}
		return r
	}, n)
	if r := []rune(n); len(r) > 31 {
		n = string(r[:31])
	}
	if n == "" {
		n = "Sheet1"
	}
	return n
}

// bookSheet is a sheet to build: rows of cells, each a string, a float64
// or a time.Time, and merged ranges.
type bookSheet struct {
	name   string
	rows   [][]string
	cells  [][]any // instead of rows, typed cells
	merges [][2]string
}

// buildBook writes sheets into an .xlsx in memory.
func buildBook(sheets []bookSheet) ([]byte, error) {
	f := excelize.NewFile()
	defer f.Close()
	date, err := f.NewStyle(&excelize.Style{NumFmt: 14})
	if err != nil {
		return nil, err
	}
	for i, sh := range sheets {
		if i == 0 {
			if err := f.SetSheetName("Sheet1", sh.name); err != nil {
				return nil, problem("xlsx.err.not_xlsx")
			}
		} else if _, err := f.NewSheet(sh.name); err != nil {
			return nil, problem("xlsx.err.not_xlsx")
		}
		if err := writeSheet(f, sh, date); err != nil {
			return nil, err
		}
	}
	buf, err := f.WriteToBuffer()
	if err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

func writeSheet(f *excelize.File, sh bookSheet, date int) error {
	sw, err := f.NewStreamWriter(sh.name)
	if err != nil {
		return err
	}
	n := max(len(sh.rows), len(sh.cells))
	for r := range n {
		var vals []any
		if sh.cells != nil {
			for _, v := range sh.cells[r] {
				if _, isDate := v.(timeValue); isDate {
					vals = append(vals, excelize.Cell{StyleID: date, Value: v.(timeValue).t})
					continue
				}
				vals = append(vals, v)
			}
		} else {
			for _, s := range sh.rows[r] {
				vals = append(vals, s)
			}
		}
		cell, _ := excelize.CoordinatesToCellName(1, r+1)
		if err := sw.SetRow(cell, vals); err != nil {
			return err
		}
	}
	for _, m := range sh.merges {
		if err := sw.MergeCell(m[0], m[1]); err != nil {
			return err
		}
	}
	return sw.Flush()
}

// xlsToXlsx would read an Excel 97–2003 workbook. No well-kept Go
// library reads one correctly: github.com/extrame/xls (v0.0.1, the only
// release) shows dates in the built-in formats as "2006.01" without the
// day, reads numbers in custom formats as dates (1 as 31.12.1899),
// returns the word "FormulaCol" for a formula's result and panics on a
// missing row; github.com/shakinm/xlsReader is under the GPL. So the user
// is told how to save the file as .xlsx.
func xlsToXlsx([]byte, Limits) ([]byte, error) {
	return nil, problem("xlsx.err.xls")
}
