package model

import (
	"strconv"
	"strings"
	"time"
)

// ID identifies a stored record. The store assigns IDs from a per-kind
// sequence; 0 means "not saved yet".
type ID uint64

// String formats the ID in decimal.
func (id ID) String() string { return strconv.FormatUint(uint64(id), 10) }

// ParseID reads a decimal ID.
func ParseID(s string) (ID, error) {
	n, err := strconv.ParseUint(strings.TrimSpace(s), 10, 64)
	return ID(n), err
}

// Languages are the codes of the languages PartnerDesk speaks, in the order
// menus list them.
var Languages = []string{"ru", "kk", "ky", "en"}

// Names holds one name in each of the four languages. Any may be empty.
type Names struct {
	RU string `json:"ru,omitempty"`
	KK string `json:"kk,omitempty"`
	KY string `json:"ky,omitempty"`
	EN string `json:"en,omitempty"`
}

// In returns the name in lang, falling back to Russian, then to the first
// name that is set.
func (n Names) In(lang string) string {
	for _, s := range []string{n.Exact(lang), n.RU, n.KK, n.KY, n.EN} {
		if s != "" {
			return s
		}
	}
	return ""
}

// Exact returns the name in lang with no fallback ("" when it is not set).
func (n Names) Exact(lang string) string {
	switch lang {
	case "ru":
		return n.RU
	case "kk":
		return n.KK
	case "ky":
		return n.KY
	case "en":
		return n.EN
	}
	return ""
}

// IsZero reports whether no name is set.
func (n Names) IsZero() bool { return n == Names{} }

// Person is a named person with a position, such as a signatory.
type Person struct {
	Name     string `json:"name,omitempty"`
	Position string `json:"position,omitempty"`
}

// Institution is the university or college that uses PartnerDesk: the one
// settings record of a data file.
type Institution struct {
	Names      Names  `json:"names"`
	ShortName  string `json:"short_name,omitempty"`
	Country    string `json:"country,omitempty"` // ISO 3166-1 alpha-2, KZ or KG usually
	TaxID      string `json:"tax_id,omitempty"`  // BIN in Kazakhstan, INN in Kyrgyzstan
	Address    string `json:"address,omitempty"`
	Department string `json:"department,omitempty"`
	Signatory  Person `json:"signatory"`
	City       string `json:"city,omitempty"` // place of signing printed on memoranda
	// NumberPattern is how agreement numbers are built, e.g. "СП-{yyyy}/{nnn}";
	// see SuggestNumber for the placeholders.
	NumberPattern string `json:"number_pattern,omitempty"`
	// WarningDays is how many days before its end an agreement counts as
	// expiring.
	WarningDays int    `json:"warning_days,omitempty"`
	Logo        []byte `json:"logo,omitempty"` // PNG or JPEG printed on memoranda
}

// DefaultWarningDays is the expiry warning window used when none is set.
const DefaultWarningDays = 90

// DefaultNumberPattern is the numbering pattern used when none is set.
const DefaultNumberPattern = "СП-{yyyy}/{nnn}"

// Warning returns the expiry warning window in days, defaulting to
// DefaultWarningDays.
func (in *Institution) Warning() int {
	if in.WarningDays <= 0 {
		return DefaultWarningDays
	}
	return in.WarningDays
}

// Pattern returns the numbering pattern, defaulting to DefaultNumberPattern.
func (in *Institution) Pattern() string {
	if in.NumberPattern == "" {
		return DefaultNumberPattern
	}
	return in.NumberPattern
}

// IsZero reports whether the institution's details were never filled in,
// which is how the app recognises a first run.
func (in *Institution) IsZero() bool { return in.Names.IsZero() }

// Contact is a person to talk to at a partner.
type Contact struct {
	Name     string `json:"name,omitempty"`
	Position string `json:"position,omitempty"`
	Phone    string `json:"phone,omitempty"`
	Email    string `json:"email,omitempty"`
	Notes    string `json:"notes,omitempty"`
}

// Partner is an organisation the institution cooperates with, or could.
type Partner struct {
	ID        ID        `json:"id"`
	Rev       uint64    `json:"rev"` // bumped by every save; a stale save is refused
	Name      string    `json:"name"`
	ShortName string    `json:"short_name,omitempty"`
	Names     Names     `json:"names,omitzero"` // the full name in other languages, for bilingual documents
	Country   string    `json:"country"`        // ISO 3166-1 alpha-2
	Region    string    `json:"region,omitempty"`
	City      string    `json:"city,omitempty"`
	Address   string    `json:"address,omitempty"`
	Website   string    `json:"website,omitempty"`
	TaxID     string    `json:"tax_id,omitempty"` // BIN (KZ, 12 digits) or INN (KG, 14 digits)
	Category  Category  `json:"category"`
	SubKind   SubKind   `json:"sub_kind,omitempty"`
	Relation  Relation  `json:"relation"`
	Signatory Person    `json:"signatory,omitzero"`
	Contacts  []Contact `json:"contacts,omitempty"`
	Notes     string    `json:"notes,omitempty"`
	Tags      []string  `json:"tags,omitempty"`
	// Review marks a partner an import created with values it inferred
	// (such as the category): the secretary checks it, and saving it from
	// the partner form clears the mark.
	Review  bool      `json:"review,omitempty"`
	Created time.Time `json:"created"`
	Updated time.Time `json:"updated"`
}

// NameIn returns the partner's full name in lang when one is recorded,
// otherwise its main name.
func (p *Partner) NameIn(lang string) string {
	if v := p.Names.Exact(lang); v != "" {
		return v
	}
	return p.Name
}

// Sector returns the partner's triple-helix sector, from its category.
func (p *Partner) Sector() Sector { return p.Category.Sector() }

// MainContact returns the first contact, or a zero Contact.
func (p *Partner) MainContact() Contact {
	if len(p.Contacts) == 0 {
		return Contact{}
	}
	return p.Contacts[0]
}
