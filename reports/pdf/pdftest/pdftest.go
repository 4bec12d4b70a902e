// Package pdftest reads PDFs back in tests the way a user would read them:
// through poppler's pdftotext (make test installs poppler-utils).
package pdftest

import (
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// Timeout bounds every tool a test runs: pdftotext reads a memorandum in
// milliseconds, so a minute means it hangs.
const Timeout = time.Minute

// Text returns the text of the PDF file at path with its whitespace
// collapsed to single spaces, in reading order (pdftotext -layout keeps
// the columns of a bilingual memorandum apart).
func Text(tb testing.TB, path string) string {
	tb.Helper()
	return strings.Join(strings.Fields(layout(tb, path)), " ")
}

// Lines returns the lines of the PDF file at path as pdftotext -layout
// lays them out, each with its runs of spaces collapsed to one, without
// blank lines: text a golden file can hold and a reviewer can diff.
// Pages are separated by a line holding `\f` (a backslash and an f).
func Lines(tb testing.TB, path string) []string {
	tb.Helper()
	var out []string
	for _, page := range strings.Split(layout(tb, path), "\f") {
		if len(out) > 0 {
			out = append(out, "\\f")
		}
		for _, line := range strings.Split(page, "\n") {
			if f := strings.Fields(line); len(f) > 0 {
				out = append(out, strings.Join(f, " "))
			}
		}
	}
	if len(out) > 0 && out[len(out)-1] == "\\f" {
		out = out[:len(out)-1]
	}
	return out
}

// layout runs pdftotext -layout on the file at path.
func layout(tb testing.TB, path string) string {
	tb.Helper()
	ctx, cancel := context.WithTimeout(tb.Context(), Timeout)
	defer cancel()
	out, err := exec.CommandContext(ctx, "pdftotext", "-layout", path, "-").Output()
	if err != nil {
		tb.Fatalf("pdftotext %s: %v (install poppler-utils: make test-deps)", path, err)
	}
	return string(out)
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
