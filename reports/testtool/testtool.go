// Package testtool finds the external programs that tests need (pdftotext,
// pdftoppm, cupsd, …) and decides what happens when one is missing: on a
// developer's machine the test is skipped, saying what to install; in CI
// (the environment variable CI set to a non-empty value other than
// "false") it fails, so that a machine lacking a tool can never make CI
// look green by skipping the tests that needed it.
package testtool

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
)

// TB is the part of testing.TB the helpers use (so that tests of this
// package can record what they would do).
type TB interface {
	Helper()
	Skip(args ...any)
	Fatal(args ...any)
}

// InCI reports whether the tests run in CI, where a missing tool fails.
func InCI() bool {
	v := os.Getenv("CI")
	return v != "" && v != "false" && v != "0"
}

// Need returns the path of the program name, searched in PATH and then in
// /usr/sbin and /sbin (where Debian puts cupsd and lpadmin). When it is
// missing the test is skipped, or failed in CI; install says how to get it
// (for example "apt-get install poppler-utils").
func Need(t TB, name, install string) string {
	t.Helper()
	if p, err := exec.LookPath(name); err == nil {
		return p
	}
	for _, dir := range []string{"/usr/sbin", "/sbin"} {
		p := filepath.Join(dir, name)
		if st, err := os.Stat(p); err == nil && st.Mode().IsRegular() && st.Mode()&0o111 != 0 {
			return p
		}
	}
	Missing(t, "%s is not installed (%s)", name, install)
	return ""
}

// NeedFile checks that a file the test needs (a driver, a font) exists,
// and skips the test, or fails it in CI, when it does not.
func NeedFile(t TB, path, install string) {
	t.Helper()
	if _, err := os.Stat(path); err != nil {
		Missing(t, "%s is missing (%s)", path, install)
	}
}

// Missing skips the test with the formatted reason, or fails it in CI.
func Missing(t TB, format string, args ...any) {
	t.Helper()
	msg := fmt.Sprintf(format, args...)
	if InCI() {
		t.Fatal(msg + ": required in CI")
		return
	}
	t.Skip(msg)
}
