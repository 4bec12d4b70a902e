package interchange

import (
	"strconv"
	"strings"

	"github.com/partnerdesk/partnerdesk/model"
)

// Dataset is what a reader (the register workbook, the JSON file) found in
// a file, before it meets the data file: partners and agreements in model
// form, where each came from, and the problems found while reading. The
// planner (PlanImport, PlanMerge) matches it against the store.
type Dataset struct {
	// Source names the file, for messages.
	Source string
	// Institution is the file's institution settings (JSON only).
	Institution *model.Institution
	// InstitutionNames are further names under which the file refers to
	// the institution as a party (a register's author), besides those in
	// the data file's settings.
	InstitutionNames []string
	Partners         []*PartnerRecord
	Agreements       []*AgreementRecord
	// Rounds are diagnostic rounds (JSON only).
	Rounds []*RoundRecord
	// Problems found while reading.
	Problems Problems
}

// PartnerRecord is one partner read from a file.
type PartnerRecord struct {
	Partner model.Partner
	Origin  Origin
	// Bad marks a record that had reading problems: it is not imported,
	// and agreements naming it are not either.
	Bad bool
}

// PartnerRef is how an agreement in a file names one of its partners:
// directly by its position in Dataset.Partners (Index ≥ 0), or by tax ID
// and name, to be found in the file or the data file. Category, when set,
// lets the planner create a partner known nowhere.
type PartnerRef struct {
	Index    int
	Name     string
	TaxID    string
	Country  string
	Category model.Category
	Loc      Loc // where the partner is named
	TaxLoc   Loc // where its tax ID is, if apart
}

// AgreementRecord is one agreement read from a file. Its PartnerIDs are
// ignored: Partners names the partners, in order. Parties inside it
// (responsibilities, resources, coordinators) are "institution", "joint",
// RefParty(i) for the i-th of Partners, or TextParty(text) for a name
// still to be recognised.
type AgreementRecord struct {
	Agreement model.Agreement
	Partners  []PartnerRef
	// Renews and RenewedBy are the numbers of the agreements this one
	// renews and is renewed by.
	Renews, RenewedBy string
	// Attachments counts attachments the file lists but cannot restore.
	Attachments int
	Origin      Origin
	Bad         bool
}

// RefParty is the party code of the i-th partner of an AgreementRecord.
func RefParty(i int) model.Party { return model.Party("ref:" + strconv.Itoa(i)) }

// TextParty is the party code of a party named by text in a file.
func TextParty(text string) model.Party { return model.Party("text:" + text) }

func refIndex(p model.Party) (int, bool) {
	rest, ok := strings.CutPrefix(string(p), "ref:")
	if !ok {
		return 0, false
	}
	n, err := strconv.Atoi(rest)
	return n, err == nil
}

// Origin locates a record's fields in the file it came from.
type Origin interface {
	// Locate returns where the field with the given model path (as in
	// model.FieldError: "signed_on", "responsibilities[1].due") came
	// from; "" asks for the record itself.
	Locate(field string) Loc
}

// CellOrigin locates fields in a workbook: Cells maps field paths to
// cells, and fields not listed fall back to their parent path, then to
// Base (the record's row).
type CellOrigin struct {
	Base  Loc
	Cells map[string]Loc
}

// Set records where field came from.
func (o *CellOrigin) Set(field string, l Loc) {
	if o.Cells == nil {
		o.Cells = map[string]Loc{}
	}
	o.Cells[field] = l
}

// Locate returns the cell of field or of its nearest parent.
func (o *CellOrigin) Locate(field string) Loc {
	for f := field; f != ""; f = parentPath(f) {
		if l, ok := o.Cells[f]; ok {
			return l
		}
	}
	return o.Base
}

// parentPath strips the last element of a field path:
// "a[1].b" → "a[1]" → "a" → "".
func parentPath(f string) string {
	if i := strings.LastIndexAny(f, ".["); i >= 0 {
		return f[:i]
	}
	return ""
}

// normName is the form in which names and labels are compared: case
// folded, ё as е, inner space collapsed, quotes dropped.
func normName(s string) string {
	if len(s) > 4*model.MaxName {
		return "" // longer than any valid name: matches nothing
	}
	s = strings.ToLower(strings.Join(strings.Fields(s), " "))
	return strings.NewReplacer("ё", "е", "«", "", "»", "", "\"", "", "“", "", "”", "", "„", "").Replace(s)
}
