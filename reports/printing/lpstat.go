package printing

import "strings"

// The parsers below read what CUPS's lpstat and lp print with LC_ALL=C.
// They have no build tag, so their tests run everywhere; cups.go (not on
// Windows) runs the commands. Recorded outputs of CUPS 2.4 are in
// parse_test.go.

// parseDestinations makes the list of destinations from the output of
// "lpstat -e" (one name a line: printers, classes, and instances as
// printer/instance) and the default destination's name.
func parseDestinations(lpstatE, def string) []Destination {
	var list []Destination
	for _, line := range strings.Split(lpstatE, "\n") {
		name := strings.TrimSpace(line)
		if name == "" {
			continue
		}
		list = append(list, Destination{Name: name, Default: name == def})
	}
	return list
}

// parseDefault returns the name in "system default destination: NAME",
// or "" for "no system default destination".
func parseDefault(lpstatD string) string {
	for _, line := range strings.Split(lpstatD, "\n") {
		if name, ok := strings.CutPrefix(strings.TrimSpace(line), "system default destination:"); ok {
			return strings.TrimSpace(name)
		}
	}
	return ""
}

// printerStates are the words that follow a printer's name in "lpstat -p"
// (lpstat.c: idle, holding new jobs, printing, disabled).
var printerStates = []string{" is idle.", " is holding new jobs.", " now printing ", " disabled since "}

// printerNames picks the names out of the "printer NAME is idle. …" lines
// of "lpstat -p", one name a line. Lines that start with white space are
// the printer's state message ("\tPaused", "\tOut of toner"), whatever
// words they hold.
func printerNames(lpstatP string) string {
	var names []string
	for _, line := range strings.Split(lpstatP, "\n") {
		rest, ok := strings.CutPrefix(line, "printer ")
		if !ok {
			continue
		}
		end := -1
		for _, s := range printerStates {
			if i := strings.Index(rest, s); i > 0 && (end < 0 || i < end) {
				end = i
			}
		}
		if end > 0 {
			names = append(names, rest[:end])
		}
	}
	return strings.Join(names, "\n")
}

// lpKind tells which kind of failure a message of lp or lpstat reports.
func lpKind(msg string) error {
	for _, s := range []string{"No default destination", "names default destination that does not exist", "No destinations added", "Scheduler is not running", "Unable to connect to server"} {
		if strings.Contains(msg, s) {
			return ErrNoPrinter
		}
	}
	for _, s := range []string{"does not exist", "Invalid destination name", "Unknown destination"} {
		if strings.Contains(msg, s) {
			return ErrPrinterNotFound
		}
	}
	return ErrPrintFailed
}
