package interchange

import (
	"bytes"
	"encoding/json"
	"errors"
	"io"
	"io/fs"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/partnerdesk/partnerdesk/reports"

	"github.com/partnerdesk/partnerdesk/model"
)

// DefaultJSONLimit is the largest interchange file ReadJSON reads by
// default: about ten times the export of 50,000 agreements.
const DefaultJSONLimit = 512 << 20

// ReadJSON reads an interchange file into a Dataset. A file that is not
// one (too big, not UTF-8, not JSON, nested too deeply, another format or
// a newer version) is refused with a Problem error; problems with single
// records are listed in the Dataset. limit ≤ 0 means DefaultJSONLimit.
func ReadJSON(r io.Reader, source string, limit int64) (*Dataset, error) {
	if limit <= 0 {
		limit = DefaultJSONLimit
	}
	data, err := readAll(r, limit+1)
	if err != nil {
		return nil, err
	}
	if int64(len(data)) > limit {
		return nil, NewProblem(Loc{}, "xlsx.err.too_big", "Max", reports.FormatSize(limit))
	}
	if !utf8.Valid(data) {
		return nil, NewProblem(Loc{}, "xlsx.err.utf8", "Offset", strconv.Itoa(invalidUTF8At(data)))
	}
	// The document is decoded once; the head is looked at on its own only
	// when that fails, so that another format or a newer version is named
	// before any error inside it.
	var doc Document
	docErr := decodeDocument(data, &doc)
	head := struct {
		Format  string `json:"format"`
		Version int    `json:"version"`
	}{doc.Format, doc.Version}
	if docErr != nil {
		if err := json.Unmarshal(data, &head); err != nil {
			return nil, jsonProblem(err)
		}
	}
	if head.Format != FormatName {
		return nil, NewProblem(Loc{Path: "format"}, "xlsx.err.json_format")
	}
	if head.Version < 1 || head.Version > FormatVersion {
		return nil, NewProblem(Loc{Path: "version"}, "xlsx.err.json_version", "Version", strconv.Itoa(head.Version), "Max", strconv.Itoa(FormatVersion))
	}
	if docErr != nil {
		return nil, jsonProblem(docErr)
	}
	return DatasetOf(&doc, source), nil
}

// readAll reads at most n bytes of r. A file's buffer is made its size at
// once: growing it from nothing while reading 250 MiB cost a second of
// copying and twice the memory.
func readAll(r io.Reader, n int64) ([]byte, error) {
	st, ok := r.(interface{ Stat() (fs.FileInfo, error) })
	if !ok {
		return io.ReadAll(io.LimitReader(r, n))
	}
	info, err := st.Stat()
	if err != nil || !info.Mode().IsRegular() {
		return io.ReadAll(io.LimitReader(r, n))
	}
	buf := bytes.NewBuffer(make([]byte, 0, min(info.Size(), n)+512))
	_, err = buf.ReadFrom(io.LimitReader(r, n))
	return buf.Bytes(), err
}

func invalidUTF8At(b []byte) int {
	for i := 0; i < len(b); {
		r, n := utf8.DecodeRune(b[i:])
		if r == utf8.RuneError && n <= 1 {
			return i
		}
		i += n
	}
	return len(b)
}

// jsonProblem explains a decoding error.
func jsonProblem(err error) error {
	var syn *json.SyntaxError
	var typ *json.UnmarshalTypeError
	switch {
	case errors.As(err, &syn) && strings.Contains(syn.Error(), "exceeded max depth"):
		return NewProblem(Loc{}, "xlsx.err.json_depth")
	case errors.As(err, &syn):
		return NewProblem(Loc{}, "xlsx.err.json_syntax", "Offset", strconv.FormatInt(syn.Offset, 10))
	case errors.As(err, &typ):
		return NewProblem(Loc{Path: typ.Field}, "xlsx.err.json_type", "Want", typ.Type.String(), "Got", typ.Value)
	}
	return NewProblem(Loc{}, "xlsx.err.json_syntax", "Offset", "?")
}

// DatasetOf converts a decoded interchange document.
func DatasetOf(doc *Document, source string) *Dataset {
	d := &Dataset{Source: source}
	if in := doc.Institution; in != nil {
		d.Institution = &model.Institution{
			Names: in.Names, ShortName: in.ShortName, Address: in.Address.StreetAddress, Country: in.Address.CountryCode,
			Department: in.Department, Signatory: in.Signatory, City: in.City, NumberPattern: in.NumberPattern,
			WarningDays: in.WarningDays, Logo: in.Logo,
		}
		if in.Identifier != nil {
			d.Institution.TaxID = in.Identifier.ID
		}
	}
	cr := &contractReader{parties: map[string]int{}, problems: &d.Problems}
	for i := range doc.Parties {
		p := &doc.Parties[i]
		if _, dup := cr.parties[p.ID]; dup || p.ID == jsonInstitution || p.ID == jsonJoint {
			d.Problems = append(d.Problems, Problem{Loc: Loc{Path: "parties[" + strconv.Itoa(i) + "].id"}, Value: Shorten(p.ID), Key: "xlsx.err.json_party_id"})
			d.Partners = append(d.Partners, &PartnerRecord{Partner: partnerOf(p), Origin: partyOrigin(i), Bad: true})
			continue
		}
		cr.parties[p.ID] = i
		d.Partners = append(d.Partners, &PartnerRecord{Partner: partnerOf(p), Origin: partyOrigin(i)})
	}
	for i := range doc.Contracts {
		d.Agreements = append(d.Agreements, cr.agreement(i, &doc.Contracts[i]))
	}
	for i := range doc.Diagnostics {
		d.Rounds = append(d.Rounds, roundRecordOf(i, &doc.Diagnostics[i], &d.Problems))
	}
	return d
}

func partyOrigin(i int) Origin {
	return &pathOrigin{prefix: "parties[" + strconv.Itoa(i) + "]", names: partyPaths}
}

func partnerOf(p *Party) model.Partner {
	out := model.Partner{
		Name: p.Name, ShortName: p.ShortName, Names: p.Names, Country: p.Address.CountryCode, Region: p.Address.Region,
		City: p.Address.Locality, Address: p.Address.StreetAddress, Website: p.Website,
		Category: model.Category(p.Details.Category), SubKind: model.SubKind(p.Details.SubKind), Relation: model.Relation(p.Details.Relation),
		Signatory: p.Signatory, Notes: p.Notes, Tags: p.Tags,
	}
	if p.Identifier != nil {
		out.TaxID = p.Identifier.ID
	}
	for _, c := range p.ContactPoints {
		out.Contacts = append(out.Contacts, model.Contact{Name: c.Name, Position: c.Position, Phone: c.Telephone, Email: c.Email, Notes: c.Notes})
	}
	return out
}

// pathOrigin locates model fields of a record read from JSON by their
// path in the document.
type pathOrigin struct {
	prefix string
	names  map[string]string // model field (or list.field) → JSON name
}

// institutionOrigin locates the institution's fields.
func institutionOrigin() Origin { return &pathOrigin{prefix: "institution", names: institutionPaths} }

// Locate maps a model field path such as "responsibilities[1].due" to
// the JSON path "contracts[3].milestones[1].dueDate".
func (o *pathOrigin) Locate(field string) Loc {
	if field == "" {
		return Loc{Path: o.prefix}
	}
	head, rest, _ := strings.Cut(field, ".")
	name, index := head, ""
	if i := strings.IndexByte(head, '['); i >= 0 {
		name, index = head[:i], head[i:]
	}
	path := o.prefix + "." + o.rename(name) + index
	if rest != "" {
		if sub, ok := o.names[name+"."+rest]; ok {
			rest = sub
		}
		path += "." + rest
	}
	return Loc{Path: path}
}

func (o *pathOrigin) rename(name string) string {
	if n, ok := o.names[name]; ok {
		return n
	}
	return name
}

var partyPaths = map[string]string{
	"short_name": "shortName", "country": "address.countryCode", "region": "address.region", "city": "address.locality",
	"address": "address.streetAddress", "tax_id": "identifier.id", "category": "details.category", "sub_kind": "details.subKind",
	"relation": "details.relation", "contacts": "contactPoints", "contacts.phone": "telephone",
}

var contractPaths = map[string]string{
	"number": "id", "subject": "description", "partner_ids": "parties", "signed_on": "dateSigned",
	"valid_from": "period.startDate", "valid_until": "period.endDate", "auto_renew": "renewal.automatic",
	"renewal_months": "renewal.termMonths", "terminated_on": "amendments", "termination_reason": "amendments",
	"predecessor_id": "relatedProcesses", "successor_id": "relatedProcesses", "practice_places": "practicePlaces",
	"attachments": "documents", "responsibilities": "milestones", "responsibilities.description": "title",
	"responsibilities.due": "dueDate", "responsibilities.completed_on": "dateMet", "resources.value": "value.amount",
	"resources.currency": "value.currency", "coordinators.phone": "telephone",
	"outcomes.placed_for_practice": "placedForPractice", "outcomes.retained_after_12m": "retainedAfter12Months",
	"outcomes.assessed_by_employer": "assessedByEmployer", "outcomes.events_held": "eventsHeld",
}

var institutionPaths = map[string]string{
	"short_name": "shortName", "tax_id": "identifier.id", "country": "address.countryCode", "address": "address.streetAddress",
	"number_pattern": "numberPattern", "warning_days": "warningDays",
}

// jsonBytes is used by tests and fuzzing: it reads an interchange file
// from memory.
func jsonBytes(b []byte) (*Dataset, error) { return ReadJSON(bytes.NewReader(b), "", 0) }
