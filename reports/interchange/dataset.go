package interchange

import (
	"strconv"
	"strings"
	"unicode"

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
	// Rejected lists names (as the file writes them) whose match with a
	// partner of the data file by name the user rejected: they are
	// created as new partners.
	Rejected []string
}

// Room is about how many bytes the dataset's records take in a data file
// (a generous 8 KiB an agreement with its history and indexes, 2 KiB a
// partner): for store.Options.Room when it is imported in one transaction.
func (d *Dataset) Room() int64 {
	return int64(len(d.Agreements))<<13 + int64(len(d.Partners))<<11
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
	SubKind  model.SubKind
	// Guess says how Category was inferred, when the file did not give
	// it: the word of the name or the section title it went by, or "—"
	// for the user's default. A partner created from such a reference is
	// marked for review.
	Guess  string
	Loc    Loc // where the partner is named
	TaxLoc Loc // where its tax ID is, if apart
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
	// cols are the cells recorded by SetCell: a register's reader records
	// tens of fields for each of hundreds of thousands of rows, which
	// weighed more in maps of whole locations than the records did.
	cols []cellRef
}

// cellRef is a field read from a column's cell in a row or, with cells,
// the fields field+suffix read from that row's cells.
type cellRef struct {
	field string
	col   *Loc // the column: sheet, letter, header
	cells RowCells
	row   int
}

// RowCells maps the last part of field paths to the columns they are read
// from, for the rows of one sheet.
type RowCells map[string]*Loc

// NewCellOrigin returns a CellOrigin based on a record's row with room for
// n cells recorded by SetCell and SetRow (growing it cell by cell left half
// of it unused, over hundreds of thousands of records).
func NewCellOrigin(base Loc, n int) *CellOrigin {
	return &CellOrigin{Base: base, cols: make([]cellRef, 0, n)}
}

// Set records where field came from.
func (o *CellOrigin) Set(field string, l Loc) {
	if o.Cells == nil {
		o.Cells = map[string]Loc{}
	}
	o.Cells[field] = l
}

// SetCell records that field came from the given row of the column col
// (a location without a row, shared by the column's cells). It is Set
// without a location per cell.
func (o *CellOrigin) SetCell(field string, col *Loc, row int) {
	o.cols = append(o.cols, cellRef{field: field, col: col, row: row})
}

// SetRow records that the fields prefix+suffix, for each suffix of cells
// (which may be filled in later), came from the given row: one entry for
// a row of a detail sheet instead of one per cell.
func (o *CellOrigin) SetRow(prefix string, cells RowCells, row int) {
	o.cols = append(o.cols, cellRef{field: prefix, cells: cells, row: row})
}

// Locate returns the cell of field or of its nearest parent.
func (o *CellOrigin) Locate(field string) Loc {
	for f := field; f != ""; f = parentPath(f) {
		for i := len(o.cols) - 1; i >= 0; i-- { // the last recorded wins
			c := o.cols[i]
			col := c.col
			switch {
			case c.cells != nil && strings.HasPrefix(f, c.field):
				col = c.cells[f[len(c.field):]]
			case c.cells != nil || c.field != f:
				col = nil
			}
			if col != nil {
				l := *col
				l.Row = c.row
				return l
			}
		}
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

// legalForms are the legal forms dropped from names before they are
// compared, whole words, in Russian, Kazakh, Kyrgyz and English.
var legalForms = map[string]bool{
	"тоо": true, "жшс": true, "ао": true, "ақ": true, "ак": true, "оао": true, "зао": true, "пао": true, "ооо": true, "осоо": true,
	"жчк": true, "аак": true, "ип": true, "жк": true, "чп": true, "нао": true, "кеак": true, "гу": true, "кгу": true, "ргу": true,
	"мм": true, "кмм": true, "ргп": true, "гккп": true, "кгп": true, "кгкп": true, "мкқк": true, "кмқк": true, "ршж": true, "пхв": true,
	"оо": true, "оф": true, "қб": true, "ққ": true, "llp": true, "llc": true, "jsc": true, "ltd": true, "inc": true, "gmbh": true,
}

// longLegalForms are legal forms written out; they are dropped too.
var longLegalForms = []string{
	"товарищество с ограниченной ответственностью", "общество с ограниченной ответственностью", "акционерное общество",
	"жауапкершілігі шектеулі серіктестігі", "жауапкершілігі шектеулі серіктестік", "акционерлік қоғамы", "акционерлік қоғам",
	"жоопкерчилиги чектелген коому", "акционердик коому", "индивидуальный предприниматель", "жеке кәсіпкер",
	"коммунальное государственное учреждение", "государственное учреждение", "коммунальное государственное казенное предприятие",
	"республиканское государственное предприятие на праве хозяйственного ведения", "limited liability partnership",
}

// lookAlikes maps Latin letters that look like Cyrillic ones, typed by
// mistake inside Cyrillic words, to those.
var lookAlikes = strings.NewReplacer("a", "а", "c", "с", "e", "е", "o", "о", "p", "р", "x", "х", "y", "у", "k", "к", "m", "м", "t", "т", "h", "н", "b", "в", "i", "і")

// normName is the form in which names and labels are compared: case
// folded, ё as е, quotes and punctuation dropped, inner space collapsed,
// legal forms dropped (ТОО, ЖШС, АО, ОсОО, LLP …), and Latin look-alike
// letters inside Cyrillic words read as Cyrillic.
func normName(s string) string { return normNameForms(s, true) }

// strictName is normName keeping the legal forms: "Silk Road Logistics
// Ltd" and "Silk Road Logistics LLP" are two partners when both exist.
func strictName(s string) string {
	if n := normNameForms(s, false); n != "" {
		return "=" + n
	}
	return ""
}

// paddedLegalForms are longLegalForms with a space each side, made once
// (names are normalised for every row of a register).
var paddedLegalForms = func() []string {
	out := make([]string, len(longLegalForms))
	for i, f := range longLegalForms {
		out[i] = " " + f + " "
	}
	return out
}()

func normNameForms(s string, dropForms bool) string {
	if len(s) > 4*model.MaxName {
		return "" // longer than any valid name: matches nothing
	}
	s = strings.ToLower(s)
	s = strings.Map(func(r rune) rune {
		switch {
		case r == 'ё':
			return 'е'
		case unicode.IsLetter(r) || unicode.IsDigit(r):
			return r
		}
		return ' '
	}, s)
	s = " " + strings.Join(strings.Fields(s), " ") + " "
	if dropForms {
		for _, f := range paddedLegalForms {
			s = strings.ReplaceAll(s, f, " ")
		}
	}
	words := strings.Fields(s)
	out := words[:0]
	for _, w := range words {
		if hasCyrillic(w) {
			w = lookAlikes.Replace(w)
		}
		if dropForms && legalForms[w] && len(words) > 1 {
			continue
		}
		out = append(out, w)
	}
	return strings.Join(out, " ")
}

func hasCyrillic(w string) bool {
	for _, r := range w {
		if unicode.Is(unicode.Cyrillic, r) {
			return true
		}
	}
	return false
}
