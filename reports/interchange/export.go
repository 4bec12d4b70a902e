package interchange

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"io"
	"strconv"
	"time"

	"github.com/partnerdesk/partnerdesk/model"
	"github.com/partnerdesk/partnerdesk/model/store"
)

// ExportOptions adjust ExportJSON.
type ExportOptions struct {
	// Exported is the time stamp written into the file; default now.
	Exported time.Time
	// Progress, when not nil, is called with the agreements written so far.
	Progress func(done, total int)
	// Today is the day each contract's informative currentTerm is worked
	// out for; default the current date.
	Today model.Date
}

// WriteJSONFile writes the whole data set to path in the interchange
// format: to a temporary file in the same folder, renamed over path once
// complete. Its mode is 0600, as the data file's: it holds the whole data
// set, the partners' contacts included. It refuses the data file itself as
// path.
func WriteJSONFile(ctx context.Context, s *store.Store, path string, opts ExportOptions) error {
	if err := s.CheckTarget(path); err != nil {
		return err
	}
	return store.WriteFileAtomic(path, 0o600, func(w io.Writer) error { return ExportJSON(ctx, s, w, opts) })
}

// ExportJSON writes the whole data set to w in the interchange format,
// one agreement at a time, inside one read transaction.
func ExportJSON(ctx context.Context, s *store.Store, w io.Writer, opts ExportOptions) error {
	if opts.Exported.IsZero() {
		opts.Exported = time.Now()
	}
	if opts.Today.IsZero() {
		opts.Today = model.Today()
	}
	return s.View(func(tx *store.Tx) error {
		in, err := tx.Institution()
		if err != nil {
			return err
		}
		partners, err := tx.Partners()
		if err != nil {
			return err
		}
		sums, err := tx.Summaries()
		if err != nil {
			return err
		}
		bw := bufio.NewWriterSize(w, 64<<10)
		x := &jsonWriter{w: bw, partyIDs: map[model.ID]string{}, numbers: map[model.ID]string{}}
		for _, sm := range sums {
			x.numbers[sm.ID] = sm.Number
		}
		x.head(opts.Exported, &in)
		x.raw("  \"parties\": [")
		for i := range partners {
			p := PartyOf(&partners[i])
			x.partyIDs[partners[i].ID] = p.ID
			x.item(i, p)
		}
		x.raw("\n  ],\n  \"contracts\": [")
		n := 0
		err = tx.ForEachAgreement(func(a *model.Agreement) error {
			c := ContractOf(a, x.partyIDs, x.numbers)
			t := a.TermOn(opts.Today)
			c.CurrentTerm = &CurrentTerm{AsOf: opts.Today.ISO(), StartDate: t.Start.ISO(), EndDate: t.End.ISO(), Renewals: t.Renewals}
			x.item(n, c)
			n++
			if opts.Progress != nil && (n%256 == 0 || n == len(sums)) {
				opts.Progress(n, len(sums))
			}
			if x.err != nil {
				return x.err
			}
			return ctx.Err()
		})
		if err != nil {
			return err
		}
		x.raw("\n  ]")
		if err := x.writeRounds(tx); err != nil {
			return err
		}
		x.raw("\n}\n")
		if x.err != nil {
			return x.err
		}
		return bw.Flush()
	})
}

type jsonWriter struct {
	w        *bufio.Writer
	err      error
	partyIDs map[model.ID]string
	numbers  map[model.ID]string
}

func (x *jsonWriter) raw(s string) {
	if x.err == nil {
		_, x.err = x.w.WriteString(s)
	}
}

// value writes v as indented JSON at the given depth, without HTML escaping.
func (x *jsonWriter) value(v any, indent string) {
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	enc.SetIndent(indent, "  ")
	if err := enc.Encode(v); err != nil && x.err == nil {
		x.err = err
	}
	x.raw(string(bytes.TrimRight(b.Bytes(), "\n")))
}

func (x *jsonWriter) item(i int, v any) {
	if i > 0 {
		x.raw(",")
	}
	x.raw("\n    ")
	x.value(v, "    ")
}

func (x *jsonWriter) head(at time.Time, in *model.Institution) {
	x.raw("{\n  \"format\": \"" + FormatName + "\",\n  \"version\": " + strconv.Itoa(FormatVersion) + ",\n  \"exported\": ")
	x.value(at.UTC().Truncate(time.Second), "  ")
	x.raw(",\n  \"generator\": \"PartnerDesk\",\n")
	if !in.IsZero() {
		x.raw("  \"institution\": ")
		x.value(InstitutionOf(in), "  ")
		x.raw(",\n")
	}
}

// InstitutionOf converts the institution's settings to the interchange form.
func InstitutionOf(in *model.Institution) *JSONInstitution {
	return &JSONInstitution{
		Names: in.Names, ShortName: in.ShortName, Identifier: identifierOf(in.Country, in.TaxID),
		Address: Address{StreetAddress: in.Address, CountryCode: in.Country}, Department: in.Department,
		Signatory: in.Signatory, City: in.City, NumberPattern: in.NumberPattern, WarningDays: in.WarningDays, Logo: in.Logo,
	}
}

func identifierOf(country, taxID string) *Identifier {
	if taxID == "" {
		return nil
	}
	return &Identifier{Scheme: taxScheme(country), ID: taxID}
}

// taxScheme names the identifier scheme of a country's tax numbers, in
// the style of org-id.guide.
func taxScheme(country string) string {
	switch country {
	case "KZ":
		return "KZ-BIN"
	case "KG":
		return "KG-INN"
	}
	return country + "-TAX"
}

// PartyID is the party's id in an interchange file: its scheme and tax
// number when it has one (stable across data files), else P and its ID.
func PartyID(p *model.Partner) string {
	if p.TaxID != "" {
		return taxScheme(p.Country) + "-" + p.TaxID
	}
	return "P" + p.ID.String()
}

// PartyOf converts a partner to the interchange form.
func PartyOf(p *model.Partner) Party {
	out := Party{
		ID: PartyID(p), Roles: []string{"partner"}, Name: p.Name, ShortName: p.ShortName, Names: p.Names,
		Identifier: identifierOf(p.Country, p.TaxID),
		Address:    Address{StreetAddress: p.Address, Locality: p.City, Region: p.Region, CountryCode: p.Country},
		Website:    p.Website,
		Details:    PartyDetails{Category: string(p.Category), SubKind: string(p.SubKind), Relation: string(p.Relation), Sector: string(p.Sector())},
		Signatory:  p.Signatory, Notes: p.Notes, Tags: p.Tags, Created: p.Created, Updated: p.Updated,
	}
	for _, c := range p.Contacts {
		out.ContactPoints = append(out.ContactPoints, ContactPoint{Name: c.Name, Position: c.Position, Telephone: c.Phone, Email: c.Email, Notes: c.Notes})
	}
	return out
}
