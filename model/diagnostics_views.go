package model

import (
	"math"
	"strconv"
	"strings"
)

// ShareByLevel returns group g's percentages as the paper's Table 1 lays
// them out: for each level, the share of each indicator in that level's
// total, so that every level's column adds up to 100 over the indicators.
// Result[i][l] is indicator i's share of level l; a level with no counts
// gives NaN.
func (r *Round) ShareByLevel(g int) [][]float64 {
	c := r.Counts(g)
	out := r.emptyShares()
	for l := range r.Scale.Levels {
		total := 0
		for i := range c {
			total += c[i][l]
		}
		for i := range c {
			out[i][l] = share(c[i][l], total)
		}
	}
	return out
}

// ShareByIndicator returns group g's percentages in the conventional
// layout: for each indicator, how its count spreads over the levels (each
// indicator's row adds up to 100). Result[i][l]; an indicator with no
// counts gives NaN.
func (r *Round) ShareByIndicator(g int) [][]float64 {
	c := r.Counts(g)
	out := r.emptyShares()
	for i := range c {
		total := 0
		for _, v := range c[i] {
			total += v
		}
		for l := range c[i] {
			out[i][l] = share(c[i][l], total)
		}
	}
	return out
}

func (r *Round) emptyShares() [][]float64 {
	out := make([][]float64, len(r.Scale.Indicators))
	for i := range out {
		out[i] = make([]float64, len(r.Scale.Levels))
	}
	return out
}

func share(n, total int) float64 {
	if total == 0 {
		return math.NaN()
	}
	return 100 * float64(n) / float64(total)
}

// FormatPercent writes a computed percentage the way the paper prints
// them: a whole number when it is one, otherwise with one decimal, with
// the decimal separator given ("," in Russian, Kazakh and Kyrgyz); NaN
// (nothing to divide by) is a dash.
func FormatPercent(v float64, sep string) string {
	if math.IsNaN(v) {
		return "–"
	}
	if r := math.Round(v); math.Abs(v-r) < 1e-9 {
		return strconv.Itoa(int(r))
	}
	return strings.Replace(strconv.FormatFloat(v, 'f', 1, 64), ".", sep, 1)
}

// DecimalSep returns the decimal separator of the language.
func DecimalSep(lang string) string {
	if lang == "en" {
		return "."
	}
	return ","
}

// PaperTable is the paper's Table 1 for a round: one row per indicator;
// for each level, one column per compared group.
type PaperTable struct {
	Levels []string // the levels' names
	Groups []string // the compared groups' names, repeated under each level
	Rows   []PaperRow
}

// PaperRow is one indicator's row of a PaperTable.
type PaperRow struct {
	Indicator string
	// Percent[l][k] is the share, in level l, of this indicator for the
	// k-th compared group (see ShareByLevel).
	Percent [][]float64
}

// Table1 builds the paper's Table 1 for the groups given (all groups when
// none), with names in lang.
func (r *Round) Table1(lang string, groups ...int) PaperTable {
	if len(groups) == 0 {
		for g := range r.Groups {
			groups = append(groups, g)
		}
	}
	t := PaperTable{}
	for _, lv := range r.Scale.Levels {
		t.Levels = append(t.Levels, lv.Names.In(lang))
	}
	shares := make([][][]float64, len(groups))
	for k, g := range groups {
		t.Groups = append(t.Groups, r.Groups[g].Name)
		shares[k] = r.ShareByLevel(g)
	}
	for i, ind := range r.Scale.Indicators {
		row := PaperRow{Indicator: ind.Names.In(lang), Percent: make([][]float64, len(r.Scale.Levels))}
		for l := range r.Scale.Levels {
			for k := range groups {
				row.Percent[l] = append(row.Percent[l], shares[k][i][l])
			}
		}
		t.Rows = append(t.Rows, row)
	}
	return t
}

// Strings returns the table's body as text, one row per indicator: the
// indicator's name, then for each level the groups' percentages, as the
// paper prints them.
func (t PaperTable) Strings(lang string) [][]string {
	out := make([][]string, 0, len(t.Rows))
	for _, row := range t.Rows {
		line := []string{row.Indicator}
		for _, lv := range row.Percent {
			for _, v := range lv {
				line = append(line, FormatPercent(v, DecimalSep(lang)))
			}
		}
		out = append(out, line)
	}
	return out
}

// ComparedGroups returns the groups a round's statistics compare: its first
// experimental and first control group, or else its first two groups; ok
// is false when the round has fewer than two groups.
func (r *Round) ComparedGroups() (a, b int, ok bool) {
	a, b = r.GroupIndex(GroupExperimental), r.GroupIndex(GroupControl)
	if a >= 0 && b >= 0 {
		return a, b, true
	}
	if len(r.Groups) < 2 {
		return 0, 0, false
	}
	return 0, 1, true
}
