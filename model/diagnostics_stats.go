package model

import (
	"math"
	"strconv"

	"gonum.org/v1/gonum/stat/distuv"
)

// Alpha is the significance level the plain-words sentences use.
const Alpha = 0.05

// ChiSquare is Pearson's chi-square test of homogeneity of two groups'
// distributions over the levels of one indicator.
type ChiSquare struct {
	Chi2 float64 // the statistic
	DF   int     // degrees of freedom: levels with any count, minus one
	P    float64 // the probability of a statistic at least this large by chance
	// V is Cramér's V, the strength of the difference from 0 (none) to 1.
	V float64
	N int // all the counts compared
	// MinExpected is the smallest expected count; Small is how many
	// expected counts are below 5, when the test's p-value is only rough.
	MinExpected float64
	Small       int
}

// Testable reports whether the test could be computed: both groups have
// counts and at least two levels occur.
func (c ChiSquare) Testable() bool { return c.DF > 0 }

// Significant reports whether the difference is more than chance at Alpha.
func (c ChiSquare) Significant() bool { return c.Testable() && c.P < Alpha }

// Homogeneity tests whether two rows of counts over the same levels come
// from one distribution. Levels with no count in either row are left out.
func Homogeneity(a, b []int) ChiSquare {
	var ta, tb int
	var cols [][2]int
	for l := range a {
		if l < len(b) && a[l]+b[l] > 0 {
			cols = append(cols, [2]int{a[l], b[l]})
			ta, tb = ta+a[l], tb+b[l]
		}
	}
	n := ta + tb
	res := ChiSquare{N: n, MinExpected: math.NaN(), P: math.NaN(), Chi2: math.NaN(), V: math.NaN()}
	if ta == 0 || tb == 0 || len(cols) < 2 {
		return res
	}
	res.Chi2, res.MinExpected = 0, math.Inf(1)
	for _, col := range cols {
		ct := col[0] + col[1]
		for k, rt := range []int{ta, tb} {
			e := float64(rt) * float64(ct) / float64(n)
			d := float64(col[k]) - e
			res.Chi2 += d * d / e
			res.MinExpected = math.Min(res.MinExpected, e)
			if e < 5 {
				res.Small++
			}
		}
	}
	res.DF = len(cols) - 1
	res.P = distuv.ChiSquared{K: float64(res.DF)}.Survival(res.Chi2)
	// Cramér's V for a 2×k table: min(rows, cols) − 1 = 1.
	res.V = math.Sqrt(res.Chi2 / float64(n))
	return res
}

// IndicatorTest is the chi-square test of one indicator between the two
// compared groups of a round.
type IndicatorTest struct {
	Indicator ScaleItem
	ChiSquare
}

// Tests runs the chi-square test of homogeneity for each indicator
// between groups a and b.
func (r *Round) Tests(a, b int) []IndicatorTest {
	ca, cb := r.Counts(a), r.Counts(b)
	out := make([]IndicatorTest, len(r.Scale.Indicators))
	for i, ind := range r.Scale.Indicators {
		out[i] = IndicatorTest{Indicator: ind, ChiSquare: Homogeneity(ca[i], cb[i])}
	}
	return out
}

// FormatP writes a p-value for people: three decimals, or "< 0.001".
func FormatP(p float64, sep string) string {
	switch {
	case math.IsNaN(p):
		return "–"
	case p < 0.001:
		return "< 0" + sep + "001"
	}
	return formatFixed(p, 3, sep)
}

// FormatStat writes a statistic with the given number of decimals.
func FormatStat(v float64, decimals int, sep string) string {
	if math.IsNaN(v) {
		return "–"
	}
	return formatFixed(v, decimals, sep)
}

func formatFixed(v float64, decimals int, sep string) string {
	s := strconv.FormatFloat(v, 'f', decimals, 64)
	if sep != "." {
		for i := range len(s) {
			if s[i] == '.' {
				return s[:i] + sep + s[i+1:]
			}
		}
	}
	return s
}

// SentenceKey returns the translation key of the plain-words sentence about
// the test; its arguments are Indicator (the indicator's name, in lower
// case as the sentence needs) and P (see Sentence).
func (c ChiSquare) SentenceKey() string {
	switch {
	case !c.Testable():
		return "diag.sentence.untestable"
	case c.Significant():
		return "diag.sentence.significant"
	}
	return "diag.sentence.not_significant"
}

// SentenceArgs returns the arguments of the sentence in lang.
func (t IndicatorTest) SentenceArgs(lang string) map[string]string {
	return map[string]string{"Indicator": t.Indicator.Names.In(lang), "P": FormatP(t.P, DecimalSep(lang))}
}

// LevelChange is how one indicator's distribution over the levels changed
// for the same group between two rounds.
type LevelChange struct {
	Indicator ScaleItem
	Before    []float64 // percentages by level (ShareByIndicator)
	After     []float64
	Delta     []float64 // After − Before, percentage points
	Test      ChiSquare
}

// Change compares group gb of round before with group ga of round after,
// indicator by indicator, matching indicators and levels by code. It
// treats the two rounds' results as independent samples, which is how
// rounds entered as counts must be read.
func Change(before *Round, gb int, after *Round, ga int) []LevelChange {
	cb, ca := before.Counts(gb), after.Counts(ga)
	sb, sa := before.ShareByIndicator(gb), after.ShareByIndicator(ga)
	var out []LevelChange
	for ia, ind := range after.Scale.Indicators {
		ib := indexOfCode(before.Scale.Indicators, ind.Code)
		if ib < 0 {
			continue
		}
		ch := LevelChange{Indicator: ind}
		var rowB, rowA []int
		for la, lv := range after.Scale.Levels {
			lb := indexOfCode(before.Scale.Levels, lv.Code)
			vb, nb := math.NaN(), 0
			if lb >= 0 {
				vb, nb = sb[ib][lb], cb[ib][lb]
			}
			ch.Before = append(ch.Before, vb)
			ch.After = append(ch.After, sa[ia][la])
			ch.Delta = append(ch.Delta, sa[ia][la]-vb)
			rowB, rowA = append(rowB, nb), append(rowA, ca[ia][la])
		}
		ch.Test = Homogeneity(rowB, rowA)
		out = append(out, ch)
	}
	return out
}

func indexOfCode(items []ScaleItem, code string) int {
	for i, it := range items {
		if it.Code == code {
			return i
		}
	}
	return -1
}
