package printing

import (
	"errors"
	"testing"
)

// The Windows printer's choice of verb (windows.go), tested here on
// every system.
func TestShellVerb(t *testing.T) {
	list := []Destination{{Name: "Microsoft Print to PDF"}, {Name: "HP LaserJet (Деканат)", Default: true}, {Name: `\\server\Office`}}
	for _, c := range []struct {
		list       []Destination
		printer    string
		verb, args string
		err        error
	}{
		{list, "", "print", "", nil},
		{list, "HP LaserJet (Деканат)", "print", "", nil},
		{list, "Microsoft Print to PDF", "printto", `"Microsoft Print to PDF"`, nil},
		{list, `\\server\Office`, "printto", `"\\server\Office"`, nil},
		{list, "Nobody", "", "", ErrPrinterNotFound},
		{nil, "", "", "", ErrNoPrinter},
		{nil, "Nobody", "", "", ErrNoPrinter},
		{[]Destination{{Name: "Office"}}, "", "", "", ErrNoPrinter}, // no default, none named
		{[]Destination{{Name: "Office"}}, "Office", "printto", `"Office"`, nil},
	} {
		verb, args, err := shellVerb(c.list, c.printer)
		if verb != c.verb || args != c.args || (c.err == nil) != (err == nil) || (c.err != nil && !errors.Is(err, c.err)) {
			t.Errorf("shellVerb(%d printers, %q) = %q %q %v, want %q %q %v", len(c.list), c.printer, verb, args, err, c.verb, c.args, c.err)
		}
	}
}

func TestShellErrKind(t *testing.T) {
	for code, want := range map[uint32]error{
		1155: ErrNoPDFProgram,    // ERROR_NO_ASSOCIATION
		1801: ErrPrinterNotFound, // ERROR_INVALID_PRINTER_NAME
		5:    ErrPrintFailed,     // ERROR_ACCESS_DENIED
		2:    ErrPrintFailed,     // ERROR_FILE_NOT_FOUND
	} {
		if got := shellErrKind(code); got != want {
			t.Errorf("shellErrKind(%d) = %v, want %v", code, got, want)
		}
	}
}
