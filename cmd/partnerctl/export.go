package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"os"
	"slices"
	"strings"
	"time"

	"github.com/partnerdesk/partnerdesk/reports"

	"github.com/partnerdesk/partnerdesk/model"
	"github.com/partnerdesk/partnerdesk/reports/excel"
	"github.com/partnerdesk/partnerdesk/reports/interchange"
	"github.com/partnerdesk/partnerdesk/reports/layouts"
)

// xferOpts are the flags of export, import and merge.
type xferOpts struct {
	out, lang, from, to, sheet string
	statuses, categories       string
	dryRun, skipInvalid        bool
	theirs                     bool
	defaults                   defaultFlags // import register: --default FIELD=VALUE
}

var cmdExport = &command{
	name: "export", args: "register|json --out FILE [--layout NAME [--headers kk+ru] [--per-partner]] [--lang ru|kk|ky|en] [--from DATE --to DATE] [--status S,…] [--category C,…] [--db FILE]",
	summary: "Write the Excel register for ministry reporting, or the whole data set as interchange JSON.",
	flags: func(fs *flag.FlagSet, o *opts) {
		dbFlag(fs, o)
		todayFlag(fs, o)
		fs.StringVar(&o.xfer.out, "out", "", "file to write (.xlsx or .json); written completely or not at all")
		fs.StringVar(&o.xfer.lang, "lang", "ru", "register: language of headers and labels (ru, kk, ky, en)")
		fs.StringVar(&o.xfer.from, "from", "", "register: start of the report period (dd.mm.yyyy)")
		fs.StringVar(&o.xfer.to, "to", "", "register: end of the report period (dd.mm.yyyy)")
		fs.StringVar(&o.xfer.statuses, "status", "", "register: only these statuses, comma-separated (draft,active,expiring,expired,terminated,renewed)")
		fs.StringVar(&o.xfer.categories, "category", "", "register: only agreements with a partner of these categories, comma-separated")
		layoutFlags(fs, o)
	},
	run: func(c *ctx) error {
		if len(c.args) != 1 || (c.args[0] != "register" && c.args[0] != "json") {
			return usagef("say what to export: register or json")
		}
		if c.o.xfer.out == "" {
			return usagef("give the file to write with --out")
		}
		if c.args[0] == "json" {
			return exportJSON(c)
		}
		return exportRegister(c)
	},
}

// registerOptions turns the flags into export options.
func registerOptions(c *ctx) (excel.Options, error) {
	x := c.o.xfer
	o := excel.Options{Lang: x.lang}
	if !slices.Contains(model.Languages, x.lang) {
		return o, usagef("--lang must be one of %v", model.Languages)
	}
	var err error
	if o.Today, err = c.today(); err != nil {
		return o, err
	}
	for _, d := range []struct {
		flag, text string
		to         *model.Date
	}{{"--from", x.from, &o.From}, {"--to", x.to, &o.To}} {
		if *d.to, err = model.ParseDate(d.text); err != nil {
			return o, usagef("%s %q: %v", d.flag, d.text, err)
		}
	}
	if !o.From.IsZero() && !o.To.IsZero() && o.To < o.From {
		return o, usagef("--to is before --from")
	}
	for _, s := range splitList(x.statuses) {
		if !model.Status(s).Valid() {
			return o, usagef("unknown status %q; use %v", s, model.Statuses)
		}
		o.Statuses = append(o.Statuses, model.Status(s))
	}
	for _, s := range splitList(x.categories) {
		if !model.Category(s).Valid() {
			return o, usagef("unknown category %q; use %v", s, model.Categories)
		}
		o.Categories = append(o.Categories, model.Category(s))
	}
	return o, nil
}

func splitList(s string) []string {
	return strings.FieldsFunc(s, func(r rune) bool { return r == ',' || r == ' ' })
}

func exportRegister(c *ctx) error {
	o, err := registerOptions(c)
	if err != nil {
		return err
	}
	if c.o.layout.name != layouts.Full {
		return exportLayout(c, o)
	}
	if err := fullLayoutFlags(c); err != nil {
		return err
	}
	s, err := c.open(true)
	if err != nil {
		return err
	}
	defer s.Close()
	start, agreements := time.Now(), 0
	o.Progress = progress(c.errOut, "agreements", func(done, total int) { agreements = total })
	if err := excel.WriteRegister(context.Background(), s, c.o.xfer.out, o); err != nil {
		return err
	}
	fmt.Fprintf(c.out, "register written to %s: %d agreements, %s, in %.1f s\n", c.o.xfer.out, agreements, fileSize(c.o.xfer.out), time.Since(start).Seconds())
	return nil
}

func exportJSON(c *ctx) error {
	s, err := c.open(true)
	if err != nil {
		return err
	}
	defer s.Close()
	start, agreements := time.Now(), 0
	today, err := c.today()
	if err != nil {
		return err
	}
	o := interchange.ExportOptions{Today: today, Progress: progress(c.errOut, "agreements", func(done, total int) { agreements = total })}
	if err := interchange.WriteJSONFile(context.Background(), s, c.o.xfer.out, o); err != nil {
		return err
	}
	fmt.Fprintf(c.out, "data set written to %s: %d agreements, %s, in %.1f s\n", c.o.xfer.out, agreements, fileSize(c.o.xfer.out), time.Since(start).Seconds())
	return nil
}

// progress returns a progress callback that reports to w at most every two
// seconds and passes every call on to also.
func progress(w io.Writer, what string, also func(done, total int)) func(done, total int) {
	last := time.Now()
	return func(done, total int) {
		also(done, total)
		if time.Since(last) > 2*time.Second && done < total {
			fmt.Fprintf(w, "… %d of %d %s\n", done, total, what)
			last = time.Now()
		}
	}
}

func fileSize(path string) string {
	st, err := os.Stat(path)
	if err != nil {
		return "size unknown"
	}
	return reports.FormatSize(st.Size())
}
