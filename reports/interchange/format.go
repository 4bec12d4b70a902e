package interchange

import (
	"time"

	"github.com/partnerdesk/partnerdesk/model"
)

// The interchange format: one JSON document with the whole data set,
// shaped after the Open Contracting Data Standard (OCDS 1.1) where the
// two meet — parties with roles and identifiers, contracts with a period,
// amendments, related processes and milestones — plus PartnerDesk's own
// fields (categories, principles, outcomes). docs/json-format.md
// describes it field by field. Dates are ISO yyyy-mm-dd strings.

// FormatName is the value of a document's "format" field.
const FormatName = "partnerdesk-interchange"

// FormatVersion is the version this package writes and the newest it
// reads.
const FormatVersion = 1

// Document is a whole interchange file.
type Document struct {
	Format      string           `json:"format"`
	Version     int              `json:"version"`
	Exported    time.Time        `json:"exported"`
	Generator   string           `json:"generator,omitempty"`
	Institution *JSONInstitution `json:"institution,omitempty"`
	Parties     []Party          `json:"parties"`
	Contracts   []Contract       `json:"contracts"`
	// Diagnostics are the diagnostic rounds (see DiagnosticRound).
	Diagnostics []DiagnosticRound `json:"diagnostics,omitempty"`
}

// JSONInstitution is the institution's settings.
type JSONInstitution struct {
	Names         model.Names  `json:"names"`
	ShortName     string       `json:"shortName,omitempty"`
	Identifier    *Identifier  `json:"identifier,omitempty"`
	Address       Address      `json:"address"`
	Department    string       `json:"department,omitempty"`
	Signatory     model.Person `json:"signatory,omitzero"`
	City          string       `json:"city,omitempty"`
	NumberPattern string       `json:"numberPattern,omitempty"`
	WarningDays   int          `json:"warningDays,omitempty"`
	Logo          []byte       `json:"logo,omitempty"` // base64
}

// Party is a partner organisation (OCDS Organization).
type Party struct {
	ID            string         `json:"id"`
	Roles         []string       `json:"roles"`
	Name          string         `json:"name"`
	ShortName     string         `json:"shortName,omitempty"`
	Names         model.Names    `json:"names,omitzero"`
	Identifier    *Identifier    `json:"identifier,omitempty"`
	Address       Address        `json:"address"`
	Website       string         `json:"website,omitempty"`
	Details       PartyDetails   `json:"details"`
	Signatory     model.Person   `json:"signatory,omitzero"`
	ContactPoints []ContactPoint `json:"contactPoints,omitempty"`
	Notes         string         `json:"notes,omitempty"`
	Tags          []string       `json:"tags,omitempty"`
	Created       time.Time      `json:"created,omitzero"`
	Updated       time.Time      `json:"updated,omitzero"`
}

// Identifier is an organisation's tax number: scheme KZ-BIN, KG-INN, or
// <country>-TAX for other countries.
type Identifier struct {
	Scheme string `json:"scheme"`
	ID     string `json:"id"`
}

// Address is a postal address with an ISO 3166-1 country code.
type Address struct {
	StreetAddress string `json:"streetAddress,omitempty"`
	Locality      string `json:"locality,omitempty"`
	Region        string `json:"region,omitempty"`
	CountryCode   string `json:"countryCode,omitempty"`
}

// PartyDetails holds PartnerDesk's classification of a partner; Sector is
// derived from Category and only informative.
type PartyDetails struct {
	Category string `json:"category"`
	SubKind  string `json:"subKind,omitempty"`
	Relation string `json:"relation"`
	Sector   string `json:"sector,omitempty"`
}

// ContactPoint is a person to talk to (OCDS ContactPoint).
type ContactPoint struct {
	Name      string `json:"name,omitempty"`
	Position  string `json:"position,omitempty"`
	Telephone string `json:"telephone,omitempty"`
	Email     string `json:"email,omitempty"`
	Notes     string `json:"notes,omitempty"`
}

// Contract is one agreement (OCDS Contract).
type Contract struct {
	ID          string       `json:"id"` // the agreement number
	Title       string       `json:"title"`
	Description string       `json:"description,omitempty"` // the subject clause
	Kind        string       `json:"kind"`
	Status      string       `json:"status"`
	DateSigned  string       `json:"dateSigned,omitempty"`
	Period      Period       `json:"period"`
	Renewal     *Renewal     `json:"renewal,omitempty"`
	CurrentTerm *CurrentTerm `json:"currentTerm,omitempty"` // informative; not read back
	Place       string       `json:"place,omitempty"`
	// Texts are the title, description and place in the other document
	// languages (kk, ky, en), keyed by language code; the fields above
	// hold the Russian text.
	Texts            map[string]model.DocText `json:"texts,omitempty"`
	Parties          []ContractParty          `json:"parties"`
	Amendments       []Amendment              `json:"amendments,omitempty"`
	RelatedProcesses []RelatedProcess         `json:"relatedProcesses,omitempty"`
	Levels           []string                 `json:"levels,omitempty"`
	Model            string                   `json:"model,omitempty"`
	Forms            []string                 `json:"forms,omitempty"`
	Programmes       []model.Programme        `json:"programmes,omitempty"`
	PracticePlaces   int                      `json:"practicePlaces,omitempty"`
	Resources        []Resource               `json:"resources,omitempty"`
	Coordinators     []Coordinator            `json:"coordinators,omitempty"`
	Milestones       []Milestone              `json:"milestones,omitempty"`
	Principles       []PrincipleAssessment    `json:"principles,omitempty"`
	Outcomes         []Outcome                `json:"outcomes,omitempty"`
	Documents        []DocumentRef            `json:"documents,omitempty"`
	Notes            string                   `json:"notes,omitempty"`
	Created          time.Time                `json:"created,omitzero"`
	Updated          time.Time                `json:"updated,omitzero"`
}

// CurrentTerm is the term an agreement is in on the day of the export
// (model.CurrentTerm): for an agreement that renews itself, the renewed
// term rather than the period as signed. It is written for readers of the
// file and derived again after an import, never read back.
type CurrentTerm struct {
	AsOf      string `json:"asOf"`
	StartDate string `json:"startDate,omitempty"`
	EndDate   string `json:"endDate,omitempty"`
	Renewals  int    `json:"renewals"`
}

// Period is a contract's term; an empty EndDate means open-ended.
type Period struct {
	StartDate string `json:"startDate,omitempty"`
	EndDate   string `json:"endDate,omitempty"`
}

// Renewal says whether a contract renews itself, and for how long.
type Renewal struct {
	Automatic  bool `json:"automatic"`
	TermMonths int  `json:"termMonths,omitempty"`
}

// ContractParty names a party of a contract by its Party.ID.
type ContractParty struct {
	ID    string   `json:"id"`
	Roles []string `json:"roles,omitempty"`
}

// Amendment records a change of a contract's course; PartnerDesk writes
// one of Type "termination" for a terminated agreement.
type Amendment struct {
	ID        string `json:"id"`
	Type      string `json:"type"`
	Date      string `json:"date,omitempty"`
	Rationale string `json:"rationale,omitempty"`
}

// RelatedProcess links a contract to the one it renews (relationship
// "prior") or is renewed by ("successor"), by number.
type RelatedProcess struct {
	ID           string   `json:"id"`
	Relationship []string `json:"relationship"`
	Scheme       string   `json:"scheme"`
	Identifier   string   `json:"identifier"`
}

// Resource is what a party brings.
type Resource struct {
	Party       string  `json:"party"`
	Description string  `json:"description"`
	Quantity    float64 `json:"quantity,omitempty"`
	Unit        string  `json:"unit,omitempty"`
	Value       *Value  `json:"value,omitempty"`
}

// Value is an amount of money (OCDS Value).
type Value struct {
	Amount   float64 `json:"amount"`
	Currency string  `json:"currency,omitempty"`
}

// Coordinator coordinates the agreement for one party.
type Coordinator struct {
	Party     string `json:"party"`
	Name      string `json:"name"`
	Position  string `json:"position,omitempty"`
	Telephone string `json:"telephone,omitempty"`
	Email     string `json:"email,omitempty"`
}

// Milestone is one responsibility (OCDS Milestone): Title is what is to
// be done, DateMet when it was done, Status planned, in_progress or done.
type Milestone struct {
	ID       string `json:"id"`
	Title    string `json:"title"`
	Party    string `json:"party"`
	Owner    string `json:"owner,omitempty"`
	DueDate  string `json:"dueDate,omitempty"`
	DateMet  string `json:"dateMet,omitempty"`
	Status   string `json:"status"`
	Evidence string `json:"evidence,omitempty"`
	// Titles is the title in the other document languages, by code.
	Titles map[string]string `json:"titles,omitempty"`
}

// PrincipleAssessment is one line of the principles checklist.
type PrincipleAssessment struct {
	Principle  string `json:"principle"`
	Assessment string `json:"assessment"`
	Evidence   string `json:"evidence,omitempty"`
}

// Outcome holds one academic year's indicators (Year 2025 is 2025/2026).
type Outcome struct {
	Year               int `json:"year"`
	PlacedForPractice  int `json:"placedForPractice"`
	Graduates          int `json:"graduates"`
	Employed           int `json:"employed"`
	RetainedAfter12M   int `json:"retainedAfter12Months"`
	AssessedByEmployer int `json:"assessedByEmployer"`
	EventsHeld         int `json:"eventsHeld"`
}

// DocumentRef describes an attachment (OCDS Document); its bytes are not
// in the file.
type DocumentRef struct {
	ID      string    `json:"id"`
	Title   string    `json:"title"`
	Format  string    `json:"format,omitempty"`
	Size    int64     `json:"size"`
	SHA256  string    `json:"sha256"`
	Added   time.Time `json:"added,omitzero"`
	AddedBy string    `json:"addedBy,omitempty"`
}

// The party codes a contract's lists use besides Party.IDs.
const (
	jsonInstitution = "institution"
	jsonJoint       = "joint"
)
