package main

import (
	"errors"
	"flag"
	"fmt"
	"time"

	"github.com/partnerdesk/partnerdesk/assets"
	"github.com/partnerdesk/partnerdesk/cmd/internal/buildinfo"
	"github.com/partnerdesk/partnerdesk/model"
	"github.com/partnerdesk/partnerdesk/model/demo"
	"github.com/partnerdesk/partnerdesk/model/store"
	"github.com/partnerdesk/partnerdesk/model/store/backup"
)

var cmdInit = &command{
	name: "init", args: "[--db FILE]",
	summary: "Create an empty data file (or report the one that exists).",
	flags:   dbFlag,
	run: func(c *ctx) error {
		s, err := c.open(false)
		if err != nil {
			return err
		}
		defer s.Close()
		counts, err := s.Counts()
		if err != nil {
			return err
		}
		fmt.Fprintf(c.out, "data file %s: %d partners, %d agreements\n", s.Path(), counts.Partners, counts.Agreements)
		return nil
	},
}

var cmdDemo = &command{
	name: "demo", args: "[--seed N] [--partners N] [--agreements M] [--today DATE] [--long] [--db FILE]",
	summary: "Fill an empty data file with realistic demonstration data (the same seed and date give the same data).",
	flags: func(fs *flag.FlagSet, o *opts) {
		dbFlag(fs, o)
		fs.Uint64Var(&o.seed, "seed", 1, "random seed")
		fs.IntVar(&o.partners, "partners", 120, "number of partners")
		fs.IntVar(&o.agreements, "agreements", 400, "number of agreements")
		fs.IntVar(&o.batch, "batch", 2000, "agreements per transaction")
		fs.StringVar(&o.today, "today", "", "generate dates around this day (dd.mm.yyyy; default today)")
		fs.BoolVar(&o.long, "long", false, "also add a tripartite agreement with 20 long responsibilities, numbered ТР-yyyy/001 (needs 3 partners)")
	},
	run: func(c *ctx) error {
		if c.o.partners < 1 || c.o.agreements < 0 || c.o.partners > 1_000_000 || c.o.agreements > 10_000_000 {
			return usagef("--partners must be 1 to 1000000 and --agreements 0 to 10000000")
		}
		today, err := c.today()
		if err != nil {
			return err
		}
		s, err := c.open(false)
		if err != nil {
			return err
		}
		defer s.Close()
		start := time.Now()
		d := demo.Generate(demo.Options{Seed: c.o.seed, Partners: c.o.partners, Agreements: c.o.agreements, Today: today})
		last := time.Now()
		err = s.AddNew(d, c.o.batch, func(done, total int) {
			if time.Since(last) > 2*time.Second {
				fmt.Fprintf(c.errOut, "… %d of %d agreements\n", done, total)
				last = time.Now()
			}
		})
		if err != nil {
			return err
		}
		if c.o.long {
			number, err := addLong(s, today)
			if err != nil {
				return err
			}
			fmt.Fprintf(c.out, "long tripartite agreement %s added\n", number)
		}
		fmt.Fprintf(c.out, "demo data written to %s: %d partners, %d agreements in %.1f s\n",
			s.Path(), len(d.Partners), len(d.Agreements), time.Since(start).Seconds())
		return nil
	},
}

// addLong adds demo.LongAgreement with the first three partners, signed
// two months before today, and returns its number.
func addLong(s *store.Store, today model.Date) (string, error) {
	partners, err := s.Partners()
	if err != nil {
		return "", err
	}
	if len(partners) < 3 {
		return "", usagef("--long needs at least 3 partners")
	}
	signed := today.AddMonths(-2)
	a := demo.LongAgreement(fmt.Sprintf("ТР-%d/001", signed.Year()), [3]model.ID{partners[0].ID, partners[1].ID, partners[2].ID}, signed)
	return a.Number, s.SaveAgreement(&a)
}

var cmdCheck = &command{
	name: "check", args: "[--db FILE]",
	summary: "Check the data file's structure, records and indexes without changing it; on damage list the problems and exit 4.",
	flags:   dbFlag,
	run: func(c *ctx) error {
		path, err := store.ResolvePath(c.o.db)
		if err != nil {
			return err
		}
		if store.IsServerURL(path) {
			return serverCheck(c, path)
		}
		if !fileExists(path) {
			return fmt.Errorf("there is no data file at %s yet: create one with 'partnerctl init' or 'partnerctl demo', or start PartnerDesk", path)
		}
		start := time.Now()
		info, err := store.Inspect(path)
		var ce *store.CheckError
		switch {
		case errors.As(err, &ce) && len(ce.Damaged) > 0:
			return fmt.Errorf("checking %s: %w\n%s", path, err, repairHint(len(ce.Damaged)))
		case errors.As(err, &ce):
			return fmt.Errorf("checking %s: %w\n%s", path, err, restoreHint(path))
		case errors.Is(err, store.ErrDamaged):
			return fmt.Errorf("%w\n%s", err, restoreHint(path))
		}
		if err != nil {
			return err
		}
		counts := info.Counts
		fmt.Fprintf(c.out, "OK %s: %d partners, %d agreements, %d attachments, %d history entries, format %d (checked in %.1f s)\n",
			path, counts.Partners, counts.Agreements, counts.Attachments, counts.History, info.Schema, time.Since(start).Seconds())
		return nil
	},
}

// restoreHint says which backup could replace a damaged data file.
func restoreHint(path string) string {
	set := backup.New(path, backup.Options{})
	info, ok, err := set.NewestGood()
	if err != nil || !ok {
		return fmt.Sprintf("There is no usable backup in %s. Keep the damaged file: it may still be rescued.", set.Dir())
	}
	return fmt.Sprintf("The newest usable backup is %s (taken %s: %d partners, %d agreements). 'partnerctl restore newest' puts it in place and keeps the damaged file aside.",
		info.Path, info.Time.Local().Format("02.01.2006 15:04"), info.Counts.Partners, info.Counts.Agreements)
}

var cmdVersion = &command{
	name: "version", args: "[--licences]",
	summary: "Print the version, commit, build date, data file and licences.",
	flags: func(fs *flag.FlagSet, o *opts) {
		dbFlag(fs, o)
		fs.BoolVar(&o.licences, "licences", false, "also print the full licence texts of the font, Go and the libraries")
	},
	run: func(c *ctx) error {
		if c.o.licences {
			fmt.Fprintf(c.out, "%s\n\n%s", assets.FontLicence, assets.Licences)
			return nil
		}
		i := buildinfo.Get()
		fmt.Fprintf(c.out, "partnerctl %s (commit %s, built %s, %s)\n", i.Version, i.Commit, i.Date, i.Go)
		fmt.Fprintf(c.out, "data file: %s (data format %d)\n", resolvedPath(c), store.SchemaVersion)
		fmt.Fprintln(c.out, "bundled font: Noto Sans 2.004, SIL Open Font License 1.1")
		fmt.Fprintln(c.out, "libraries: go.etcd.io/bbolt (MIT), github.com/xuri/excelize/v2 (BSD-3-Clause), github.com/jung-kurt/gofpdf (MIT), fyne.io/fyne/v2 (BSD-3-Clause, app only), github.com/jackc/pgx/v5 (MIT)")
		fmt.Fprintln(c.out, "licence texts: partnerctl version --licences")
		return nil
	},
}

func resolvedPath(c *ctx) string {
	p, err := store.ResolvePath(c.o.db)
	if err != nil {
		return "unknown (" + err.Error() + ")"
	}
	return p
}
