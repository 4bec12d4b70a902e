package excel

import (
	"strconv"
	"strings"
	"time"
	"unicode"

	"github.com/partnerdesk/partnerdesk/model"
)

// Values as people type them: dates with the month in words, validity
// terms ("на 3 года", "5 жылға", "бессрочно") and date ranges in one cell.

// monthStems maps the start of a month's name, in Russian (any case),
// Kazakh, Kyrgyz (Russian-derived and traditional names) and English, to
// its number. Longer stems are tried first, so "мамыр" is not "май".
var monthStems = []struct {
	stem  string
	month int
}{
	{"қаңтар", 1}, {"ақпан", 2}, {"наурыз", 3}, {"сәуір", 4}, {"мамыр", 5}, {"маусым", 6},
	{"шілде", 7}, {"тамыз", 8}, {"қыркүйек", 9}, {"қазан", 10}, {"қараша", 11}, {"желтоқсан", 12},
	{"үчтүн", 1}, {"бирдин", 2}, {"жалган", 3}, {"чын", 4}, {"бугу", 5}, {"кулжа", 6},
	{"теке", 7}, {"баш", 8}, {"аяк", 9}, {"тогуздун", 10}, {"жетинин", 11}, {"бештин", 12},
	{"январ", 1}, {"феврал", 2}, {"март", 3}, {"апрел", 4}, {"мая", 5}, {"май", 5}, {"июн", 6},
	{"июл", 7}, {"август", 8}, {"сентябр", 9}, {"октябр", 10}, {"ноябр", 11}, {"декабр", 12},
	{"january", 1}, {"february", 2}, {"march", 3}, {"april", 4}, {"may", 5}, {"june", 6},
	{"july", 7}, {"august", 8}, {"september", 9}, {"october", 10}, {"november", 11}, {"december", 12},
}

// tokens splits text into runs of digits and runs of letters, lower case.
func tokens(s string) []string {
	var out []string
	var cur []rune
	kind := 0 // 1 digits, 2 letters
	flush := func() {
		if len(cur) > 0 {
			out = append(out, string(cur))
		}
		cur, kind = cur[:0], 0
	}
	for _, r := range strings.ToLower(s) {
		k := 0
		switch {
		case unicode.IsDigit(r):
			k = 1
		case unicode.IsLetter(r):
			k = 2
		}
		if k != kind {
			flush()
		}
		if k != 0 {
			cur, kind = append(cur, r), k
		}
	}
	flush()
	return out
}

func monthOf(word string) int {
	for _, m := range monthStems {
		if strings.HasPrefix(word, m.stem) {
			return m.month
		}
	}
	return 0
}

// parseWordDate reads a date with its month in words: "10 сентября 2025 г.",
// "«10» сентября 2025г.", "2025 жылғы 10 қыркүйек", "2025-ж. 10-сентябрь",
// "10 September 2025". It returns 0 when s is not such a date.
func parseWordDate(s string) model.Date {
	var day, month, year int
	for _, t := range tokens(s) {
		if !dateToken(t, &day, &month, &year) {
			return 0
		}
	}
	if day == 0 || month == 0 || year == 0 {
		return 0
	}
	d := model.NewDate(year, time.Month(month), day)
	if !d.Valid() || d.Day() != day {
		return 0
	}
	return d
}

// dateToken takes one token of a date in words: the year (four digits),
// the day (one or two), the month's name, or a filler word.
func dateToken(t string, day, month, year *int) bool {
	n, err := strconv.Atoi(t)
	switch {
	case err == nil && len(t) == 4 && *year == 0:
		*year = n
	case err == nil && len(t) <= 2 && *day == 0:
		*day = n
	case err == nil:
		return false
	case *month == 0 && monthOf(t) > 0:
		*month = monthOf(t)
	default:
		return isDateFiller(t)
	}
	return true
}

// isDateFiller reports whether a word may stand in a date besides the
// month: "г", "года", "ж", "жылғы", "жылы", "жыл", "й".
func isDateFiller(t string) bool {
	switch t {
	case "г", "гг", "год", "года", "ж", "жыл", "жылғы", "жылы", "жылдын", "жылдың", "жылдан", "й", "от", "of", "the", "айы", "айынын", "айында":
		return true
	}
	return false
}

// Term is a validity read as a length ("на 3 года"): Months from the
// start, or Open for an agreement without an end ("бессрочно").
type Term struct {
	Months int
	Open   bool
}

// parseTerm reads a validity term in Russian, Kazakh, Kyrgyz or English.
func parseTerm(s string) (Term, bool) {
	n := normLabel(s)
	for _, open := range []string{"бессрочн", "бессрочно", "мерзімсіз", "шектеусіз", "мөөнөтсүз", "чексиз", "unlimited", "indefinite", "open ended", "до расторжения"} {
		if strings.Contains(n, open) {
			return Term{Open: true}, true
		}
	}
	num, unit := 0, 0
	for _, t := range tokens(s) {
		if v, err := strconv.Atoi(t); err == nil {
			if num != 0 || v <= 0 || v > 100 {
				return Term{}, false
			}
			num = v
			continue
		}
		switch u := termUnit(t); {
		case u > 0 && num > 0 && unit == 0:
			unit = u
		case u > 0, !isTermFiller(t):
			return Term{}, false
		}
	}
	if num == 0 || unit == 0 {
		return Term{}, false
	}
	return Term{Months: num * unit}, true
}

// termUnit returns the months in a unit word (year 12, month 1), else 0.
func termUnit(t string) int {
	for _, y := range []string{"год", "лет", "жыл", "year"} {
		if strings.HasPrefix(t, y) {
			return 12
		}
	}
	for _, m := range []string{"месяц", "мес", "ай", "month"} {
		if strings.HasPrefix(t, m) {
			return 1
		}
	}
	return 0
}

func isTermFiller(t string) bool {
	switch t {
	case "на", "сроком", "срок", "в", "течение", "for", "мерзімге", "мерзімі", "мөөнөткө", "мөөнөтү", "мерзім", "мөөнөт", "көлемінде", "ичинде", "ішінде":
		return true
	}
	return false
}

// parseRange reads a validity written as a range in one cell: "с 01.09.2025
// по 31.08.2028", "01.09.2025 – 31.08.2028", "01.09.2025-ден 31.08.2028-ге
// дейін". Both ends must be dates.
func parseRange(s string, date1904 bool) (from, until model.Date, ok bool) {
	t := strings.TrimSpace(s)
	for _, sep := range []string{" по ", " до ", " – ", " — ", " - ", "–", "—", " дейін", " чейин", " to "} {
		a, b, found := strings.Cut(t, sep)
		if !found {
			continue
		}
		a = trimRangeWords(a)
		b = trimRangeWords(b)
		f, k1 := parseDate(a, date1904)
		u, k2 := parseDate(b, date1904)
		if k1 == "" && k2 == "" && !f.IsZero() && !u.IsZero() {
			return f, u, true
		}
	}
	return 0, 0, false
}

func trimRangeWords(s string) string {
	s = strings.TrimSpace(s)
	for _, p := range []string{"с ", "c ", "from ", "от "} {
		s = strings.TrimPrefix(s, p)
	}
	for _, suf := range []string{"-ден", "-дан", "-тен", "-тан", "-ге", "-ға", "-ке", "-қа", "-га", "-го", "-ка", "-ко", "дейін", "чейин", "бастап", "баштап"} {
		s = strings.TrimSpace(strings.TrimSuffix(s, suf))
	}
	return s
}
