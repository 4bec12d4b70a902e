// Command xlsxcells prints every cell of a workbook as text, one line a
// row, sheet by sheet ("== Sheet" before each), cells separated by tabs,
// as excelize reads them back. Two workbooks that print the same hold the
// same cells; the Windows smoke test compares the registers written by
// the Windows and Linux programs with it.
//
//	go run ./cmd/internal/xlsxcells FILE.xlsx
package main

import (
	"bufio"
	"fmt"
	"os"
	"strings"

	"github.com/xuri/excelize/v2"
)

func main() {
	if len(os.Args) != 2 {
		fmt.Fprintln(os.Stderr, "usage: xlsxcells FILE.xlsx")
		os.Exit(2)
	}
	if err := dump(os.Args[1]); err != nil {
		fmt.Fprintln(os.Stderr, "xlsxcells:", err)
		os.Exit(1)
	}
}

func dump(path string) error {
	f, err := excelize.OpenFile(path)
	if err != nil {
		return err
	}
	defer f.Close()
	w := bufio.NewWriter(os.Stdout)
	for _, sheet := range f.GetSheetList() {
		rows, err := f.GetRows(sheet)
		if err != nil {
			return fmt.Errorf("%s: %w", sheet, err)
		}
		fmt.Fprintf(w, "== %s\n", sheet)
		for _, row := range rows {
			fmt.Fprintln(w, strings.Join(row, "\t"))
		}
	}
	return w.Flush()
}
