package excel

import (
	"strings"
	"time"
	"unicode/utf8"

	"github.com/xuri/excelize/v2"

	"github.com/partnerdesk/partnerdesk/assets"
	"github.com/partnerdesk/partnerdesk/model"
)

// sheetWriter streams the rows of one sheet.
type sheetWriter struct {
	name     string
	fields   []FieldInfo
	styles   []int
	sw       *excelize.StreamWriter
	row      int // rows written, header included
	dataRows int // rows the autofilter covers, header included
	lang     string
	cells    []any
	text     []string // the text of each cell of the row being written
}

// newSheetWriter opens a stream on the sheet with its column widths, the
// frozen header row and the header.
func (x *exporter) newSheetWriter(f *excelize.File, kind SheetKind, name string) (*sheetWriter, error) {
	fields := Fields(kind)
	sw, err := f.NewStreamWriter(name)
	if err != nil {
		return nil, err
	}
	w := &sheetWriter{name: name, fields: fields, sw: sw, lang: x.o.Lang, cells: make([]any, len(fields)), text: make([]string, len(fields))}
	for i, fi := range fields {
		if err := sw.SetColWidth(i+1, i+1, fi.width); err != nil {
			return nil, err
		}
		w.styles = append(w.styles, x.st.byKind[fi.style])
	}
	if err := sw.SetPanes(&excelize.Panes{Freeze: true, YSplit: 1, TopLeftCell: "A2", ActivePane: "bottomLeft"}); err != nil {
		return nil, err
	}
	head, headText := make([]any, len(fields)), make([]string, len(fields))
	for i, fi := range fields {
		headText[i] = fi.Header(x.o.Lang)
		style := x.st.header
		if fi.extra {
			style = x.st.headerExtra
		}
		head[i] = excelize.Cell{StyleID: style, Value: headText[i]}
	}
	if err := sw.SetRow("A1", head, excelize.RowOpts{Height: rowHeight(fields, headText, 2) * 1.1}); err != nil {
		return nil, err
	}
	w.row, w.dataRows = 1, 1
	return w, nil
}

// add writes one data row; values follow the sheet's columns.
func (w *sheetWriter) add(values ...any) error {
	w.row++
	w.dataRows = w.row
	return w.put(values, nil)
}

// addTotal writes a row outside the autofilter (totals) in bold.
func (w *sheetWriter) addTotal(bold int, values ...any) error {
	w.row++
	return w.put(values, &bold)
}

func (w *sheetWriter) put(values []any, bold *int) error {
	for i := range w.fields {
		var v any
		if i < len(values) {
			v = w.cellValue(values[i])
		}
		w.text[i], _ = v.(string)
		style := w.styles[i]
		if bold != nil && w.fields[i].style == styleText {
			style = *bold
		}
		w.cells[i] = excelize.Cell{StyleID: style, Value: v}
	}
	cell, err := excelize.CoordinatesToCellName(1, w.row)
	if err != nil {
		return err
	}
	return w.sw.SetRow(cell, w.cells, excelize.RowOpts{Height: w.height()})
}

// Row heights are set from the text, since neither Excel nor LibreOffice
// grows rows for wrapped text they open. A line is taken as 15 points and
// a Cyrillic letter as 1.05 of a column width unit (measured in
// LibreOffice with Carlito, Calibri's metric twin); a row is at most
// maxLines lines high. Columns left out of the print area do not count.
const (
	lineHeight = 15
	letterWide = 1.05
	maxLines   = 12
)

func (w *sheetWriter) height() float64 { return rowHeight(w.fields, w.text, 1) }

// rowHeight estimates the height of a row of texts in the columns fields,
// at least minLines lines.
func rowHeight(fields []FieldInfo, text []string, minLines int) float64 {
	lines := minLines
	for i, t := range text {
		if t == "" || fields[i].extra {
			continue
		}
		perLine := max(1, int((fields[i].width-0.5)/letterWide))
		lines = max(lines, min(wrappedLines(t, perLine), maxLines))
	}
	return float64(lines*lineHeight + 5)
}

// wrappedLines counts the lines text takes when wrapped at word
// boundaries to perLine letters; a longer word is broken.
func wrappedLines(text string, perLine int) int {
	n := 0
	for _, para := range strings.Split(text, "\n") {
		n++
		used := 0
		for _, word := range strings.Fields(para) {
			l := utf8.RuneCountInString(word)
			switch {
			case used == 0:
			case used+1+l <= perLine:
				used += 1 + l
				continue
			default:
				n++
			}
			n += (l - 1) / perLine
			used = (l-1)%perLine + 1
		}
	}
	return n
}

// cellValue turns a Go value into what the cell holds: text (never a
// formula, cut to fit a cell), a date, a number, yes/no.
func (w *sheetWriter) cellValue(v any) any {
	switch v := v.(type) {
	case string:
		if v == "" {
			return nil
		}
		return clip(v)
	case model.Date:
		if v.IsZero() || !v.Valid() {
			return nil
		}
		return v.Time()
	case bool:
		if v {
			return assets.T(w.lang, "xlsx.yes", nil)
		}
		return assets.T(w.lang, "xlsx.no", nil)
	case *int:
		if v == nil {
			return nil
		}
		return *v
	case *float64:
		if v == nil {
			return nil
		}
		return *v
	}
	return v
}

// finish sets the autofilter over the header and data rows and ends the
// stream.
func (w *sheetWriter) finish(f *excelize.File) error {
	last, err := excelize.CoordinatesToCellName(len(w.fields), max(w.dataRows, 2))
	if err != nil {
		return err
	}
	if err := f.AutoFilter(w.name, "A1:"+last, nil); err != nil {
		return err
	}
	return w.sw.Flush()
}

// page sets A4 landscape, fit to width, the page header with the
// institution and the period, page numbers, and for tables the print area
// (without the extra columns) and the header row repeated on every page.
func (x *exporter) page(f *excelize.File, name string, fields []FieldInfo) error {
	size, orient, one, auto := 9, "landscape", 1, 0
	if err := f.SetPageLayout(name, &excelize.PageLayoutOptions{Size: &size, Orientation: &orient, FitToWidth: &one, FitToHeight: &auto}); err != nil {
		return err
	}
	fit := true
	if err := f.SetSheetProps(name, &excelize.SheetPropsOptions{FitToPage: &fit}); err != nil {
		return err
	}
	m := func(v float64) *float64 { return &v }
	if err := f.SetPageMargins(name, &excelize.PageLayoutMarginsOptions{Left: m(0.4), Right: m(0.4), Top: m(0.7), Bottom: m(0.6), Header: m(0.3), Footer: m(0.3)}); err != nil {
		return err
	}
	footer := assets.T(x.o.Lang, "xlsx.page_of", map[string]string{"Page": "&P", "Pages": "&N"})
	if err := f.SetHeaderFooter(name, &excelize.HeaderFooterOptions{
		OddHeader: "&L" + headerText(x.in.Names.In(x.o.Lang), 120) + "&R" + headerText(x.period(), 80),
		OddFooter: "&C" + footer,
	}); err != nil {
		return err
	}
	if fields == nil {
		return nil
	}
	printed := 0
	for printed < len(fields) && !fields[printed].extra {
		printed++
	}
	last, err := excelize.ColumnNumberToName(printed)
	if err != nil {
		return err
	}
	if err := f.SetDefinedName(&excelize.DefinedName{Name: "_xlnm.Print_Area", RefersTo: quoteSheet(name) + "!$A:$" + last, Scope: name}); err != nil {
		return err
	}
	return f.SetDefinedName(&excelize.DefinedName{Name: "_xlnm.Print_Titles", RefersTo: quoteSheet(name) + "!$1:$1", Scope: name})
}

// headerText escapes & for a page header and cuts the text to max
// characters (a header holds 255 in all).
func headerText(s string, max int) string {
	r := []rune(strings.Join(strings.Fields(s), " "))
	if len(r) > max {
		r = append(r[:max-1], '…')
	}
	return strings.ReplaceAll(string(r), "&", "&&")
}

func quoteSheet(name string) string { return "'" + strings.ReplaceAll(name, "'", "''") + "'" }

// period describes the report period for the page header.
func (x *exporter) period() string {
	o := x.o
	args := map[string]string{"From": o.From.String(), "To": o.To.String(), "Date": o.Today.String()}
	switch {
	case !o.From.IsZero() && !o.To.IsZero():
		return assets.T(o.Lang, "xlsx.period", args)
	case !o.From.IsZero():
		return assets.T(o.Lang, "xlsx.period_from", args)
	case !o.To.IsZero():
		return assets.T(o.Lang, "xlsx.period_to", args)
	}
	return assets.T(o.Lang, "xlsx.as_of", args)
}

// properties sets the workbook's title, author and company (the
// institution's name, by which an import recognises it as a party).
func (x *exporter) properties(f *excelize.File) error {
	created := x.o.Today.Time().Format(time.RFC3339)
	if err := f.SetDocProps(&excelize.DocProperties{
		Title: assets.T(x.o.Lang, "xlsx.title", nil), Creator: "PartnerDesk", Created: created, Modified: created,
		Subject: x.period(), Language: x.o.Lang,
	}); err != nil {
		return err
	}
	return f.SetAppProps(&excelize.AppProperties{Application: "PartnerDesk", Company: x.in.Names.In(x.o.Lang)})
}
