package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"os/signal"
	"path/filepath"
	"strings"
	"time"

	"github.com/partnerdesk/partnerdesk/model/store"
	"github.com/partnerdesk/partnerdesk/reports/pdf"
	"github.com/partnerdesk/partnerdesk/reports/printing"
)

// systemPrinter returns the printer print --printer uses; tests replace
// it with a fake.
var systemPrinter = printing.System

// printTimeout bounds the wait for the printing system to take the job.
const printTimeout = 2 * time.Minute

// printerFlag is --printer (the default printer) or --printer=NAME. It is
// a boolean flag to the flag package, so that a bare --printer takes no
// value; a name must follow an "=".
type printerFlag struct {
	set  bool
	name string
}

func (f *printerFlag) String() string {
	if f == nil {
		return ""
	}
	return f.name
}

func (f *printerFlag) Set(s string) error {
	switch s {
	case "true":
		f.set, f.name = true, ""
	case "false":
		f.set, f.name = false, ""
	default:
		f.set, f.name = true, s
	}
	return nil
}

// IsBoolFlag lets --printer stand alone.
func (f *printerFlag) IsBoolFlag() bool { return true }

// printTemp writes the document to a temporary file, prints it and
// removes it — except where the system reads it after Print returned
// (Windows), where it stays in the temporary folder.
func printTemp(c *ctx, s *store.Store, write func(io.Writer) error, o pdf.Options) error {
	dir, err := os.MkdirTemp("", "partnerctl-print-")
	if err != nil {
		return err
	}
	path := filepath.Join(dir, fileName(jobTitle(c, o))+".pdf")
	if printing.FileReadLater {
		defer fmt.Fprintf(c.out, "the PDF stays at %s for the program that prints it\n", path)
	} else {
		defer os.RemoveAll(dir)
	}
	if err := pdf.WriteFile(s, path, write); err != nil {
		return err
	}
	return sendToPrinter(c, path, o)
}

// sendToPrinter prints the PDF at path as --printer and --copies say.
func sendToPrinter(c *ctx, path string, o pdf.Options) error {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	defer stop()
	ctx, cancel := context.WithTimeout(ctx, printTimeout)
	defer cancel()
	job := printing.Job{Printer: c.o.printer.name, Copies: c.o.copies, Title: jobTitle(c, o)}
	if err := systemPrinter().Print(ctx, path, job); err != nil {
		if errors.Is(err, printing.ErrNoPrinter) && c.o.out == "" {
			return fmt.Errorf("%w; write the PDF with --out FILE.pdf and print it elsewhere", err)
		}
		if c.o.out != "" {
			return fmt.Errorf("%w; the PDF is at %s", err, c.o.out)
		}
		return err
	}
	printer := "the default printer"
	if job.Printer != "" {
		printer = "printer " + job.Printer
	}
	fmt.Fprintf(c.out, "sent to %s: %s, %d cop%s\n", printer, job.Title, job.Copies, map[bool]string{true: "y", false: "ies"}[job.Copies == 1])
	return nil
}

// jobTitle names the print job: the document and its language,
// "СП-2026/001-kk+ru".
func jobTitle(c *ctx, o pdf.Options) string {
	name := c.args[0]
	if len(c.args) > 1 {
		name = c.args[1]
	}
	if o.Bilingual != "" {
		return name + "-" + o.Bilingual
	}
	return name + "-" + o.Lang
}

// fileName replaces the characters file systems refuse.
func fileName(s string) string {
	return strings.Map(func(r rune) rune {
		if strings.ContainsRune(`/\:*?"<>|`, r) || r < 0x20 {
			return '-'
		}
		return r
	}, s)
}
