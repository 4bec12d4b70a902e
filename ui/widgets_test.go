package ui

import "testing"

// Numbers are read as people type them: with spaces (or the no-break
// spaces Excel copies) between thousands, a comma or a point before the
// fraction; an empty field is zero; anything else is refused.
func TestIntValue(t *testing.T) {
	for _, c := range []struct {
		in   string
		want int
		ok   bool
	}{
		{"", 0, true},
		{"   ", 0, true},
		{"12", 12, true},
		{" 12 ", 12, true},
		{"1 500", 1500, true},
		{"1\u00a0500", 1500, true},
		{"-3", -3, true},
		{"1,5", 0, false},
		{"1.5", 0, false},
		{"двенадцать", 0, false},
		{"12a", 0, false},
	} {
		got, ok := intValue(c.in)
		if ok != c.ok || (ok && got != c.want) {
			t.Errorf("intValue(%q) = %d, %v; want %d, %v", c.in, got, ok, c.want, c.ok)
		}
	}
}

func TestFloatValue(t *testing.T) {
	for _, c := range []struct {
		in   string
		want float64
		ok   bool
	}{
		{"", 0, true},
		{"1,5", 1.5, true},
		{"1.5", 1.5, true},
		{"1 234,56", 1234.56, true},
		{"1\u00a0234,5", 1234.5, true},
		{" 7 ", 7, true},
		{"0,25", 0.25, true},
		{"1,234.5", 0, false},
		{"1,2,3", 0, false},
		{"сто", 0, false},
	} {
		got, ok := floatValue(c.in)
		if ok != c.ok || (ok && got != c.want) {
			t.Errorf("floatValue(%q) = %v, %v; want %v, %v", c.in, got, ok, c.want, c.ok)
		}
	}
}

// formatInt and formatFloat write what intValue and floatValue read back,
// zero as an empty field.
func TestFormatReadsBack(t *testing.T) {
	for _, n := range []int{0, 7, 1500, -3} {
		if got, ok := intValue(formatInt(n)); !ok || got != n {
			t.Errorf("intValue(formatInt(%d)) = %d, %v", n, got, ok)
		}
	}
	for _, f := range []float64{0, 1.5, 1234.56, 0.25} {
		if got, ok := floatValue(formatFloat(f)); !ok || got != f {
			t.Errorf("floatValue(formatFloat(%v)) = %v, %v", f, got, ok)
		}
	}
}
