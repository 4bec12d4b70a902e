package model

// RenewalTerm proposes the term of an agreement's renewal: it starts the
// day after the current term ends (today for an open-ended agreement) and
// lasts as long as the original term. A term of whole months (01.09.2025 to
// 31.08.2028, or 31.01 to 30.04) is renewed for the same number of months;
// any other term for the same number of days. An open-ended agreement, or
// one with no start date, gives an open-ended renewal (zero until).
func (a *Agreement) RenewalTerm(today Date) (from, until Date) {
	from = today
	if end := a.EndOn(today); !end.IsZero() {
		from = end.AddDays(1)
	}
	if a.ValidFrom.IsZero() || a.ValidUntil.IsZero() || a.ValidUntil < a.ValidFrom {
		return from, 0
	}
	if n, ok := WholeMonths(a.ValidFrom, a.ValidUntil); ok {
		return from, from.AddMonths(n).AddDays(-1)
	}
	return from, from.AddDays(a.ValidFrom.DaysUntil(a.ValidUntil))
}

// WholeMonths reports whether the term from..until (both days included) is
// a whole number of months, and how many: 01.01.2026–31.12.2026 is 12,
// 01.02.2026–28.02.2026 is 1, and 31.01.2026–30.04.2026 is 3 (a term that
// starts on a day the last month lacks ends on that month's last day).
func WholeMonths(from, until Date) (int, bool) {
	next := until.AddDays(1)
	guess := (next.Year()-from.Year())*12 + int(next.Month()-from.Month())
	for n := max(guess-1, 1); n <= guess+1; n++ {
		end := from.AddMonths(n)
		if end.AddDays(-1) == until || (end.Day() < from.Day() && end == until) {
			return n, true
		}
	}
	return 0, false
}
