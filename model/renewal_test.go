package model

import "testing"

// The renewal's proposed term, for terms of 1, 12 and 36 months, ends on
// the 28th, 29th, 30th and 31st, leap years, irregular and open-ended
// terms.
var renewalCases = []struct {
	name              string
	from, until       string
	today             string
	wantFrom, wantEnd string
}{
	{"36 months", "01.09.2025", "31.08.2028", "28.11.2026", "01.09.2028", "31.08.2031"},
	{"one calendar year", "01.01.2026", "31.12.2026", "28.11.2026", "01.01.2027", "31.12.2027"},
	{"12 months from mid-month", "15.03.2025", "14.03.2026", "28.11.2026", "15.03.2026", "14.03.2027"},
	{"one month of February", "01.02.2026", "28.02.2026", "28.11.2026", "01.03.2026", "31.03.2026"},
	{"one month ending on the 30th", "01.04.2026", "30.04.2026", "28.11.2026", "01.05.2026", "31.05.2026"},
	{"one month from mid-month", "15.01.2026", "14.02.2026", "28.11.2026", "15.02.2026", "14.03.2026"},
	{"ends on 29 February", "01.03.2023", "29.02.2024", "28.11.2026", "01.03.2024", "28.02.2025"},
	{"into a leap February", "01.03.2027", "29.02.2028", "28.11.2026", "01.03.2028", "28.02.2029"},
	{"starts on 29 February", "29.02.2024", "28.02.2025", "28.11.2026", "01.03.2025", "28.02.2026"},
	{"from the 31st, 3 months", "31.01.2026", "30.04.2026", "28.11.2026", "01.05.2026", "31.07.2026"},
	{"six months ending on the 31st", "01.08.2025", "31.01.2026", "28.11.2026", "01.02.2026", "31.07.2026"},
	{"irregular term keeps its days", "10.01.2026", "19.01.2026", "28.11.2026", "20.01.2026", "29.01.2026"},
	{"open-ended", "01.09.2025", "", "28.11.2026", "28.11.2026", ""},
	{"no start date", "", "31.12.2026", "28.11.2026", "01.01.2027", ""},
}

func TestRenewalTerm(t *testing.T) {
	for _, c := range renewalCases {
		t.Run(c.name, func(t *testing.T) {
			a := Agreement{ValidFrom: MustDate(c.from), ValidUntil: MustDate(c.until), Status: StatusActive}
			from, until := a.RenewalTerm(MustDate(c.today))
			if from != MustDate(c.wantFrom) || until != MustDate(c.wantEnd) {
				t.Errorf("%s–%s renews as %s–%s, want %s–%s", c.from, c.until, from, until, c.wantFrom, c.wantEnd)
			}
		})
	}
}

// An agreement that renews itself is renewed after its current term (the
// last automatic renewal), for the length of the original term.
func TestRenewalTermAfterAutomaticRenewals(t *testing.T) {
	a := Agreement{ValidFrom: MustDate("01.01.2024"), ValidUntil: MustDate("31.12.2024"), AutoRenew: true, RenewalMonths: 12, Status: StatusActive}
	from, until := a.RenewalTerm(MustDate("28.11.2026"))
	if from != MustDate("01.01.2027") || until != MustDate("31.12.2027") {
		t.Errorf("renews as %s–%s", from, until)
	}
}

func FuzzWholeMonths(f *testing.F) {
	for _, c := range renewalCases {
		if c.from != "" && c.until != "" {
			f.Add(int32(MustDate(c.from)), int32(MustDate(c.until)))
		}
	}
	f.Fuzz(func(t *testing.T, a, b int32) {
		from, until := Date(a), Date(b)
		if !from.Valid() || !until.Valid() || until < from || from.Year() < 1900 || until.Year() > 2200 {
			return
		}
		if n, ok := WholeMonths(from, until); ok {
			end := from.AddMonths(n)
			if end.AddDays(-1) != until && end != until {
				t.Errorf("%s–%s called %d months", from, until, n)
			}
		}
	})
}
