package model

import (
	"strconv"
	"strings"
)

// Validate checks the partner and returns a ValidationError listing every
// problem, or nil. Uniqueness of the tax ID is the store's to check.
func (p *Partner) Validate() error {
	var c checker
	c.text("name", p.Name, true, MaxName, false)
	c.text("short_name", p.ShortName, false, MaxShort, false)
	c.names("names", p.Names)
	if !ValidCountry(p.Country) {
		c.add("country", "err.country")
	}
	c.text("region", p.Region, false, MaxShort, false)
	c.text("city", p.City, false, MaxShort, false)
	c.text("address", p.Address, false, MaxLine, true)
	c.text("website", p.Website, false, MaxLine, false)
	if p.Website != "" && CheckText(p.Website, MaxLine, false) == "" && !ValidURL(p.Website) {
		c.add("website", "err.url")
	}
	if key := CheckTaxID(p.Country, p.TaxID); key != "" {
		c.add("tax_id", key)
	}
	switch {
	case p.Category == "":
		c.add("category", "err.required")
	case !p.Category.Valid():
		c.add("category", "err.unknown_value", "Value", string(p.Category))
	case p.SubKind != "" && p.SubKind.Category() != p.Category:
		c.add("sub_kind", "err.subkind_mismatch")
	}
	switch {
	case p.Relation == "":
		c.add("relation", "err.required")
	case !p.Relation.Valid():
		c.add("relation", "err.unknown_value", "Value", string(p.Relation))
	}
	c.person("signatory", p.Signatory)
	c.contacts(p.Contacts)
	c.text("notes", p.Notes, false, MaxText, true)
	for i, t := range p.Tags {
		c.text("tags["+strconv.Itoa(i)+"]", t, true, MaxShort, false)
	}
	return c.err()
}

// contacts checks a partner's contact people: a name is required once
// anything else of the contact is filled in.
func (c *checker) contacts(contacts []Contact) {
	for i, ct := range contacts {
		c.in("contacts", i, func() {
			c.text("name", ct.Name, ct.Position != "" || ct.Phone != "" || ct.Email != "" || ct.Notes != "", MaxName, false)
			c.text("position", ct.Position, false, MaxName, false)
			c.text("phone", ct.Phone, false, MaxShort, false)
			c.phone("phone", ct.Phone)
			c.text("email", ct.Email, false, MaxShort, false)
			c.email("email", ct.Email)
			c.text("notes", ct.Notes, false, MaxText, true)
		})
	}
}

func (c *checker) names(field string, n Names) {
	c.text(field+".ru", n.RU, false, MaxName, false)
	c.text(field+".kk", n.KK, false, MaxName, false)
	c.text(field+".ky", n.KY, false, MaxName, false)
	c.text(field+".en", n.EN, false, MaxName, false)
}

func (c *checker) person(field string, p Person) {
	c.text(field+".name", p.Name, false, MaxName, false)
	c.text(field+".position", p.Position, false, MaxName, false)
}

// Validate checks the institution's settings.
func (in *Institution) Validate() error {
	var c checker
	c.names("names", in.Names)
	if strings.TrimSpace(in.Names.In("ru")) == "" {
		c.add("names.ru", "err.required")
	}
	c.text("short_name", in.ShortName, false, MaxShort, false)
	if in.Country != "" && !ValidCountry(in.Country) {
		c.add("country", "err.country")
	}
	if key := CheckTaxID(in.Country, in.TaxID); key != "" {
		c.add("tax_id", key)
	}
	c.text("address", in.Address, false, MaxLine, true)
	c.text("department", in.Department, false, MaxName, false)
	c.person("signatory", in.Signatory)
	c.text("city", in.City, false, MaxShort, false)
	if in.NumberPattern != "" {
		if key, arg := CheckPattern(in.NumberPattern); key != "" {
			c.add("number_pattern", key, "Value", arg)
		}
	}
	if in.WarningDays != 0 {
		c.intRange("warning_days", in.WarningDays, 1, 3650)
	}
	if len(in.Logo) > 2<<20 {
		c.add("logo", "err.file_too_large", "Max", "2 MiB")
	}
	return c.err()
}

// Validate checks the agreement as of the given day (a signing date may
// not lie after today) and returns a ValidationError listing every problem,
// or nil. Uniqueness of the number and the existence of the partners are
// the store's to check.
func (a *Agreement) Validate(today Date) error {
	var c checker
	c.terms(a, today)
	c.partners(a)
	c.lists(a)
	for i := range a.Responsibilities {
		c.responsibility(a, i, today)
	}
	c.principles(a.Principles)
	c.outcomes(a.Outcomes)
	c.text("notes", a.Notes, false, MaxText, true)
	return c.err()
}

func (c *checker) terms(a *Agreement, today Date) {
	c.text("number", a.Number, true, MaxShort, false)
	c.text("title", a.Title, true, MaxName, false)
	c.text("subject", a.Subject, false, MaxText, true)
	switch {
	case a.Kind == "":
		c.add("kind", "err.required")
	case !a.Kind.Valid():
		c.add("kind", "err.unknown_value", "Value", string(a.Kind))
	}
	from := c.dates(a, today)
	c.text("place", a.Place, false, MaxShort, false)
	c.docTexts(a)
	c.status(a, from)
}

// dates checks the signing date, the term and the renewal; it returns
// whether the start date is a date.
func (c *checker) dates(a *Agreement, today Date) (from bool) {
	final := a.Status != StatusDraft
	if c.date("signed_on", a.SignedOn, final) && a.SignedOn > today {
		c.add("signed_on", "err.date_future", "Today", today.String())
	}
	from = c.date("valid_from", a.ValidFrom, final)
	if c.date("valid_until", a.ValidUntil, false) && from && a.ValidUntil < a.ValidFrom {
		c.add("valid_until", "err.date_order", "Other", a.ValidFrom.String())
	}
	if a.AutoRenew && (a.RenewalMonths < 1 || a.RenewalMonths > 120) {
		c.add("renewal_months", "err.renewal_months")
	}
	return from
}

// status checks the stored status and, for a terminated agreement, the
// termination date (not before the start, when from is a date) and reason.
func (c *checker) status(a *Agreement, from bool) {
	switch {
	case a.Status == "":
		c.add("status", "err.required")
	case a.Status != StatusDraft && a.Status != StatusActive && a.Status != StatusTerminated && a.Status != StatusRenewed:
		c.add("status", "err.unknown_value", "Value", string(a.Status))
	}
	if a.Status == StatusTerminated {
		if c.date("terminated_on", a.TerminatedOn, true) && from && a.TerminatedOn < a.ValidFrom {
			c.add("terminated_on", "err.date_order", "Other", a.ValidFrom.String())
		}
		c.text("termination_reason", a.TerminationReason, true, MaxLine, true)
	}
}

func (c *checker) partners(a *Agreement) {
	if len(a.PartnerIDs) == 0 {
		c.add("partner_ids", "err.no_partners")
	}
	seen := map[ID]bool{}
	for i, id := range a.PartnerIDs {
		if seen[id] || id == 0 {
			c.add("partner_ids["+strconv.Itoa(i)+"]", "err.duplicate", "Value", id.String())
		}
		seen[id] = true
	}
}

// party checks that p names the institution, all parties or a partner of a.
func (c *checker) party(field string, a *Agreement, p Party) {
	switch p {
	case PartyInstitution, PartyJoint:
		return
	case "":
		c.add(field, "err.required")
		return
	}
	if id, ok := p.PartnerID(); !ok || !a.HasPartner(id) {
		c.add(field, "err.party_not_partner")
	}
}

func (c *checker) lists(a *Agreement) {
	for i, l := range a.Levels {
		if !l.Valid() {
			c.add("levels["+strconv.Itoa(i)+"]", "err.unknown_value", "Value", string(l))
		}
	}
	if a.Model != "" && !a.Model.Valid() {
		c.add("model", "err.unknown_value", "Value", string(a.Model))
	}
	for i, f := range a.Forms {
		if !f.Valid() {
			c.add("forms["+strconv.Itoa(i)+"]", "err.unknown_value", "Value", string(f))
		}
	}
	for i, p := range a.Programmes {
		c.in("programmes", i, func() {
			c.text("code", p.Code, false, 20, false)
			c.text("name", p.Name, true, MaxName, false)
		})
	}
	c.intRange("practice_places", a.PracticePlaces, 0, 100000)
	c.resources(a)
	for i, co := range a.Coordinators {
		c.in("coordinators", i, func() {
			c.party("party", a, co.Party)
			c.text("name", co.Name, true, MaxName, false)
			c.text("position", co.Position, false, MaxName, false)
			c.phone("phone", co.Phone)
			c.email("email", co.Email)
		})
	}
}

// resources checks what each party contributes.
func (c *checker) resources(a *Agreement) {
	for i, r := range a.Resources {
		c.in("resources", i, func() { c.resource(a, &r) })
	}
}

// resource checks one contribution, with paths relative to it.
func (c *checker) resource(a *Agreement, r *Resource) {
	c.party("party", a, r.Party)
	c.text("description", r.Description, true, MaxLine, true)
	c.text("unit", r.Unit, false, 20, false)
	if r.Quantity < 0 || r.Quantity > 1e12 {
		c.add("quantity", "err.range", "Min", "0", "Max", "1000000000000")
	}
	if r.Value < 0 || r.Value > 1e15 {
		c.add("value", "err.range", "Min", "0", "Max", "1000000000000000")
	}
	if r.Currency != "" && !validCurrency(r.Currency) {
		c.add("currency", "err.unknown_value", "Value", r.Currency)
	}
}

func validCurrency(s string) bool {
	return len(s) == 3 && strings.Trim(s, "ABCDEFGHIJKLMNOPQRSTUVWXYZ") == ""
}

func (c *checker) responsibility(a *Agreement, i int, today Date) {
	c.in("responsibilities", i, func() { c.task(a, &a.Responsibilities[i], today) })
}

// task checks one responsibility, with paths relative to it.
func (c *checker) task(a *Agreement, r *Responsibility, today Date) {
	c.party("party", a, r.Party)
	c.text("description", r.Description, true, MaxText, true)
	c.text("owner", r.Owner, false, MaxName, false)
	c.date("due", r.Due, false)
	switch r.Status {
	case TaskPlanned, TaskInProgress, "":
	case TaskDone:
		if c.date("completed_on", r.CompletedOn, false) && r.CompletedOn > today {
			c.add("completed_on", "err.date_future", "Today", today.String())
		}
		if r.CompletedOn.IsZero() {
			c.add("completed_on", "err.completed_required")
		}
	default:
		c.add("status", "err.unknown_value", "Value", string(r.Status))
	}
	c.text("evidence", r.Evidence, false, MaxText, true)
}

func (c *checker) principles(list []PrincipleAssessment) {
	seen := map[Principle]bool{}
	for i, pa := range list {
		switch {
		case !pa.Principle.Valid():
			c.add(idx("principles", i, "principle"), "err.unknown_value", "Value", string(pa.Principle))
		case seen[pa.Principle]:
			c.add(idx("principles", i, "principle"), "err.duplicate", "Value", string(pa.Principle))
		}
		seen[pa.Principle] = true
		if pa.Assessment != "" && !pa.Assessment.Valid() {
			c.add(idx("principles", i, "assessment"), "err.unknown_value", "Value", string(pa.Assessment))
		}
		c.text(idx("principles", i, "evidence"), pa.Evidence, false, MaxText, true)
	}
}

func (c *checker) outcomes(list []Outcome) {
	seen := map[int]bool{}
	for i, o := range list {
		c.intRange(idx("outcomes", i, "year"), o.Year, 1990, 2100)
		if seen[o.Year] {
			c.add(idx("outcomes", i, "year"), "err.duplicate", "Value", o.AcademicYear())
		}
		seen[o.Year] = true
		for _, f := range []struct {
			name string
			v    int
		}{
			{"placed_for_practice", o.PlacedForPractice}, {"graduates", o.Graduates},
			{"employed", o.Employed}, {"retained_after_12m", o.RetainedAfter12M},
			{"assessed_by_employer", o.AssessedByEmployer}, {"events_held", o.EventsHeld},
		} {
			c.intRange(idx("outcomes", i, f.name), f.v, 0, 1000000)
		}
		if o.Employed > o.Graduates {
			c.add(idx("outcomes", i, "employed"), "err.employed_gt_grads", "Max", strconv.Itoa(o.Graduates))
		}
		if o.RetainedAfter12M > o.Employed {
			c.add(idx("outcomes", i, "retained_after_12m"), "err.retained_gt_empl", "Max", strconv.Itoa(o.Employed))
		}
	}
}
