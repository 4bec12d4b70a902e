package layouts

import (
	"strings"
	"unicode/utf8"
)

// Widths shares total millimetres among the columns in proportion to
// their widths, but gives each at least room for its longest word (of
// the headers, headMM a letter, and of the cells, wordMM a letter), so
// that text wraps between words; what that takes comes from the columns
// with room to spare. Words of cells count up to 18 letters (a longer one
// breaks anyway); when the columns' least widths exceed total, they
// shrink alike. A column empty in every row gets the least.
func (t *Table) Widths(total, headMM, wordMM float64) []float64 {
	n := len(t.Columns)
	least := t.least(total, headMM, wordMM)
	out := make([]float64, n)
	fixed := make([]bool, n)
	for i := range n { // a column with no text below its header needs no more room
		if !t.filled(i) {
			out[i], fixed[i] = least[i], true
		}
	}
	for range n {
		free, sum := total, 0.0
		for i, c := range t.Columns {
			if fixed[i] {
				free -= out[i]
			} else {
				sum += c.MM
			}
		}
		again := false
		for i, c := range t.Columns {
			if !fixed[i] {
				out[i] = c.MM * free / sum
				if out[i] < least[i] {
					out[i], fixed[i], again = least[i], true, true
				}
			}
		}
		if !again {
			break
		}
	}
	return out
}

// longestWord counts the letters of the longest word of s.
func longestWord(s string) int {
	best := 0
	for _, w := range strings.Fields(s) {
		best = max(best, utf8.RuneCountInString(w))
	}
	return best
}

func sumOf(list []float64) float64 {
	sum := 0.0
	for _, v := range list {
		sum += v
	}
	return sum
}

// filled reports whether any row has text in column i.
func (t *Table) filled(i int) bool {
	for _, r := range t.Rows {
		if r[i] != "" {
			return true
		}
	}
	return false
}

// least returns each column's least width: its longest header word and
// cell word (of at most 18 letters), shrunk alike when they exceed total.
func (t *Table) least(total, headMM, wordMM float64) []float64 {
	least := make([]float64, len(t.Columns))
	for i, c := range t.Columns {
		for _, h := range c.Header {
			least[i] = max(least[i], float64(longestWord(h))*headMM+2.5)
		}
	}
	for _, r := range t.Rows {
		for i, v := range r {
			least[i] = max(least[i], float64(min(longestWord(v), 18))*wordMM+2.5)
		}
	}
	if sum := sumOf(least); sum > total {
		for i := range least {
			least[i] *= total / sum // too many columns: words may break
		}
	}
	return least
}
