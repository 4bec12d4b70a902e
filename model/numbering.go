package model

import (
	"fmt"
	"strconv"
	"strings"
)

// Agreement numbers are built from the institution's pattern. Placeholders:
//
//	{yyyy}  the year of signing, four digits
//	{yy}    its last two digits
//	{mm}    the month, two digits
//	{n…}    the counter, zero-padded to as many digits as there are n's:
//	        {n} is 1, 2, …; {nnn} is 001, 002, …
//
// Everything else is copied as written. "СП-{yyyy}/{nnn}" gives СП-2026/001.
// The counter restarts whenever the rest of the number changes, so with a
// year in the pattern it restarts every year.

type patternPart struct {
	literal string
	token   string // "yyyy", "yy", "mm" or "n" (counter)
	width   int    // counter width
}

func parsePattern(p string) ([]patternPart, string, string) {
	var parts []patternPart
	counters := 0
	for p != "" {
		i := strings.IndexByte(p, '{')
		if i < 0 {
			parts = append(parts, patternPart{literal: p})
			break
		}
		if i > 0 {
			parts = append(parts, patternPart{literal: p[:i]})
		}
		j := strings.IndexByte(p[i:], '}')
		if j < 0 {
			return nil, "err.pattern_placeholder", p[i:]
		}
		tok := p[i+1 : i+j]
		switch {
		case tok == "yyyy" || tok == "yy" || tok == "mm":
			parts = append(parts, patternPart{token: tok})
		case tok != "" && strings.Trim(tok, "n") == "" && len(tok) <= 9:
			counters++
			parts = append(parts, patternPart{token: "n", width: len(tok)})
		default:
			return nil, "err.pattern_placeholder", "{" + tok + "}"
		}
		p = p[i+j+1:]
	}
	if counters != 1 {
		return nil, "err.pattern_counter", ""
	}
	return parts, "", ""
}

// CheckPattern reports the message key of the problem with a numbering
// pattern and the offending part, or "" when the pattern is usable.
func CheckPattern(p string) (key, arg string) {
	if k := CheckText(p, MaxShort, false); k != "" {
		return k, ""
	}
	_, key, arg = parsePattern(p)
	return key, arg
}

// SuggestNumber returns the next agreement number for a pattern, a signing
// date and the numbers already in use: one more than the highest counter
// among existing numbers that match the pattern for that date. Numbers are
// compared as NormalizeNumber compares them. An unusable pattern falls back
// to DefaultNumberPattern.
func SuggestNumber(pattern string, on Date, existing []string) string {
	if key, _ := CheckPattern(pattern); key != "" {
		pattern = DefaultNumberPattern
	}
	parts, _, _ := parsePattern(pattern)
	var prefix, suffix strings.Builder
	width, cur := 1, &prefix
	for _, pt := range parts {
		if pt.token == "n" {
			width, cur = pt.width, &suffix
			continue
		}
		cur.WriteString(render(pt, on))
	}
	// Normalise the fixed parts as they stand next to the counter digits, so
	// that a space before or after the counter survives.
	pre := strings.TrimSuffix(NormalizeNumber(prefix.String()+"0"), "0")
	suf := strings.TrimPrefix(NormalizeNumber("0"+suffix.String()), "0")
	next := 1
	for _, n := range existing {
		n = NormalizeNumber(n)
		if len(n) < len(pre)+len(suf) || !strings.HasPrefix(n, pre) || !strings.HasSuffix(n, suf) {
			continue
		}
		digits := n[len(pre) : len(n)-len(suf)]
		if len(digits) == 0 || len(digits) > 9 || !allDigits(digits) {
			continue
		}
		if v, _ := strconv.Atoi(digits); v >= next {
			next = v + 1
		}
	}
	return fmt.Sprintf("%s%0*d%s", prefix.String(), width, next, suffix.String())
}

func render(pt patternPart, on Date) string {
	switch pt.token {
	case "yyyy":
		return fmt.Sprintf("%04d", on.Year())
	case "yy":
		return fmt.Sprintf("%02d", on.Year()%100)
	case "mm":
		return fmt.Sprintf("%02d", int(on.Month()))
	}
	return pt.literal
}

// NormalizeNumber returns the form of an agreement number used to enforce
// uniqueness: trimmed, inner runs of spaces collapsed, upper case.
func NormalizeNumber(n string) string {
	return strings.ToUpper(strings.Join(strings.Fields(n), " "))
}
