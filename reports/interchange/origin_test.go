package interchange

import "testing"

// A register's cell origins: one location per column, one entry per detail
// row; every field is still found at its own cell.
func TestCellOriginLocates(t *testing.T) {
	number := &Loc{Sheet: "Agreements", Column: "B", Header: "Number"}
	due := &Loc{Sheet: "Responsibilities", Column: "F", Header: "Due"}
	text := &Loc{Sheet: "Responsibilities", Column: "C", Header: "Description"}
	cells := RowCells{}
	o := &CellOrigin{Base: Loc{Sheet: "Agreements", Row: 7}}
	o.SetCell("number", number, 7)
	o.SetRow("responsibilities[0].", cells, 12)
	cells["due"], cells["description"] = due, text // filled in while the first row is read
	o.SetRow("responsibilities[1].", cells, 15)
	o.Set("tax_id", Loc{Sheet: "Partners", Row: 3, Column: "D"})
	for field, want := range map[string]Loc{
		"number":                          {Sheet: "Agreements", Row: 7, Column: "B", Header: "Number"},
		"responsibilities[0].due":         {Sheet: "Responsibilities", Row: 12, Column: "F", Header: "Due"},
		"responsibilities[1].due":         {Sheet: "Responsibilities", Row: 15, Column: "F", Header: "Due"},
		"responsibilities[1].description": {Sheet: "Responsibilities", Row: 15, Column: "C", Header: "Description"},
		"responsibilities[1].owner":       {Sheet: "Agreements", Row: 7}, // no such column: the record's row
		"responsibilities[2].due":         {Sheet: "Agreements", Row: 7},
		"number.suffix":                   {Sheet: "Agreements", Row: 7, Column: "B", Header: "Number"},
		"tax_id":                          {Sheet: "Partners", Row: 3, Column: "D"},
		"":                                {Sheet: "Agreements", Row: 7},
	} {
		if got := o.Locate(field); got != want {
			t.Errorf("Locate(%q) = %+v, want %+v", field, got, want)
		}
	}
}
