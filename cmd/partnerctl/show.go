package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"strings"

	"github.com/partnerdesk/partnerdesk/model"
	"github.com/partnerdesk/partnerdesk/model/store"
)

var cmdShow = &command{
	name: "show", args: "NUMBER | partner ID-or-TAXID [--format text|json] [--db FILE]",
	summary: "Show one agreement (by number) or one partner in full.",
	flags: func(fs *flag.FlagSet, o *opts) {
		dbFlag(fs, o)
		todayFlag(fs, o)
		fs.StringVar(&o.format, "format", "text", "output format: text or json")
	},
	run: func(c *ctx) error {
		if c.o.format != "text" && c.o.format != "json" {
			return usagef("--format must be text or json")
		}
		switch {
		case len(c.args) == 2 && c.args[0] == "partner":
		case len(c.args) == 1:
		default:
			return usagef("give an agreement number, or 'partner' and an ID or tax ID")
		}
		s, err := c.open(true)
		if err != nil {
			return err
		}
		defer s.Close()
		today, err := c.today()
		if err != nil {
			return err
		}
		if len(c.args) == 2 {
			return showPartner(c, s, c.args[1])
		}
		return showAgreement(c, s, c.args[0], today)
	},
}

func showPartner(c *ctx, s *store.Store, ref string) error {
	var p model.Partner
	var numbers []string
	err := s.View(func(tx *store.Tx) error {
		id, err := resolvePartner(tx, ref)
		if err != nil {
			return err
		}
		if p, err = tx.Partner(id); err != nil {
			return err
		}
		ids, err := tx.AgreementIDsOf(id)
		for _, aid := range ids {
			a, err := tx.Agreement(aid)
			if err != nil {
				return err
			}
			numbers = append(numbers, a.Number)
		}
		return err
	})
	if err != nil {
		return err
	}
	if c.o.format == "json" {
		return writeJSON(c.out, p)
	}
	w := c.out
	line(w, "Name", p.Name)
	line(w, "Short name", p.ShortName)
	line(w, "Country", p.Country)
	line(w, "Region", strings.TrimSpace(p.Region+" "+p.City))
	line(w, "Address", p.Address)
	line(w, "Tax ID", p.TaxID)
	line(w, "Category", string(p.Category)+" / "+string(p.SubKind)+" ("+string(p.Sector())+")")
	line(w, "Relation", string(p.Relation))
	line(w, "Signatory", strings.TrimSpace(p.Signatory.Name+", "+p.Signatory.Position))
	for _, ct := range p.Contacts {
		line(w, "Contact", strings.Join(nonEmpty(ct.Name, ct.Position, ct.Phone, ct.Email), ", "))
	}
	line(w, "Agreements", strings.Join(numbers, ", "))
	line(w, "Notes", p.Notes)
	return nil
}

func showAgreement(c *ctx, s *store.Store, number string, today model.Date) error {
	a, err := s.AgreementByNumber(number)
	if errors.Is(err, store.ErrNotFound) {
		return fmt.Errorf("no agreement has the number %q (see 'partnerctl list agreements')", number)
	}
	if err != nil {
		return err
	}
	in, err := s.Institution()
	if err != nil {
		return err
	}
	if c.o.format == "json" {
		return writeJSON(c.out, newAgreementShowJSON(&a, today, in.Warning()))
	}
	w := c.out
	line(w, "Number", a.Number)
	line(w, "Title", a.Title)
	line(w, "Kind", string(a.Kind))
	line(w, "Status", fmt.Sprintf("%s (stored: %s)", a.StatusOn(today, in.Warning()), a.Status))
	for _, id := range a.PartnerIDs {
		p, err := s.Partner(id)
		if err != nil {
			return err
		}
		line(w, "Partner", fmt.Sprintf("%s (%s %s)", p.Name, p.Country, p.TaxID))
	}
	line(w, "Signed on", a.SignedOn.String())
	line(w, "Term", termText(&a, today))
	if d, ok := a.DaysLeft(today); ok {
		line(w, "Days left", fmt.Sprint(d))
	}
	line(w, "Subject", a.Subject)
	fmt.Fprintln(w, "Responsibilities:")
	for _, r := range a.Responsibilities {
		fmt.Fprintf(w, "  [%s] %s — %s (due %s)\n", r.StatusOn(today), r.Party, r.Description, r.Due)
	}
	fmt.Fprintln(w, "Principles:")
	for _, pa := range a.Principles {
		fmt.Fprintf(w, "  %-16s %s\n", pa.Principle, pa.Assessment)
	}
	fmt.Fprintln(w, "Outcomes:")
	for _, o := range a.Outcomes {
		pct := "–"
		if v, ok := o.EmploymentPercent(); ok {
			pct = fmt.Sprintf("%.1f%%", v)
		}
		fmt.Fprintf(w, "  %s: placed %d, graduates %d, employed %d (%s), retained %d\n",
			o.AcademicYear(), o.PlacedForPractice, o.Graduates, o.Employed, pct, o.RetainedAfter12M)
	}
	for _, att := range a.Attachments {
		line(w, "Attachment", fmt.Sprintf("%s (%d bytes, sha256 %s)", att.Name, att.Size, att.SHA256[:12]))
	}
	return nil
}

// termText is the current term, with how it renews and, once renewed,
// the term as signed.
func termText(a *model.Agreement, today model.Date) string {
	t := a.TermOn(today)
	end := t.End.String()
	if t.End.IsZero() {
		end = "open-ended"
	}
	text := t.Start.String() + " – " + end
	if a.AutoRenew {
		text += fmt.Sprintf(", renews itself every %d months", a.RenewalMonths)
	}
	if t.Renewed() {
		text += fmt.Sprintf(" (renewed %d times; signed for %s – %s)", t.Renewals, a.ValidFrom, t.OriginalEnd)
	}
	return text
}

func line(w io.Writer, label, value string) {
	if value != "" {
		fmt.Fprintf(w, "%-12s %s\n", label+":", value)
	}
}

func nonEmpty(list ...string) []string {
	var out []string
	for _, s := range list {
		if s != "" {
			out = append(out, s)
		}
	}
	return out
}
