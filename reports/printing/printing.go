// Package printing sends PDF files to the computer's printers and renders
// their pages as images for a preview. It imports no GUI toolkit, so the
// desktop app and partnerctl share it.
//
// System returns the implementation for the operating system the program
// was built for: CUPS's lp and lpstat on Linux and macOS (build tag
// !windows), the shell's "print"/"printto" verb for PDF files on Windows.
// Tests use printtest.Fake, which records what it was sent.
//
//	p := printing.System()
//	err := p.Print(ctx, "memo.pdf", printing.Job{Copies: 2, Title: "СП-2026/001"})
//	if errors.Is(err, printing.ErrNoPrinter) { /* offer Save as PDF instead */ }
//
// Every error Print and Printers return about the printers themselves is an
// *Error whose Kind is one of the Err… values below, so that callers can
// say it plainly and add the system's own words (Detail).
package printing

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"unicode"
)

// Printer lists the printers and sends PDF files to one of them.
type Printer interface {
	// Printers lists the printers documents can be sent to. An empty list
	// and no error means no printer is set up.
	Printers(ctx context.Context) ([]Destination, error)
	// Print sends the PDF file at pdfPath to the printer of the job. It
	// returns once the system has accepted the job, not when the paper
	// is out. The file must stay in place until then, and longer where
	// FileReadLater is true.
	Print(ctx context.Context, pdfPath string, job Job) error
}

// Destination is a printer (or a CUPS class of printers) documents can
// be sent to.
type Destination struct {
	Name    string
	Default bool // the system's default printer
}

// Job says where and how a document is printed.
type Job struct {
	Printer string // a Destination's Name; "" is the default printer
	Copies  int    // 1 to MaxCopies
	Title   string // the job's name in the printer's queue
}

// MaxCopies is the largest number of copies one job may ask for.
const MaxCopies = 99

// The kinds of printing failures.
var (
	// ErrNoPrinter means no printer is set up, or there is no default
	// printer and the job names none, or the printing system is absent.
	ErrNoPrinter = errors.New("no printer is set up on this computer")
	// ErrPrinterNotFound means the job names a printer the system does
	// not know.
	ErrPrinterNotFound = errors.New("the printer does not exist")
	// ErrNoPDFProgram means no program is registered to print PDF files
	// (Windows).
	ErrNoPDFProgram = errors.New("no program on this computer can print PDF files")
	// ErrPrintFailed is any other refusal of the printing system.
	ErrPrintFailed = errors.New("the printing system refused the document")
	// ErrNoPreview means pages cannot be rendered here: poppler's
	// pdftoppm is not installed.
	ErrNoPreview = errors.New("pdftoppm (poppler) is not installed: no preview")
)

// Error is a printing failure: its Kind (one of the Err… values) and what
// the system said, if anything.
type Error struct {
	Kind   error
	Detail string // the system's message, e.g. lp's standard error
}

// Error implements the error interface for Error.
func (e *Error) Error() string {
	if e.Detail == "" {
		return e.Kind.Error()
	}
	return e.Kind.Error() + " (" + e.Detail + ")"
}

// Unwrap returns the Kind, so that errors.Is(err, ErrNoPrinter) works.
func (e *Error) Unwrap() error { return e.Kind }

// DefaultName returns the name of the default printer in list, or "".
func DefaultName(list []Destination) string {
	for _, d := range list {
		if d.Default {
			return d.Name
		}
	}
	return ""
}

// Check reports whether the job can be sent: copies within 1 to
// MaxCopies, and a printer name that cannot be mistaken for an option.
func (j Job) Check() error {
	if j.Copies < 1 || j.Copies > MaxCopies {
		return fmt.Errorf("copies must be 1 to %d, not %d", MaxCopies, j.Copies)
	}
	if strings.HasPrefix(j.Printer, "-") || strings.IndexFunc(j.Printer, unicode.IsControl) >= 0 {
		return &Error{Kind: ErrPrinterNotFound, Detail: fmt.Sprintf("%q is not a printer's name", j.Printer)}
	}
	return nil
}

// failure makes an *Error of a context error or of kind and detail.
func failure(ctx context.Context, kind error, detail string) error {
	if err := ctx.Err(); err != nil {
		return err
	}
	return &Error{Kind: kind, Detail: strings.TrimSpace(detail)}
}
