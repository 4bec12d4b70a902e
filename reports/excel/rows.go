package excel

import (
	"strings"

	"github.com/partnerdesk/partnerdesk/model"
	"github.com/partnerdesk/partnerdesk/reports"
)

// label is the label of an enumeration value in the register's language,
// looked up once per value.
func (x *exporter) label(k reports.Keyed) string {
	if l, ok := x.labels[k]; ok {
		return l
	}
	l := reports.Label(x.o.Lang, k)
	x.labels[k] = l
	return l
}

func lines[T any](list []T, f func(T) string) string {
	parts := make([]string, len(list))
	for i, v := range list {
		parts[i] = f(v)
	}
	return strings.Join(parts, "\n")
}

func intOrNil(n int) *int {
	if n == 0 {
		return nil
	}
	return &n
}

func floatOrNil(v float64) *float64 {
	if v == 0 {
		return nil
	}
	return &v
}

// taxKey is what the tax ID columns show for a partner: its tax ID, else
// its number on the Partners sheet when its name is not unique, else "—".
func (x *exporter) taxKey(p *model.Partner) string {
	switch {
	case p.TaxID != "":
		return p.TaxID
	case x.seqKey[p.ID] != "":
		return x.seqKey[p.ID]
	}
	return "—"
}

func (x *exporter) partyName(p model.Party) string {
	return reports.PartyName(x.o.Lang, p, &x.in, x.partners)
}

func (x *exporter) partner(id model.ID) *model.Partner {
	if p := x.partners[id]; p != nil {
		return p
	}
	return &model.Partner{Name: "#" + id.String()}
}

// agreementRows writes one agreement's rows into every sheet.
func (x *exporter) agreementRows(a *model.Agreement, seq int, sheets map[SheetKind]*sheetWriter) error {
	steps := []func() error{
		func() error { return sheets[SheetAgreements].add(x.agreementRow(a, seq)...) },
		func() error { return x.responsibilityRows(a, sheets[SheetResponsibilities]) },
		func() error { return sheets[SheetPrinciples].add(x.principleRow(a)...) },
		func() error { return x.indicatorRows(a, sheets[SheetIndicators]) },
		func() error { return x.coordinatorRows(a, sheets[SheetCoordinators]) },
		func() error { return x.resourceRows(a, sheets[SheetResources]) },
	}
	for _, step := range steps {
		if err := step(); err != nil {
			return err
		}
	}
	return nil
}

// agreementRow follows agreementFields.
func (x *exporter) agreementRow(a *model.Agreement, seq int) []any {
	today := x.o.Today
	term := a.TermOn(today)
	status := model.DeriveStatus(a.Status, term.End, today, x.in.Warning())
	var days *int
	if d, ok := term.DaysLeftOn(today); ok && (status == model.StatusActive || status == model.StatusExpiring) {
		days = &d
	}
	coordinator := ""
	for _, c := range a.Coordinators {
		if c.Party == model.PartyInstitution {
			coordinator = c.Name
			break
		}
	}
	name := func(id model.ID) string { return x.partner(id).NameIn(x.o.Lang) }
	tax := func(id model.ID) string { return x.taxKey(x.partner(id)) }
	cat := func(id model.ID) string { return x.label(x.partner(id).Category) }
	return []any{
		seq, a.Number, a.SignedOn, lines(a.PartnerIDs, name), lines(a.PartnerIDs, tax), lines(a.PartnerIDs, cat),
		x.label(a.Kind), a.Title, term.Start, term.End, days, x.label(status),
		a.AutoRenew, intOrNil(term.Renewals), lines(a.Levels, func(l model.Level) string { return x.label(l) }),
		lines(a.Forms, func(f model.Form) string { return x.label(f) }), lines(a.Programmes, formatProgramme),
		intOrNil(a.PracticePlaces), coordinator, model.PrinciplesMet(a.Principles), len(a.Attachments) > 0,
		a.ValidFrom, a.ValidUntil, intOrNil(a.RenewalMonths), a.Place, x.label(a.Model), a.Subject, a.TerminatedOn, a.TerminationReason,
		x.numbers[a.PredecessorID], x.numbers[a.SuccessorID], a.Notes,
	}
}

func (x *exporter) responsibilityRows(a *model.Agreement, w *sheetWriter) error {
	for _, r := range a.Responsibilities {
		status := r.Status
		if status == "" {
			status = model.TaskPlanned
		}
		overdue := r.StatusOn(x.o.Today) == model.TaskOverdue
		if err := w.add(a.Number, x.partyName(r.Party), r.Description, r.Owner, r.Due, x.label(status), overdue, r.CompletedOn, r.Evidence); err != nil {
			return err
		}
	}
	return nil
}

// principleRow follows principleFields.
func (x *exporter) principleRow(a *model.Agreement) []any {
	list := model.NormalizePrinciples(a.Principles)
	row := []any{a.Number}
	for _, pa := range list {
		row = append(row, x.label(pa.Assessment))
	}
	for _, pa := range list {
		row = append(row, pa.Evidence)
	}
	return row
}

func (x *exporter) indicatorRows(a *model.Agreement, w *sheetWriter) error {
	for _, o := range a.Outcomes {
		if err := w.add(indicatorValues(a.Number, o)...); err != nil {
			return err
		}
	}
	return nil
}

func indicatorValues(label string, o model.Outcome) []any {
	var pct *float64
	if p, ok := o.EmploymentPercent(); ok {
		v := p / 100
		pct = &v
	}
	return []any{label, o.AcademicYear(), o.PlacedForPractice, o.Graduates, o.Employed, pct, o.RetainedAfter12M, o.AssessedByEmployer, o.EventsHeld}
}

// writeTotals adds the totals per academic year under the indicators.
func (x *exporter) writeTotals(w *sheetWriter) error {
	years := x.stats.years()
	if len(years) == 0 {
		return nil
	}
	w.row++ // a blank row between the data and the totals
	for _, y := range years {
		if err := w.addTotal(x.st.bold, indicatorValues(x.label(totalKey{}), *x.stats.outcomes[y])...); err != nil {
			return err
		}
	}
	return nil
}

// totalKey labels totals rows.
type totalKey struct{}

// Key is the translation key of the totals label.
func (totalKey) Key() string { return "xlsx.total" }

func (x *exporter) coordinatorRows(a *model.Agreement, w *sheetWriter) error {
	for _, c := range a.Coordinators {
		if err := w.add(a.Number, x.partyName(c.Party), c.Name, c.Position, c.Phone, c.Email); err != nil {
			return err
		}
	}
	return nil
}

func (x *exporter) resourceRows(a *model.Agreement, w *sheetWriter) error {
	for _, r := range a.Resources {
		if err := w.add(a.Number, x.partyName(r.Party), r.Description, floatOrNil(r.Quantity), r.Unit, floatOrNil(r.Value), r.Currency); err != nil {
			return err
		}
	}
	return nil
}

// writePartners writes the Partners and Contacts sheets.
func (x *exporter) writePartners(pw, cw *sheetWriter) error {
	for i, p := range x.listed {
		c := p.MainContact()
		main := strings.Join(nonEmpty(c.Name, c.Position, c.Phone, c.Email), ", ")
		err := pw.add(i+1, p.Name, x.label(p.Category), x.label(p.SubKind), x.label(p.Relation), p.Country, p.Region,
			p.TaxID, p.Address, main, x.active[p.ID], p.ShortName, p.City, p.Website,
			p.Names.RU, p.Names.KK, p.Names.KY, p.Names.EN, p.Signatory.Name, p.Signatory.Position, p.Notes,
			strings.Join(p.Tags, "\n"))
		if err != nil {
			return err
		}
		for _, ct := range p.Contacts {
			if err := cw.add(p.Name, x.taxKey(p), ct.Name, ct.Position, ct.Phone, ct.Email, ct.Notes); err != nil {
				return err
			}
		}
	}
	return nil
}

func nonEmpty(list ...string) []string {
	var out []string
	for _, s := range list {
		if s != "" {
			out = append(out, s)
		}
	}
	return out
}
