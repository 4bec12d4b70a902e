package model

import "time"

// Summary is the part of an agreement that list screens, search and the
// dashboard need. The store keeps one beside every agreement, so opening a
// data file decodes summaries only and loads full agreements on demand.
type Summary struct {
	ID            ID            `json:"id"`
	Number        string        `json:"n"`
	Title         string        `json:"t"`
	Kind          AgreementKind `json:"k"`
	PartnerIDs    []ID          `json:"p"`
	Department    string        `json:"d,omitempty"` // "" is the default department
	SignedOn      Date          `json:"s,omitzero"`
	ValidFrom     Date          `json:"f,omitzero"`
	ValidUntil    Date          `json:"u,omitzero"`
	AutoRenew     bool          `json:"ar,omitempty"`
	RenewalMonths int           `json:"rm,omitempty"`
	Status        Status        `json:"st"`
	// OpenDue holds the due dates of responsibilities not yet done, zero for
	// those without a due date.
	OpenDue []Date `json:"od,omitempty"`
	// Principles has bit i set when Principles[i] is assessed as met.
	Principles  uint8     `json:"pm,omitempty"`
	Attachments int       `json:"at,omitempty"`
	Outcomes    []Outcome `json:"o,omitempty"`
	Coordinator string    `json:"c,omitempty"`
	Updated     time.Time `json:"up"`
}

// Summarize returns the summary of a.
func Summarize(a *Agreement) Summary {
	s := Summary{
		ID: a.ID, Number: a.Number, Title: a.Title, Kind: a.Kind,
		PartnerIDs: append([]ID(nil), a.PartnerIDs...), Department: a.Department,
		SignedOn: a.SignedOn, ValidFrom: a.ValidFrom, ValidUntil: a.ValidUntil,
		AutoRenew: a.AutoRenew, RenewalMonths: a.RenewalMonths, Status: a.Status,
		Attachments: len(a.Attachments), Updated: a.Updated,
	}
	for i := range a.Responsibilities {
		if r := &a.Responsibilities[i]; r.Status != TaskDone {
			s.OpenDue = append(s.OpenDue, r.Due)
		}
	}
	for _, pa := range a.Principles {
		for i, p := range Principles {
			if pa.Principle == p && pa.Assessment == AssessMet {
				s.Principles |= 1 << i
			}
		}
	}
	for _, c := range a.Coordinators {
		if c.Party == PartyInstitution {
			s.Coordinator = c.Name
			break
		}
	}
	return s
}

// EndOn is Agreement.EndOn for the summary.
func (s *Summary) EndOn(today Date) Date { return s.TermOn(today).End }

// StatusOn is Agreement.StatusOn for the summary.
func (s *Summary) StatusOn(today Date, warnDays int) Status {
	return DeriveStatus(s.Status, s.EndOn(today), today, warnDays)
}

// DaysLeft is Agreement.DaysLeft for the summary.
func (s *Summary) DaysLeft(today Date) (int, bool) { return s.TermOn(today).DaysLeftOn(today) }

// OverdueOn counts the open responsibilities whose due date is before today.
func (s *Summary) OverdueOn(today Date) int {
	n := 0
	for _, d := range s.OpenDue {
		if !d.IsZero() && d < today {
			n++
		}
	}
	return n
}

// Meets reports whether the summarised agreement meets principle p.
func (s *Summary) Meets(p Principle) bool {
	for i, q := range Principles {
		if q == p {
			return s.Principles&(1<<i) != 0
		}
	}
	return false
}

// PrinciplesMet counts the principles assessed as met.
func (s *Summary) PrinciplesMet() int {
	n := 0
	for b := s.Principles; b != 0; b &= b - 1 {
		n++
	}
	return n
}
