package excel

import (
	"strings"

	"github.com/partnerdesk/partnerdesk/model"
	"github.com/partnerdesk/partnerdesk/reports/interchange"
)

// sheetCols is a mapping prepared for reading rows: where each field is.
type sheetCols struct {
	m     *Mapping
	col   map[Field]Column
	locs  map[Field]*interchange.Loc // each column's cell location, without the row
	cells interchange.RowCells       // the columns of a detail row's fields, by path after the row's prefix
	heads map[int]string             // normalised header by column index, made on first use
	// parties are the detail rows' parties made so far, by their text.
	parties map[string]model.Party
	// codes are the enumeration values looked up so far, by prefix and
	// text: a column repeats a few values over thousands of rows.
	codes map[[2]string]enumHit
}

// enumHit is a lookup's result.
type enumHit struct {
	code string
	ok   bool
}

// lookup is the package's lookup, remembered for the sheet.
func (c *sheetCols) lookup(prefix, text string) (string, bool) {
	if hit, ok := c.codes[[2]string{prefix, text}]; ok {
		return hit.code, hit.ok
	}
	code, ok := lookup(prefix, text)
	if len(c.codes) < maxKept {
		c.codes[[2]string{prefix, text}] = enumHit{code, ok}
	}
	return code, ok
}

func prepare(m *Mapping) *sheetCols {
	c := &sheetCols{m: m, col: map[Field]Column{}, locs: map[Field]*interchange.Loc{}, cells: interchange.RowCells{}, parties: map[string]model.Party{}, codes: map[[2]string]enumHit{}}
	for _, col := range m.Columns {
		if col.Field != "" {
			c.col[col.Field] = col
		}
	}
	for f, col := range c.col {
		c.locs[f] = &interchange.Loc{Sheet: m.Sheet, Column: col.Letter, Header: col.Header}
	}
	return c
}

func (c *sheetCols) has(f Field) bool { _, ok := c.col[f]; return ok }

// rowReader reads the cells of one row, recording where each field came
// from in the record's origin and each problem with its cell.
type rowReader struct {
	c        *sheetCols
	row      int
	cells    []string
	date1904 bool
	origin   *interchange.CellOrigin
	prefix   string // set by group: the fields under it are recorded once for the row
	grouped  bool
	problems *interchange.Problems
	bad      bool
}

func (rr *rowReader) raw(f Field) string {
	col, ok := rr.c.col[f]
	if !ok || col.Index >= len(rr.cells) {
		return ""
	}
	return rr.cells[col.Index]
}

// loc is the cell of field f in this row (the row itself when unmapped).
func (rr *rowReader) loc(f Field) interchange.Loc {
	l := interchange.Loc{Sheet: rr.c.m.Sheet, Row: rr.row}
	if col, ok := rr.c.col[f]; ok {
		l.Column, l.Header = col.Letter, col.Header
	}
	return l
}

// rowLoc is the row itself.
func (rr *rowReader) rowLoc() interchange.Loc {
	return interchange.Loc{Sheet: rr.c.m.Sheet, Row: rr.row}
}

// blank reports whether no imported column of the row holds anything.
func (rr *rowReader) blank() bool {
	for f, col := range rr.c.col {
		if col.Index < len(rr.cells) && strings.TrimSpace(rr.cells[col.Index]) != "" && !derivedField(rr.c.m.Kind, f) {
			return false
		}
	}
	return true
}

func derivedField(kind SheetKind, f Field) bool {
	for _, fi := range Fields(kind) {
		if fi.Field == f {
			return fi.Derived
		}
	}
	return false
}

// at records that the model field path came from field f's cell.
func (rr *rowReader) at(f Field, path string) {
	l, ok := rr.c.locs[f]
	switch {
	case !ok || path == "":
	case rr.grouped && strings.HasPrefix(path, rr.prefix):
		if suffix := path[len(rr.prefix):]; rr.c.cells[suffix] == nil {
			rr.c.cells[suffix] = l
		}
	default:
		rr.origin.SetCell(path, l, rr.row)
	}
}

// group records that the fields under prefix come from this row's cells
// (with the same columns in every row of the sheet).
func (rr *rowReader) group(prefix string) {
	rr.prefix, rr.grouped = prefix, true
	rr.origin.SetRow(prefix, rr.c.cells, rr.row)
}

// fail reports a problem with field f's cell; a warning leaves the record
// importable.
func (rr *rowReader) fail(f Field, warn bool, key string, args ...string) {
	p := interchange.NewProblem(rr.loc(f), key, args...)
	p.Value, p.Warning = interchange.Shorten(rr.raw(f)), warn
	*rr.problems = append(*rr.problems, p)
	if !warn {
		rr.bad = true
	}
}

func (rr *rowReader) text(f Field, path string) string {
	rr.at(f, path)
	return strings.TrimSpace(strings.ReplaceAll(rr.raw(f), "\r\n", "\n"))
}

func (rr *rowReader) date(f Field, path string) model.Date {
	rr.at(f, path)
	d, key := parseDate(rr.raw(f), rr.date1904)
	if key != "" {
		rr.fail(f, false, key)
	}
	return d
}

func (rr *rowReader) int(f Field, path string) int {
	rr.at(f, path)
	n, key := parseInt(rr.raw(f))
	if key != "" {
		rr.fail(f, false, key)
	}
	return n
}

func (rr *rowReader) num(f Field, path string) float64 {
	rr.at(f, path)
	v, key := parseNumber(rr.raw(f))
	if key != "" {
		rr.fail(f, false, key)
	}
	return v
}

// enum reads a code or label of the enumeration with the key prefix.
func (rr *rowReader) enum(f Field, prefix, path string) string {
	rr.at(f, path)
	text := strings.TrimSpace(rr.raw(f))
	if text == "" {
		return ""
	}
	code, ok := rr.c.lookup(prefix, text)
	if !ok {
		rr.fail(f, false, "err.unknown_value", "Value", interchange.Shorten(text))
	}
	return code
}

// enums reads a list of codes or labels, one per line.
func (rr *rowReader) enums(f Field, prefix, path string) []string {
	rr.at(f, path)
	var out []string
	for _, part := range splitLines(rr.raw(f)) {
		if part == "" {
			continue
		}
		if code, ok := rr.c.lookup(prefix, part); ok {
			out = append(out, code)
			continue
		}
		ok := false
		for _, sub := range strings.Split(part, ",") { // "A, B" in one line
			code, found := lookup(prefix, sub)
			if !found {
				ok = false
				break
			}
			out, ok = append(out, code), true
		}
		if !ok {
			rr.fail(f, false, "err.unknown_value", "Value", interchange.Shorten(part))
		}
	}
	return out
}

func (rr *rowReader) yes(f Field, path string) bool {
	rr.at(f, path)
	text := strings.TrimSpace(rr.raw(f))
	if text == "" {
		return false
	}
	v, ok := yesNo(text)
	if !ok {
		rr.fail(f, false, "err.unknown_value", "Value", interchange.Shorten(text))
	}
	return v
}

// countryCode reads a country as an ISO code or a common name.
func countryCode(text string) string {
	t := strings.TrimSpace(text)
	if len(t) == 2 {
		return strings.ToUpper(t)
	}
	switch normLabel(t) {
	case "казахстан", "қазақстан", "республика казахстан", "kazakhstan":
		return "KZ"
	case "кыргызстан", "киргизия", "кыргызская республика", "қырғызстан", "kyrgyzstan":
		return "KG"
	case "россия", "российская федерация", "ресей", "орусия", "russia":
		return "RU"
	case "узбекистан", "өзбекстан", "uzbekistan":
		return "UZ"
	}
	return t
}
