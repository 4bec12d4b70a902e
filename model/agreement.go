package model

import (
	"strconv"
	"strings"
	"time"
)

// Party names who owes an obligation or brings a resource: the institution,
// one of the agreement's partners, or all parties jointly. It is stored as a
// short code: "institution", "joint" or "partner:<id>".
type Party string

// The parties that are not a partner.
const (
	PartyInstitution Party = "institution"
	PartyJoint       Party = "joint"
)

// PartnerParty returns the Party code of the partner with the given ID.
func PartnerParty(id ID) Party { return Party("partner:" + id.String()) }

// PartnerID returns the partner's ID when p names a partner.
func (p Party) PartnerID() (ID, bool) {
	rest, ok := strings.CutPrefix(string(p), "partner:")
	if !ok {
		return 0, false
	}
	n, err := strconv.ParseUint(rest, 10, 64)
	return ID(n), err == nil && n > 0
}

// Programme is an education programme an agreement covers.
type Programme struct {
	Code string `json:"code,omitempty"` // e.g. 6B01101 (KZ) or 550100 (KG)
	Name string `json:"name"`
}

// Resource is something a party brings to the partnership.
type Resource struct {
	Party       Party   `json:"party"`
	Description string  `json:"description"`
	Quantity    float64 `json:"quantity,omitempty"`
	Unit        string  `json:"unit,omitempty"`
	Value       float64 `json:"value,omitempty"`    // money value, in Currency
	Currency    string  `json:"currency,omitempty"` // ISO 4217: KZT, KGS, RUB, USD, EUR
}

// Coordinator is the person who coordinates the agreement on one side.
type Coordinator struct {
	Party    Party  `json:"party"`
	Name     string `json:"name"`
	Position string `json:"position,omitempty"`
	Phone    string `json:"phone,omitempty"`
	Email    string `json:"email,omitempty"`
}

// Responsibility is one obligation of one party, with its due date.
type Responsibility struct {
	Party       Party      `json:"party"`
	Description string     `json:"description"`
	Owner       string     `json:"owner,omitempty"` // the person in charge
	Due         Date       `json:"due,omitzero"`
	Status      TaskStatus `json:"status"` // planned, in_progress or done; overdue is derived
	CompletedOn Date       `json:"completed_on,omitzero"`
	Evidence    string     `json:"evidence,omitempty"`
	// Descriptions holds the description in the other document
	// languages (kk, ky, en), keyed by language code.
	Descriptions map[string]string `json:"descriptions,omitempty"`
}

// StatusOn returns the responsibility's status on the given day: done when
// done, overdue when its due date has passed, otherwise the stored status.
func (r *Responsibility) StatusOn(today Date) TaskStatus {
	if r.Status == TaskDone {
		return TaskDone
	}
	if !r.Due.IsZero() && r.Due < today {
		return TaskOverdue
	}
	if r.Status == "" {
		return TaskPlanned
	}
	return r.Status
}

// Outcome holds the indicators of one academic year: the seed's
// effectiveness criterion is the demand for graduates (employment
// percentage and the duration of attachment to the workplace).
type Outcome struct {
	// Year is the academic year's first calendar year: 2025 is 2025/2026.
	Year               int `json:"year"`
	PlacedForPractice  int `json:"placed_for_practice"`
	Graduates          int `json:"graduates"`
	Employed           int `json:"employed"`
	RetainedAfter12M   int `json:"retained_after_12m"`
	AssessedByEmployer int `json:"assessed_by_employer"`
	EventsHeld         int `json:"events_held"`
}

// AcademicYear formats the outcome's year as "2025/2026".
func (o *Outcome) AcademicYear() string { return FormatAcademicYear(o.Year) }

// AcademicYearOf returns the first calendar year of the academic year that
// contains d (academic years start on 1 September): 2025 for 15.03.2026.
func AcademicYearOf(d Date) int {
	if d.Month() >= time.September {
		return d.Year()
	}
	return d.Year() - 1
}

// FormatAcademicYear formats the academic year starting in y as "y/y+1".
func FormatAcademicYear(y int) string {
	return strconv.Itoa(y) + "/" + strconv.Itoa(y+1)
}

// EmploymentPercent is employed graduates as a percentage of graduates, and
// false when there were no graduates.
func (o *Outcome) EmploymentPercent() (float64, bool) { return percent(o.Employed, o.Graduates) }

// RetentionPercent is the share of employed graduates still employed after
// 12 months, and false when nobody was employed.
func (o *Outcome) RetentionPercent() (float64, bool) {
	return percent(o.RetainedAfter12M, o.Employed)
}

func percent(part, whole int) (float64, bool) {
	if whole <= 0 {
		return 0, false
	}
	return float64(part) * 100 / float64(whole), true
}

// Attachment describes a file stored with an agreement (a scanned signed
// copy and the like). The bytes live in the store under ID.
type Attachment struct {
	ID      ID        `json:"id"`
	Name    string    `json:"name"`
	Type    string    `json:"type,omitempty"` // MIME type
	Size    int64     `json:"size"`
	SHA256  string    `json:"sha256"` // hex
	Added   time.Time `json:"added"`
	AddedBy string    `json:"added_by,omitempty"`
}

// Agreement is a social partnership agreement with one or more partners.
// Its responsibilities, principle assessments, outcomes and attachment
// metadata live inside the record: they are edited together in one editor,
// saved together in one transaction and are few (tens, rarely hundreds) per
// agreement, so one record keeps every save atomic and every read one
// lookup. List screens read the compact Summary instead.
type Agreement struct {
	ID         ID            `json:"id"`
	Rev        uint64        `json:"rev"`
	Number     string        `json:"number"`
	Title      string        `json:"title"`
	Subject    string        `json:"subject,omitempty"` // the subject clause, in full
	Kind       AgreementKind `json:"kind"`
	PartnerIDs []ID          `json:"partner_ids"`
	// Department is the code of the department that owns the agreement;
	// "" is the store's default department (a data file has only that
	// one, so its records never carry a code).
	Department string `json:"department,omitempty"`

	SignedOn      Date   `json:"signed_on,omitzero"`
	ValidFrom     Date   `json:"valid_from,omitzero"`
	ValidUntil    Date   `json:"valid_until,omitzero"` // zero: open-ended
	AutoRenew     bool   `json:"auto_renew,omitempty"`
	RenewalMonths int    `json:"renewal_months,omitempty"` // term of each automatic renewal
	Place         string `json:"place,omitempty"`          // place of signing
	// Texts holds the title, subject and place in the other document
	// languages (kk, ky, en), keyed by language code; the fields above
	// hold the Russian text (MainTextLang).
	Texts map[string]DocText `json:"texts,omitempty"`

	Status            Status `json:"status"` // draft, active, terminated or renewed
	TerminatedOn      Date   `json:"terminated_on,omitzero"`
	TerminationReason string `json:"termination_reason,omitempty"`
	PredecessorID     ID     `json:"predecessor_id,omitempty"`
	SuccessorID       ID     `json:"successor_id,omitempty"`

	Levels         []Level          `json:"levels,omitempty"`
	Model          PartnershipModel `json:"model,omitempty"`
	Forms          []Form           `json:"forms,omitempty"`
	Programmes     []Programme      `json:"programmes,omitempty"`
	PracticePlaces int              `json:"practice_places,omitempty"` // per year
	Resources      []Resource       `json:"resources,omitempty"`
	Coordinators   []Coordinator    `json:"coordinators,omitempty"`

	Responsibilities []Responsibility      `json:"responsibilities,omitempty"`
	Principles       []PrincipleAssessment `json:"principles,omitempty"`
	Outcomes         []Outcome             `json:"outcomes,omitempty"`
	Attachments      []Attachment          `json:"attachments,omitempty"`

	Notes   string    `json:"notes,omitempty"`
	Created time.Time `json:"created"`
	Updated time.Time `json:"updated"`
}

// EndOn returns the last day of the agreement's current term on the given
// day (see CurrentTerm). The zero Date means open-ended.
func (a *Agreement) EndOn(today Date) Date { return a.TermOn(today).End }

// StatusOn derives the agreement's status on the given day: an active
// agreement whose term ends within warnDays days is expiring, and one whose
// term has ended is expired. Drafts, terminated and renewed agreements keep
// their stored status.
func (a *Agreement) StatusOn(today Date, warnDays int) Status {
	return DeriveStatus(a.Status, a.EndOn(today), today, warnDays)
}

// DeriveStatus is StatusOn for callers that hold only the stored status and
// the current end date (as list summaries do).
func DeriveStatus(stored Status, end, today Date, warnDays int) Status {
	if stored != StatusActive && stored != "" {
		return stored
	}
	switch {
	case end.IsZero():
		return StatusActive
	case end < today:
		return StatusExpired
	case today.DaysUntil(end) <= warnDays:
		return StatusExpiring
	}
	return StatusActive
}

// DaysLeft returns the days from today to the end of the current term, and
// false for an open-ended agreement.
func (a *Agreement) DaysLeft(today Date) (int, bool) { return a.TermOn(today).DaysLeftOn(today) }

// OpenResponsibilities counts responsibilities not done.
func (a *Agreement) OpenResponsibilities() int {
	n := 0
	for i := range a.Responsibilities {
		if a.Responsibilities[i].Status != TaskDone {
			n++
		}
	}
	return n
}

// Overdue returns the indexes of responsibilities overdue on the given day.
func (a *Agreement) Overdue(today Date) []int {
	var out []int
	for i := range a.Responsibilities {
		if a.Responsibilities[i].StatusOn(today) == TaskOverdue {
			out = append(out, i)
		}
	}
	return out
}

// HasPartner reports whether the agreement is with the partner id.
func (a *Agreement) HasPartner(id ID) bool {
	for _, p := range a.PartnerIDs {
		if p == id {
			return true
		}
	}
	return false
}

// Totals sums the outcomes of several agreements or years. Its Year is 0.
func Totals(list []Outcome) Outcome {
	var t Outcome
	for _, o := range list {
		t.PlacedForPractice += o.PlacedForPractice
		t.Graduates += o.Graduates
		t.Employed += o.Employed
		t.RetainedAfter12M += o.RetainedAfter12M
		t.AssessedByEmployer += o.AssessedByEmployer
		t.EventsHeld += o.EventsHeld
	}
	return t
}

// MapParties replaces every party reference of the agreement (of its
// responsibilities, resources and coordinators) by what f returns for it,
// in place: slices shared with another copy must be cloned first.
func (a *Agreement) MapParties(f func(Party) Party) {
	for i := range a.Responsibilities {
		a.Responsibilities[i].Party = f(a.Responsibilities[i].Party)
	}
	for i := range a.Resources {
		a.Resources[i].Party = f(a.Resources[i].Party)
	}
	for i := range a.Coordinators {
		a.Coordinators[i].Party = f(a.Coordinators[i].Party)
	}
}
