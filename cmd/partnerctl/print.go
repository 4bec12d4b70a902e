package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"slices"
	"strconv"
	"strings"
	"time"
	"unicode"

	"github.com/partnerdesk/partnerdesk/model"
	"github.com/partnerdesk/partnerdesk/model/store"
	"github.com/partnerdesk/partnerdesk/reports"
	"github.com/partnerdesk/partnerdesk/reports/layouts"
	"github.com/partnerdesk/partnerdesk/reports/pdf"
	"github.com/partnerdesk/partnerdesk/reports/printing"
)

var cmdPrint = &command{
	name: "print",
	args: "memorandum NUMBER | partner ID-or-TAXID | register [filters] [--layout NAME [--headers kk+ru] [--per-partner]] (--out FILE.pdf | --printer[=NAME] [--copies N]) [--lang ru|kk|ky|en] [--bilingual kk+ru|ky+ru] [--db FILE]",
	summary: "Make a PDF of an agreement's memorandum, a partner card, or the register of agreements " +
		"(filtered as with 'list agreements', on landscape pages) and write it to a file (--out), " +
		"print it (--printer: the default printer; --printer=NAME: another), or both.",
	flags: func(fs *flag.FlagSet, o *opts) {
		dbFlag(fs, o)
		todayFlag(fs, o)
		fs.StringVar(&o.out, "out", "", "the PDF file to write")
		fs.Var(&o.printer, "printer", "print on the default printer; --printer=NAME (with '=') prints on another, named as 'lpstat -e' lists them")
		fs.IntVar(&o.copies, "copies", 1, fmt.Sprintf("copies to print, 1 to %d (with --printer)", printing.MaxCopies))
		fs.StringVar(&o.lang, "lang", "ru", "language: ru, kk, ky or en")
		fs.StringVar(&o.bilingual, "bilingual", "", "memorandum in two columns: kk+ru or ky+ru")
		agreementFilterFlags(fs, o)
		layoutFlags(fs, o)
	},
	run: runPrint,
}

// printKinds are the documents print makes.
var printKinds = map[string]func(c *ctx, s *store.Store, o pdf.Options) (func(io.Writer) error, error){
	"memorandum": printMemo,
	"partner":    printPartner,
	"register":   printRegister,
}

func runPrint(c *ctx) error {
	if err := c.checkPrintArgs(); err != nil {
		return err
	}
	o, err := c.pdfOptions()
	if err != nil {
		return err
	}
	s, err := c.open(true)
	if err != nil {
		return err
	}
	defer s.Close()
	write, err := printKinds[c.args[0]](c, s, o)
	if err != nil {
		return err
	}
	if c.o.out == "" {
		return printTemp(c, s, write, o)
	}
	if err := pdf.WriteFile(s, c.o.out, write); err != nil {
		return err
	}
	if st, err := os.Stat(c.o.out); err == nil {
		fmt.Fprintf(c.out, "%s written (%d bytes)\n", c.o.out, st.Size())
	}
	if c.o.printer.set {
		return sendToPrinter(c, c.o.out, o)
	}
	return nil
}

// checkPrintArgs checks what print was asked: a known document with its
// arguments, somewhere for it to go, and flags that apply to it.
func (c *ctx) checkPrintArgs() error {
	if len(c.args) == 0 || printKinds[c.args[0]] == nil {
		return usagef("say what to print: memorandum NUMBER, partner ID-or-TAXID, or register")
	}
	if want := map[string]int{"memorandum": 2, "partner": 2, "register": 1}[c.args[0]]; len(c.args) != want {
		if c.o.printer.set && c.o.printer.name == "" && len(c.args) == want+1 {
			return usagef("print %s takes %d argument(s); to name a printer write --printer=%s (with '=')", c.args[0], want-1, c.args[want])
		}
		return usagef("print %s takes %d argument(s)", c.args[0], want-1)
	}
	if c.o.out == "" && !c.o.printer.set {
		return usagef("say where the document goes: --out FILE.pdf, --printer (the default printer), or both")
	}
	if c.o.copies < 1 || c.o.copies > printing.MaxCopies {
		return usagef("--copies must be 1 to %d", printing.MaxCopies)
	}
	if c.o.copies != 1 && !c.o.printer.set {
		return usagef("--copies applies to --printer")
	}
	if c.o.bilingual != "" && c.args[0] != "memorandum" {
		return usagef("--bilingual applies to memoranda only")
	}
	return nil
}

// pdfOptions turns the flags into document options. The PDF's creation
// date is now, or $SOURCE_DATE_EPOCH (seconds since 1970) for
// reproducible files.
func (c *ctx) pdfOptions() (pdf.Options, error) {
	today, err := c.today()
	if err != nil {
		return pdf.Options{}, err
	}
	if !slices.Contains(model.Languages, c.o.lang) {
		return pdf.Options{}, usagef("--lang must be one of %v", model.Languages)
	}
	if c.o.bilingual != "" && !slices.Contains(pdf.BilingualLayouts, c.o.bilingual) {
		return pdf.Options{}, usagef("--bilingual must be one of %v", pdf.BilingualLayouts)
	}
	o := pdf.Options{Lang: c.o.lang, Bilingual: c.o.bilingual, Today: today, Created: time.Now()}
	if v := os.Getenv("SOURCE_DATE_EPOCH"); v != "" {
		sec, err := strconv.ParseInt(v, 10, 64)
		if err != nil {
			return pdf.Options{}, usagef("SOURCE_DATE_EPOCH=%q is not a number of seconds", v)
		}
		o.Created = time.Unix(sec, 0).UTC()
	}
	return o, nil
}

func printMemo(c *ctx, s *store.Store, o pdf.Options) (func(io.Writer) error, error) {
	var d pdf.MemoData
	err := s.View(func(tx *store.Tx) (err error) { d, err = pdf.LoadMemo(tx, c.args[1]); return err })
	if errors.Is(err, store.ErrNotFound) {
		return nil, fmt.Errorf("no agreement has the number %q (see 'partnerctl list agreements')", c.args[1])
	}
	return func(w io.Writer) error { return pdf.Memorandum(w, &d, o) }, err
}

func printPartner(c *ctx, s *store.Store, o pdf.Options) (func(io.Writer) error, error) {
	var d pdf.PartnerData
	err := s.View(func(tx *store.Tx) error {
		id, err := resolvePartner(tx, c.args[1])
		if err != nil {
			return err
		}
		d, err = pdf.LoadPartner(tx, id)
		return err
	})
	return func(w io.Writer) error { return pdf.PartnerCard(w, &d, o) }, err
}

func printRegister(c *ctx, s *store.Store, o pdf.Options) (func(io.Writer) error, error) {
	if c.o.layout.name != layouts.Full {
		return printLayout(c, s, o)
	}
	if err := fullLayoutFlags(c); err != nil {
		return nil, err
	}
	rows, _, err := filterAgreements(c, s, o.Today)
	if err != nil {
		return nil, err
	}
	sums := make([]model.Summary, len(rows))
	for i, r := range rows {
		sums[i] = r.Summary
	}
	var d pdf.RegisterData
	err = s.View(func(tx *store.Tx) error {
		filter, err := filterText(c, tx, o.Lang)
		if err != nil {
			return err
		}
		d, err = pdf.LoadRegister(tx, sums, filter)
		return err
	})
	return func(w io.Writer) error { return pdf.Register(w, &d, o) }, err
}

// filterText describes the filter flags in lang, for the register's
// subtitle.
func filterText(c *ctx, tx *store.Tx, lang string) (string, error) {
	var parts []string
	// field is a column's name in lower case.
	field := func(key string) string {
		name := []rune(reports.T(lang, key, nil))
		name[0] = unicode.ToLower(name[0])
		return string(name)
	}
	// add says "field «value», «value»".
	add := func(key string, values ...string) {
		parts = append(parts, field(key)+" «"+strings.Join(values, "», «")+"»")
	}
	if c.o.status != "" {
		var labels []string
		for _, st := range strings.Split(c.o.status, ",") {
			labels = append(labels, reports.Label(lang, model.Status(st)))
		}
		add("pdf.col.status", labels...)
	}
	if c.o.expiring {
		add("pdf.col.status", reports.Label(lang, model.StatusExpiring), reports.Label(lang, model.StatusExpired))
	}
	if c.o.kind != "" {
		add("pdf.col.kind", reports.Label(lang, model.AgreementKind(c.o.kind)))
	}
	if c.o.category != "" {
		add("pdf.card.category", reports.Label(lang, model.Category(c.o.category)))
	}
	if c.o.partner != "" {
		id, err := resolvePartner(tx, c.o.partner)
		if err != nil {
			return "", err
		}
		p, err := tx.Partner(id)
		if err != nil {
			return "", err
		}
		parts = append(parts, field("pdf.col.partners")+": "+p.NameIn(lang))
	}
	if c.o.year != 0 {
		parts = append(parts, field("pdf.col.signed")+": "+strconv.Itoa(c.o.year))
	}
	if c.o.search != "" {
		parts = append(parts, "«"+c.o.search+"»")
	}
	return strings.Join(parts, "; "), nil
}
