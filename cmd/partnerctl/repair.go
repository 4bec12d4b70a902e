package main

import (
	"fmt"
	"path/filepath"
	"strings"
)

var cmdRepair = &command{
	name: "repair", args: "[--db FILE]",
	summary: "Take the damaged records of the data file (their checksum does not match) back from the newest backups that hold them intact, leaving everything else as it is (close PartnerDesk first). A copy of the damaged file is kept beside it.",
	flags:   dbFlag,
	run: func(c *ctx) error {
		set, err := c.backupSet()
		if err != nil {
			return err
		}
		r, err := set.Repair()
		if err != nil {
			return err
		}
		if len(r.Records) == 0 && len(r.Problems) == 0 {
			fmt.Fprintf(c.out, "no damaged records in %s\n", set.DataPath())
			return nil
		}
		for _, rec := range r.Records {
			switch {
			case rec.Missing:
				fmt.Fprintf(c.out, "NOT REPAIRED %s: no backup holds it intact\n", rec.Record)
			case rec.From == "":
				fmt.Fprintf(c.out, "rebuilt %s from the records\n", rec.Record)
			default:
				fields := "fields unknown"
				if len(rec.Fields) > 0 {
					fields = "fields " + strings.Join(rec.Fields, ", ")
				}
				fmt.Fprintf(c.out, "repaired %s (%s) from %s\n", rec.Record, fields, filepath.Base(rec.From))
			}
		}
		if r.Aside != "" {
			fmt.Fprintf(c.out, "the damaged file was kept as %s\n", r.Aside)
		}
		if len(r.Problems) > 0 {
			return fmt.Errorf("after the repair %s still has %d problem(s):\n%s\nRestore a whole backup: partnerctl restore newest", set.DataPath(), len(r.Problems), strings.Join(r.Problems, "\n"))
		}
		fmt.Fprintf(c.out, "OK %s passes its check\n", set.DataPath())
		return nil
	},
}

var cmdCompact = &command{
	name: "compact", args: "[--db FILE]",
	summary: "Give the data file's free space back (close PartnerDesk first): a verified backup first, then a checked, compacted copy renamed over the file; never in place. PartnerDesk does this by itself on start when more than a third of the file is free.",
	flags:   dbFlag,
	run: func(c *ctx) error {
		set, err := c.backupSet()
		if err != nil {
			return err
		}
		r, err := set.Compact()
		if err != nil && r.After == 0 {
			return err
		}
		fmt.Fprintf(c.out, "compacted %s: %.1f MB → %.1f MB in %.1f s (backup first: %s)\n", set.DataPath(),
			float64(r.Before)/(1<<20), float64(r.After)/(1<<20), r.Took.Seconds(), r.Backup.Path)
		if err != nil {
			return fmt.Errorf("old backups could not all be removed: %w", err)
		}
		return nil
	},
}

// repairHint says what 'partnerctl repair' would do for a file whose
// records alone are damaged.
func repairHint(n int) string {
	return fmt.Sprintf("Only %d record(s) are damaged: 'partnerctl repair' takes them back from the newest backups that hold them intact, leaving everything else as it is.", n)
}
