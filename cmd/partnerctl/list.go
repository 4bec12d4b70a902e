package main

import (
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"slices"
	"strconv"
	"strings"

	"github.com/partnerdesk/partnerdesk/model"
	"github.com/partnerdesk/partnerdesk/model/store"
)

var cmdList = &command{
	name: "list", args: "partners|agreements [filters] [--format tsv|json] [--db FILE]",
	summary: "List partners or agreements, one per line, tab-separated, name or number first, no header (or a JSON array).",
	flags: func(fs *flag.FlagSet, o *opts) {
		dbFlag(fs, o)
		todayFlag(fs, o)
		fs.StringVar(&o.format, "format", "tsv", "output format: tsv or json")
		fs.StringVar(&o.relation, "relation", "", "partners: real or potential")
		fs.StringVar(&o.country, "country", "", "partners: country code, e.g. KZ")
		agreementFilterFlags(fs, o)
	},
	run: func(c *ctx) error {
		if len(c.args) != 1 || (c.args[0] != "partners" && c.args[0] != "agreements") {
			return usagef("say what to list: partners or agreements")
		}
		if c.o.format != "tsv" && c.o.format != "json" {
			return usagef("--format must be tsv or json")
		}
		s, err := c.open(true)
		if err != nil {
			return err
		}
		defer s.Close()
		if c.args[0] == "partners" {
			return listPartners(c, s)
		}
		return listAgreements(c, s)
	},
}

// agreementFilterFlags registers the flags that choose agreements (and,
// for list, partners: --search and --category).
func agreementFilterFlags(fs *flag.FlagSet, o *opts) {
	fs.StringVar(&o.search, "search", "", "only records containing every word of this text")
	fs.StringVar(&o.category, "category", "", "partner category code, e.g. professional")
	fs.StringVar(&o.status, "status", "", "agreements: status codes, comma-separated (draft,active,expiring,expired,terminated,renewed)")
	fs.StringVar(&o.kind, "kind", "", "agreements: kind code, e.g. practice_base")
	fs.StringVar(&o.partner, "partner", "", "agreements: with this partner (ID or tax ID)")
	fs.IntVar(&o.year, "year", 0, "agreements: signed in this year")
	fs.BoolVar(&o.expiring, "expiring", false, "agreements: only those expiring or expired")
}

// tsv writes one line of tab-separated fields; tabs and line breaks inside
// a field become spaces so each record stays on one line.
func tsv(w io.Writer, fields ...string) {
	for i, f := range fields {
		fields[i] = strings.Map(func(r rune) rune {
			if r == '\t' || r == '\n' || r == '\r' {
				return ' '
			}
			return r
		}, f)
	}
	fmt.Fprintln(w, strings.Join(fields, "\t"))
}

// matches reports whether every word of query occurs in one of the texts,
// ignoring case.
func matches(query string, texts ...string) bool {
	hay := strings.ToLower(strings.Join(texts, "\x00"))
	for _, w := range strings.Fields(strings.ToLower(query)) {
		if !strings.Contains(hay, w) {
			return false
		}
	}
	return true
}

type partnerRow struct {
	model.Partner
	Agreements int
}

// partnerWanted reports whether p passes the list's filters.
func (c *ctx) partnerWanted(p *model.Partner) bool {
	return (c.o.category == "" || string(p.Category) == c.o.category) &&
		(c.o.relation == "" || string(p.Relation) == c.o.relation) &&
		(c.o.country == "" || strings.EqualFold(p.Country, c.o.country)) &&
		matches(c.o.search, p.Name, p.ShortName, p.TaxID, p.City, p.Region, p.MainContact().Name)
}

func listPartners(c *ctx, s *store.Store) error {
	if c.o.category != "" && !model.Category(c.o.category).Valid() {
		return usagef("unknown category %q; use one of %v", c.o.category, model.Categories)
	}
	var rows []partnerRow
	err := s.View(func(tx *store.Tx) error {
		all, err := tx.Partners()
		if err != nil {
			return err
		}
		for _, p := range all {
			if !c.partnerWanted(&p) {
				continue
			}
			ids, err := tx.AgreementIDsOf(p.ID)
			if err != nil {
				return err
			}
			rows = append(rows, partnerRow{p, len(ids)})
		}
		return nil
	})
	if err != nil {
		return err
	}
	if c.o.format == "json" {
		out := make([]partnerJSON, len(rows))
		for i := range rows {
			out[i] = newPartnerJSON(&rows[i].Partner, rows[i].Agreements)
		}
		return writeJSON(c.out, out)
	}
	for _, r := range rows {
		tsv(c.out, r.Name, r.ShortName, r.Country, r.TaxID, string(r.Category), string(r.Relation), strconv.Itoa(r.Agreements), r.ID.String())
	}
	return nil
}

// agreementRow is a summary with what it is on the day listed.
type agreementRow struct {
	model.Summary
	Derived  model.Status
	Term     model.Term
	DaysLeft *int
	Partners []string
	Overdue  int
}

func listAgreements(c *ctx, s *store.Store) error {
	today, err := c.today()
	if err != nil {
		return err
	}
	rows, partners, err := filterAgreements(c, s, today)
	if err != nil {
		return err
	}
	if c.o.format == "json" {
		out := make([]agreementJSON, len(rows))
		for i := range rows {
			out[i] = newAgreementJSON(&rows[i], partners, today)
		}
		return writeJSON(c.out, out)
	}
	for _, r := range rows {
		days := ""
		if r.DaysLeft != nil {
			days = strconv.Itoa(*r.DaysLeft)
		}
		tsv(c.out, r.Number, string(r.Derived), r.SignedOn.String(), r.Term.Start.String(), r.Term.End.String(),
			days, string(r.Kind), r.Title, strings.Join(r.Partners, "; "), strconv.Itoa(len(r.OpenDue)), r.ID.String())
	}
	return nil
}

// filterAgreements returns the agreements that pass the filter flags, with
// their status on today, and the partners by ID.
func filterAgreements(c *ctx, s *store.Store, today model.Date) ([]agreementRow, map[model.ID]model.Partner, error) {
	statuses := strings.FieldsFunc(c.o.status, func(r rune) bool { return r == ',' })
	for _, st := range statuses {
		if !model.Status(st).Valid() {
			return nil, nil, usagef("unknown status %q; use %v", st, model.Statuses)
		}
	}
	in, err := s.Institution()
	if err != nil {
		return nil, nil, err
	}
	var rows []agreementRow
	names := map[model.ID]model.Partner{}
	err = s.View(func(tx *store.Tx) error {
		partnerFilter, err := resolvePartner(tx, c.o.partner)
		if err != nil {
			return err
		}
		all, err := tx.Partners()
		if err != nil {
			return err
		}
		for _, p := range all {
			names[p.ID] = p
		}
		sums, err := tx.Summaries()
		if err != nil {
			return err
		}
		for _, sm := range sums {
			term := sm.TermOn(today)
			row := agreementRow{Summary: sm, Term: term, Derived: model.DeriveStatus(sm.Status, term.End, today, in.Warning()), Overdue: sm.OverdueOn(today)}
			if d, ok := term.DaysLeftOn(today); ok {
				row.DaysLeft = &d
			}
			cats := []string{}
			for _, id := range sm.PartnerIDs {
				row.Partners = append(row.Partners, names[id].Name)
				cats = append(cats, string(names[id].Category))
			}
			if !keepAgreement(c, &row, statuses, partnerFilter, cats) {
				continue
			}
			rows = append(rows, row)
		}
		return nil
	})
	return rows, names, err
}

func keepAgreement(c *ctx, r *agreementRow, statuses []string, partner model.ID, cats []string) bool {
	switch {
	case len(statuses) > 0 && !slices.Contains(statuses, string(r.Derived)):
	case c.o.kind != "" && string(r.Kind) != c.o.kind:
	case partner != 0 && !slices.Contains(r.PartnerIDs, partner):
	case c.o.category != "" && !slices.Contains(cats, c.o.category):
	case c.o.year != 0 && r.SignedOn.Year() != c.o.year:
	case c.o.expiring && r.Derived != model.StatusExpiring && r.Derived != model.StatusExpired:
	case !matches(c.o.search, append([]string{r.Number, r.Title}, r.Partners...)...):
	default:
		return true
	}
	return false
}

// resolvePartner finds a partner by ID or by tax ID (in any country).
func resolvePartner(tx *store.Tx, ref string) (model.ID, error) {
	if ref == "" {
		return 0, nil
	}
	all, err := tx.Partners()
	if err != nil {
		return 0, err
	}
	for _, p := range all {
		if p.ID.String() == ref || (p.TaxID != "" && p.TaxID == ref) {
			return p.ID, nil
		}
	}
	return 0, fmt.Errorf("no partner has the ID or tax ID %q", ref)
}

func writeJSON(w io.Writer, v any) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	return enc.Encode(v)
}
