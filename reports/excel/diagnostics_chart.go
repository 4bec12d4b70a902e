package excel

import (
	"github.com/xuri/excelize/v2"

	"github.com/partnerdesk/partnerdesk/reports"
)

// levelColours are Figure 1's colours per level, darker for the first
// compared group (EG) and lighter for the second (CG), as in the app and
// the PDF report.
var levelColours = [][2]string{{"D6604D", "F4A582"}, {"4393C3", "92C5DE"}, {"4D9221", "A1D76A"}, {"8073AC", "B2ABD2"}}

func seriesColour(k, groups int) string {
	groups = max(groups, 1)
	return levelColours[(k/groups)%len(levelColours)][min(k%groups, 1)]
}

// chartRows is how many rows of the sheet the chart covers (400 px at the
// default 20 px a row).
const chartRows = 21

// figure adds Figure 1 below Table 1: indicators as categories, one
// series per level and group.
func (d *diagSheet) figure(rep *reports.RoundReport, first, last int) error {
	names, _ := rep.ChartSeries()
	ref := func(col, a, b int) string {
		c1, _ := excelize.CoordinatesToCellName(col, a, true)
		c2, _ := excelize.CoordinatesToCellName(col, b, true)
		if a == b {
			return quoteSheet(d.name) + "!" + c1
		}
		return quoteSheet(d.name) + "!" + c1 + ":" + c2
	}
	// The series' names ("Fragmented knowledge, EG") sit in a hidden row
	// the chart refers to: a series name must be a cell reference.
	labels := d.row
	for k, n := range names {
		if err := d.f.SetCellValue(d.name, d.cell(2+k, labels), n); err != nil {
			return err
		}
	}
	if err := d.f.SetRowVisible(d.name, labels, false); err != nil {
		return err
	}
	d.row++
	var series []excelize.ChartSeries
	for k := range names {
		series = append(series, excelize.ChartSeries{
			Name: ref(2+k, labels, labels), Categories: ref(1, first, last), Values: ref(2+k, first, last),
			Fill: excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{seriesColour(k, len(rep.Groups))}},
		})
	}
	zero := 0.0
	axis := excelize.Font{Color: "404040", Size: 9}
	d.chart++
	d.row++
	at := d.cell(1, d.row)
	d.row += chartRows
	return d.f.AddChart(d.name, at, &excelize.Chart{
		Type:      excelize.Col,
		Series:    series,
		Title:     excelize.ChartTitle{Paragraph: []excelize.RichTextRun{{Text: rep.T("diag.chart")}}},
		Legend:    excelize.ChartLegend{Position: "bottom"},
		Dimension: excelize.ChartDimension{Width: 860, Height: 400},
		PlotArea:  excelize.ChartPlotArea{ShowVal: false},
		XAxis:     excelize.ChartAxis{Font: axis},
		YAxis:     excelize.ChartAxis{Font: axis, MajorGridLines: true, Minimum: &zero},
	})
}
