package main

import (
	"bytes"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"text/tabwriter"

	"github.com/partnerdesk/partnerdesk/model"
	"github.com/partnerdesk/partnerdesk/model/store"
	"github.com/partnerdesk/partnerdesk/reports"
	"github.com/partnerdesk/partnerdesk/reports/excel"
	"github.com/partnerdesk/partnerdesk/reports/interchange"
	"github.com/partnerdesk/partnerdesk/reports/pdf"
)

var cmdDiagnostics = &command{
	name: "diagnostics",
	args: "list | show ROUND [--compare EARLIER] | print ROUND --out FILE.pdf | export [ROUND] --out FILE.xlsx|FILE.json  [--lang ru|kk|ky|en] [--format text|json] [--db FILE]",
	summary: "Diagnostic rounds of students' knowledge (the paper's Table 1): list them, show one with its tables and " +
		"chi-square tests, print its PDF report, or export rounds to an Excel sheet with a chart or to JSON.",
	flags: func(fs *flag.FlagSet, o *opts) {
		dbFlag(fs, o)
		todayFlag(fs, o)
		fs.StringVar(&o.out, "out", "", "the file to write (print: .pdf; export: .xlsx or .json)")
		fs.StringVar(&o.lang, "lang", "ru", "language: ru, kk, ky or en")
		fs.StringVar(&o.format, "format", "text", "list and show: text or json")
		fs.StringVar(&o.compare, "compare", "", "show: also the change of each group since this (earlier) round, groups matched by name")
	},
	run: runDiagnostics,
}

func runDiagnostics(c *ctx) error {
	verb, rest, err := diagnosticsArgs(c)
	if err != nil {
		return err
	}
	s, err := c.open(true)
	if err != nil {
		return err
	}
	defer s.Close()
	rounds, numbers, err := loadRounds(s, rest)
	if err != nil {
		return err
	}
	switch verb {
	case "list":
		return listRounds(c, rounds)
	case "show":
		if err := showRound(c, &rounds[0], numbers); err != nil || c.o.compare == "" {
			return err
		}
		return showChange(c, s, &rounds[0])
	case "print":
		return printRound(c, s, rest[0])
	}
	return exportRounds(c, s, rounds, numbers)
}

// diagnosticsArgs checks the action, its arguments and the flags.
func diagnosticsArgs(c *ctx) (verb string, rest []string, err error) {
	if len(c.args) == 0 {
		return "", nil, usagef("say what to do: list, show ROUND, print ROUND or export [ROUND]")
	}
	if !slices.Contains(model.Languages, c.o.lang) {
		return "", nil, usagef("--lang must be one of %v", model.Languages)
	}
	if c.o.format != "text" && c.o.format != "json" {
		return "", nil, usagef("--format must be text or json")
	}
	verb, rest = c.args[0], c.args[1:]
	want := map[string][2]int{"list": {0, 0}, "show": {1, 1}, "print": {1, 1}, "export": {0, 1}}
	n, ok := want[verb]
	switch {
	case !ok:
		return "", nil, usagef("unknown diagnostics action %q: use list, show, print or export", verb)
	case len(rest) < n[0] || len(rest) > n[1]:
		return "", nil, usagef("diagnostics %s takes %d to %d round IDs", verb, n[0], n[1])
	case (verb == "print" || verb == "export") && c.o.out == "":
		return "", nil, usagef("say where the file goes: --out FILE")
	}
	return verb, rest, nil
}

// loadRounds returns the round named by ids (all rounds when none) and the
// numbers of every agreement.
func loadRounds(s *store.Store, ids []string) ([]model.Round, map[model.ID]string, error) {
	var rounds []model.Round
	numbers := map[model.ID]string{}
	err := s.View(func(tx *store.Tx) error {
		sums, err := tx.Summaries()
		if err != nil {
			return err
		}
		for _, sm := range sums {
			numbers[sm.ID] = sm.Number
		}
		if len(ids) == 0 {
			rounds, err = tx.Rounds()
			return err
		}
		id, err := model.ParseID(ids[0])
		if err != nil {
			return usagef("%q is not a round ID: 'partnerctl diagnostics list' shows them", ids[0])
		}
		r, err := tx.Round(id)
		if err != nil {
			return fmt.Errorf("diagnostic round %s: %w", ids[0], err)
		}
		rounds = []model.Round{r}
		return nil
	})
	return rounds, numbers, err
}

func listRounds(c *ctx, rounds []model.Round) error {
	if c.o.format == "json" {
		return writeJSON(c.out, rounds)
	}
	tw := tabwriter.NewWriter(c.out, 0, 4, 2, ' ', 0)
	fmt.Fprintln(tw, "ID\tDATE\tSTAGE\tGROUPS\tTITLE")
	for _, r := range rounds {
		var groups []string
		for _, g := range r.Groups {
			groups = append(groups, fmt.Sprintf("%s %d", g.Name, g.Students))
		}
		fmt.Fprintf(tw, "%d\t%s\t%s\t%s\t%s\n", r.ID, r.Date, reports.Label(c.o.lang, r.Stage), strings.Join(groups, ", "), r.Title)
	}
	if err := tw.Flush(); err != nil {
		return err
	}
	fmt.Fprintf(c.out, "%d rounds\n", len(rounds))
	return nil
}

// showRound prints the round's report as text: its description, Table 1,
// the conventional view and the tests with their conclusions.
func showRound(c *ctx, r *model.Round, numbers map[model.ID]string) error {
	if c.o.format == "json" {
		return writeJSON(c.out, interchange.RoundOf(r, numbers))
	}
	rep := reports.NewRoundReport(r, c.o.lang, numbers)
	w := c.out
	fmt.Fprintf(w, "%s\n", rep.Title)
	for _, m := range rep.Meta {
		fmt.Fprintf(w, "  %s\n", m)
	}
	section := func(title string, head []string, rows [][]string) {
		if title != "" {
			fmt.Fprintf(w, "\n%s\n", title)
		}
		tw := tabwriter.NewWriter(w, 0, 4, 2, ' ', tabwriter.AlignRight)
		if head != nil {
			fmt.Fprintln(tw, strings.Join(head, "\t")+"\t")
		}
		for _, row := range rows {
			fmt.Fprintln(tw, strings.Join(row, "\t")+"\t")
		}
		tw.Flush()
	}
	levels := []string{""}
	for _, lv := range rep.Table1Head[0][1:] {
		levels = append(levels, lv)
		for range len(rep.Groups) - 1 {
			levels = append(levels, "")
		}
	}
	section(rep.T("diag.table1"), nil, append([][]string{levels, rep.Table1Head[1]}, rep.Table1Rows...))
	section(rep.T("diag.by_indicator"), rep.ByIndicatorHead, rep.ByIndicatorRows)
	fmt.Fprintf(w, "\n%s\n", rep.TestsTitle())
	if rep.TestsRows != nil {
		section("", rep.TestsHead, rep.TestsRows)
		fmt.Fprintln(w)
		for _, tst := range rep.Tests {
			fmt.Fprintf(w, "  %s\n", rep.Sentence(tst))
		}
		for _, n := range rep.Notes {
			fmt.Fprintf(w, "  %s\n", n)
		}
	}
	return nil
}

// showChange prints the change of each group of r since the round named
// by --compare.
func showChange(c *ctx, s *store.Store, r *model.Round) error {
	others, _, err := loadRounds(s, []string{c.o.compare})
	if err != nil {
		return err
	}
	before := &others[0]
	n := 0
	for ga, g := range r.Groups {
		for gb, og := range before.Groups {
			if og.Name != g.Name {
				continue
			}
			rep := reports.NewChangeReport(before, gb, r, ga, c.o.lang)
			fmt.Fprintf(c.out, "\n%s\n", rep.Title)
			tw := tabwriter.NewWriter(c.out, 0, 4, 2, ' ', tabwriter.AlignRight)
			for _, row := range append([][]string{rep.Head}, rep.Rows...) {
				fmt.Fprintln(tw, strings.Join(row, "\t")+"\t")
			}
			tw.Flush()
			for _, sentence := range rep.Sentences {
				fmt.Fprintf(c.out, "  %s\n", sentence)
			}
			n++
		}
	}
	if n == 0 {
		return fmt.Errorf("rounds %s and %s have no group of the same name", c.o.compare, r.ID)
	}
	return nil
}

func printRound(c *ctx, s *store.Store, ref string) error {
	o, err := c.pdfOptions()
	if err != nil {
		return err
	}
	id, _ := model.ParseID(ref)
	var d pdf.RoundData
	if err := s.View(func(tx *store.Tx) (err error) { d, err = pdf.LoadRound(tx, id); return err }); err != nil {
		return err
	}
	if err := pdf.WriteFile(s, c.o.out, func(w io.Writer) error { return pdf.RoundReport(w, &d, o) }); err != nil {
		return err
	}
	return written(c, c.o.out)
}

func written(c *ctx, path string) error {
	st, err := os.Stat(path)
	if err != nil {
		return err
	}
	fmt.Fprintf(c.out, "%s written (%d bytes)\n", path, st.Size())
	return nil
}

func exportRounds(c *ctx, s *store.Store, rounds []model.Round, numbers map[model.ID]string) error {
	if len(rounds) == 0 {
		return fmt.Errorf("the data file holds no diagnostic rounds")
	}
	if err := s.CheckTarget(c.o.out); err != nil {
		return err
	}
	var b bytes.Buffer
	switch strings.ToLower(filepath.Ext(c.o.out)) {
	case ".xlsx":
		if err := excel.ExportDiagnostics(&b, rounds, numbers, c.o.lang); err != nil {
			return err
		}
	case ".json":
		var list []interchange.DiagnosticRound
		for i := range rounds {
			list = append(list, interchange.RoundOf(&rounds[i], numbers))
		}
		if err := writeJSON(&b, map[string]any{"diagnostics": list}); err != nil {
			return err
		}
	default:
		return usagef("--out must end in .xlsx or .json")
	}
	if err := store.WriteFileAtomic(c.o.out, 0o644, func(w io.Writer) error { _, err := w.Write(b.Bytes()); return err }); err != nil {
		return err
	}
	return written(c, c.o.out)
}
