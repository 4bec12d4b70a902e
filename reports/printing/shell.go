package printing

import "slices"

// The decisions of the Windows printer (windows.go), without build tag so
// that their tests run on every system.

// shellVerb chooses the shell verb that prints a PDF file on printer ("":
// the default) among list: "print" for the default printer (more PDF
// programs know it than "printto"), else "printto" with the printer's
// name, quoted, as its argument.
func shellVerb(list []Destination, printer string) (verb, args string, err error) {
	def := DefaultName(list)
	if len(list) == 0 || (printer == "" && def == "") {
		return "", "", &Error{Kind: ErrNoPrinter}
	}
	if printer == "" || printer == def {
		return "print", "", nil
	}
	if !slices.ContainsFunc(list, func(d Destination) bool { return d.Name == printer }) {
		return "", "", &Error{Kind: ErrPrinterNotFound, Detail: printer}
	}
	return "printto", `"` + printer + `"`, nil
}

// Windows error codes ShellExecute returns that have a kind of their own
// (winerror.h; windows.go checks them against x/sys/windows).
const (
	errorNoAssociation      = 1155 // ERROR_NO_ASSOCIATION
	errorInvalidPrinterName = 1801 // ERROR_INVALID_PRINTER_NAME
)

// shellErrKind tells the kind of a ShellExecute failure by its code.
func shellErrKind(code uint32) error {
	switch code {
	case errorNoAssociation:
		return ErrNoPDFProgram
	case errorInvalidPrinterName:
		return ErrPrinterNotFound
	}
	return ErrPrintFailed
}
