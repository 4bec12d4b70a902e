package excel

import (
	"math"
	"strconv"
	"strings"
	"time"
	"unicode"

	"github.com/partnerdesk/partnerdesk/model"
)

// Cell parsers. Each reads the raw text of a cell (the number behind a
// date cell, the text of a text cell) and returns the value, or the
// message key of the problem.

// Serial numbers of the first and last days an imported date may fall on
// (1 January 1950 and 31 December 2100): numbers outside are not dates.
const (
	minSerial = 18264
	maxSerial = 73415
)

// parseDate reads a date cell: an Excel serial number (from a real date
// cell), or text as dd.mm.yyyy, d.m.yy, yyyy-mm-dd, with an optional time
// and a trailing "г."/"ж.".
func parseDate(raw string, date1904 bool) (model.Date, string) {
	s := strings.TrimSpace(raw)
	if s == "" {
		return 0, ""
	}
	if v, err := strconv.ParseFloat(s, 64); err == nil && !strings.ContainsAny(s, ".-/") || err == nil && isSerial(s) {
		return serialDate(v, date1904)
	}
	s = strings.TrimSpace(strings.TrimRight(strings.TrimSpace(stripTime(s)), "гжГЖ. "))
	if d, err := model.ParseDate(s); err == nil {
		return d, ""
	}
	parts := strings.FieldsFunc(s, func(r rune) bool { return r == '.' || r == '/' || r == '-' })
	if len(parts) == 3 && len(parts[2]) == 2 && len(parts[0]) <= 2 && len(parts[1]) <= 2 {
		if d, err := model.ParseDate(parts[0] + "." + parts[1] + ".20" + parts[2]); err == nil {
			return d, ""
		}
	}
	if d := parseWordDate(raw); d != 0 {
		return d, ""
	}
	return 0, "err.date_invalid"
}

// isSerial reports whether s is a number with a fractional part (a date
// with a time) rather than a dotted date.
func isSerial(s string) bool {
	i := strings.IndexByte(s, '.')
	return i > 0 && strings.Count(s, ".") == 1 && !strings.ContainsAny(s, "/-")
}

func serialDate(v float64, date1904 bool) (model.Date, string) {
	if date1904 {
		v += 1462
	}
	if math.IsNaN(v) || v < minSerial || v > maxSerial {
		return 0, "err.date_invalid"
	}
	// Serial 25569 is 1 January 1970; the 1900 system's false 29 February
	// 1900 lies before minSerial.
	days := int(math.Floor(v)) - 25569
	return model.DateOf(time.Unix(int64(days)*86400, 0).UTC()), ""
}

// stripTime drops a time of day after a date: "01.09.2025 0:00:00",
// "2025-09-01T00:00:00".
func stripTime(s string) string {
	if i := strings.IndexAny(s, " T"); i >= 8 && strings.Contains(s[i:], ":") {
		return s[:i]
	}
	return s
}

// parseNumber reads a number: digits with spaces as thousands separators,
// a decimal point or comma, an exponent.
func parseNumber(raw string) (float64, string) {
	s := strings.Map(func(r rune) rune {
		if r == ' ' || r == '\u00a0' || r == '\u202f' {
			return -1
		}
		return r
	}, strings.TrimSpace(raw))
	if s == "" {
		return 0, ""
	}
	if strings.Count(s, ",") == 1 && !strings.Contains(s, ".") {
		s = strings.Replace(s, ",", ".", 1)
	}
	v, err := strconv.ParseFloat(s, 64)
	if err != nil || math.IsNaN(v) || math.IsInf(v, 0) {
		return 0, "xlsx.err.number"
	}
	return v, ""
}

// parseInt reads a whole number between 0 and 1,000,000,000.
func parseInt(raw string) (int, string) {
	v, key := parseNumber(raw)
	switch {
	case key != "":
		return 0, key
	case v != math.Trunc(v) || v < 0 || v > 1e9:
		return 0, "xlsx.err.whole_number"
	}
	return int(v), ""
}

// parseTaxID reads a tax number. A number cell loses a BIN's or INN's
// leading zero (and long ones may come in exponent notation): an 11-digit
// number is taken as a Kazakh BIN and a 13-digit one as a Kyrgyz INN with
// the zero restored, when country is theirs or unknown.
func parseTaxID(raw, country string) string {
	s := stripTaxPrefix(strings.TrimSpace(raw))
	if s == "" || s == "—" || s == "-" {
		return ""
	}
	ours := country == "KZ" || country == "KG" || country == ""
	if ours {
		s = model.NormalizeTaxID("KZ", strings.Join(strings.Fields(s), ""))
	}
	s = plainNumber(s)
	if ours && allDigits(s) {
		s = restoreZero(s, country)
	}
	return strings.TrimSpace(s)
}

// plainNumber writes a whole number that came as "1.2e+11" or "120.0" with
// its digits only; other text is returned unchanged.
func plainNumber(s string) string {
	if strings.ContainsAny(s, "eE") && strings.Trim(s, "0123456789.eE+") == "" {
		// Whole numbers below 10^15 are exact in a float64, as in Excel.
		if v, err := strconv.ParseFloat(s, 64); err == nil && v > 0 && v < 1e15 && v == math.Trunc(v) {
			s = strconv.FormatFloat(v, 'f', 0, 64)
		}
	}
	if rest, ok := strings.CutSuffix(s, ".0"); ok && allDigits(rest) {
		s = rest
	}
	return s
}

// restoreZero puts back the leading zero a number cell took from a Kazakh
// BIN (11 digits left) or a Kyrgyz INN (13 digits left).
func restoreZero(s, country string) string {
	switch {
	case len(s) == 11 && country != "KG":
		return "0" + s
	case len(s) == 13 && country != "KZ":
		return "0" + s
	}
	return s
}

// taxPrefixes are the labels people type before a tax number.
var taxPrefixes = []string{"бин/иин", "бин", "иин", "бсн/жсн", "бсн", "жсн", "инн", "стн", "bin", "iin", "inn", "tin"}

// stripTaxPrefix drops a label such as "БИН", "ИНН:" or "BIN №" before a
// tax number.
func stripTaxPrefix(s string) string {
	low := strings.ToLower(s)
	for _, p := range taxPrefixes {
		if rest, ok := strings.CutPrefix(low, p); ok && (rest == "" || !unicode.IsLetter([]rune(rest)[0])) {
			return strings.TrimLeft(s[len(p):], " :.№- ")
		}
	}
	return s
}

func allDigits(s string) bool { return s != "" && strings.Trim(s, "0123456789") == "" }

// parseYear reads an academic year: "2025/2026", "2025-2026", "2025/26"
// or "2025" (the year it starts).
func parseYear(raw string) (int, string) {
	s := strings.TrimSpace(raw)
	first, second, two := strings.Cut(strings.NewReplacer("-", "/", "–", "/", "—", "/", " ", "").Replace(s), "/")
	y, err := strconv.Atoi(first)
	if err != nil {
		if v, key := parseInt(s); key == "" && !two {
			y, err = v, nil
		}
	}
	if err != nil || y < 1990 || y > 2100 {
		return 0, "xlsx.err.year"
	}
	if two {
		z, err := strconv.Atoi(second)
		if err != nil || (z != y+1 && z != (y+1)%100) {
			return 0, "xlsx.err.year"
		}
	}
	return y, ""
}

// splitLines splits a cell that lists several values, one per line (or,
// in a single line, separated by semicolons).
func splitLines(raw string) []string {
	raw = strings.ReplaceAll(raw, "\r\n", "\n")
	sep := "\n"
	if !strings.Contains(raw, "\n") {
		sep = ";"
	}
	var out []string
	for _, p := range strings.Split(raw, sep) {
		out = append(out, strings.TrimSpace(p))
	}
	for len(out) > 0 && out[len(out)-1] == "" {
		out = out[:len(out)-1]
	}
	return out
}

// parseProgramme reads one line of the programmes column: "code — name",
// "— name" for a programme without a code, or (from other registers)
// "6B01101 Name" or just a name.
func parseProgramme(line string) model.Programme {
	line = strings.TrimSpace(line)
	if rest, ok := strings.CutPrefix(line, "— "); ok {
		return model.Programme{Name: strings.TrimSpace(rest)}
	}
	if code, name, ok := strings.Cut(line, " — "); ok {
		return model.Programme{Code: strings.TrimSpace(code), Name: strings.TrimSpace(name)}
	}
	if code, name, ok := strings.Cut(line, " "); ok && len(code) <= 20 && strings.ContainsAny(code, "0123456789") {
		return model.Programme{Code: code, Name: strings.TrimSpace(name)}
	}
	return model.Programme{Name: line}
}

// formatProgramme writes a programme for the programmes column.
func formatProgramme(p model.Programme) string {
	if p.Code == "" {
		return "— " + p.Name
	}
	return p.Code + " — " + p.Name
}
