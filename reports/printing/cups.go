//go:build !windows

package printing

import (
	"bytes"
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"unicode"
)

// FileReadLater says whether the system may still read the printed file
// after Print returned. CUPS copies it into its spool before lp returns.
const FileReadLater = false

// System returns this computer's printing system: CUPS, through its lp
// and lpstat commands (CUPS_SERVER and lpoptions apply as in a terminal).
func System() Printer { return cups{} }

type cups struct{}

// Printers lists the destinations lpstat knows, marking the default one.
func (cups) Printers(ctx context.Context) ([]Destination, error) {
	out, err := lpRun(ctx, "lpstat", "-e")
	if err != nil && strings.Contains(strings.ToLower(err.Error()), "unknown option") {
		// CUPS before 2.2 has no -e: take the printers' lines instead.
		if out, err = lpRun(ctx, "lpstat", "-p"); err == nil {
			out = printerNames(out)
		}
	}
	if err != nil {
		if strings.Contains(err.Error(), "No destinations added") {
			return nil, nil
		}
		return nil, err
	}
	def := ""
	if d, err := lpRun(ctx, "lpstat", "-d"); err == nil {
		def = parseDefault(d)
	}
	return parseDestinations(out, def), nil
}

// Print runs lp -d PRINTER -n COPIES -t TITLE FILE.
func (cups) Print(ctx context.Context, pdfPath string, job Job) error {
	if err := job.Check(); err != nil {
		return err
	}
	// An absolute path never starts with "-", so lp cannot take it for
	// an option.
	abs, err := filepath.Abs(pdfPath)
	if err != nil {
		return err
	}
	if _, err := os.Stat(abs); err != nil {
		return err
	}
	var args []string
	if job.Printer != "" {
		args = append(args, "-d", job.Printer)
	}
	args = append(args, "-n", strconv.Itoa(job.Copies))
	if t := job.title(); t != "" {
		args = append(args, "-t", t)
	}
	_, err = lpRun(ctx, "lp", append(args, abs)...)
	return err
}

// title is the job's title on one line.
func (j Job) title() string {
	return strings.Join(strings.FieldsFunc(j.Title, unicode.IsControl), " ")
}

// lpRun runs a CUPS command with its messages in English (to tell the
// failures apart; titles stay UTF-8) and returns its output, or an *Error
// with its standard error.
func lpRun(ctx context.Context, name string, args ...string) (string, error) {
	path, err := exec.LookPath(name)
	if err != nil {
		return "", &Error{Kind: ErrNoPrinter, Detail: name + " is not installed: CUPS is missing"}
	}
	cmd := exec.CommandContext(ctx, path, args...)
	cmd.Args[0] = name // its messages start "lp: …"
	cmd.Env = append(os.Environ(), "LC_ALL=C")
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	if err := cmd.Run(); err != nil {
		msg := strings.TrimSpace(stderr.String())
		if msg == "" {
			msg = name + ": " + err.Error()
		}
		return stdout.String(), failure(ctx, lpKind(msg), msg)
	}
	return stdout.String(), nil
}
