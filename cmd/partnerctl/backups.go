package main

import (
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/partnerdesk/partnerdesk/model/store"
	"github.com/partnerdesk/partnerdesk/model/store/backup"
)

// backupSet returns the backup set of the data file.
func (c *ctx) backupSet() (*backup.Set, error) {
	path, err := store.ResolvePath(c.o.db)
	if err != nil {
		return nil, err
	}
	if store.IsServerURL(path) {
		return nil, errServerBackup
	}
	return backup.New(path, backup.Options{}), nil
}

var cmdBackup = &command{
	name: "backup", args: "[FILE] [--db FILE]",
	summary: "Take a verified backup: into the backups folder beside the data file, or to FILE (complete and checked, or not at all).",
	flags:   dbFlag,
	run: func(c *ctx) error {
		if len(c.args) > 1 {
			return usagef("give at most one backup file name")
		}
		if _, err := c.backupSet(); err != nil {
			return err // a server is backed up with pg_dump
		}
		s, err := c.open(true)
		if err != nil {
			return err
		}
		defer s.Close()
		if len(c.args) == 1 {
			n, counts, err := backup.TakeTo(s, c.args[0])
			if err != nil {
				return err
			}
			fmt.Fprintf(c.out, "backup of %s written to %s (%d bytes, %d partners, %d agreements, checked)\n", s.Path(), c.args[0], n, counts.Partners, counts.Agreements)
			return nil
		}
		set := backup.New(s.Path(), backup.Options{})
		b, err := set.Manual(s)
		if err != nil && b.Path == "" {
			return err
		}
		fmt.Fprintf(c.out, "backup of %s written to %s (%d bytes, checked)\n", s.Path(), b.Path, b.Size)
		return err
	},
}

var cmdBackups = &command{
	name: "backups", args: "[--format tsv|json] [--db FILE]",
	summary: "List the backups of the data file, newest first: time, kind, size, partners, agreements, OK or what is wrong (structure; restore checks every record), file.",
	flags: func(fs *flag.FlagSet, o *opts) {
		dbFlag(fs, o)
		fs.StringVar(&o.format, "format", "tsv", "output format: tsv or json")
	},
	run: func(c *ctx) error {
		if c.o.format != "tsv" && c.o.format != "json" {
			return usagef("--format must be tsv or json")
		}
		set, err := c.backupSet()
		if err != nil {
			return err
		}
		list, err := set.ListInfo()
		if err != nil {
			return err
		}
		if c.o.format == "json" {
			return writeBackupsJSON(c, list)
		}
		if len(list) == 0 {
			fmt.Fprintf(c.errOut, "no backups in %s yet\n", set.Dir())
		}
		for _, b := range list {
			status := "OK"
			if b.Err != nil {
				status = "NOT USABLE: " + strings.ReplaceAll(b.Err.Error(), "\n", " ")
			}
			tsv(c.out, b.Time.Local().Format("02.01.2006 15:04:05"), string(b.Kind), fmt.Sprintf("%.1f MB", float64(b.Size)/(1<<20)),
				fmt.Sprint(b.Counts.Partners), fmt.Sprint(b.Counts.Agreements), status, b.Path)
		}
		return nil
	},
}

func writeBackupsJSON(c *ctx, list []backup.Info) error {
	type row struct {
		Time    time.Time    `json:"time"`
		Kind    backup.Kind  `json:"kind"`
		Size    int64        `json:"size"`
		Schema  int          `json:"schema"`
		Counts  store.Counts `json:"counts"`
		OK      bool         `json:"ok"`
		Problem string       `json:"problem,omitempty"`
		Path    string       `json:"path"`
	}
	rows := make([]row, 0, len(list))
	for _, b := range list {
		r := row{Time: b.Time, Kind: b.Kind, Size: b.Size, Schema: b.Schema, Counts: b.Counts, OK: b.Err == nil, Path: b.Path}
		if b.Err != nil {
			r.Problem = b.Err.Error()
		}
		rows = append(rows, r)
	}
	enc := json.NewEncoder(c.out)
	enc.SetIndent("", "  ")
	return enc.Encode(rows)
}

var cmdRestore = &command{
	name: "restore", args: "FILE|newest [--db FILE]",
	summary: "Put a backup in place of the data file (close PartnerDesk first). The current file is first backed up, or kept aside renamed if damaged; nothing is deleted.",
	flags:   dbFlag,
	run: func(c *ctx) error {
		if len(c.args) != 1 {
			return usagef("give the backup to restore: a file, a name from 'partnerctl backups', or newest")
		}
		set, err := c.backupSet()
		if err != nil {
			return err
		}
		from, err := restoreSource(set, c.args[0])
		if err != nil {
			return err
		}
		r, err := set.Restore(from)
		if err != nil {
			return err
		}
		fmt.Fprintf(c.out, "restored %s (taken %s: %d partners, %d agreements) into %s\n", r.From.Path,
			r.From.Time.Local().Format("02.01.2006 15:04"), r.From.Counts.Partners, r.From.Counts.Agreements, set.DataPath())
		switch {
		case r.Damaged:
			fmt.Fprintf(c.out, "the damaged file it replaced was kept aside as %s\n", r.Saved)
		case r.Saved != "":
			fmt.Fprintf(c.out, "the file it replaced was backed up as %s\n", r.Saved)
		}
		return nil
	},
}

// restoreSource resolves "newest", a path, or the name of a file in the
// backup folder.
func restoreSource(set *backup.Set, arg string) (string, error) {
	if arg == "newest" {
		info, ok, err := set.NewestGood()
		if err != nil {
			return "", err
		}
		if !ok {
			return "", fmt.Errorf("there is no usable backup in %s", set.Dir())
		}
		return info.Path, nil
	}
	if _, err := os.Stat(arg); err == nil || filepath.Base(arg) != arg {
		return arg, nil
	}
	if in := filepath.Join(set.Dir(), arg); fileExists(in) {
		return in, nil
	}
	return "", fmt.Errorf("no backup %s here or in %s: see 'partnerctl backups'", arg, set.Dir())
}

func fileExists(p string) bool {
	_, err := os.Stat(p)
	return !errors.Is(err, os.ErrNotExist)
}
