package excel

import (
	"cmp"
	"slices"
	"strconv"

	"github.com/xuri/excelize/v2"

	"github.com/partnerdesk/partnerdesk/assets"
	"github.com/partnerdesk/partnerdesk/model"
)

// stats are the counts the Summary sheet shows, over the agreements in
// the register.
type stats struct {
	total      int
	byCategory map[model.Category]int // agreements with a partner of the category
	byStatus   map[model.Status]int
	byCountry  map[string]int // agreements with a partner from the country
	byYear     map[int]int    // by year signed; 0 for unsigned drafts
	outcomes   map[int]*model.Outcome
}

func newStats() *stats {
	return &stats{byCategory: map[model.Category]int{}, byStatus: map[model.Status]int{}, byCountry: map[string]int{},
		byYear: map[int]int{}, outcomes: map[int]*model.Outcome{}}
}

func (s *stats) add(sm *model.Summary, status model.Status, partners map[model.ID]*model.Partner) {
	s.total++
	s.byStatus[status]++
	s.byYear[sm.SignedOn.Year()]++
	cats, countries := map[model.Category]bool{}, map[string]bool{}
	for _, id := range sm.PartnerIDs {
		if p := partners[id]; p != nil {
			cats[p.Category], countries[p.Country] = true, true
		}
	}
	for c := range cats {
		s.byCategory[c]++
	}
	for c := range countries {
		s.byCountry[c]++
	}
}

// addOutcomes adds an agreement's outcomes to the totals per academic
// year. (Summaries do not carry outcomes, so the agreements pass adds
// them.)
func (s *stats) addOutcomes(list []model.Outcome) {
	for _, o := range list {
		t := s.outcomes[o.Year]
		if t == nil {
			t = &model.Outcome{Year: o.Year}
			s.outcomes[o.Year] = t
		}
		sum := model.Totals([]model.Outcome{*t, o})
		sum.Year = o.Year
		*t = sum
	}
}

// years returns the academic years with outcomes, in order.
func (s *stats) years() []int {
	out := make([]int, 0, len(s.outcomes))
	for y := range s.outcomes {
		out = append(out, y)
	}
	slices.Sort(out)
	return out
}

// summaryWriter places the Summary sheet's tables one under another.
type summaryWriter struct {
	f    *excelize.File
	x    *exporter
	name string
	row  int
}

func (w *summaryWriter) cell(col, row int) string {
	c, _ := excelize.CoordinatesToCellName(col, row)
	return c
}

// table writes a titled table and returns the rows its data fill.
func (w *summaryWriter) table(heads []string, rows [][]any, styles []cellStyle) (first, last int, err error) {
	for i, h := range heads {
		if err := w.f.SetCellValue(w.name, w.cell(i+1, w.row), h); err != nil {
			return 0, 0, err
		}
	}
	if err := w.f.SetCellStyle(w.name, w.cell(1, w.row), w.cell(len(heads), w.row), w.x.st.header); err != nil {
		return 0, 0, err
	}
	if err := w.f.SetRowHeight(w.name, w.row, 32); err != nil {
		return 0, 0, err
	}
	first = w.row + 1
	for i, r := range rows {
		w.row++
		if err := w.f.SetSheetRow(w.name, w.cell(1, w.row), &rows[i]); err != nil {
			return 0, 0, err
		}
		for c := range r {
			if err := w.f.SetCellStyle(w.name, w.cell(c+1, w.row), w.cell(c+1, w.row), w.x.st.byKind[styles[c]]); err != nil {
				return 0, 0, err
			}
		}
	}
	last = w.row
	w.row += 2
	return first, last, nil
}

// writeSummary writes the counts by category, status, country and year,
// the employment by academic year, and two charts.
func (x *exporter) writeSummary(f *excelize.File, name string) error {
	lang := x.o.Lang
	t := func(key string) string { return assets.T(lang, key, nil) }
	w := &summaryWriter{f: f, x: x, name: name, row: 1}
	for col, width := range []float64{46, 14, 16, 16} {
		if err := f.SetColWidth(name, string(rune('A'+col)), string(rune('A'+col)), width); err != nil {
			return err
		}
	}
	head := [][]any{
		{t("xlsx.title")}, {x.in.Names.In(lang)}, {x.period()},
		{assets.T(lang, "xlsx.sum.total", map[string]string{"Count": strconv.Itoa(x.stats.total)})},
	}
	for i, r := range head {
		if err := f.SetSheetRow(name, w.cell(1, i+1), &r); err != nil {
			return err
		}
	}
	if err := f.SetCellStyle(name, "A1", "A1", x.st.title); err != nil {
		return err
	}
	w.row = 6
	count := t("xlsx.sum.count")
	two := []cellStyle{styleText, styleInt}
	var rows [][]any
	for _, c := range model.Categories {
		rows = append(rows, []any{x.label(c), x.stats.byCategory[c]})
	}
	catFirst, catLast, err := w.table([]string{t("xlsx.sum.by_category"), count}, rows, two)
	if err != nil {
		return err
	}
	rows = nil
	for _, s := range model.Statuses {
		rows = append(rows, []any{x.label(s), x.stats.byStatus[s]})
	}
	if _, _, err := w.table([]string{t("xlsx.sum.by_status"), count}, rows, two); err != nil {
		return err
	}
	if _, _, err := w.table([]string{t("xlsx.sum.by_country"), count}, x.countryRows(), two); err != nil {
		return err
	}
	if _, _, err := w.table([]string{t("xlsx.sum.by_year"), count}, x.yearRows(), two); err != nil {
		return err
	}
	empFirst, empLast, err := w.table([]string{t("xlsx.sum.academic_year"), t("xlsx.col.graduates"), t("xlsx.col.employed"), t("xlsx.col.employment_pct")},
		x.employmentRows(), []cellStyle{styleCenter, styleInt, styleInt, stylePct})
	if err != nil {
		return err
	}
	return x.charts(f, name, catFirst, catLast, empFirst, empLast)
}

func (x *exporter) countryRows() [][]any {
	codes := make([]string, 0, len(x.stats.byCountry))
	for c := range x.stats.byCountry {
		codes = append(codes, c)
	}
	slices.SortFunc(codes, func(a, b string) int {
		return cmp.Or(cmp.Compare(x.stats.byCountry[b], x.stats.byCountry[a]), cmp.Compare(a, b))
	})
	var rows [][]any
	for _, c := range codes {
		rows = append(rows, []any{c, x.stats.byCountry[c]})
	}
	return rows
}

func (x *exporter) yearRows() [][]any {
	years := make([]int, 0, len(x.stats.byYear))
	for y := range x.stats.byYear {
		years = append(years, y)
	}
	slices.Sort(years)
	var rows [][]any
	for _, y := range years {
		label := strconv.Itoa(y)
		if y == 0 {
			label = assets.T(x.o.Lang, "xlsx.sum.unsigned", nil)
		}
		rows = append(rows, []any{label, x.stats.byYear[y]})
	}
	return rows
}

func (x *exporter) employmentRows() [][]any {
	var rows [][]any
	for _, y := range x.stats.years() {
		o := x.stats.outcomes[y]
		var pct any
		if p, ok := o.EmploymentPercent(); ok {
			pct = p / 100
		}
		rows = append(rows, []any{o.AcademicYear(), o.Graduates, o.Employed, pct})
	}
	return rows
}

// charts adds the bar chart of agreements by category and the column
// chart of employment by academic year, right of the tables.
func (x *exporter) charts(f *excelize.File, name string, catFirst, catLast, empFirst, empLast int) error {
	ref := func(col string, a, b int) string {
		return quoteSheet(name) + "!$" + col + "$" + strconv.Itoa(a) + ":$" + col + "$" + strconv.Itoa(b)
	}
	axis := excelize.Font{Color: "404040", Size: 9}
	title := func(key string) excelize.ChartTitle {
		return excelize.ChartTitle{Paragraph: []excelize.RichTextRun{{Text: assets.T(x.o.Lang, key, nil)}}}
	}
	err := f.AddChart(name, "F6", &excelize.Chart{
		Type:      excelize.Bar,
		Series:    []excelize.ChartSeries{{Name: assets.T(x.o.Lang, "xlsx.sum.count", nil), Categories: ref("A", catFirst, catLast), Values: ref("B", catFirst, catLast)}},
		Title:     title("xlsx.chart.by_category"),
		Legend:    excelize.ChartLegend{Position: "none"},
		Dimension: excelize.ChartDimension{Width: 640, Height: 300},
		PlotArea:  excelize.ChartPlotArea{ShowVal: true},
		XAxis:     excelize.ChartAxis{ReverseOrder: true, Font: axis},
		YAxis:     excelize.ChartAxis{Font: axis, MajorGridLines: true},
	})
	if err != nil || empLast < empFirst {
		return err
	}
	hundred := 1.0
	zero := 0.0
	return f.AddChart(name, "F23", &excelize.Chart{
		Type:      excelize.Col,
		Series:    []excelize.ChartSeries{{Name: assets.T(x.o.Lang, "xlsx.col.employment_pct", nil), Categories: ref("A", empFirst, empLast), Values: ref("D", empFirst, empLast)}},
		Title:     title("xlsx.chart.employment"),
		Legend:    excelize.ChartLegend{Position: "none"},
		Dimension: excelize.ChartDimension{Width: 640, Height: 300},
		PlotArea:  excelize.ChartPlotArea{ShowVal: true, NumFmt: excelize.ChartNumFmt{CustomNumFmt: "0%"}},
		XAxis:     excelize.ChartAxis{Font: axis},
		YAxis:     excelize.ChartAxis{NumFmt: excelize.ChartNumFmt{CustomNumFmt: "0%"}, Maximum: &hundred, Minimum: &zero, MajorGridLines: true, Font: axis},
	})
}
