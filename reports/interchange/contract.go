package interchange

import (
	"slices"
	"strconv"

	"github.com/partnerdesk/partnerdesk/model"
)

// ContractOf converts an agreement to the interchange form. partyIDs maps
// partner IDs to party ids, numbers agreement IDs to numbers (for the
// renewal links).
func ContractOf(a *model.Agreement, partyIDs map[model.ID]string, numbers map[model.ID]string) Contract {
	party := partyNames(partyIDs).of
	c := Contract{
		ID: a.Number, Title: a.Title, Description: a.Subject, Kind: string(a.Kind), Status: string(a.Status),
		DateSigned: a.SignedOn.ISO(), Period: Period{StartDate: a.ValidFrom.ISO(), EndDate: a.ValidUntil.ISO()},
		Place: a.Place, Model: string(a.Model), Programmes: a.Programmes, PracticePlaces: a.PracticePlaces,
		Notes: a.Notes, Created: a.Created, Updated: a.Updated, Texts: a.Texts,
	}
	contractTerms(&c, a, party, numbers)
	contractLists(&c, a, party)
	return c
}

// partyNames maps partner IDs to the party ids of an interchange document.
type partyNames map[model.ID]string

// of returns the party id of p: the institution's, "joint", a partner's,
// or p itself when it names no known partner.
func (ids partyNames) of(p model.Party) string {
	switch p {
	case model.PartyInstitution:
		return jsonInstitution
	case model.PartyJoint:
		return jsonJoint
	}
	if id, ok := p.PartnerID(); ok {
		if s, ok := ids[id]; ok {
			return s
		}
	}
	return string(p)
}

// contractTerms fills in the renewal, parties, termination, renewal links,
// levels and forms.
func contractTerms(c *Contract, a *model.Agreement, party func(model.Party) string, numbers map[model.ID]string) {
	if a.AutoRenew || a.RenewalMonths != 0 {
		c.Renewal = &Renewal{Automatic: a.AutoRenew, TermMonths: a.RenewalMonths}
	}
	for _, id := range a.PartnerIDs {
		c.Parties = append(c.Parties, ContractParty{ID: party(model.PartnerParty(id)), Roles: []string{"partner"}})
	}
	if a.Status == model.StatusTerminated || !a.TerminatedOn.IsZero() || a.TerminationReason != "" {
		c.Amendments = append(c.Amendments, Amendment{ID: "termination", Type: "termination", Date: a.TerminatedOn.ISO(), Rationale: a.TerminationReason})
	}
	for _, l := range []struct {
		id  model.ID
		rel string
	}{{a.PredecessorID, "prior"}, {a.SuccessorID, "successor"}} {
		if n, ok := numbers[l.id]; ok && l.id != 0 {
			c.RelatedProcesses = append(c.RelatedProcesses, RelatedProcess{ID: l.rel, Relationship: []string{l.rel}, Scheme: "partnerdesk-number", Identifier: n})
		}
	}
	for _, l := range a.Levels {
		c.Levels = append(c.Levels, string(l))
	}
	for _, f := range a.Forms {
		c.Forms = append(c.Forms, string(f))
	}
}

// contractLists fills in the resources, coordinators, responsibilities,
// principles, outcomes and documents.
func contractLists(c *Contract, a *model.Agreement, party func(model.Party) string) {
	for _, r := range a.Resources {
		jr := Resource{Party: party(r.Party), Description: r.Description, Quantity: r.Quantity, Unit: r.Unit}
		if r.Value != 0 || r.Currency != "" {
			jr.Value = &Value{Amount: r.Value, Currency: r.Currency}
		}
		c.Resources = append(c.Resources, jr)
	}
	for _, co := range a.Coordinators {
		c.Coordinators = append(c.Coordinators, Coordinator{Party: party(co.Party), Name: co.Name, Position: co.Position, Telephone: co.Phone, Email: co.Email})
	}
	for i, r := range a.Responsibilities {
		c.Milestones = append(c.Milestones, Milestone{
			ID: "R" + strconv.Itoa(i+1), Title: r.Description, Party: party(r.Party), Owner: r.Owner,
			DueDate: r.Due.ISO(), DateMet: r.CompletedOn.ISO(), Status: string(r.Status), Evidence: r.Evidence,
			Titles: r.Descriptions,
		})
	}
	for _, pa := range a.Principles {
		c.Principles = append(c.Principles, PrincipleAssessment{Principle: string(pa.Principle), Assessment: string(pa.Assessment), Evidence: pa.Evidence})
	}
	for _, o := range a.Outcomes {
		c.Outcomes = append(c.Outcomes, Outcome(o))
	}
	for _, at := range a.Attachments {
		c.Documents = append(c.Documents, DocumentRef{ID: at.ID.String(), Title: at.Name, Format: at.Type, Size: at.Size, SHA256: at.SHA256, Added: at.Added, AddedBy: at.AddedBy})
	}
}

// contractReader converts contracts back, collecting problems with their
// JSON paths.
type contractReader struct {
	parties  map[string]int // party id → index in the document's parties
	problems *Problems
}

func (r *contractReader) date(s, path string, bad *bool) model.Date {
	d, err := model.ParseDate(s)
	if err != nil {
		*r.problems = append(*r.problems, Problem{Loc: Loc{Path: path}, Value: Shorten(s), Key: "err.date_invalid"})
		*bad = true
	}
	return d
}

// dateAt is date with the path made, by path(field), only for a problem.
func (r *contractReader) dateAt(s string, path func(string) string, field string, bad *bool) model.Date {
	d, err := model.ParseDate(s)
	if err != nil {
		*r.problems = append(*r.problems, Problem{Loc: Loc{Path: path(field)}, Value: Shorten(s), Key: "err.date_invalid"})
		*bad = true
	}
	return d
}

// agreement converts the i-th contract of a document.
func (r *contractReader) agreement(i int, c *Contract) *AgreementRecord {
	p := "contracts[" + strconv.Itoa(i) + "]"
	rec := &AgreementRecord{Origin: &pathOrigin{prefix: p, names: contractPaths}, Attachments: len(c.Documents)}
	a := &rec.Agreement
	*a = model.Agreement{
		Number: c.ID, Title: c.Title, Subject: c.Description, Kind: model.AgreementKind(c.Kind), Status: model.Status(c.Status),
		Place: c.Place, Model: model.PartnershipModel(c.Model), Programmes: c.Programmes, PracticePlaces: c.PracticePlaces, Notes: c.Notes,
		Texts: c.Texts,
	}
	a.SignedOn = r.date(c.DateSigned, p+".dateSigned", &rec.Bad)
	a.ValidFrom = r.date(c.Period.StartDate, p+".period.startDate", &rec.Bad)
	a.ValidUntil = r.date(c.Period.EndDate, p+".period.endDate", &rec.Bad)
	if c.Renewal != nil {
		a.AutoRenew, a.RenewalMonths = c.Renewal.Automatic, c.Renewal.TermMonths
	}
	r.partiesOf(p, c, rec)
	for k, am := range c.Amendments {
		if am.Type == "termination" {
			a.TerminatedOn = r.date(am.Date, p+".amendments["+strconv.Itoa(k)+"].date", &rec.Bad)
			a.TerminationReason = am.Rationale
		}
	}
	for _, rp := range c.RelatedProcesses {
		for _, rel := range rp.Relationship {
			switch rel {
			case "prior":
				rec.Renews = rp.Identifier
			case "successor":
				rec.RenewedBy = rp.Identifier
			}
		}
	}
	for _, l := range c.Levels {
		a.Levels = append(a.Levels, model.Level(l))
	}
	for _, f := range c.Forms {
		a.Forms = append(a.Forms, model.Form(f))
	}
	r.listsOf(p, c, rec)
	return rec
}

// listsOf converts the contract's resources, coordinators, milestones,
// principles and outcomes.
func (r *contractReader) listsOf(p string, c *Contract, rec *AgreementRecord) {
	a := &rec.Agreement
	party := func(s string) model.Party { return r.party(s, c) }
	a.Resources = slices.Grow(a.Resources, len(c.Resources))
	a.Coordinators = slices.Grow(a.Coordinators, len(c.Coordinators))
	a.Responsibilities = slices.Grow(a.Responsibilities, len(c.Milestones))
	a.Principles = slices.Grow(a.Principles, len(c.Principles))
	a.Outcomes = slices.Grow(a.Outcomes, len(c.Outcomes))
	for _, x := range c.Resources {
		res := model.Resource{Party: party(x.Party), Description: x.Description, Quantity: x.Quantity, Unit: x.Unit}
		if x.Value != nil {
			res.Value, res.Currency = x.Value.Amount, x.Value.Currency
		}
		a.Resources = append(a.Resources, res)
	}
	for _, x := range c.Coordinators {
		a.Coordinators = append(a.Coordinators, model.Coordinator{Party: party(x.Party), Name: x.Name, Position: x.Position, Phone: x.Telephone, Email: x.Email})
	}
	for k, m := range c.Milestones {
		mp := func(field string) string { return p + ".milestones[" + strconv.Itoa(k) + "]." + field }
		a.Responsibilities = append(a.Responsibilities, model.Responsibility{
			Party: party(m.Party), Description: m.Title, Descriptions: m.Titles, Owner: m.Owner, Status: model.TaskStatus(m.Status), Evidence: m.Evidence,
			Due: r.dateAt(m.DueDate, mp, "dueDate", &rec.Bad), CompletedOn: r.dateAt(m.DateMet, mp, "dateMet", &rec.Bad),
		})
	}
	for _, pa := range c.Principles {
		a.Principles = append(a.Principles, model.PrincipleAssessment{Principle: model.Principle(pa.Principle), Assessment: model.Assessment(pa.Assessment), Evidence: pa.Evidence})
	}
	for _, o := range c.Outcomes {
		a.Outcomes = append(a.Outcomes, model.Outcome(o))
	}
}

// partiesOf resolves the contract's parties to the document's.
func (r *contractReader) partiesOf(p string, c *Contract, rec *AgreementRecord) {
	for j, cp := range c.Parties {
		loc := Loc{Path: p + ".parties[" + strconv.Itoa(j) + "].id"}
		idx, ok := r.parties[cp.ID]
		if !ok {
			*r.problems = append(*r.problems, Problem{Loc: loc, Value: Shorten(cp.ID), Key: "xlsx.err.json_party"})
			rec.Bad = true
			continue
		}
		rec.Partners = append(rec.Partners, PartnerRef{Index: idx, Name: cp.ID, Loc: loc})
	}
}

// party turns a party id used inside a contract into a party code.
func (r *contractReader) party(s string, c *Contract) model.Party {
	switch s {
	case jsonInstitution:
		return model.PartyInstitution
	case jsonJoint:
		return model.PartyJoint
	}
	for j, cp := range c.Parties {
		if cp.ID == s {
			return RefParty(j)
		}
	}
	return TextParty(s)
}
