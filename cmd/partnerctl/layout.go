package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"strings"
	"time"

	"github.com/partnerdesk/partnerdesk/model"
	"github.com/partnerdesk/partnerdesk/model/store"
	"github.com/partnerdesk/partnerdesk/reports/excel"
	"github.com/partnerdesk/partnerdesk/reports/layouts"
	"github.com/partnerdesk/partnerdesk/reports/pdf"
)

// layoutOpts are the flags of register layouts.
type layoutOpts struct {
	name, headers, columns, kinds string
	perPartner, joined            bool
}

// layoutFlags registers the flags that choose a register's layout.
func layoutFlags(fs *flag.FlagSet, o *opts) {
	fs.StringVar(&o.layout.name, "layout", "full", "register: full, practice-bases, dual-training, memoranda, or a layout saved with 'partnerctl layout save'")
	fs.StringVar(&o.layout.headers, "headers", "", "register layouts: header languages kk+ru, ky+ru, kk+ru+en or ky+ru+en (default: --lang)")
	fs.BoolVar(&o.layout.perPartner, "per-partner", false, "register layouts: one row per partner instead of the partners joined with '; '")
	fs.BoolVar(&o.layout.joined, "joined", false, "register layouts: the partners joined with '; ' even where the saved layout has one row per partner")
}

var cmdLayout = &command{
	name: "layout", args: "list | save NAME --columns C,… [--per-partner] [--kinds K,…] | delete NAME [--db FILE]",
	summary: "List the register layouts, or save or delete a layout of your own (columns in your order) for 'export register --layout'.",
	flags: func(fs *flag.FlagSet, o *opts) {
		dbFlag(fs, o)
		fs.StringVar(&o.layout.columns, "columns", "", "save: the columns in order, comma-separated: "+strings.Join(model.LayoutColumns, ","))
		fs.StringVar(&o.layout.kinds, "kinds", "", "save: only agreements of these kinds, comma-separated (default: all)")
		fs.BoolVar(&o.layout.perPartner, "per-partner", false, "save: one row per partner")
	},
	run: runLayout,
}

func runLayout(c *ctx) error {
	want := map[string]int{"list": 1, "save": 2, "delete": 2}
	if len(c.args) == 0 || want[c.args[0]] != len(c.args) {
		return usagef("say list, save NAME or delete NAME")
	}
	s, err := c.open(c.args[0] == "list")
	if err != nil {
		return err
	}
	defer s.Close()
	switch c.args[0] {
	case "save":
		l := model.RegisterLayout{Name: c.args[1], Columns: splitList(c.o.layout.columns), PerPartner: c.o.layout.perPartner}
		for _, k := range splitList(c.o.layout.kinds) {
			l.Kinds = append(l.Kinds, model.AgreementKind(k))
		}
		if err := s.SaveRegisterLayout(l); err != nil {
			return err
		}
		fmt.Fprintf(c.out, "layout %q saved: %s\n", l.Name, strings.Join(l.Columns, ", "))
		return nil
	case "delete":
		return s.DeleteRegisterLayout(c.args[1])
	}
	saved, err := s.RegisterLayouts()
	if err != nil {
		return err
	}
	for _, l := range append([]model.RegisterLayout{{Name: layouts.Full}}, append(layouts.Presets(), saved...)...) {
		fmt.Fprintf(c.out, "%-16s %s\n", l.Name, layouts.Describe("en", l))
	}
	return nil
}

// layoutOptions turns the flags into the options of a register layout.
func layoutOptions(c *ctx, lang string, from, to model.Date, statuses []model.Status, cats []model.Category) (layouts.Options, error) {
	o := layouts.Options{Langs: []string{lang}, From: from, To: to, Statuses: statuses, Categories: cats}
	if h := c.o.layout.headers; h != "" {
		langs, ok := layouts.ParseLangs(h)
		if !ok {
			return o, usagef("--headers must be a language or one of %v", layouts.Bilingual)
		}
		o.Langs = langs
	}
	if c.o.layout.perPartner && c.o.layout.joined {
		return o, usagef("choose --per-partner or --joined, not both")
	}
	if c.o.layout.perPartner || c.o.layout.joined {
		v := c.o.layout.perPartner
		o.PerPartner = &v
	}
	var err error
	o.Today, err = c.today()
	return o, err
}

// fullLayoutFlags refuses the layout flags with the full register, which
// has its own fixed headers and one row per agreement.
func fullLayoutFlags(c *ctx) error {
	if c.o.layout.headers != "" || c.o.layout.perPartner || c.o.layout.joined {
		return usagef("--headers, --per-partner and --joined apply to the printable layouts (--layout practice-bases, dual-training, memoranda or a saved one), not to the full register")
	}
	return nil
}

// findLayout returns the layout the --layout flag names.
func findLayout(s *store.Store, name string) (model.RegisterLayout, error) {
	saved, err := s.RegisterLayouts()
	if err != nil {
		return model.RegisterLayout{}, err
	}
	l, err := layouts.Find(saved, name)
	if err != nil {
		return l, usagef("%v: use one of %v", err, layouts.Names(saved))
	}
	return l, nil
}

// exportLayout writes the register in the layout --layout names.
func exportLayout(c *ctx, xo excel.Options) error {
	o, err := layoutOptions(c, xo.Lang, xo.From, xo.To, xo.Statuses, xo.Categories)
	if err != nil {
		return err
	}
	s, err := c.open(true)
	if err != nil {
		return err
	}
	defer s.Close()
	l, err := findLayout(s, c.o.layout.name)
	if err != nil {
		return err
	}
	start := time.Now()
	if err := excel.WriteLayout(context.Background(), s, c.o.xfer.out, l, o); err != nil {
		return err
	}
	fmt.Fprintf(c.out, "register (%s) written to %s: %s, in %.1f s\n", l.Name, c.o.xfer.out, fileSize(c.o.xfer.out), time.Since(start).Seconds())
	return nil
}

// printLayout prints the agreements the filter flags choose in the layout
// --layout names.
func printLayout(c *ctx, s *store.Store, po pdf.Options) (func(io.Writer) error, error) {
	rows, _, err := filterAgreements(c, s, po.Today)
	if err != nil {
		return nil, err
	}
	o, err := layoutOptions(c, po.Lang, 0, 0, nil, nil)
	if err != nil {
		return nil, err
	}
	o.Only = map[model.ID]bool{}
	for _, r := range rows {
		o.Only[r.Summary.ID] = true
	}
	l, err := findLayout(s, c.o.layout.name)
	if err != nil {
		return nil, err
	}
	t, err := layouts.Build(context.Background(), s, l, o)
	return func(w io.Writer) error { return pdf.LayoutRegister(w, t, po) }, err
}
