package pdf

import (
	"fmt"
	"io"
	"strconv"

	"github.com/partnerdesk/partnerdesk/model"
	"github.com/partnerdesk/partnerdesk/reports"
)

// RoundData is a diagnostic round with what its report names: the
// institution and the numbers of the agreements it relates to.
type RoundData struct {
	Institution model.Institution
	Round       model.Round
	Numbers     map[model.ID]string
}

// LoadRound reads a round and the numbers of its agreements.
func LoadRound(tx Reader, id model.ID) (RoundData, error) {
	in, err := tx.Institution()
	if err != nil {
		return RoundData{}, err
	}
	r, err := tx.Round(id)
	if err != nil {
		return RoundData{}, fmt.Errorf("diagnostic round %s: %w", id, err)
	}
	d := RoundData{Institution: in, Round: r, Numbers: map[model.ID]string{}}
	for _, aid := range r.AgreementIDs {
		if a, err := tx.Agreement(aid); err == nil {
			d.Numbers[aid] = a.Number
		}
	}
	return d, nil
}

// RoundReport writes the report of a diagnostic round on A4 in o.Lang:
// the round's description, the paper's Table 1, Figure 1 (a grouped bar
// chart), the distribution over the levels for each indicator, the counts,
// the chi-square tests with their conclusions, and the definitions of the
// levels and indicators.
func RoundReport(w io.Writer, d *RoundData, o Options) error {
	o, err := o.check()
	if err != nil {
		return err
	}
	lang := o.Lang
	rep := reports.NewRoundReport(&d.Round, lang, d.Numbers)
	dc := newDoc(o, portrait)
	full := dc.pg.width()
	heading := func(text string) *row {
		r := para1(text, full, style{size: 11, bold: true, align: "L"}, 5, 2)
		r.keepNext = true
		return r
	}
	rows := []*row{
		para1(d.Institution.Names.In(lang), full, style{size: 9, align: "C"}, 0, 1),
		para1(tr(lang, "diag.pdf.title"), full, style{size: 14, bold: true, align: "C"}, 0, 0.5),
		para1(rep.Title, full, style{size: 12, bold: true, align: "C"}, 0, 3),
	}
	for _, m := range rep.Meta {
		rows = append(rows, para1(m, full, style{size: 9.5, align: "L"}, 0, 0.5))
	}
	rows = append(rows, heading(rep.T("diag.table1")))
	rows = append(rows, table1Rows(rep, full)...)
	rows = append(rows, para1(rep.T("diag.table1_note"), full, style{size: 8.5, align: "L"}, 1, 0))
	rows = append(rows, heading(rep.T("diag.chart")), &row{box: &box{h: 92, draw: func(x, y float64) []op { return dc.barChart(rep, x, y, full, 92) }}, keep: true})
	rows = append(rows, heading(rep.T("diag.by_indicator")))
	rows = append(rows, table(evenColumns(rep.ByIndicatorHead, full, 2), rep.ByIndicatorRows, 8.5)...)
	rows = append(rows, heading(rep.TestsTitle()))
	if rep.TestsRows != nil {
		rows = append(rows, table(evenColumns(rep.TestsHead, full, 1), rep.TestsRows, 8.5)...)
		for _, tst := range rep.Tests {
			rows = append(rows, para1("• "+rep.Sentence(tst), full, style{size: 9.5, align: "L"}, 1, 0))
		}
		for _, n := range rep.Notes {
			rows = append(rows, para1(n, full, style{size: 8.5, align: "L"}, 1.5, 0))
		}
	}
	rows = append(rows, heading(rep.T("diag.counts")))
	rows = append(rows, table(evenColumns(rep.CountsHead, full, 2), rep.CountsRows, 8.5)...)
	rows = append(rows, heading(rep.T("diag.levels_help")))
	rows = append(rows, fieldRows(definitions(d.Round.Scale.Levels, lang), 60, full-60, 9)...)
	rows = append(rows, heading(rep.T("diag.indicators_help")))
	rows = append(rows, fieldRows(definitions(d.Round.Scale.Indicators, lang), 60, full-60, 9)...)
	dc.meta(tr(lang, "diag.pdf.title")+": "+rep.Title, d.Institution.Names.In(lang))
	footer := func(n, total int) []op {
		return dc.footerOps(tr(lang, "pdf.page", "N", strconv.Itoa(n), "M", strconv.Itoa(total)), tr(lang, "diag.pdf.printed", "Date", o.Today.String()))
	}
	return dc.render(w, dc.layout(rows), footer)
}

// definitions pairs each item's name with its definition.
func definitions(items []model.ScaleItem, lang string) [][2]string {
	var out [][2]string
	for _, it := range items {
		help := it.Help.In(lang)
		if help == "" {
			help = "—"
		}
		out = append(out, [2]string{it.Names.In(lang), help})
	}
	return out
}

// evenColumns gives the first text columns room and shares the rest of
// the width evenly among the numeric ones.
func evenColumns(titles []string, full float64, text int) []column {
	first := 66.0
	second := 0.0
	if text > 1 {
		second = 16
	}
	rest := (full - first - second) / float64(len(titles)-text)
	var cols []column
	for i, t := range titles {
		switch {
		case i == 0:
			cols = append(cols, column{title: t, w: first, align: "L"})
		case i < text:
			cols = append(cols, column{title: t, w: second, align: "C"})
		default:
			cols = append(cols, column{title: t, w: rest, align: "R"})
		}
	}
	return cols
}

// table1Rows lays out the paper's Table 1: a header row with each level
// spanning its groups' columns, a header row with the groups, and one row
// per indicator.
func table1Rows(rep *reports.RoundReport, full float64) []*row {
	first := 66.0
	n := len(rep.Table1Head[1]) - 1
	w := (full - first) / float64(n)
	per := len(rep.Groups)
	head1 := &row{border: true, fill: true, keepNext: true, padV: 1}
	head1.cells = append(head1.cells, cell{x: 0, w: first, pad: 1, text: rep.Table1Head[0][0], st: style{size: 8.5, bold: true, align: "C"}})
	for l, lv := range rep.Table1Head[0][1:] {
		head1.cells = append(head1.cells, cell{x: first + float64(l*per)*w, w: float64(per) * w, pad: 1, text: lv, st: style{size: 8.5, bold: true, align: "C"}})
	}
	head2 := &row{border: true, fill: true, keepNext: true, padV: 1}
	for i, h := range rep.Table1Head[1] {
		x, cw := first+float64(i-1)*w, w
		if i == 0 {
			x, cw = 0, first
		}
		head2.cells = append(head2.cells, cell{x: x, w: cw, pad: 1, text: h, st: style{size: 8.5, bold: true, align: "C"}})
	}
	rows := []*row{head1, head2}
	for _, rec := range rep.Table1Rows {
		r := &row{border: true, keep: true, padV: 1}
		for i, v := range rec {
			x, cw, align := first+float64(i-1)*w, w, "C"
			if i == 0 {
				x, cw, align = 0, first, "L"
			}
			r.cells = append(r.cells, cell{x: x, w: cw, pad: 1, text: v, st: style{size: 9.5, align: align}})
		}
		rows = append(rows, r)
	}
	return rows
}
