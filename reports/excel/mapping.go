package excel

import (
	"cmp"
	"slices"
	"strconv"
	"strings"

	"github.com/xuri/excelize/v2"
)

// SheetInfo names a sheet of a workbook and the kind its name suggests
// ("" when the name says nothing).
type SheetInfo struct {
	Name string
	Kind SheetKind
}

// Sheets lists the workbook's sheets in order.
func (w *Workbook) Sheets() []SheetInfo {
	var out []SheetInfo
	for _, name := range w.f.GetSheetList() {
		out = append(out, SheetInfo{Name: name, Kind: kindOfName(name)})
	}
	return out
}

// Column is one column of a sheet's header row and the field it is
// imported as ("" for none).
type Column struct {
	Index  int // 0-based
	Letter string
	Header string
	Field  Field
}

// Mapping says which row of a sheet holds the headers and which field
// each column is imported as. GuessMapping proposes one; the user may
// change it with Set before reading.
type Mapping struct {
	Sheet     string
	Kind      SheetKind
	HeaderRow int // 1-based
	Columns   []Column
}

// Set maps column index to field f ("" to ignore the column); a column
// that had f before is unmapped.
func (m *Mapping) Set(index int, f Field) {
	for i := range m.Columns {
		if f != "" && m.Columns[i].Field == f {
			m.Columns[i].Field = ""
		}
		if m.Columns[i].Index == index {
			m.Columns[i].Field = f
		}
	}
}

// Missing lists the required fields of the sheet's kind that no column
// is mapped to.
func (m Mapping) Missing() []FieldInfo {
	var out []FieldInfo
	for _, fi := range Fields(m.Kind) {
		if fi.Required && m.index(fi.Field) < 0 {
			out = append(out, fi)
		}
	}
	return out
}

// index returns the 0-based column mapped to f, or -1.
func (m Mapping) index(f Field) int {
	for _, c := range m.Columns {
		if c.Field == f {
			return c.Index
		}
	}
	return -1
}

// headerScan is how many rows from the top are searched for the header.
const headerScan = 20

// GuessMapping finds the header row of a sheet and maps its columns by
// their names (in any of the four languages, with common synonyms). With
// kind "" the kind is taken from the sheet's name, else from the headers
// that match best. It fails with a Problem when no row looks like a
// header.
func (w *Workbook) GuessMapping(sheet string, kind SheetKind) (Mapping, error) {
	top, err := w.Preview(sheet, headerScan)
	if err != nil {
		return Mapping{}, err
	}
	if kind == "" {
		kind = kindOfName(sheet)
	}
	kinds := []SheetKind{kind}
	if kind == "" || kind == SheetSummary {
		kinds = slices.DeleteFunc(slices.Clone(SheetKinds), func(k SheetKind) bool { return k == SheetSummary })
	}
	mv := w.merged(sheet, true)
	for r := range top {
		top[r] = mv.fill(r+1, top[r])
	}
	var best Mapping
	bestScore := 0
	for r, cells := range top {
		for _, k := range kinds {
			m, score := mapRow(sheet, k, r+1, cells)
			if r > 0 {
				// A header over two rows: group headers above sub-headers.
				if m2, score2 := mapRow(sheet, k, r+1, stackHeaders(top[r-1], cells)); score2 > score {
					m, score = m2, score2
				}
			}
			if score > bestScore {
				best, bestScore = m, score
			}
		}
	}
	if bestScore < 2 {
		return Mapping{}, problem("xlsx.err.no_header", "Sheet", sheet)
	}
	return best, nil
}

// guessAny maps a sheet as the kind its name says, or, when that leaves
// required columns unmapped, as the kind its headers fit best: a sheet
// named "Серіктестер" (partners) may hold the agreements with them.
func (w *Workbook) guessAny(sheet string, kind SheetKind) (Mapping, error) {
	m, err := w.GuessMapping(sheet, kind)
	if kind != "" || err == nil && len(m.Missing()) == 0 {
		return m, err
	}
	for _, k := range SheetKinds {
		if k == SheetSummary {
			continue
		}
		if m2, err2 := w.GuessMapping(sheet, k); err2 == nil && len(m2.Missing()) == 0 {
			return m2, nil
		}
	}
	return m, err
}

// stackHeaders joins a row of group headers with the sub-headers under
// it: "Срок действия" over "с" and "по" gives "Срок действия с" and "Срок
// действия по"; a header merged over both rows stays as it is. A title
// row (one text across) is not a row of group headers.
func stackHeaders(above, cells []string) []string {
	distinct := map[string]bool{}
	for _, a := range above {
		if a = strings.TrimSpace(a); a != "" {
			distinct[a] = true
		}
	}
	if len(distinct) < 2 {
		return cells
	}
	out := make([]string, max(len(above), len(cells)))
	for i := range out {
		a, c := "", ""
		if i < len(above) {
			a = strings.TrimSpace(above[i])
		}
		if i < len(cells) {
			c = strings.TrimSpace(cells[i])
		}
		switch {
		case a == "" || a == c:
			out[i] = c
		case c == "":
			out[i] = a
		default:
			out[i] = a + " " + c
		}
	}
	return out
}

// mapRow maps one candidate header row to the fields of kind and scores
// it: the number of mapped columns, plus two when every required field
// is mapped.
func mapRow(sheet string, kind SheetKind, row int, cells []string) (Mapping, int) {
	m := Mapping{Sheet: sheet, Kind: kind, HeaderRow: row}
	type cand struct {
		col, score, length int
		field              Field
	}
	var cands []cand
	syns := headerSynonyms()[kind]
	for i, text := range cells {
		if strings.TrimSpace(text) == "" {
			continue
		}
		letter, _ := excelize.ColumnNumberToName(i + 1)
		m.Columns = append(m.Columns, Column{Index: i, Letter: letter, Header: strings.Join(strings.Fields(text), " ")})
		for _, fi := range Fields(kind) {
			if s, l := matchHeader(text, syns[fi.Field]); s > 0 {
				cands = append(cands, cand{i, s, l, fi.Field})
			}
		}
	}
	slices.SortStableFunc(cands, func(a, b cand) int {
		return cmp.Or(cmp.Compare(b.score, a.score), cmp.Compare(b.length, a.length), cmp.Compare(a.col, b.col))
	})
	usedCol, usedField := map[int]bool{}, map[Field]bool{}
	score := 0
	for _, c := range cands {
		if usedCol[c.col] || usedField[c.field] {
			continue
		}
		usedCol[c.col], usedField[c.field] = true, true
		for j := range m.Columns {
			if m.Columns[j].Index == c.col {
				m.Columns[j].Field = c.field
			}
		}
		score++
	}
	if score > 0 && len(m.Missing()) == 0 {
		score += 2
	}
	return m, score
}

// GuessMappings maps every sheet whose header can be recognised and whose
// required columns are all found (the Summary sheet is never imported).
func (w *Workbook) GuessMappings() []Mapping {
	var out []Mapping
	for _, s := range w.Sheets() {
		if s.Kind == SheetSummary {
			continue
		}
		m, err := w.guessAny(s.Name, "")
		if err == nil && len(m.Missing()) == 0 {
			out = append(out, m)
		}
	}
	return out
}

// Preview returns the first n rows of a sheet as they are shown (dates
// formatted), for the user to look at while mapping columns.
func (w *Workbook) Preview(sheet string, n int) ([][]string, error) {
	var out [][]string
	err := w.rows(sheet, false, func(row int, cells []string) (bool, error) {
		if row > n {
			return false, nil
		}
		out = append(out, cells)
		return true, nil
	})
	return out, err
}

// rows calls fn with each row of a sheet (1-based number and cells, raw
// values when raw is set) until fn returns false; it refuses a sheet with
// more than the limit of rows that are not empty.
func (w *Workbook) rows(sheet string, raw bool, fn func(row int, cells []string) (bool, error)) error {
	if !slices.Contains(w.f.GetSheetList(), sheet) {
		return problem("xlsx.err.no_sheet", "Sheet", sheet)
	}
	total := 0
	counted := func(n int, cells []string) (bool, error) {
		if n > w.lim.Rows && !blank(cells) {
			return false, problem("xlsx.err.too_many_rows", "Sheet", sheet, "Max", strconv.Itoa(w.lim.Rows))
		}
		if total += max(len(cells), 1); total > w.lim.Cells {
			return false, problem("xlsx.err.too_many_cells", "Sheet", sheet, "Max", strconv.Itoa(w.lim.Cells))
		}
		return fn(n, cells)
	}
	if raw {
		err := w.rawRows(sheet, counted)
		if err != errSheetFallback {
			return err
		}
	}
	rows, err := w.f.Rows(sheet)
	if err != nil {
		return problem("xlsx.err.damaged", "Part", sheet)
	}
	defer rows.Close()
	for n := 1; rows.Next(); n++ {
		cells, err := rows.Columns(excelize.Options{RawCellValue: raw})
		if err != nil {
			return problem("xlsx.err.damaged", "Part", sheet)
		}
		more, err := counted(n, cells)
		if err != nil || !more {
			return err
		}
	}
	if err := rows.Error(); err != nil {
		return problem("xlsx.err.damaged", "Part", sheet)
	}
	return nil
}
