package main

import (
	"time"

	"github.com/partnerdesk/partnerdesk/model"
)

// The JSON that list and show print. Its keys are documented in
// docs/partnerctl-json.md and keep their meaning: a key may be added, never
// renamed or given another meaning. It is built here, field by field, and
// never by encoding the store's records, whose short keys may change with
// the data format.

// termJSON is an agreement's current term (model.CurrentTerm).
type termJSON struct {
	Start       model.Date `json:"start,omitzero"`
	End         model.Date `json:"end,omitzero"`
	Renewals    int        `json:"renewals"`
	OriginalEnd model.Date `json:"original_end,omitzero"`
}

func newTermJSON(t model.Term) termJSON {
	return termJSON{Start: t.Start, End: t.End, Renewals: t.Renewals, OriginalEnd: t.OriginalEnd}
}

// partnerRefJSON names one party of an agreement.
type partnerRefJSON struct {
	ID    model.ID `json:"id"`
	Name  string   `json:"name"`
	TaxID string   `json:"tax_id,omitempty"`
}

// agreementJSON is one agreement of `list agreements --format json`.
type agreementJSON struct {
	ID            model.ID            `json:"id"`
	Number        string              `json:"number"`
	Title         string              `json:"title"`
	Kind          model.AgreementKind `json:"kind"`
	Partners      []partnerRefJSON    `json:"partners"`
	SignedOn      model.Date          `json:"signed_on,omitzero"`
	ValidFrom     model.Date          `json:"valid_from,omitzero"`
	ValidUntil    model.Date          `json:"valid_until,omitzero"`
	AutoRenew     bool                `json:"auto_renew"`
	RenewalMonths int                 `json:"renewal_months,omitempty"`
	CurrentTerm   termJSON            `json:"current_term"`
	Status        model.Status        `json:"status"`
	StoredStatus  model.Status        `json:"stored_status"`
	DaysLeft      *int                `json:"days_left"`
	OpenTasks     int                 `json:"open_tasks"`
	OverdueTasks  int                 `json:"overdue_tasks"`
	Updated       time.Time           `json:"updated"`
}

// newAgreementJSON describes a summarised agreement on today.
func newAgreementJSON(r *agreementRow, partners map[model.ID]model.Partner, today model.Date) agreementJSON {
	term := r.TermOn(today)
	out := agreementJSON{
		ID: r.ID, Number: r.Number, Title: r.Title, Kind: r.Kind, Partners: []partnerRefJSON{},
		SignedOn: r.SignedOn, ValidFrom: r.ValidFrom, ValidUntil: r.ValidUntil,
		AutoRenew: r.AutoRenew, RenewalMonths: r.RenewalMonths, CurrentTerm: newTermJSON(term),
		Status: r.Derived, StoredStatus: r.Summary.Status, DaysLeft: r.DaysLeft,
		OpenTasks: len(r.OpenDue), OverdueTasks: r.Overdue, Updated: r.Updated,
	}
	for _, id := range r.PartnerIDs {
		p := partners[id]
		out.Partners = append(out.Partners, partnerRefJSON{ID: id, Name: p.Name, TaxID: p.TaxID})
	}
	return out
}

// partnerJSON is one partner of `list partners --format json`.
type partnerJSON struct {
	ID         model.ID        `json:"id"`
	Name       string          `json:"name"`
	ShortName  string          `json:"short_name,omitempty"`
	Names      model.Names     `json:"names,omitzero"`
	Country    string          `json:"country"`
	Region     string          `json:"region,omitempty"`
	City       string          `json:"city,omitempty"`
	Address    string          `json:"address,omitempty"`
	Website    string          `json:"website,omitempty"`
	TaxID      string          `json:"tax_id,omitempty"`
	Category   model.Category  `json:"category"`
	SubKind    model.SubKind   `json:"sub_kind,omitempty"`
	Sector     model.Sector    `json:"sector"`
	Relation   model.Relation  `json:"relation"`
	Signatory  model.Person    `json:"signatory,omitzero"`
	Contacts   []model.Contact `json:"contacts"`
	Notes      string          `json:"notes,omitempty"`
	Tags       []string        `json:"tags"`
	Agreements int             `json:"agreements"`
	Updated    time.Time       `json:"updated"`
}

func newPartnerJSON(p *model.Partner, agreements int) partnerJSON {
	return partnerJSON{
		ID: p.ID, Name: p.Name, ShortName: p.ShortName, Names: p.Names, Country: p.Country, Region: p.Region,
		City: p.City, Address: p.Address, Website: p.Website, TaxID: p.TaxID, Category: p.Category,
		SubKind: p.SubKind, Sector: p.Sector(), Relation: p.Relation, Signatory: p.Signatory,
		Contacts: append([]model.Contact{}, p.Contacts...), Notes: p.Notes, Tags: append([]string{}, p.Tags...),
		Agreements: agreements, Updated: p.Updated,
	}
}

// agreementShowJSON is `show NUMBER --format json`: the agreement record
// with its keys as stored, except that status is the status on today (as
// in the list) and the stored one is stored_status, and what it is on
// today.
type agreementShowJSON struct {
	*model.Agreement
	Status       model.Status `json:"status"`
	StoredStatus model.Status `json:"stored_status"`
	CurrentTerm  termJSON     `json:"current_term"`
	DaysLeft     *int         `json:"days_left"`
}

func newAgreementShowJSON(a *model.Agreement, today model.Date, warn int) agreementShowJSON {
	term := a.TermOn(today)
	out := agreementShowJSON{Agreement: a, StoredStatus: a.Status, CurrentTerm: newTermJSON(term),
		Status: model.DeriveStatus(a.Status, term.End, today, warn)}
	if d, ok := term.DaysLeftOn(today); ok {
		out.DaysLeft = &d
	}
	return out
}
