package excel

import (
	"fmt"
)

// AutoMappings maps a register's sheets as the import wizard first
// proposes them and as partnerctl reads them: every sheet recognised by
// its headers, or, with sheet set, that sheet plus the detail sheets a
// PartnerDesk register names as such.
func (w *Workbook) AutoMappings(sheet string) ([]Mapping, error) {
	if sheet == "" {
		maps := w.GuessMappings()
		if len(maps) == 0 {
			return nil, problem("xlsx.err.no_sheet_recognised")
		}
		return maps, nil
	}
	m, err := w.GuessMapping(sheet, "")
	if err != nil {
		return nil, err
	}
	if miss := m.Missing(); len(miss) > 0 {
		p := problem("xlsx.err.required_column", "Column", miss[0].Header("en"))
		p.Sheet = sheet
		return nil, p
	}
	maps := []Mapping{m}
	for _, other := range w.GuessMappings() {
		if other.Sheet != sheet && other.Kind != m.Kind && other.Kind != SheetAgreements && kindOfName(other.Sheet) != "" {
			maps = append(maps, other)
		}
	}
	return maps, nil
}

// String describes a mapping for people: the sheet, what it is read as,
// its header row and each column's field.
func (m Mapping) String() string {
	s := fmt.Sprintf("sheet %q read as %s (headers in row %d):", m.Sheet, m.Kind, m.HeaderRow)
	for _, col := range m.Columns {
		if col.Field != "" {
			s += " " + col.Letter + "→" + string(col.Field)
		}
	}
	return s
}
