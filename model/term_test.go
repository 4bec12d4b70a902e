package model

import "testing"

func TestCurrentTerm(t *testing.T) {
	d := MustDate
	cases := []struct {
		name                string
		from, until         string
		auto                bool
		months              int
		stored              Status
		start, end, origEnd string
		renewals            int
	}{
		{"fixed term", "01.09.2025", "31.08.2028", false, 0, StatusActive, "01.09.2025", "31.08.2028", "31.08.2028", 0},
		{"open-ended", "01.09.2025", "", true, 12, StatusActive, "01.09.2025", "", "", 0},
		{"auto, first term still running", "01.09.2025", "31.08.2027", true, 12, StatusActive, "01.09.2025", "31.08.2027", "31.08.2027", 0},
		{"auto, ends today: not renewed yet", "29.11.2025", "28.11.2026", true, 12, StatusActive, "29.11.2025", "28.11.2026", "28.11.2026", 0},
		{"auto, ended yesterday: renewed once", "28.11.2025", "27.11.2026", true, 12, StatusActive, "28.11.2026", "27.11.2027", "27.11.2026", 1},
		// The example: signed 08.03.2022 for two years.
		{"auto, renewed three times", "08.03.2022", "07.03.2024", true, 12, StatusActive, "08.03.2026", "07.03.2027", "07.03.2024", 3},
		{"auto, 36-month terms", "01.09.2016", "31.08.2019", true, 36, StatusActive, "01.09.2025", "31.08.2028", "31.08.2019", 3},
		{"auto, monthly, month ends do not drift", "01.01.2026", "31.01.2026", true, 1, StatusActive, "01.11.2026", "30.11.2026", "31.01.2026", 10},
		{"auto, February in a leap year", "01.03.2023", "29.02.2024", true, 12, StatusActive, "01.03.2026", "28.02.2027", "29.02.2024", 3},
		{"auto, term ending 28.02 before a leap year", "01.03.2022", "28.02.2023", true, 12, StatusActive, "01.03.2026", "28.02.2027", "28.02.2023", 4},
		{"terminated does not renew", "08.03.2022", "07.03.2024", true, 12, StatusTerminated, "08.03.2022", "07.03.2024", "07.03.2024", 0},
		{"renewed (replaced) does not renew", "08.03.2022", "07.03.2024", true, 12, StatusRenewed, "08.03.2022", "07.03.2024", "07.03.2024", 0},
		{"draft does not renew", "08.03.2022", "07.03.2024", true, 12, StatusDraft, "08.03.2022", "07.03.2024", "07.03.2024", 0},
		{"no renewal term", "08.03.2022", "07.03.2024", true, 0, StatusActive, "08.03.2022", "07.03.2024", "07.03.2024", 0},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			a := Agreement{ValidFrom: d(c.from), ValidUntil: d(c.until), AutoRenew: c.auto, RenewalMonths: c.months, Status: c.stored}
			want := Term{Start: d(c.start), End: d(c.end), OriginalEnd: d(c.origEnd), Renewals: c.renewals}
			if got := a.TermOn(today); got != want {
				t.Errorf("TermOn = %+v, want %+v", got, want)
			}
			s := Summarize(&a)
			if got := s.TermOn(today); got != want {
				t.Errorf("summary TermOn = %+v, want %+v", got, want)
			}
			if a.EndOn(today) != want.End {
				t.Errorf("EndOn = %s", a.EndOn(today))
			}
		})
	}
}

// Every day of six years, the current term contains today and follows the
// previous term without a gap.
func TestCurrentTermContainsToday(t *testing.T) {
	for _, m := range []int{1, 3, 12, 36} {
		a := Agreement{ValidFrom: MustDate("31.01.2020"), ValidUntil: MustDate("30.01.2021"), AutoRenew: true, RenewalMonths: m, Status: StatusActive}
		for day := MustDate("31.01.2021"); day < MustDate("31.01.2027"); day = day.AddDays(1) {
			tm := a.TermOn(day)
			if tm.Start > day || tm.End < day || tm.Renewals < 1 {
				t.Fatalf("%d months, %s: term %+v does not contain the day", m, day, tm)
			}
			prev := a.TermOn(tm.Start.AddDays(-1))
			if prev.End.AddDays(1) != tm.Start {
				t.Fatalf("%d months, %s: term %+v does not follow %+v", m, day, tm, prev)
			}
		}
	}
}
