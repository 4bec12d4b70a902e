package excel

import (
	"strings"
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
	if skipRow(texts) || c.repeatsHeader(cells, len(texts)) { // the header again: a second table on the sheet
		return shapeSkip, ""
	}
	if len(texts) == 1 && !isCount(texts[0]) && isSectionTitle(c, first, texts[0]) {
		return shapeSection, texts[0]
	}
	return shapeData, ""
}

// skipRow reports whether the texts of a row are column numbers, a total
// or a signature line.
func skipRow(texts []string) bool {
	lead := normLabel(texts[0])
	return columnNumbers(texts) ||
		startsWithAny(lead, totalWords) || len(texts) > 1 && startsWithAny(normLabel(texts[1]), totalWords) && isCount(texts[0]) ||
		startsWithAny(lead, signatureWords)
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

// mergeRange is a merged range of cells, 1-based rows and columns.
type mergeRange struct{ r1, c1, r2, c2 int }

// mergeFill puts a merged range's value (that of its top-left cell) into
// the other cells of the range as the rows are read in order, so that a
// partner written once for several rows is read in each. With across, a
// range's value fills it whole (for header rows, where a group header
// spans its sub-headers); otherwise only its first column in the rows
// below the first (for data rows, where a title merged across the table
// must stay one cell).
type mergeFill struct {
	ranges []mergeRange // by first row
	next   int          // the first range not yet active
	active []int
	vals   map[int]string
	across bool
}

func (w *Workbook) merged(sheet string, across bool) *mergeFill {
	ranges := w.merges[sheet]
	if len(ranges) == 0 {
		return nil
	}
	return &mergeFill{ranges: ranges, vals: map[int]string{}, across: across}
}

// fill puts the merged values into the cells of a row; rows come in order.
func (m *mergeFill) fill(row int, cells []string) []string {
	if m == nil {
		return cells
	}
	for m.next < len(m.ranges) && m.ranges[m.next].r1 <= row {
		m.active = append(m.active, m.next)
		m.next++
	}
	keep := m.active[:0]
	for _, i := range m.active {
		r := m.ranges[i]
		if r.r2 < row {
			continue
		}
		keep = append(keep, i)
		if row == r.r1 {
			if r.c1-1 < len(cells) {
				m.vals[i] = cells[r.c1-1]
			}
			if !m.across {
				continue
			}
		}
		from := r.c1
		if row == r.r1 {
			from = r.c1 + 1
		}
		to := r.c2
		if !m.across {
			to = r.c1
		}
		for col := from; col <= to && col <= 1024; col++ {
			for len(cells) < col {
				cells = append(cells, "")
			}
			if cells[col-1] == "" {
				cells[col-1] = m.vals[i]
			}
		}
	}
	m.active = keep
	return cells
}

// repeatsHeader reports whether a row repeats the sheet's header: at
// least two of its cells, and half of those not empty, are the headers of
// their columns.
func (c *sheetCols) repeatsHeader(cells []string, filled int) bool {
	if c.heads == nil {
		c.heads = map[int]string{}
		for _, col := range c.m.Columns {
			if col.Header != "" {
				c.heads[col.Index] = normLabel(col.Header)
			}
		}
	}
	same := 0
	for i, t := range cells {
		h, ok := c.heads[i]
		if !ok || t == "" || len(t) > 4*len(h)+8 || strings.ContainsAny(t, "0123456789") && !strings.ContainsAny(h, "0123456789") {
			continue // data cells hold digits that headers do not: no need to normalise them
		}
		if firstLabelRune(t) == firstLabelRune(h) && sameLabel(t, h) {
			same++
		}
	}
	return same >= 2 && same*2 >= filled
}
