package printing

import (
	"errors"
	"reflect"
	"testing"
)

// Outputs recorded from CUPS 2.4.2 (Debian 12) with LC_ALL=C, on a private
// cupsd with raw queues: Office and HP_LaserJet_M404 (both in the class
// AllPrinters), Деканат, Broken (disabled: cupsdisable -r "Out of
// toner"), Hold (rejecting jobs: cupsreject), and two instances of
// Office made with lpoptions -p. CUPS allows no spaces in names:
// `lpadmin -p "Dean Office"` says "lpadmin: Printer name can only contain
// printable characters.", and lpoptions -p "Office/Two copies" makes the
// instance "Office/Two".
const (
	lpstatE = "Деканат\nAllPrinters\nBroken\nHold\nHP_LaserJet_M404\nOffice\nOffice/duplex\nOffice/Two\n"

	lpstatDNone     = "no system default destination\n"
	lpstatDServer   = "system default destination: HP_LaserJet_M404\n"
	lpstatDInstance = "system default destination: Office/duplex\n"

	lpstatP = `printer Деканат is idle.  enabled since Wed Dec  2 02:19:33 2026
printer AllPrinters is idle.  enabled since Wed Dec  2 02:19:33 2026
printer Broken disabled since Wed Dec  2 02:19:33 2026 -
	Out of toner
printer Hold is idle.  enabled since Wed Dec  2 02:19:33 2026
	Rejecting Jobs
printer HP_LaserJet_M404 is idle.  enabled since Wed Dec  2 02:19:33 2026
printer Office disabled since Wed Dec  2 02:19:39 2026 -
	Paused
`
	// No printers at all: lpstat -e prints nothing and succeeds; lpstat
	// -p fails with this message.
	lpstatPNone = "lpstat: No destinations added."
)

func TestParseDestinations(t *testing.T) {
	names := []string{"Деканат", "AllPrinters", "Broken", "Hold", "HP_LaserJet_M404", "Office", "Office/duplex", "Office/Two"}
	for _, c := range []struct {
		lpstatD, def string
	}{
		{lpstatDNone, ""},
		{lpstatDServer, "HP_LaserJet_M404"},
		{lpstatDInstance, "Office/duplex"},
	} {
		def := parseDefault(c.lpstatD)
		if def != c.def {
			t.Errorf("parseDefault(%q) = %q, want %q", c.lpstatD, def, c.def)
		}
		var want []Destination
		for _, n := range names {
			want = append(want, Destination{Name: n, Default: n == c.def})
		}
		if got := parseDestinations(lpstatE, def); !reflect.DeepEqual(got, want) {
			t.Errorf("default %q: got %+v", c.def, got)
		}
		if got := DefaultName(parseDestinations(lpstatE, def)); got != c.def {
			t.Errorf("DefaultName = %q, want %q", got, c.def)
		}
	}
	if got := parseDestinations("", ""); len(got) != 0 {
		t.Errorf("no printers: %+v", got)
	}
	// Windows line ends and stray blanks do not make names.
	if got := parseDestinations("Office\r\n\r\n  Dean  \n", "Dean"); !reflect.DeepEqual(got, []Destination{{Name: "Office"}, {Name: "Dean", Default: true}}) {
		t.Errorf("CRLF: %+v", got)
	}
	// Should a name with a space ever come (another CUPS, a remote
	// server), it stays one name.
	if got := parseDestinations("Dean Office\nOffice\n", parseDefault("system default destination: Dean Office\n")); !reflect.DeepEqual(got, []Destination{{Name: "Dean Office", Default: true}, {Name: "Office"}}) {
		t.Errorf("a name with a space: %+v", got)
	}
}

// printerNames reads lpstat -p (CUPS before 2.2 has no -e): every
// printer, disabled ones too, and nothing from the indented state
// messages, even one that starts with the word "printer".
func TestPrinterNames(t *testing.T) {
	want := "Деканат\nAllPrinters\nBroken\nHold\nHP_LaserJet_M404\nOffice"
	if got := printerNames(lpstatP); got != want {
		t.Errorf("printerNames = %q, want %q", got, want)
	}
	withMessage := "printer Office is idle.  enabled since Wed Dec  2 02:19:33 2026\n\tprinter is out of paper\n"
	if got := printerNames(withMessage); got != "Office" {
		t.Errorf("a state message taken for a printer: %q", got)
	}
	spaced := "printer Dean Office now printing Dean Office-3.  enabled since Wed Dec  2 02:19:33 2026\nprinter Hall is holding new jobs.  enabled since Wed Dec  2 02:19:33 2026\n"
	if got := printerNames(spaced); got != "Dean Office\nHall" {
		t.Errorf("printing and holding printers: %q", got)
	}
	if got := printerNames(lpstatPNone); got != "" {
		t.Errorf("no printers: %q", got)
	}
}

// lpKind sorts the messages CUPS 2.4 printed in the recording.
func TestLpKind(t *testing.T) {
	for msg, want := range map[string]error{
		// The user's default (lpoptions -d) names a printer since deleted:
		// the job named no printer, so there is no default printer.
		"lp: Error - ~/.cups/lpoptions file names default destination that does not exist.": ErrNoPrinter,
		"lp: Error - No default destination.":                                               ErrNoPrinter,
		"lpstat: No destinations added.":                                                    ErrNoPrinter,
		"lp: Error - Scheduler is not running.":                                             ErrNoPrinter,
		"lpstat: Unable to connect to server":                                               ErrNoPrinter,
		"lp: Error - The printer or class does not exist.":                                  ErrPrinterNotFound,
		`lpstat: Invalid destination name in list "Nobody".`:                                ErrPrinterNotFound,
		`lp: Destination "Hold" is not accepting jobs.`:                                     ErrPrintFailed,
		"lp: Error - unable to access \"/x.pdf\" - No such file or directory":               ErrPrintFailed,
	} {
		if got := lpKind(msg); !errors.Is(got, want) {
			t.Errorf("lpKind(%q) = %v, want %v", msg, got, want)
		}
	}
}
