package pdf

import (
	"io"
	"strconv"
	"strings"

	"github.com/partnerdesk/partnerdesk/reports/layouts"
)

// Type of a laid-out register: headers at 8 pt bold, cells at 8 pt.
const (
	layoutHeadSize = 8
	layoutBodySize = 8
)

// LayoutRegister prints a register laid out by the layouts package (the
// practice bases, dual training or memoranda presets, or a saved layout)
// on landscape A4 pages: the institution's name and the title with the
// period in each header language, the column headers one line per
// language and repeated on every page, and "page N of M" in the footer.
func LayoutRegister(w io.Writer, t *layouts.Table, o Options) error {
	o, err := o.check()
	if err != nil {
		return err
	}
	dc := newDoc(o, narrowLandscape)
	full := dc.pg.width()
	var rows []*row
	for i, h := range t.Heading {
		rows = append(rows, para1(h[0], full, style{size: 10, bold: true, align: "C"}, 0, 0.5),
			para1(h[1], full, style{size: 9, bold: true, align: "C"}, 0, 1))
		if i == len(t.Heading)-1 {
			rows[len(rows)-1].after = 3
		}
	}
	if len(t.Rows) == 0 {
		rows = append(rows, para1(tr(t.Langs[0], "pdf.register.empty"), full, style{size: 10, align: "C"}, 4, 0))
	} else {
		// Noto Sans letters at 8 pt take about 1.5 mm, long words 1.75; bold
		// header words up to 2.3 (Ж, Ш, Щ, Ы are wide).
		mm := t.Widths(full, 2.3, 1.75)
		cols := make([]column, len(t.Columns))
		for i, c := range t.Columns {
			cols[i] = column{title: strings.Join(c.Header, "\n"), w: mm[i], align: c.Align}
		}
		rows = append(rows, sizedTable(cols, t.Rows, layoutHeadSize, layoutBodySize)...)
	}
	dc.meta(t.Heading[0][1], t.Heading[0][0])
	footer := func(n, total int) []op {
		var pages []string
		for _, lang := range t.Langs {
			pages = append(pages, tr(lang, "pdf.page", "N", strconv.Itoa(n), "M", strconv.Itoa(total)))
		}
		return dc.footerOps(t.Heading[0][0], strings.Join(pages, " / "))
	}
	return dc.render(w, dc.layout(rows), footer)
}

// narrowLandscape is landscape A4 with 10 mm side margins.
var narrowLandscape = page{w: 297, h: 210, left: 10, right: 10, top: 10, bottom: 14}

// sizedTable is table with the header and body type sizes given.
func sizedTable(cols []column, records [][]string, head, body float64) []*row {
	rows := table(cols, records, body)
	for i := range rows[0].cells {
		rows[0].cells[i].st.size = head
	}
	return rows
}
