package excel

import (
	"bytes"
	"strconv"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/partnerdesk/partnerdesk/assets"
	"github.com/partnerdesk/partnerdesk/model"
)

// enumIndex finds the code of an enumeration value from its code or its
// label in any of the four languages.
type enumIndex map[string]string

var (
	indexOnce sync.Once
	indexes   map[string]enumIndex
)

// enumCodes lists the codes of every enumeration the register writes, by
// the prefix of their translation keys.
func enumCodes() map[string][]string {
	str := func(n int, f func(int) string) []string {
		out := make([]string, n)
		for i := range out {
			out[i] = f(i)
		}
		return out
	}
	var subs []string
	for _, c := range model.Categories {
		for _, s := range c.SubKinds() {
			subs = append(subs, string(s))
		}
	}
	return map[string][]string{
		"category":   str(len(model.Categories), func(i int) string { return string(model.Categories[i]) }),
		"subkind":    subs,
		"relation":   str(len(model.Relations), func(i int) string { return string(model.Relations[i]) }),
		"kind":       str(len(model.AgreementKinds), func(i int) string { return string(model.AgreementKinds[i]) }),
		"status":     str(len(model.Statuses), func(i int) string { return string(model.Statuses[i]) }),
		"level":      str(len(model.Levels), func(i int) string { return string(model.Levels[i]) }),
		"model":      str(len(model.PartnershipModels), func(i int) string { return string(model.PartnershipModels[i]) }),
		"form":       str(len(model.Forms), func(i int) string { return string(model.Forms[i]) }),
		"task":       str(len(model.TaskStatuses), func(i int) string { return string(model.TaskStatuses[i]) }),
		"assessment": str(len(model.Assessments), func(i int) string { return string(model.Assessments[i]) }),
	}
}

// buildIndexes indexes every code and label. A label two codes share in
// some language is dropped from the index (the codes still work).
func buildIndexes() map[string]enumIndex {
	out := map[string]enumIndex{}
	for prefix, codes := range enumCodes() {
		idx := enumIndex{}
		ambiguous := map[string]bool{}
		for _, code := range codes {
			idx[normLabel(code)] = code
		}
		for _, code := range codes {
			for _, lang := range model.Languages {
				l := normLabel(assets.T(lang, prefix+"."+code, nil))
				if prev, ok := idx[l]; ok && prev != code {
					ambiguous[l] = true
				}
				idx[l] = code
			}
		}
		for l := range ambiguous {
			delete(idx, l)
		}
		out[prefix] = idx
	}
	for i, c := range model.Categories { // the seed numbers the groups 1 to 5
		out["category"][strconv.Itoa(i+1)] = string(c)
	}
	return out
}

// lookup returns the code for text (a code or a label in any language)
// among the enumeration with the given key prefix.
func lookup(prefix, text string) (string, bool) {
	indexOnce.Do(func() { indexes = buildIndexes() })
	var buf [128]byte
	code, ok := indexes[prefix][string(appendNorm(buf[:0], text))]
	return code, ok
}

// normLabel is the form in which labels, codes and headers are compared:
// lower case, ё as е, punctuation dropped, spaces collapsed, № as "no".
func normLabel(s string) string {
	var buf [128]byte
	return string(appendNorm(buf[:0], s))
}

// firstLabelRune is the first rune of normLabel(s) (0 for none), found
// without normalising the whole text: most cells differ from a header
// at once.
func firstLabelRune(s string) rune {
	for _, r := range s {
		r = unicode.ToLower(r)
		switch {
		case r == 'ё':
			return 'е'
		case r == '№':
			return 'n'
		case unicode.IsLetter(r) || unicode.IsDigit(r) || r == '%':
			return r
		}
	}
	return 0
}

// sameLabel reports whether normLabel(s) is norm, without making it.
func sameLabel(s, norm string) bool {
	var buf [128]byte
	return string(appendNorm(buf[:0], s)) == norm
}

// appendNorm appends normLabel(s) to dst (called once a cell for every
// enumeration and header compared: no allocation of its own).
func appendNorm(dst []byte, s string) []byte {
	start, space := len(dst), false
	for _, r := range s {
		r = unicode.ToLower(r)
		switch {
		case r == 'ё':
			r = 'е'
		case r == '№':
			dst = append(dst, " no "...)
			space = true
			continue
		case r == '_' || r == '-' || unicode.IsSpace(r):
			space = true
			continue
		case !unicode.IsLetter(r) && !unicode.IsDigit(r) && r != '%':
			continue
		}
		if space && len(dst) > start {
			dst = append(dst, ' ')
		}
		space = false
		dst = utf8.AppendRune(dst, r)
	}
	// Only "№" leaves spaces at the ends.
	out := bytes.TrimSpace(dst[start:])
	return append(dst[:start], out...)
}

// yesNo reads a yes/no cell in any language (also 1/0, +/−, true/false).
func yesNo(text string) (bool, bool) {
	n := normLabel(text)
	switch n {
	case "1", "true", "x", "v", "✓":
		return true, true
	case "0", "false":
		return false, true
	}
	if strings.TrimSpace(text) == "+" {
		return true, true
	}
	if t := strings.TrimSpace(text); t == "-" || t == "—" || t == "−" {
		return false, true
	}
	for _, lang := range model.Languages {
		if n == normLabel(assets.T(lang, "xlsx.yes", nil)) {
			return true, true
		}
		if n == normLabel(assets.T(lang, "xlsx.no", nil)) {
			return false, true
		}
	}
	return false, false
}

// isTotal reports whether text is the label of a totals row in any
// language.
func isTotal(text string) bool {
	totalsOnce.Do(func() {
		for _, lang := range model.Languages {
			totals = append(totals, normLabel(assets.T(lang, "xlsx.total", nil)))
		}
	})
	var buf [128]byte
	n := appendNorm(buf[:0], text)
	for _, t := range totals {
		if len(n) > 0 && string(n) == t {
			return true
		}
	}
	return false
}

// totals are the normalised words for "total" in every language.
var (
	totalsOnce sync.Once
	totals     []string
)
