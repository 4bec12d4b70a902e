package excel

import (
	"strconv"
	"strings"
	"time"

	"github.com/xuri/excelize/v2"

	"github.com/partnerdesk/partnerdesk/assets"
	"github.com/partnerdesk/partnerdesk/model"
)

// sheetWriter streams the rows of one sheet: the header row through
// excelize's StreamWriter, the data rows through rowXML.
type sheetWriter struct {
	name     string
	fields   []FieldInfo
	styles   []int
	perLine  []int // letters per line of each printed column; 0 for extra columns
	sw       *excelize.StreamWriter
	rows     *rowXML
	row      int // rows written, header included
	dataRows int // rows the autofilter covers, header included
	lang     string
	yes, no  string
}

// newSheetWriter opens a stream on the sheet with its column widths, the
// frozen header row and the header.
func (x *exporter) newSheetWriter(f *excelize.File, kind SheetKind, name string) (*sheetWriter, error) {
	fields := Fields(kind)
	sw, err := f.NewStreamWriter(name)
	if err != nil {
		return nil, err
	}
	w := &sheetWriter{name: name, fields: fields, sw: sw, lang: x.o.Lang,
		yes: assets.T(x.o.Lang, "xlsx.yes", nil), no: assets.T(x.o.Lang, "xlsx.no", nil)}
	for i, fi := range fields {
		if err := sw.SetColWidth(i+1, i+1, fi.width); err != nil {
			return nil, err
		}
		w.styles = append(w.styles, x.st.byKind[fi.style])
		per := 0
		if !fi.extra {
			per = max(1, int((fi.width-0.5)/letterWide))
		}
		w.perLine = append(w.perLine, per)
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
	w.rows = newRowXML(len(fields))
	x.joined["xl/worksheets/sheet"+strconv.Itoa(sw.SheetID)+".xml"] = &joinedSheet{rows: w.rows}
	return w, nil
}

// add writes one data row; values follow the sheet's columns.
func (w *sheetWriter) add(values ...any) error {
	w.row++
	w.dataRows = w.row
	w.put(values, 0)
	return nil
}

// addTotal writes a row outside the autofilter (totals) in bold.
func (w *sheetWriter) addTotal(bold int, values ...any) error {
	w.row++
	w.put(values, bold)
	return nil
}

// put writes row w.row; bold, when not 0, is the style of its text cells.
func (w *sheetWriter) put(values []any, bold int) {
	lines := 1
	for i, v := range values {
		if s, ok := v.(string); ok && i < len(w.fields) && w.perLine[i] > 0 && !oneLine(s, w.perLine[i]) {
			lines = max(lines, min(wrappedLines(s, w.perLine[i]), maxLines))
		}
	}
	w.rows.startRow(w.row, float64(lines*lineHeight+5))
	for i := range w.fields {
		var v any
		if i < len(values) {
			v = values[i]
		}
		style := w.styles[i]
		if bold != 0 && w.fields[i].style == styleText {
			style = bold
		}
		w.cell(i, style, v)
	}
	w.rows.endRow()
}

// cell writes one cell of a Go value: text (never a formula, cut to fit a
// cell), a date, a number, yes/no; nil and zero dates as empty cells.
func (w *sheetWriter) cell(i, style int, v any) {
	x := w.rows
	switch v := v.(type) {
	case string:
		x.text(i, style, clip(v))
	case model.Date:
		if v.IsZero() || !v.Valid() {
			x.empty(i, style)
		} else {
			x.date(i, style, v)
		}
	case bool:
		if v {
			x.text(i, style, w.yes)
		} else {
			x.text(i, style, w.no)
		}
	case int:
		x.int(i, style, v)
	case *int:
		if v == nil {
			x.empty(i, style)
		} else {
			x.int(i, style, *v)
		}
	case float64:
		x.float(i, style, v)
	case *float64:
		if v == nil {
			x.empty(i, style)
		} else {
			x.float(i, style, *v)
		}
	default:
		x.empty(i, style)
	}
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
	if err := w.rows.close(); err != nil {
		return err
	}
	return w.sw.Flush()
}

// usedRange is the range of the sheet's cells, e.g. A1:AC50001.
func (w *sheetWriter) usedRange() string {
	last, _ := excelize.CoordinatesToCellName(len(w.fields), w.row)
	return "A1:" + last
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
