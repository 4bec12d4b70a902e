package model_test

import (
	"math"
	"testing"

	"github.com/partnerdesk/partnerdesk/model"
	"github.com/partnerdesk/partnerdesk/model/demo"
)

// The paper's Table 1, as printed (section "Findings"): indicator, then
// fragmented EG, CG, complete EG, CG, summative EG, CG.
var paperTable1 = [][]string{
	{"Professional knowledge", "30", "30", "28", "27", "37", "38"},
	{"Socio-psychological knowledge", "35", "35", "32", "31", "40", "40"},
	{"General cultural knowledge", "20", "22", "21", "22", "11", "11"},
	{"Subject knowledge", "15", "13", "19", "20", "12", "11"},
}

func TestPaperTable1CellForCell(t *testing.T) {
	r := demo.PaperRound(model.NewDate(2023, 12, 15))
	if err := r.Validate(); err != nil {
		t.Fatalf("the paper's round does not validate: %v", err)
	}
	tab := r.Table1("en")
	if got := tab.Levels; len(got) != 3 || got[0] != "Fragmented knowledge" || got[2] != "Summative knowledge" {
		t.Errorf("levels %q", got)
	}
	if tab.Groups[0] != "EG" || tab.Groups[1] != "CG" {
		t.Errorf("groups %q", tab.Groups)
	}
	got := tab.Strings("en")
	for i, want := range paperTable1 {
		for j := range want {
			if got[i][j] != want[j] {
				t.Errorf("row %d column %d: %q, the paper prints %q", i, j, got[i][j], want[j])
			}
		}
	}
	if r.Consistent(0) || r.Consistent(1) {
		t.Error("the paper's counts are not one level per student, yet Consistent says they are")
	}
}

// As in the paper, each level's column adds up to 100 over the four
// indicators.
func TestPaperColumnsSumTo100(t *testing.T) {
	r := demo.PaperRound(model.NewDate(2023, 12, 15))
	tab := r.Table1("en")
	for l := range 3 {
		for k := range 2 {
			sum := 0.0
			for _, row := range tab.Rows {
				sum += row.Percent[l][k]
			}
			if math.Abs(sum-100) > 1e-9 {
				t.Errorf("level %d group %d sums to %v", l, k, sum)
			}
		}
	}
}

// Expected figures from SciPy 1.10.1 (Debian 12 python3-scipy):
// scipy.stats.chi2_contingency(table, correction=False) for chi2, p, dof
// and the smallest expected count; Cramér's V = sqrt(chi2 / table.sum()).
// Tables: the paper's EG and CG rows per indicator, then two of our own.
var scipyChi2 = []struct {
	name          string
	a, b          []int
	chi2, p, v    float64
	df            int
	minExp        float64
	small         int
	significantAt bool
}{
	{"professional", []int{30, 28, 37}, []int{30, 27, 38}, 0.03151515151515152, 0.9843659252959773, 0.012879022420230405, 2, 27.5, 0, false},
	{"socio_psychological", []int{35, 32, 40}, []int{35, 31, 40}, 0.0111784265813538, 0.994426377302021, 0.007244368569364564, 2, 31.35211267605634, 0, false},
	{"general_cultural", []int{20, 21, 11}, []int{22, 22, 11}, 0.03440880824601748, 0.9829427465492464, 0.01793258618155903, 2, 10.69158878504673, 0, false},
	{"subject", []int{15, 19, 12}, []int{13, 20, 11}, 0.16761475764311287, 0.9196083750850582, 0.04315537273659663, 2, 11.244444444444444, 0, false},
	{"significant", []int{3, 10, 37}, []int{15, 25, 10}, 29.93920972644377, 3.1534301211532177e-07, 0.5471673393619522, 2, 9.0, 0, true},
	{"small", []int{1, 2, 3}, []int{4, 0, 1}, 4.748333333333333, 0.09309203359067653, 0.6570134448142341, 2, 0.9090909090909091, 6, false},
}

func TestChiSquareAgainstSciPy(t *testing.T) {
	near := func(a, b float64) bool { return math.Abs(a-b) <= 1e-9*math.Max(1, math.Abs(b)) }
	for _, c := range scipyChi2 {
		got := model.Homogeneity(c.a, c.b)
		if !near(got.Chi2, c.chi2) || !near(got.P, c.p) || !near(got.V, c.v) || got.DF != c.df || !near(got.MinExpected, c.minExp) {
			t.Errorf("%s: chi2 %v p %v V %v df %d minE %v; SciPy: %v %v %v %d %v", c.name, got.Chi2, got.P, got.V, got.DF, got.MinExpected, c.chi2, c.p, c.v, c.df, c.minExp)
		}
		if got.Small != c.small || got.Significant() != c.significantAt {
			t.Errorf("%s: %d small expected counts, significant %v", c.name, got.Small, got.Significant())
		}
	}
	// The paper's round, indicator by indicator, gives the same figures.
	r := demo.PaperRound(model.NewDate(2023, 12, 15))
	a, b, _ := r.ComparedGroups()
	for i, tst := range r.Tests(a, b) {
		if !near(tst.Chi2, scipyChi2[i].chi2) || tst.Indicator.Code != scipyChi2[i].name {
			t.Errorf("paper %s: chi2 %v", tst.Indicator.Code, tst.Chi2)
		}
		if tst.SentenceKey() != "diag.sentence.not_significant" {
			t.Errorf("paper %s: %s", tst.Indicator.Code, tst.SentenceKey())
		}
	}
}

func TestHomogeneityUntestable(t *testing.T) {
	for _, c := range [][2][]int{{{0, 0, 0}, {1, 2, 3}}, {{5, 0, 0}, {7, 0, 0}}} {
		if got := model.Homogeneity(c[0], c[1]); got.Testable() || got.SentenceKey() != "diag.sentence.untestable" {
			t.Errorf("%v: testable %v", c, got)
		}
	}
}

func TestStudentResultsCounted(t *testing.T) {
	rounds := demo.Rounds(1, model.NewDate(2026, 11, 28), nil)
	before, after := rounds[1], rounds[2]
	for _, r := range []model.Round{before, after} {
		if err := r.Validate(); err != nil {
			t.Fatalf("%s: %v", r.Title, err)
		}
		for g := range r.Groups {
			if !r.Consistent(g) {
				t.Errorf("%s group %d: per-student counts must add up to 25 per indicator", r.Title, g)
			}
		}
	}
	ch := model.Change(&before, 0, &after, 0)
	if len(ch) != 4 {
		t.Fatalf("%d indicators compared", len(ch))
	}
	for _, c := range ch {
		sumDelta := 0.0
		for l := range c.Delta {
			sumDelta += c.Delta[l]
			if math.Abs(c.After[l]-c.Before[l]-c.Delta[l]) > 1e-9 {
				t.Errorf("%s level %d: delta %v", c.Indicator.Code, l, c.Delta[l])
			}
		}
		if math.Abs(sumDelta) > 1e-9 {
			t.Errorf("%s: the changes must cancel out, sum %v", c.Indicator.Code, sumDelta)
		}
	}
}

func TestRoundValidation(t *testing.T) {
	base := func() model.Round { return demo.PaperRound(model.NewDate(2023, 12, 15)) }
	cases := []struct {
		field, key string
		edit       func(r *model.Round)
	}{
		{"title", "err.required", func(r *model.Round) { r.Title = " " }},
		{"date", "err.required", func(r *model.Round) { r.Date = 0 }},
		{"stage", "err.unknown_value", func(r *model.Round) { r.Stage = "final" }},
		{"mode", "err.required", func(r *model.Round) { r.Mode = "" }},
		{"course", "err.range", func(r *model.Round) { r.Course = 11 }},
		{"groups", "err.diag_no_groups", func(r *model.Round) { r.Groups = nil }},
		{"groups[1].name", "err.duplicate", func(r *model.Round) { r.Groups[1].Name = "EG" }},
		{"groups[0].kind", "err.unknown_value", func(r *model.Round) { r.Groups[0].Kind = "x" }},
		{"groups[0].students", "err.range", func(r *model.Round) { r.Groups[0].Students = 0 }},
		{"groups[1].counts[2][1]", "err.range", func(r *model.Round) { r.Groups[1].Counts[2][1] = -1 }},
		{"groups[0].counts[3]", "err.diag_shape", func(r *model.Round) { r.Groups[0].Counts[3] = []int{1} }},
		{"groups[0].counts", "err.diag_shape", func(r *model.Round) { r.Groups[0].Counts = r.Groups[0].Counts[:2] }},
		{"scale.indicators", "err.diag_no_indicators", func(r *model.Round) { r.Scale.Indicators = nil; r.Mode = model.ModeStudents; r.Groups[0].Counts = nil }},
		{"scale.levels", "err.diag_few_levels", func(r *model.Round) { r.Scale.Levels = r.Scale.Levels[:1] }},
		{"scale.indicators[1].code", "err.duplicate", func(r *model.Round) { r.Scale.Indicators[1].Code = "professional" }},
		{"scale.levels[0].code", "err.diag_code", func(r *model.Round) { r.Scale.Levels[0].Code = "Фрагм" }},
		{"scale.levels[2].names.ru", "err.required", func(r *model.Round) { r.Scale.Levels[2].Names = model.Names{} }},
		{"agreement_ids[1]", "err.duplicate", func(r *model.Round) { r.AgreementIDs = []model.ID{4, 4} }},
		{"groups[0].results", "err.diag_too_many", func(r *model.Round) {
			r.Mode = model.ModeStudents
			r.Groups[0].Students = 1
			r.Groups[0].Results = []model.StudentResult{{Code: "a", Levels: make([]string, 4)}, {Code: "b", Levels: make([]string, 4)}}
		}},
		{"groups[0].results[0].levels[2]", "err.unknown_value", func(r *model.Round) {
			r.Mode = model.ModeStudents
			r.Groups[0].Results = []model.StudentResult{{Code: "a", Levels: []string{"", "", "high", ""}}}
		}},
		{"groups[0].results[1].code", "err.duplicate", func(r *model.Round) {
			r.Mode = model.ModeStudents
			r.Groups[0].Results = []model.StudentResult{{Code: "a", Levels: make([]string, 4)}, {Code: "a", Levels: make([]string, 4)}}
		}},
	}
	for _, c := range cases {
		r := base()
		c.edit(&r)
		err := r.Validate()
		v, ok := model.AsValidation(err)
		if !ok {
			t.Errorf("%s: no validation error (%v)", c.field, err)
			continue
		}
		found := false
		for _, fe := range v.For(c.field) {
			found = found || fe.Key == c.key
		}
		if !found {
			t.Errorf("%s: want %s, got %v", c.field, c.key, v)
		}
	}
}

func TestFormatPercent(t *testing.T) {
	for v, want := range map[float64]string{30: "30", 100.0 / 3: "33,3", 2.26: "2,3", math.NaN(): "–"} {
		if got := model.FormatPercent(v, ","); got != want {
			t.Errorf("FormatPercent(%v) = %q, want %q", v, got, want)
		}
	}
	if got := model.FormatP(0.9843659, "."); got != "0.984" {
		t.Errorf("FormatP = %q", got)
	}
	if got := model.FormatP(3e-7, ","); got != "< 0,001" {
		t.Errorf("FormatP = %q", got)
	}
}

// BenchmarkRoundViews builds Table 1, the conventional view and the four
// chi-square tests of a round of 2 × 500 students entered one by one.
func BenchmarkRoundViews(b *testing.B) {
	r := demo.Rounds(1, model.NewDate(2026, 11, 28), nil)[2]
	for g := range r.Groups {
		res := r.Groups[g].Results
		for len(r.Groups[g].Results) < 500 {
			r.Groups[g].Results = append(r.Groups[g].Results, res...)
		}
		r.Groups[g].Students = len(r.Groups[g].Results)
	}
	b.ReportAllocs()
	for b.Loop() {
		_ = r.Table1("ru")
		_ = r.ShareByIndicator(0)
		_ = r.Tests(0, 1)
	}
}
