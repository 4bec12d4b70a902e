package reports

import (
	"math"
	"strconv"
	"strings"

	"github.com/partnerdesk/partnerdesk/model"
)

// RoundReport is a diagnostic round turned into text in one language: the
// paper's Table 1, the conventional view, the counts, the chi-square
// tests with their plain-words conclusions, and the definitions. The
// Excel sheet, the PDF report, partnerctl and the app all show it.
type RoundReport struct {
	Round *model.Round
	Lang  string
	Title string
	// Meta are lines describing the round: stage and date, programme,
	// groups, agreements, activities, source.
	Meta []string
	// Compared are the two groups the table and the tests compare (both
	// -1 when the round has one group, then Table 1 shows it alone).
	A, B int
	// Table1 is the paper's layout: Table1Head[0] has the levels (each
	// spanning len(Groups) columns), Table1Head[1] the groups' "EG, %"
	// headings; Table1Rows the indicator rows.
	Groups     []int
	Table1Head [2][]string
	Table1Rows [][]string
	// ByIndicator is the conventional view: one row per indicator and
	// group, with the distribution over the levels.
	ByIndicatorHead []string
	ByIndicatorRows [][]string
	// Counts are the numbers behind the percentages: one row per indicator
	// and group.
	CountsHead []string
	CountsRows [][]string
	// Tests are the chi-square tests, one per indicator.
	Tests     []model.IndicatorTest
	TestsHead []string
	TestsRows [][]string
	// Notes are cautions about the tests (small expected counts, counts
	// that are not one level per student).
	Notes []string
}

// NewRoundReport builds the report of r in lang; numbers maps agreement
// IDs to numbers for the meta lines (may be nil).
func NewRoundReport(r *model.Round, lang string, numbers map[model.ID]string) *RoundReport {
	t := func(key string, args ...string) string { return T(lang, key, argMap(args)) }
	rep := &RoundReport{Round: r, Lang: lang, Title: r.Label(), A: -1, B: -1}
	rep.meta(numbers)
	if a, b, ok := r.ComparedGroups(); ok {
		rep.A, rep.B, rep.Groups = a, b, []int{a, b}
	} else {
		for g := range r.Groups {
			rep.Groups = append(rep.Groups, g)
		}
	}
	rep.table1()
	rep.byIndicator()
	lv := []string{t("diag.col.indicator"), t("diag.col.group")}
	for _, l := range r.Scale.Levels {
		lv = append(lv, l.Names.In(lang))
	}
	rep.ByIndicatorHead = append([]string(nil), lv...)
	rep.CountsHead = append(lv, t("diag.field.students"))
	for i, ind := range r.Scale.Indicators {
		for g := range r.Groups {
			c := r.Counts(g)[i]
			row := []string{ind.Names.In(lang), r.Groups[g].Name}
			for _, v := range c {
				row = append(row, strconv.Itoa(v))
			}
			rep.CountsRows = append(rep.CountsRows, append(row, strconv.Itoa(r.Groups[g].Students)))
		}
	}
	if rep.A >= 0 {
		rep.tests()
	}
	return rep
}

func argMap(kv []string) map[string]string {
	if len(kv) == 0 {
		return nil
	}
	m := map[string]string{}
	for i := 0; i+1 < len(kv); i += 2 {
		m[kv[i]] = kv[i+1]
	}
	return m
}

func (rep *RoundReport) t(key string, args ...string) string {
	return T(rep.Lang, key, argMap(args))
}

func (rep *RoundReport) meta(numbers map[model.ID]string) {
	r := rep.Round
	rep.Meta = append(rep.Meta, rep.t("diag.meta", "Stage", Label(rep.Lang, r.Stage), "Date", r.Date.String()))
	if r.Programme.Name != "" || r.Course > 0 {
		prog := strings.TrimSpace(r.Programme.Code + " " + r.Programme.Name)
		rep.Meta = append(rep.Meta, rep.t("diag.meta_programme", "Programme", prog, "Course", strconv.Itoa(r.Course)))
	}
	for _, g := range r.Groups {
		rep.Meta = append(rep.Meta, rep.t("diag.meta_group", "Group", g.Name, "Kind", Label(rep.Lang, g.Kind), "Students", strconv.Itoa(g.Students)))
	}
	var nums []string
	for _, id := range r.AgreementIDs {
		if n, ok := numbers[id]; ok {
			nums = append(nums, n)
		}
	}
	if len(nums) > 0 {
		rep.Meta = append(rep.Meta, rep.t("diag.meta_agreements", "Numbers", strings.Join(nums, ", ")))
	}
	if r.Activities != "" {
		rep.Meta = append(rep.Meta, rep.t("diag.meta_activities", "Activities", r.Activities))
	}
	if r.Source != "" {
		rep.Meta = append(rep.Meta, rep.t("diag.meta_source", "Source", r.Source))
	}
}

func (rep *RoundReport) table1() {
	r := rep.Round
	tab := r.Table1(rep.Lang, rep.Groups...)
	rep.Table1Head[0] = append([]string{rep.t("diag.col.indicator")}, tab.Levels...)
	rep.Table1Head[1] = []string{""}
	for range tab.Levels {
		for _, g := range tab.Groups {
			rep.Table1Head[1] = append(rep.Table1Head[1], rep.t("diag.col.percent", "Group", g))
		}
	}
	rep.Table1Rows = tab.Strings(rep.Lang)
}

func (rep *RoundReport) byIndicator() {
	r := rep.Round
	sep := model.DecimalSep(rep.Lang)
	for i, ind := range r.Scale.Indicators {
		for _, g := range rep.Groups {
			row := []string{ind.Names.In(rep.Lang), r.Groups[g].Name}
			for _, v := range r.ShareByIndicator(g)[i] {
				row = append(row, model.FormatPercent(v, sep))
			}
			rep.ByIndicatorRows = append(rep.ByIndicatorRows, row)
		}
	}
}

func (rep *RoundReport) tests() {
	r := rep.Round
	sep := model.DecimalSep(rep.Lang)
	rep.TestsHead = []string{rep.t("diag.col.indicator"), rep.t("diag.col.chi2"), rep.t("diag.col.df"), rep.t("diag.col.p"), rep.t("diag.col.v"), rep.t("diag.col.min_expected")}
	rep.Tests = r.Tests(rep.A, rep.B)
	small := 0
	for _, tst := range rep.Tests {
		rep.TestsRows = append(rep.TestsRows, []string{
			tst.Indicator.Names.In(rep.Lang), model.FormatStat(tst.Chi2, 3, sep), strconv.Itoa(tst.DF),
			model.FormatP(tst.P, sep), model.FormatStat(tst.V, 3, sep), model.FormatStat(tst.MinExpected, 1, sep),
		})
		small += tst.Small
	}
	if small > 0 {
		rep.Notes = append(rep.Notes, rep.t("diag.small_expected", "Count", strconv.Itoa(small)))
	}
	for _, g := range []int{rep.A, rep.B} {
		if !r.Consistent(g) {
			rep.Notes = append(rep.Notes, rep.t("diag.inconsistent", "Group", r.Groups[g].Name, "Students", strconv.Itoa(r.Groups[g].Students)))
		}
	}
}

// Sentence returns the plain-words conclusion of a test in the report's
// language.
func (rep *RoundReport) Sentence(tst model.IndicatorTest) string {
	p := model.FormatP(tst.P, model.DecimalSep(rep.Lang))
	if !strings.HasPrefix(p, "<") {
		p = "= " + p
	}
	return rep.t(tst.SentenceKey(), "Indicator", tst.Indicator.Names.In(rep.Lang), "P", p)
}

// TestsTitle returns the heading of the tests section.
func (rep *RoundReport) TestsTitle() string {
	if rep.A < 0 {
		return rep.t("diag.tests_none")
	}
	return rep.t("diag.tests", "A", rep.Round.Groups[rep.A].Name, "B", rep.Round.Groups[rep.B].Name)
}

// ChartSeries returns Figure 1's data: for each level and compared group a
// series named "level, group" with one value per indicator (the paper's
// Table 1 percentages; NaN as 0).
func (rep *RoundReport) ChartSeries() (names []string, values [][]float64) {
	r := rep.Round
	shares := make([][][]float64, len(rep.Groups))
	for k, g := range rep.Groups {
		shares[k] = r.ShareByLevel(g)
	}
	for l, lv := range r.Scale.Levels {
		for k, g := range rep.Groups {
			names = append(names, lv.Names.In(rep.Lang)+", "+r.Groups[g].Name)
			var vals []float64
			for i := range r.Scale.Indicators {
				v := shares[k][i][l]
				if math.IsNaN(v) {
					v = 0
				}
				vals = append(vals, v)
			}
			values = append(values, vals)
		}
	}
	return names, values
}

// Categories returns the indicators' names, the chart's categories.
func (rep *RoundReport) Categories() []string {
	var out []string
	for _, ind := range rep.Round.Scale.Indicators {
		out = append(out, ind.Names.In(rep.Lang))
	}
	return out
}

// T translates a key in the report's language.
func (rep *RoundReport) T(key string) string { return T(rep.Lang, key, nil) }

// ChangeReport is the change of one group between two rounds, as text.
type ChangeReport struct {
	Title     string
	Head      []string
	Rows      [][]string
	Sentences []string
}

// NewChangeReport compares group gb of round before with group ga of
// round after, in lang: one row per indicator and level with the
// percentages before and after and the change in percentage points, and a
// sentence per indicator on whether the change is more than chance.
func NewChangeReport(before *model.Round, gb int, after *model.Round, ga int, lang string) ChangeReport {
	sep := model.DecimalSep(lang)
	t := func(key string, kv ...string) string { return T(lang, key, argMap(kv)) }
	out := ChangeReport{
		Title: t("diag.change", "Group", after.Groups[ga].Name, "Before", before.Label()+" ("+before.Date.String()+")", "After", after.Label()+" ("+after.Date.String()+")"),
		Head:  []string{t("diag.col.indicator"), t("diag.col.level"), t("diag.col.before"), t("diag.col.after"), t("diag.col.delta")},
	}
	for _, c := range model.Change(before, gb, after, ga) {
		for l, lv := range after.Scale.Levels {
			d := model.FormatStat(c.Delta[l], 1, sep)
			if c.Delta[l] > 0.05 {
				d = "+" + d
			}
			out.Rows = append(out.Rows, []string{c.Indicator.Names.In(lang), lv.Names.In(lang), model.FormatPercent(c.Before[l], sep), model.FormatPercent(c.After[l], sep), d})
		}
		key := "diag.change_not_significant"
		switch {
		case !c.Test.Testable():
			key = "diag.sentence.untestable"
		case c.Test.Significant():
			key = "diag.change_significant"
		}
		p := model.FormatP(c.Test.P, sep)
		if !strings.HasPrefix(p, "<") {
			p = "= " + p
		}
		out.Sentences = append(out.Sentences, t(key, "Indicator", c.Indicator.Names.In(lang), "P", p))
	}
	return out
}
