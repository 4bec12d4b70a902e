// Command testreport runs go test with -json and keeps its output short:
// the lines of the packages (ok, FAIL, build errors) as go test prints them,
// the whole output of every test that failed or was skipped, and at the end
// every skipped test with its reason, a count, and the plain closing line
//
//	tests: N passed, N failed, N skipped
//
// It exits non-zero when go test does, when a test failed, or when a test
// was skipped without being on the allow-list (-allow FILE: lines of
// "package/TestName  reason", # comments). A skip nobody sees is a test
// that does not run, so every skip is either allowed, with its reason in
// the list, or a failure.
//
//	go run ./cmd/internal/testreport -allow .ci/allowed-skips -- go test -json ./...
package main

import (
	"bufio"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"os"
	"os/exec"
	"sort"
	"strings"
)

func main() {
	allowFile := flag.String("allow", "", "file of allowed skips (package/TestName reason)")
	flag.Usage = func() {
		fmt.Fprintln(os.Stderr, "usage: testreport [-allow FILE] -- go test -json [flags] [packages]")
		flag.PrintDefaults()
	}
	flag.Parse()
	if flag.NArg() == 0 {
		flag.Usage()
		os.Exit(2)
	}
	allowed, err := readAllowList(*allowFile)
	if err != nil {
		fmt.Fprintln(os.Stderr, "testreport:", err)
		os.Exit(2)
	}
	cmd := exec.Command(flag.Arg(0), flag.Args()[1:]...)
	cmd.Stderr = os.Stderr
	stdout, err := cmd.StdoutPipe()
	if err != nil {
		fmt.Fprintln(os.Stderr, "testreport:", err)
		os.Exit(2)
	}
	if err := cmd.Start(); err != nil {
		fmt.Fprintln(os.Stderr, "testreport:", err)
		os.Exit(2)
	}
	r := newReport(os.Stdout)
	if err := r.read(stdout); err != nil {
		fmt.Fprintln(os.Stderr, "testreport: reading go test's output:", err)
	}
	runErr := cmd.Wait()
	ok := r.summary(allowed)
	if runErr != nil {
		fmt.Fprintln(os.Stdout, "testreport:", strings.Join(cmd.Args, " "), "failed:", runErr)
		ok = false
	}
	if !ok {
		os.Exit(1)
	}
}

// readAllowList reads the allowed skips: one "package/TestName reason" a
// line; blank lines and lines starting with # are comments.
func readAllowList(path string) (map[string]string, error) {
	allowed := map[string]string{}
	if path == "" {
		return allowed, nil
	}
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	for n, line := range strings.Split(string(data), "\n") {
		line = strings.TrimSpace(line)
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		name, reason, _ := strings.Cut(line, " ")
		if strings.TrimSpace(reason) == "" {
			return nil, fmt.Errorf("%s:%d: %s has no reason", path, n+1, name)
		}
		allowed[name] = strings.TrimSpace(reason)
	}
	return allowed, nil
}

// event is one line of go test -json (cmd/test2json).
type event struct {
	Action     string
	Package    string
	ImportPath string // of build-output and build-fail events
	Test       string
	Output     string
}

// report collects the events of one run.
type report struct {
	out      io.Writer
	outputs  map[string][]string // output of each running test, by package/test
	passed   int
	failed   []string
	skipped  map[string]string // package/test → reason
	packages map[string]string // package → its final action
}

func newReport(out io.Writer) *report {
	return &report{out: out, outputs: map[string][]string{}, skipped: map[string]string{}, packages: map[string]string{}}
}

// read consumes go test -json output; lines that are not JSON (a build
// failure's text) are printed as they come.
func (r *report) read(in io.Reader) error {
	sc := bufio.NewScanner(in)
	sc.Buffer(make([]byte, 1<<20), 16<<20)
	for sc.Scan() {
		line := sc.Bytes()
		var e event
		if len(line) == 0 || line[0] != '{' || json.Unmarshal(line, &e) != nil {
			fmt.Fprintf(r.out, "%s\n", line)
			continue
		}
		r.add(e)
	}
	return sc.Err()
}

func (r *report) add(e event) {
	if e.Test == "" {
		r.addPackage(e)
		return
	}
	key := e.Package + "/" + e.Test
	switch e.Action {
	case "output":
		r.outputs[key] = append(r.outputs[key], e.Output)
	case "pass":
		r.passed++
		delete(r.outputs, key)
	case "fail":
		r.failed = append(r.failed, key)
		r.flush(key)
	case "skip":
		r.skipped[key] = skipReason(r.outputs[key])
		r.flush(key)
	}
}

func (r *report) addPackage(e event) {
	switch e.Action {
	case "output":
		// go test's own lines for the package: "ok  pkg 1.2s", "FAIL",
		// "--- FAIL", panics and output printed outside any test.
		if !strings.HasPrefix(e.Output, "=== ") && strings.TrimSpace(e.Output) != "PASS" {
			fmt.Fprint(r.out, e.Output)
		}
	case "build-output":
		// go 1.24+: the compiler's messages for a package that does not build.
		fmt.Fprint(r.out, e.Output)
	case "build-fail":
		r.packages[e.ImportPath] = "fail"
	case "pass", "fail", "skip":
		r.packages[e.Package] = e.Action
	}
}

// flush prints the output kept for a failed or skipped test.
func (r *report) flush(key string) {
	for _, line := range r.outputs[key] {
		if !strings.HasPrefix(line, "=== ") {
			fmt.Fprint(r.out, line)
		}
	}
	delete(r.outputs, key)
}

// skipReason is the text the test gave t.Skip: the lines it logged, with
// their file:line prefixes.
func skipReason(lines []string) string {
	var parts []string
	for _, l := range lines {
		l = strings.TrimSpace(l)
		if l == "" || strings.HasPrefix(l, "=== ") || strings.HasPrefix(l, "--- SKIP") {
			continue
		}
		parts = append(parts, l)
	}
	if len(parts) == 0 {
		return "(no reason given)"
	}
	return strings.Join(parts, " ")
}

// summary prints the skips and the closing line, and reports whether the
// run is acceptable: no failed test and no skip outside the allow-list.
func (r *report) summary(allowed map[string]string) bool {
	ok := len(r.failed) == 0
	names := make([]string, 0, len(r.skipped))
	for k := range r.skipped {
		names = append(names, k)
	}
	sort.Strings(names)
	if len(names) > 0 {
		fmt.Fprintln(r.out, "\nSkipped tests:")
	}
	for _, k := range names {
		if why, ok := allowed[k]; ok {
			fmt.Fprintf(r.out, "  %s (allowed: %s)\n    %s\n", k, why, r.skipped[k])
			continue
		}
		fmt.Fprintf(r.out, "  %s NOT ALLOWED: add it to the allow-list with its reason, or make it run\n    %s\n", k, r.skipped[k])
		ok = false
	}
	for _, k := range r.failed {
		fmt.Fprintf(r.out, "FAILED: %s\n", k)
	}
	for _, action := range r.packages {
		if action == "fail" {
			ok = false
		}
	}
	fmt.Fprintf(r.out, "\n%d tests, %d skipped\n", r.passed+len(r.failed)+len(r.skipped), len(r.skipped))
	fmt.Fprintf(r.out, "tests: %d passed, %d failed, %d skipped\n", r.passed, len(r.failed), len(r.skipped))
	return ok
}
