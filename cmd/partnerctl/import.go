package main

import (
	"bytes"
	"context"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime/debug"
	"slices"
	"strings"

	"github.com/partnerdesk/partnerdesk/reports/excel"
	"github.com/partnerdesk/partnerdesk/reports/interchange"
)

func importFlags(merge bool) func(fs *flag.FlagSet, o *opts) {
	return func(fs *flag.FlagSet, o *opts) {
		dbFlag(fs, o)
		fs.BoolVar(&o.xfer.dryRun, "dry-run", false, "only show what would be done and every problem; write nothing")
		fs.BoolVar(&o.xfer.skipInvalid, "skip-invalid", false, "import the valid records even when others have problems")
		if merge {
			fs.BoolVar(&o.xfer.theirs, "theirs", false, "resolve conflicts with the file's values (default: keep this data file's)")
		} else {
			fs.StringVar(&o.xfer.sheet, "sheet", "", "register: the sheet with the agreements (default: every sheet recognised by its headers)")
			fs.Var(&o.xfer.defaults, "default", "register: a value for what the file does not say, FIELD=VALUE, repeatable: category=auto (infer from the name; the default) or a category, fallback=CATEGORY (when the name says nothing), kind=KIND, status=STATUS, country=KZ|KG")
		}
	}
}

var cmdImport = &command{
	name: "import", args: "register FILE.xlsx [--sheet NAME] [--default FIELD=VALUE]… | json FILE.json [--dry-run] [--skip-invalid] [--db FILE]",
	summary: "Import an Excel register or a JSON file in one transaction; problems are listed by row and column.",
	flags:   importFlags(false),
	run: func(c *ctx) error {
		if len(c.args) != 2 || (c.args[0] != "register" && c.args[0] != "json") {
			return usagef("say what to import and from where: register FILE.xlsx or json FILE.json")
		}
		return transfer(c, c.args[0], c.args[1], interchange.ModeImport)
	},
}

var cmdMerge = &command{
	name: "merge", args: "FILE.xlsx|FILE.json [--dry-run] [--theirs] [--skip-invalid] [--db FILE]",
	summary: "Merge another department's register or JSON file: add what is new, fill in, list conflicts.",
	flags:   importFlags(true),
	run: func(c *ctx) error {
		if len(c.args) != 1 {
			return usagef("give the file to merge")
		}
		kind, err := fileKind(c.args[0])
		if err != nil {
			return err
		}
		return transfer(c, kind, c.args[0], interchange.ModeMerge)
	},
}

// fileKind tells a workbook from a JSON file by its first bytes.
func fileKind(path string) (string, error) {
	f, err := os.Open(path)
	if err != nil {
		return "", err
	}
	defer f.Close()
	head := make([]byte, 512)
	n, _ := io.ReadFull(f, head)
	switch head = bytes.TrimLeft(head[:n], " \t\r\n\ufeff"); {
	case bytes.HasPrefix(head, []byte("PK\x03\x04")), bytes.HasPrefix(head, []byte{0xD0, 0xCF, 0x11, 0xE0}),
		slices.Contains([]string{".xlsx", ".xlsm", ".ods", ".csv", ".txt", ".xls"}, strings.ToLower(filepath.Ext(path))):
		return "register", nil
	case bytes.HasPrefix(head, []byte("{")), strings.EqualFold(filepath.Ext(path), ".json"):
		return "json", nil
	}
	return "", fmt.Errorf("%s is neither a register (.xlsx, .xlsm, .ods, .csv) nor a JSON file", path)
}

// defaultFlags collects repeated --default FIELD=VALUE flags.
type defaultFlags []string

func (d *defaultFlags) String() string { return strings.Join(*d, " ") }

// Set checks the form FIELD=VALUE; the value is checked once the file is open.
func (d *defaultFlags) Set(v string) error {
	if !strings.Contains(v, "=") {
		return fmt.Errorf("want FIELD=VALUE, such as category=auto")
	}
	*d = append(*d, v)
	return nil
}

// importMemoryLimit is the soft memory limit of a register's import or merge.
const importMemoryLimit = 700 << 20

// transfer reads the file, plans the import or merge, prints the plan and
// applies it unless there are problems or it is a dry run.
func transfer(c *ctx, kind, path string, mode interchange.Mode) error {
	if kind == "register" && os.Getenv("GOMEMLIMIT") == "" {
		// A soft limit: the collector works harder near it rather than let
		// a register of 50,000 agreements take 1.4 GB (it stays under
		// 1 GiB for some 30 % more CPU). Smaller imports never reach it;
		// JSON, read whole, is left its speed.
		debug.SetMemoryLimit(importMemoryLimit)
	}
	d, err := readDataset(c, kind, path)
	if err != nil {
		return err
	}
	s, err := c.openRoom(false, d.Room())
	if err != nil {
		return err
	}
	defer s.Close()
	ctx := context.Background()
	// Without problems, the preview's own transaction is kept: every record
	// is checked and written once.
	p, kept, err := interchange.PlanAndKeep(ctx, s, d, mode, progress(c.errOut, "records checked", func(int, int) {}), func(p *interchange.Plan) bool {
		if c.o.xfer.theirs {
			p.TakeTheirs()
		}
		printPlan(c, p)
		return !c.o.xfer.dryRun && p.Changes()
	})
	if err != nil {
		return err
	}
	switch {
	case kept:
		printResult(c, p.Result())
		return nil
	case p.Errors() > 0 && !c.o.xfer.skipInvalid:
		return fmt.Errorf("%d problem(s) listed above: nothing was imported (correct the file, or import the valid records with --skip-invalid)", p.Errors())
	case c.o.xfer.dryRun:
		fmt.Fprintln(c.out, "dry run: nothing was written")
		return nil
	case !p.Changes():
		fmt.Fprintln(c.out, "nothing to change")
		return nil
	}
	res, err := interchange.Apply(ctx, s, p, progress(c.errOut, "records saved", func(int, int) {}))
	if err != nil {
		return err
	}
	printResult(c, res)
	return nil
}

func printResult(c *ctx, res interchange.Result) {
	fmt.Fprintf(c.out, "done: partners %s; agreements %s", countText(res.Partners), countText(res.Agreements))
	if res.Rounds != (interchange.Counts{}) {
		fmt.Fprintf(c.out, "; diagnostic rounds %s", countText(res.Rounds))
	}
	fmt.Fprintln(c.out)
}

func readDataset(c *ctx, kind, path string) (*interchange.Dataset, error) {
	if kind == "json" {
		f, err := os.Open(path)
		if err != nil {
			return nil, err
		}
		defer f.Close()
		return interchange.ReadJSON(f, path, 0)
	}
	wb, err := excel.OpenWorkbookFile(path, excel.DefaultLimits())
	if err != nil {
		return nil, err
	}
	defer wb.Close()
	for _, kv := range c.o.xfer.defaults {
		field, value, _ := strings.Cut(kv, "=")
		if err := wb.Defaults.Set(strings.TrimSpace(field), value); err != nil {
			return nil, usagef("%v", err)
		}
	}
	maps, err := wb.AutoMappings(c.o.xfer.sheet)
	if err != nil {
		return nil, err
	}
	if c.o.xfer.dryRun {
		for _, m := range maps {
			fmt.Fprintln(c.out, m.String())
		}
	}
	return wb.Read(context.Background(), maps, nil)
}

func printPlan(c *ctx, p *interchange.Plan) {
	for _, prob := range p.Problems {
		kind := "problem"
		if prob.Warning {
			kind = "warning"
		}
		fmt.Fprintf(c.errOut, "%s: %s\n", kind, prob.Error())
	}
	for _, it := range append(append([]interchange.Item(nil), p.Partners...), p.Agreements...) {
		for _, cf := range it.Conflicts {
			fmt.Fprintf(c.out, "conflict: %s, %s: here %s, in the file %s\n", it.Label, cf.Field, cf.Ours, cf.Theirs)
		}
	}
	for _, it := range p.Partners {
		if it.Action == interchange.ActionAdd && p.Mode == interchange.ModeImport && c.o.xfer.dryRun {
			fmt.Fprintf(c.out, "new partner: %s «%s»\n", it.Loc, it.Label)
		}
	}
	for _, m := range p.Matches {
		by := "name"
		if m.ByTaxID {
			by = "tax ID"
		}
		fmt.Fprintf(c.out, "match: %s «%s» is the partner «%s» already here (by %s)\n", m.Loc, m.Name, m.Existing, by)
	}
	if p.Institution == interchange.ActionAdd {
		fmt.Fprintln(c.out, "institution settings: will be added")
	}
	fmt.Fprintf(c.out, "partners: %s\nagreements: %s\n", countText(p.PartnerCounts()), countText(p.AgreementCounts()))
	if len(p.Rounds) > 0 {
		fmt.Fprintf(c.out, "diagnostic rounds: %s\n", countText(p.RoundCounts()))
	}
}

func countText(n interchange.Counts) string {
	parts := []string{fmt.Sprintf("%d added", n.Add)}
	for _, x := range []struct {
		n    int
		what string
	}{{n.Update, "filled in"}, {n.Unchanged, "unchanged"}, {n.Conflict, "in conflict"}, {n.UseExisting, "already there"}, {n.Skip, "skipped for problems"}} {
		if x.n > 0 {
			parts = append(parts, fmt.Sprintf("%d %s", x.n, x.what))
		}
	}
	return strings.Join(parts, ", ")
}
