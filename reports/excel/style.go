package excel

import (
	"strings"
	"unicode/utf16"
	"unicode/utf8"

	"github.com/xuri/excelize/v2"
)

// styles holds the workbook's cell style IDs.
type styles struct {
	header, headerExtra, title, bold int
	byKind                           map[cellStyle]int
}

func newStyles(f *excelize.File) (*styles, error) {
	border := []excelize.Border{
		{Type: "left", Color: "A6A6A6", Style: 1}, {Type: "right", Color: "A6A6A6", Style: 1},
		{Type: "top", Color: "A6A6A6", Style: 1}, {Type: "bottom", Color: "A6A6A6", Style: 1},
	}
	top := func(h string) *excelize.Alignment {
		return &excelize.Alignment{Vertical: "top", Horizontal: h, WrapText: true}
	}
	dateFmt, pctFmt, numFmt := "dd.mm.yyyy", "0.0%", "#,##0.##"
	defs := map[cellStyle]*excelize.Style{
		styleText:   {Border: border, Alignment: top("left")},
		styleDate:   {Border: border, Alignment: top("center"), CustomNumFmt: &dateFmt},
		styleInt:    {Border: border, Alignment: top("right"), NumFmt: 1},
		styleNum:    {Border: border, Alignment: top("right"), CustomNumFmt: &numFmt},
		stylePct:    {Border: border, Alignment: top("right"), CustomNumFmt: &pctFmt},
		styleCenter: {Border: border, Alignment: top("center")},
	}
	st := &styles{byKind: map[cellStyle]int{}}
	for k, def := range defs {
		id, err := f.NewStyle(def)
		if err != nil {
			return nil, err
		}
		st.byKind[k] = id
	}
	var err error
	if st.header, err = f.NewStyle(&excelize.Style{
		Border: border, Font: &excelize.Font{Bold: true},
		Fill:      excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{"DDEBF7"}},
		Alignment: &excelize.Alignment{Horizontal: "center", Vertical: "center", WrapText: true},
	}); err != nil {
		return nil, err
	}
	if st.headerExtra, err = f.NewStyle(&excelize.Style{
		Border: border, Font: &excelize.Font{Bold: true, Color: "595959"},
		Fill:      excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{"EDEDED"}},
		Alignment: &excelize.Alignment{Horizontal: "center", Vertical: "center", WrapText: true},
	}); err != nil {
		return nil, err
	}
	if st.title, err = f.NewStyle(&excelize.Style{Font: &excelize.Font{Bold: true, Size: 14}}); err != nil {
		return nil, err
	}
	st.bold, err = f.NewStyle(&excelize.Style{Font: &excelize.Font{Bold: true}, Border: border, Alignment: top("left")})
	return st, err
}

// maxCell is the most UTF-16 code units an Excel cell holds.
const maxCell = 32767

// clip returns s cut to fit one cell, ending in "…" when cut, with
// invalid UTF-8 replaced.
func clip(s string) string {
	if !utf8.ValidString(s) {
		s = strings.ToValidUTF8(s, "\uFFFD")
	}
	if len(s) <= maxCell || utf16Len(s) <= maxCell { // a UTF-16 unit per byte at most
		return s
	}
	units := 0
	for i, r := range s {
		if units+utf16.RuneLen(r) > maxCell-1 {
			return s[:i] + "…"
		}
		units += utf16.RuneLen(r)
	}
	return s
}

func utf16Len(s string) int {
	n := 0
	for _, r := range s {
		n += utf16.RuneLen(r)
	}
	return n
}
