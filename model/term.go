package model

// Term is an agreement's current term on a given day: the period it is in
// force for now. An agreement that renews itself automatically (AutoRenew
// with RenewalMonths) starts a new term the day after each term ends, for
// as long as it is in force; every screen, report and export shows this
// current term, with the original end and the number of renewals beside it
// where there is room.
type Term struct {
	// Start is the first day of the current term: ValidFrom until the
	// first renewal, then the day after the previous term ended. Zero when
	// the agreement has no start date.
	Start Date
	// End is the last day of the current term; zero means open-ended.
	End Date
	// OriginalEnd is the end date as signed (ValidUntil).
	OriginalEnd Date
	// Renewals counts the automatic renewals up to the current term.
	Renewals int
}

// Renewed reports whether the current term is a renewal of the signed one.
func (t Term) Renewed() bool { return t.Renewals > 0 }

// maxRenewals bounds the search for the current term (a monthly renewal
// for a thousand years); dates beyond it are not real agreements.
const maxRenewals = 12000

// CurrentTerm works out the current term on today of an agreement with the
// given dates, renewal and stored status. This is the one rule for it:
// Agreement.TermOn and Summary.TermOn call it, and through them the lists,
// the dashboard, the registers, the calendar and partnerctl.
//
// Only an agreement in force renews itself: a draft is not signed yet, a
// terminated agreement stopped renewing when it was terminated, a renewed
// one was replaced by its successor. Their term is the one on record.
// Term k ends on the day before the k-th anniversary (in renewal terms) of
// the day after the original end, so a term ending on the last day of
// February ends on the 29th in a leap year and month ends do not drift.
func CurrentTerm(from, until Date, autoRenew bool, months int, stored Status, today Date) Term {
	t := Term{Start: from, End: until, OriginalEnd: until}
	if until.IsZero() || !autoRenew || months <= 0 || until >= today || !until.Valid() {
		return t
	}
	if stored != StatusActive && stored != "" {
		return t
	}
	next := until.AddDays(1) // the first day after the original term
	// Estimate the number of renewals from the months between the
	// original end and today, then step to the exact one.
	gap := (today.Year()-until.Year())*12 + int(today.Month()) - int(until.Month())
	k := max(1, gap/months)
	for k > 1 && next.AddMonths((k-1)*months).AddDays(-1) >= today {
		k--
	}
	for k < maxRenewals && next.AddMonths(k*months).AddDays(-1) < today {
		k++
	}
	t.Renewals = k
	t.Start = next.AddMonths((k - 1) * months)
	t.End = next.AddMonths(k * months).AddDays(-1)
	return t
}

// TermOn returns the agreement's current term on the given day.
func (a *Agreement) TermOn(today Date) Term {
	return CurrentTerm(a.ValidFrom, a.ValidUntil, a.AutoRenew, a.RenewalMonths, a.Status, today)
}

// TermOn returns the summarised agreement's current term on the given day.
func (s *Summary) TermOn(today Date) Term {
	return CurrentTerm(s.ValidFrom, s.ValidUntil, s.AutoRenew, s.RenewalMonths, s.Status, today)
}

// DaysLeftOn returns the days from today to the end of term t, and false
// for an open-ended term.
func (t Term) DaysLeftOn(today Date) (int, bool) {
	if t.End.IsZero() {
		return 0, false
	}
	return today.DaysUntil(t.End), true
}
