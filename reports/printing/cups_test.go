//go:build linux

package printing_test

import (
	"context"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"os/user"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/partnerdesk/partnerdesk/reports/pdf/pdftest"

	"github.com/partnerdesk/partnerdesk/reports/printing"
	"github.com/partnerdesk/partnerdesk/reports/testtool"
)

// genericPDF is cups-filters' driver for a printer that takes PDF: CUPS
// runs its pdftopdf filter, which also makes the copies.
const genericPDF = "/usr/share/ppd/cupsfilters/Generic-PDF_Printer-PDF.ppd"

// TestCUPS prints a real memorandum through a real CUPS scheduler to a
// printer whose device is a file, and reads the file back.
//
// The test changes no system configuration and needs no running CUPS: it
// starts a private cupsd of its own (configuration, spool and socket in a
// temporary folder, "FileDevice Yes" in its own cups-files.conf), points
// lp, lpstat and lpadmin at it with CUPS_SERVER, and stops it at the end.
// A raw queue would be simpler but writes nothing to a file: device when
// no filter runs, so the printer uses the Generic PDF Printer driver of
// cups-filters. It is skipped, saying why, when cupsd, the CUPS client
// commands or that driver are missing (Debian: apt-get install cups).
func TestCUPS(t *testing.T) {
	const install = "Debian: apt-get install cups"
	cupsd := testtool.Need(t, "cupsd", install)
	lpadmin := testtool.Need(t, "lpadmin", install)
	testtool.Need(t, "lp", install)
	testtool.Need(t, "lpstat", install)
	testtool.NeedFile(t, genericPDF, "Debian: apt-get install cups-filters")
	dir := startCUPS(t, cupsd)
	ctx := context.Background()
	p := printing.System()
	memo := memorandum(t, dir)

	// No printer yet: an empty list, and a job is refused plainly.
	if list, err := p.Printers(ctx); err != nil || len(list) != 0 {
		t.Fatalf("no printers: %v %v", list, err)
	}
	if err := p.Print(ctx, memo, printing.Job{Copies: 1}); !errors.Is(err, printing.ErrNoPrinter) {
		t.Fatalf("printing with no printer: %v", err)
	}

	// CUPS 2.4 opens a file: device without O_CREAT (it is meant for
	// device nodes), so the output file must exist before the job runs.
	out := filepath.Join(dir, "out", "printed.pdf")
	writeFile(t, out, "")
	run(t, lpadmin, "-p", "pdtest", "-E", "-v", "file://"+out, "-P", genericPDF)
	run(t, lpadmin, "-p", "office", "-E", "-v", "file:///dev/null", "-P", genericPDF)
	if err := p.Print(ctx, memo, printing.Job{Copies: 1}); !errors.Is(err, printing.ErrNoPrinter) {
		t.Errorf("printing with no default printer: %v", err)
	}
	run(t, lpadmin, "-d", "pdtest")
	list, err := p.Printers(ctx)
	if err != nil || len(list) != 2 || printing.DefaultName(list) != "pdtest" {
		t.Fatalf("printers: %+v %v", list, err)
	}
	if err := p.Print(ctx, memo, printing.Job{Printer: "nosuch", Copies: 1}); !errors.Is(err, printing.ErrPrinterNotFound) {
		t.Errorf("printing to an unknown printer: %v", err)
	}

	title := "Меморандум " + memoNumber
	if err := p.Print(ctx, memo, printing.Job{Copies: 2, Title: title}); err != nil {
		t.Fatal(err)
	}
	waitForJobs(t, dir)
	if text := pdftest.Text(t, out); !strings.Contains(text, memoNumber) || !strings.Contains(text, "«Қазақстан темір жолы» ұлттық компаниясы") {
		t.Errorf("the printed file is not the memorandum:\n%.300s", text)
	}
	if got, want := pdfPages(t, out), 2*pdfPages(t, memo); got != want {
		t.Errorf("printed %d pages, want %d (two copies)", got, want)
	}
	log, _ := os.ReadFile(filepath.Join(dir, "log", "error_log"))
	if !strings.Contains(string(log), fmt.Sprintf(`argv[3]="%s"`, title)) {
		t.Errorf("the job's title %q did not reach CUPS", title)
	}
}

// startCUPS starts a private scheduler and returns its folder. lp, lpstat
// and lpadmin talk to it (CUPS_SERVER), and no ~/.cups/lpoptions or
// LPDEST gets in the way.
func startCUPS(t *testing.T, cupsd string) string {
	t.Helper()
	// A short path: the socket's must fit in 108 bytes.
	dir, err := os.MkdirTemp("", "pdcups")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { os.RemoveAll(dir) })
	// The filters run as user lp: they must reach the spool.
	for _, d := range []string{dir, dir + "/out"} {
		if err := os.MkdirAll(d, 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.Chmod(d, 0o755); err != nil {
			t.Fatal(err)
		}
	}
	for _, d := range []string{"spool/tmp", "cache", "state", "log", "ppd"} {
		if err := os.MkdirAll(filepath.Join(dir, d), 0o755); err != nil {
			t.Fatal(err)
		}
	}
	sock := filepath.Join(dir, "cups.sock")
	writeFile(t, filepath.Join(dir, "cupsd.conf"), "Listen "+sock+`
LogLevel debug
WebInterface No
Browsing No
DefaultAuthType None
<Location />
Order allow,deny
Allow all
</Location>
<Policy default>
<Limit All>
Order deny,allow
</Limit>
</Policy>
`)
	files := fmt.Sprintf(`ServerRoot %[1]s
RequestRoot %[1]s/spool
TempDir %[1]s/spool/tmp
CacheDir %[1]s/cache
StateDir %[1]s/state
ErrorLog %[1]s/log/error_log
AccessLog %[1]s/log/access_log
PageLog %[1]s/log/page_log
ServerBin /usr/lib/cups
DataDir /usr/share/cups
FileDevice Yes
Printcap %[1]s/printcap
`, dir)
	if os.Geteuid() != 0 {
		// Not root: cupsd cannot switch to user lp; it runs everything as
		// the current user.
		u, err := user.Current()
		if err != nil {
			t.Fatal(err)
		}
		g, err := user.LookupGroupId(u.Gid)
		if err != nil {
			t.Fatal(err)
		}
		files += fmt.Sprintf("User %s\nGroup %s\nSystemGroup %s\n", u.Username, g.Name, g.Name)
	}
	writeFile(t, filepath.Join(dir, "cups-files.conf"), files)

	cmd := exec.Command(cupsd, "-f", "-c", filepath.Join(dir, "cupsd.conf"), "-s", filepath.Join(dir, "cups-files.conf"))
	var stderr strings.Builder
	cmd.Stdout, cmd.Stderr = &stderr, &stderr
	if err := cmd.Start(); err != nil {
		t.Fatalf("cannot start cupsd: %v", err)
	}
	// done is closed when cupsd has ended, so that any number of readers
	// (the start-up loop and the cleanup) see it and none can block.
	done := make(chan struct{})
	var waitErr error
	go func() { waitErr = cmd.Wait(); close(done) }()
	t.Cleanup(func() {
		cmd.Process.Signal(syscall.SIGTERM)
		select {
		case <-done:
		case <-time.After(10 * time.Second):
			cmd.Process.Kill()
			select {
			case <-done:
			case <-time.After(10 * time.Second):
				t.Errorf("cupsd (pid %d) did not end after SIGKILL", cmd.Process.Pid)
			}
		}
	})
	t.Setenv("CUPS_SERVER", sock)
	t.Setenv("HOME", dir)
	for _, v := range []string{"LPDEST", "PRINTER"} {
		if old, ok := os.LookupEnv(v); ok {
			os.Unsetenv(v)
			t.Cleanup(func() { os.Setenv(v, old) })
		}
	}
	// Wait until it answers (a deadline, not a measurement).
	for deadline := time.Now().Add(20 * time.Second); ; time.Sleep(100 * time.Millisecond) {
		select {
		case <-done:
			log, _ := os.ReadFile(filepath.Join(dir, "log", "error_log"))
			t.Fatalf("cupsd stopped at once (%v): %s\n%s", waitErr, stderr.String(), log)
		default:
		}
		if _, err := os.Stat(sock); err == nil {
			if out, _ := exec.Command("lpstat", "-r").Output(); strings.Contains(string(out), "is running") {
				return dir
			}
		}
		if time.Now().After(deadline) {
			t.Fatalf("cupsd did not answer within 20 s: %s", stderr.String())
		}
	}
}

// waitForJobs waits until the scheduler in dir has no job left to do; when
// the deadline passes it shows the end of the scheduler's log.
func waitForJobs(t *testing.T, dir string) {
	t.Helper()
	for deadline := time.Now().Add(60 * time.Second); ; time.Sleep(200 * time.Millisecond) {
		out, err := exec.Command("lpstat", "-o").Output()
		if err == nil && strings.TrimSpace(string(out)) == "" {
			return
		}
		if time.Now().After(deadline) {
			log, _ := os.ReadFile(filepath.Join(dir, "log", "error_log"))
			t.Fatalf("jobs still pending after 60 s: %s\nend of the scheduler's log:\n%s", out, jobLog(string(log)))
		}
	}
}

func run(t *testing.T, name string, args ...string) {
	t.Helper()
	out, err := exec.Command(name, args...).CombinedOutput()
	if err != nil {
		t.Fatalf("%s %s: %v\n%s", name, strings.Join(args, " "), err, out)
	}
}

func writeFile(t *testing.T, path, text string) {
	t.Helper()
	if err := os.WriteFile(path, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
}

// jobLog returns the lines of a scheduler log about jobs, and its errors
// and warnings, at most the last 60.
func jobLog(text string) string {
	var keep []string
	for _, line := range strings.Split(text, "\n") {
		if strings.Contains(line, "[Job ") || strings.HasPrefix(line, "E ") || strings.HasPrefix(line, "W ") {
			keep = append(keep, line)
		}
	}
	return strings.Join(keep[max(0, len(keep)-60):], "\n")
}
