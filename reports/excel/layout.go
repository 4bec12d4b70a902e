package excel

import (
	"strings"

	"github.com/xuri/excelize/v2"
)

// The layout of registers kept by hand: merged cells, rows of column
// numbers under the header, section titles, totals, repeated headers and
// signature lines under the table.

// rowShape says what a row under the header is.
type rowShape int

const (
	shapeData    rowShape = iota
	shapeSkip             // column numbers, totals, a repeated header, a signature line
	shapeSection          // a section title: "I. Работодатели"
)

// totalWords start the rows that sum up a table.
var totalWords = []string{"итого", "всего", "барлығы", "жиыны", "жиынтығы", "бардыгы", "жыйынтыгы", "баары", "total"}

// signatureWords start the lines under a table: who prepared it, who signs.
var signatureWords = []string{"исп", "исполнитель", "исполнил", "составил", "подготовил", "орындаған", "орындаушы", "дайындаған", "аткарган", "аткаруучу", "даярдаган",
	"подпись", "мп", "м п", "заведующ", "зав кафедрой", "директор", "декан", "ректор", "проректор", "руководител", "меңгеруші", "башчы", "жетекші", "prepared by", "signature", "head of"}

// shape classifies a row of a sheet read as kind.
func shape(c *sheetCols, cells []string) (rowShape, string) {
	var texts []string
	first := -1
	for i, t := range cells {
		if t = strings.TrimSpace(t); t != "" {
			texts = append(texts, t)
			if first < 0 {
				first = i
			}
		}
	}
	if len(texts) == 0 {
		return shapeSkip, ""
	}
	lead := normLabel(texts[0])
	switch {
	case columnNumbers(texts):
		return shapeSkip, ""
	case startsWithAny(lead, totalWords) || len(texts) > 1 && startsWithAny(normLabel(texts[1]), totalWords) && isCount(texts[0]):
		return shapeSkip, ""
	case startsWithAny(lead, signatureWords) && !c.has("signatory"):
		return shapeSkip, ""
	}
	if _, score := mapRow(c.m.Sheet, c.m.Kind, 0, cells); score >= 3 && score*2 >= len(texts) {
		return shapeSkip, "" // the header again: a second table on the sheet
	}
	if len(texts) == 1 && !isCount(texts[0]) && isSectionTitle(c, first, texts[0]) {
		return shapeSection, texts[0]
	}
	return shapeData, ""
}

// isSectionTitle reports whether the only text of a row is a section
// title: it names a category, is numbered ("I.", "2)"), or stands in the
// first columns of the table rather than in the number column.
func isSectionTitle(c *sheetCols, col int, text string) bool {
	if sectionCategory(text) != "" || numbered(text) {
		return true
	}
	numCol, ok := c.col[keyField(c.m.Kind)]
	return ok && col != numCol.Index && col <= firstColumn(c)
}

func keyField(kind SheetKind) Field {
	if kind == SheetPartners {
		return "name"
	}
	return "number"
}

func firstColumn(c *sheetCols) int {
	first := 1 << 30
	for _, col := range c.col {
		first = min(first, col.Index)
	}
	return first
}

// numbered reports whether text starts with a roman or arabic section
// number: "I.", "II ", "3.", "4)".
func numbered(text string) bool {
	head, _, ok := strings.Cut(strings.TrimSpace(text), " ")
	if !ok {
		return false
	}
	head = strings.TrimRight(head, ".)")
	return head != "" && (strings.Trim(head, "IVXivxІ") == "" || allDigits(head) && len(head) <= 2)
}

func startsWithAny(n string, words []string) bool {
	for _, w := range words {
		if n == w || strings.HasPrefix(n, w+" ") {
			return true
		}
	}
	return false
}

// isCount reports whether text is a number.
func isCount(text string) bool {
	_, key := parseNumber(text)
	return key == ""
}

// columnNumbers reports whether the texts are the column numbers official
// forms print under the header: 1, 2, 3 … (at least three).
func columnNumbers(texts []string) bool {
	if len(texts) < 3 {
		return false
	}
	for i, t := range texts {
		n, key := parseInt(t)
		if key != "" || i > 0 && n != mustInt(texts[i-1])+1 {
			return false
		}
	}
	return true
}

func mustInt(s string) int { n, _ := parseInt(s); return n }

// mergedValues maps every cell of a merged range but its top-left one to
// the range's value, by 1-based row and 0-based column, so that a partner
// written once for several rows is read in each.
type mergedValues map[[2]int]string

// With across, a range's value fills it whole (for header rows, where a
// group header spans its sub-headers); otherwise only its first column in
// the rows below the first (for data rows, where a title merged across
// the table must stay one cell).
func (w *Workbook) merged(sheet string, across bool) mergedValues {
	ranges, err := w.f.GetMergeCells(sheet)
	if err != nil || len(ranges) == 0 {
		return nil
	}
	out := mergedValues{}
	for _, r := range ranges {
		c1, r1, err1 := excelize.CellNameToCoordinates(r.GetStartAxis())
		c2, r2, err2 := excelize.CellNameToCoordinates(r.GetEndAxis())
		if err1 != nil || err2 != nil || (r2-r1+1)*(c2-c1+1) > 10000 {
			continue
		}
		v := r.GetCellValue()
		for row := r1; row <= r2; row++ {
			for col := c1; col <= c2; col++ {
				if (row != r1 || col != c1) && (across || col == c1) {
					out[[2]int{row, col - 1}] = v
				}
			}
		}
	}
	return out
}

// fill puts the merged values into a row's cells.
func (mv mergedValues) fill(row int, cells []string, width int) []string {
	if len(mv) == 0 {
		return cells
	}
	for col := range width {
		v, ok := mv[[2]int{row, col}]
		if !ok {
			continue
		}
		for len(cells) <= col {
			cells = append(cells, "")
		}
		if cells[col] == "" {
			cells[col] = v
		}
	}
	return cells
}
