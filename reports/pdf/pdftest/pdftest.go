// Package pdftest reads PDFs back in tests the way a user would read them:
// through poppler's pdftotext (make test installs poppler-utils).
package pdftest

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// Text returns the text of the PDF file at path with its whitespace
// collapsed to single spaces, in reading order (pdftotext -layout keeps
// the columns of a bilingual memorandum apart).
func Text(tb testing.TB, path string) string {
	tb.Helper()
	out, err := exec.Command("pdftotext", "-layout", path, "-").Output()
	if err != nil {
		tb.Fatalf("pdftotext %s: %v (install poppler-utils: make test-deps)", path, err)
	}
	return strings.Join(strings.Fields(string(out)), " ")
}

// TextOf is Text for a PDF held in memory.
func TextOf(tb testing.TB, data []byte) string {
	tb.Helper()
	path := filepath.Join(tb.TempDir(), "doc.pdf")
	if err := os.WriteFile(path, data, 0o600); err != nil {
		tb.Fatal(err)
	}
	return Text(tb, path)
}
