package pdf

import (
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

// joinNonEmpty joins the non-empty parts with sep.
func joinNonEmpty(sep string, parts ...string) string {
	var out []string
	for _, p := range parts {
		if p = strings.TrimSpace(p); p != "" {
			out = append(out, p)
		}
	}
	return strings.Join(out, sep)
}

// lowerFirst lower-cases the first letter of a label used inside a
// sentence, unless the label starts with an abbreviation ("СМИ").
func lowerFirst(s string) string {
	r, n := utf8.DecodeRuneInString(s)
	if n == 0 {
		return s
	}
	if next, _ := utf8.DecodeRuneInString(s[n:]); unicode.IsUpper(next) {
		return s
	}
	return string(unicode.ToLower(r)) + s[n:]
}

// number formats a quantity: "1,5" (a comma for decimals except in
// English).
func number(lang string, v float64) string {
	s := strconv.FormatFloat(v, 'f', -1, 64)
	if lang != "en" {
		s = strings.Replace(s, ".", ",", 1)
	}
	return s
}

// money formats an amount with thousands grouped: "1 500 000" (with
// no-break spaces) or "1,500,000.50" in English; kopecks and tiyn only
// when there are some.
func money(lang string, v float64) string {
	neg := v < 0
	if neg {
		v = -v
	}
	s := strconv.FormatFloat(v, 'f', 2, 64)
	whole, frac := s[:len(s)-3], s[len(s)-2:]
	group, dec := "\u00a0", ","
	if lang == "en" {
		group, dec = ",", "."
	}
	var b strings.Builder
	for i, c := range whole {
		if i > 0 && (len(whole)-i)%3 == 0 {
			b.WriteString(group)
		}
		b.WriteRune(c)
	}
	if frac != "00" {
		b.WriteString(dec + frac)
	}
	if neg {
		return "−" + b.String()
	}
	return b.String()
}

// capitalize upper-cases the first letter.
func capitalize(s string) string {
	r, n := utf8.DecodeRuneInString(s)
	if n == 0 {
		return s
	}
	return string(unicode.ToUpper(r)) + s[n:]
}
