package main

import (
	"os"
	"strings"
	"testing"
)

// A recorded go test -json run: one pass, one skip with a reason, one
// failure with its log line, and the package lines.
const run = `{"Action":"start","Package":"p"}
{"Action":"run","Package":"p","Test":"TestA"}
{"Action":"output","Package":"p","Test":"TestA","Output":"=== RUN   TestA\n"}
{"Action":"output","Package":"p","Test":"TestA","Output":"--- PASS: TestA (0.00s)\n"}
{"Action":"pass","Package":"p","Test":"TestA"}
{"Action":"output","Package":"p","Test":"TestB","Output":"=== RUN   TestB\n"}
{"Action":"output","Package":"p","Test":"TestB","Output":"    b_test.go:9: pdftoppm is not installed\n"}
{"Action":"output","Package":"p","Test":"TestB","Output":"--- SKIP: TestB (0.00s)\n"}
{"Action":"skip","Package":"p","Test":"TestB"}
{"Action":"output","Package":"p","Test":"TestC","Output":"    c_test.go:3: got 2, want 3\n"}
{"Action":"output","Package":"p","Test":"TestC","Output":"--- FAIL: TestC (0.00s)\n"}
{"Action":"fail","Package":"p","Test":"TestC"}
{"Action":"output","Package":"p","Output":"FAIL\tp\t0.01s\n"}
{"Action":"fail","Package":"p"}
not json: a build error
{"ImportPath":"q [q.test]","Action":"build-output","Output":"q/x_test.go:3:1: undefined: y\n"}
{"ImportPath":"q [q.test]","Action":"build-fail"}
`

func TestReport(t *testing.T) {
	var out strings.Builder
	r := newReport(&out)
	if err := r.read(strings.NewReader(run)); err != nil {
		t.Fatal(err)
	}
	if r.summary(map[string]string{"p/TestB": "poppler is optional here"}) {
		t.Error("a run with a failed test is acceptable")
	}
	text := out.String()
	for _, want := range []string{
		"c_test.go:3: got 2, want 3", "FAIL\tp\t0.01s", "not json: a build error", "undefined: y",
		"p/TestB (allowed: poppler is optional here)", "pdftoppm is not installed",
		"3 tests, 1 skipped", "tests: 1 passed, 1 failed, 1 skipped",
	} {
		if !strings.Contains(text, want) {
			t.Errorf("output lacks %q:\n%s", want, text)
		}
	}
	if strings.Contains(text, "=== RUN") || strings.Contains(text, "--- PASS") {
		t.Errorf("passing tests' output printed:\n%s", text)
	}
}

func TestSkipNotAllowed(t *testing.T) {
	var out strings.Builder
	r := newReport(&out)
	r.read(strings.NewReader(`{"Action":"output","Package":"p","Test":"TestB","Output":"    b_test.go:9: no data\n"}
{"Action":"skip","Package":"p","Test":"TestB"}
{"Action":"pass","Package":"p"}
`))
	if r.summary(nil) {
		t.Error("a skip outside the allow-list is acceptable")
	}
	if !strings.Contains(out.String(), "p/TestB NOT ALLOWED") || !strings.Contains(out.String(), "tests: 0 passed, 0 failed, 1 skipped") {
		t.Errorf("output:\n%s", out.String())
	}
	out.Reset()
	r = newReport(&out)
	r.read(strings.NewReader(`{"Action":"pass","Package":"p","Test":"TestA"}
{"Action":"pass","Package":"p"}
`))
	if !r.summary(nil) || !strings.Contains(out.String(), "1 tests, 0 skipped") {
		t.Errorf("a clean run: %s", out.String())
	}
}

func TestAllowList(t *testing.T) {
	path := t.TempDir() + "/allow"
	for text, wantErr := range map[string]bool{
		"# comment\n\np/TestB  needs a printer\n": false,
		"p/TestB\n": true,
	} {
		if err := writeFile(path, text); err != nil {
			t.Fatal(err)
		}
		got, err := readAllowList(path)
		if (err != nil) != wantErr {
			t.Errorf("%q: %v", text, err)
		}
		if !wantErr && got["p/TestB"] != "needs a printer" {
			t.Errorf("%q: %v", text, got)
		}
	}
}

func writeFile(path, text string) error { return os.WriteFile(path, []byte(text), 0o600) }

func TestBuildFailure(t *testing.T) {
	var out strings.Builder
	r := newReport(&out)
	r.read(strings.NewReader(`{"ImportPath":"q [q.test]","Action":"build-output","Output":"q/x_test.go:3:1: undefined: y\n"}
{"ImportPath":"q [q.test]","Action":"build-fail"}
{"Action":"pass","Package":"p","Test":"TestA"}
`))
	if r.summary(nil) {
		t.Errorf("a run whose package did not build is acceptable:\n%s", out.String())
	}
}
