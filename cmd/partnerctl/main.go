// Command partnerctl works with a PartnerDesk data file from a terminal:
// create it, fill it with demo data, list and show records, print PDFs,
// export Excel registers and JSON, import and merge them, check it, back
// it up and restore backups. It shares the data file with the desktop app and needs no
// graphics libraries (it builds with CGO_ENABLED=0).
package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/partnerdesk/partnerdesk/model"
	"github.com/partnerdesk/partnerdesk/model/store"
	"github.com/partnerdesk/partnerdesk/model/store/backup"
)

func main() { os.Exit(run(os.Args[1:], os.Stdout, os.Stderr)) }

// Exit codes.
const (
	exitOK      = 0
	exitFailure = 1 // the command ran and failed, or found problems
	exitUsage   = 2 // bad arguments
	exitLocked  = 3 // the data file is open elsewhere
	exitDamaged = 4 // the data file is damaged or from a newer version
)

// command is one partnerctl subcommand.
type command struct {
	name    string
	args    string // synopsis of the arguments
	summary string
	flags   func(fs *flag.FlagSet, o *opts)
	run     func(c *ctx) error
}

// opts holds every flag any command takes; each command registers the
// ones it uses.
type opts struct {
	db                          string
	format                      string
	seed                        uint64
	partners, agreements, batch int
	today                       string
	status, kind, category      string
	relation, country, search   string
	partner                     string
	year                        int
	expiring, long, licences    bool
	out, lang, bilingual        string
	xfer                        xferOpts // export, import and merge
	layout                      layoutOpts
	server                      serverOpts
	printer                     printerFlag
	copies                      int
	compare                     string // diagnostics show: an earlier round
}

// ctx is what a running command gets.
type ctx struct {
	out, errOut io.Writer
	args        []string
	o           opts
}

type usageError struct{ msg string }

func (e usageError) Error() string { return e.msg }

func usagef(format string, a ...any) error { return usageError{fmt.Sprintf(format, a...)} }

var commands []*command

func init() {
	commands = []*command{cmdInit, cmdDemo, cmdList, cmdShow, cmdPrint, cmdDiagnostics, cmdExport, cmdLayout, cmdImport, cmdMerge, cmdCheck, cmdRepair, cmdCompact, cmdBackup, cmdBackups, cmdRestore, cmdServer, cmdVersion}
}

func run(args []string, stdout, stderr io.Writer) int {
	if len(args) == 0 || args[0] == "help" || args[0] == "-h" || args[0] == "--help" {
		if len(args) > 1 {
			if c := find(args[1]); c != nil {
				printUsage(stdout, c)
				return exitOK
			}
		}
		printHelp(stdout)
		if len(args) == 0 {
			return exitUsage
		}
		return exitOK
	}
	c := find(args[0])
	if c == nil {
		fmt.Fprintf(stderr, "partnerctl: unknown command %q\n\n", args[0])
		printHelp(stderr)
		return exitUsage
	}
	x := &ctx{out: stdout, errOut: stderr}
	fs := flag.NewFlagSet(c.name, flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	if c.flags != nil {
		c.flags(fs, &x.o)
	}
	rest, err := parseInterspersed(fs, args[1:])
	if errors.Is(err, flag.ErrHelp) {
		printUsage(stdout, c)
		return exitOK
	}
	if err != nil {
		fmt.Fprintf(stderr, "partnerctl %s: %v\n", c.name, err)
		printUsage(stderr, c)
		return exitUsage
	}
	x.args = rest
	return report(stderr, c, c.run(x))
}

func report(stderr io.Writer, c *command, err error) int {
	var ue usageError
	switch {
	case err == nil:
		return exitOK
	case errors.As(err, &ue):
		fmt.Fprintf(stderr, "partnerctl %s: %v\n", c.name, err)
		printUsage(stderr, c)
		return exitUsage
	case errors.Is(err, store.ErrLocked):
		fmt.Fprintf(stderr, "partnerctl: %v\n", err)
		return exitLocked
	case errors.Is(err, store.ErrDamaged), errors.Is(err, store.ErrNewerSchema):
		fmt.Fprintf(stderr, "partnerctl: %v\n", err)
		return exitDamaged
	}
	if _, ok := model.AsValidation(err); ok {
		fmt.Fprintf(stderr, "partnerctl %s: the record is not valid:\n  %s\n", c.name, strings.ReplaceAll(err.Error(), "\n", "\n  "))
		return exitFailure
	}
	fmt.Fprintf(stderr, "partnerctl %s: %v\n", c.name, err)
	return exitFailure
}

// parseInterspersed parses flags wherever they stand among the positional
// arguments ("list partners --country KZ").
func parseInterspersed(fs *flag.FlagSet, args []string) ([]string, error) {
	var rest []string
	for {
		if err := fs.Parse(args); err != nil {
			return nil, err
		}
		if fs.NArg() == 0 {
			return rest, nil
		}
		rest = append(rest, fs.Arg(0))
		args = fs.Args()[1:]
	}
}

func find(name string) *command {
	for _, c := range commands {
		if c.name == name {
			return c
		}
	}
	return nil
}

func printHelp(w io.Writer) {
	fmt.Fprintln(w, "partnerctl works with a PartnerDesk data file, or the university's PartnerDesk server, from a terminal.")
	fmt.Fprintln(w, "\nUsage: partnerctl <command> [arguments] [flags]\n\nCommands:")
	for _, c := range commands {
		fmt.Fprintf(w, "  %-9s %s\n", c.name, c.summary)
	}
	fmt.Fprintf(w, "\nThe data file is --db FILE, else $%s, else the default:\n  %s\n", store.EnvPath, defaultPathText())
	fmt.Fprintln(w, "--db postgres://LOGIN@HOST/DATABASE works on the university's server instead (docs/server.md).")
	fmt.Fprintln(w, "\nRun 'partnerctl help <command>' or 'partnerctl <command> --help' for a command's flags.")
	fmt.Fprintln(w, "Exit status: 0 done, 1 failed or found problems, 2 bad arguments, 3 file in use, 4 file damaged or too new.")
}

func defaultPathText() string {
	p, err := store.DefaultPath()
	if err != nil {
		return "(unknown: " + err.Error() + ")"
	}
	return p
}

func printUsage(w io.Writer, c *command) {
	fmt.Fprintf(w, "Usage: partnerctl %s %s\n\n%s\n", c.name, c.args, c.summary)
	fs := flag.NewFlagSet(c.name, flag.ContinueOnError)
	var o opts
	if c.flags != nil {
		c.flags(fs, &o)
	}
	var b strings.Builder
	fs.SetOutput(&b)
	fs.PrintDefaults()
	if b.Len() > 0 {
		fmt.Fprintf(w, "\nFlags:\n%s", b.String())
	}
}

func dbFlag(fs *flag.FlagSet, o *opts) {
	fs.StringVar(&o.db, "db", "", "data file (default $"+store.EnvPath+" or "+defaultPathText()+")")
}

// open opens the data file. Reading commands open it read-only, so they
// may run beside each other, but not beside the app, which holds the file
// exclusively.
func (c *ctx) open(readOnly bool) (*store.Store, error) { return c.openRoom(readOnly, 0) }

// openRoom opens the data file as open does, mapped room bytes larger for
// one large transaction (see store.Options.Room).
func (c *ctx) openRoom(readOnly bool, room int64) (*store.Store, error) {
	path, err := store.ResolvePath(c.o.db)
	if err != nil {
		return nil, err
	}
	if store.IsServerURL(path) {
		return store.OpenURL(path, store.Options{ReadOnly: readOnly})
	}
	if readOnly {
		if _, err := os.Stat(path); errors.Is(err, os.ErrNotExist) {
			return nil, fmt.Errorf("there is no data file at %s yet: create one with 'partnerctl init' or 'partnerctl demo', or start PartnerDesk", path)
		}
	}
	// A migration is preceded by a verified backup, as in the app.
	return store.Open(path, store.Options{ReadOnly: readOnly, Room: room, BeforeMigrate: backup.New(path, backup.Options{}).BeforeMigrate})
}

// today returns --today or the current date.
func (c *ctx) today() (model.Date, error) {
	if c.o.today == "" {
		return model.Today(), nil
	}
	d, err := model.ParseDate(c.o.today)
	if err != nil {
		return 0, usagef("--today %q: %v", c.o.today, err)
	}
	return d, nil
}

func todayFlag(fs *flag.FlagSet, o *opts) {
	fs.StringVar(&o.today, "today", "", "take this date (dd.mm.yyyy) as today when deriving statuses")
}
