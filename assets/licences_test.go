package assets

import (
	"context"
	"os"
	"os/exec"
	"slices"
	"strings"
	"testing"
	"time"
)

// licences.txt carries the licences of exactly the modules linked into the
// programs, at the versions go.mod selects.
func TestLicencesCurrent(t *testing.T) {
	gobin, err := exec.LookPath("go")
	if err != nil {
		t.Skip("no go command:", err)
	}
	want := map[string]bool{}
	for _, goos := range []string{"linux", "windows", "darwin"} {
		// A cold module cache makes go list download; ten minutes is a hang.
		ctx, cancel := context.WithTimeout(t.Context(), 10*time.Minute)
		defer cancel()
		cmd := exec.CommandContext(ctx, gobin, "list", "-e", "-deps",
			"-f", "{{with .Module}}{{if not .Main}}{{.Path}} {{.Version}}{{end}}{{end}}",
			"../cmd/partnerdesk", "../cmd/partnerctl")
		cmd.Env = append(os.Environ(), "GOOS="+goos, "GOARCH=amd64", "CGO_ENABLED=1")
		// Only the list is on stdout; a cold module cache writes "go:
		// downloading …" lines to stderr, which are no modules.
		var stderr strings.Builder
		cmd.Stderr = &stderr
		out, err := cmd.Output()
		if err != nil {
			t.Fatalf("go list for %s: %v\n%s", goos, err, stderr.String())
		}
		for _, m := range strings.Split(string(out), "\n") {
			if m = strings.TrimSpace(m); m != "" {
				want[m] = true
			}
		}
	}
	var got []string
	for _, line := range strings.Split(Licences, "\n") {
		if m, ok := strings.CutPrefix(line, "## "); ok && !strings.HasPrefix(m, "Go ") {
			got = append(got, m)
		}
	}
	for m := range want {
		if !slices.Contains(got, m) {
			t.Errorf("licences.txt lacks %s", m)
		}
	}
	for _, m := range got {
		if !want[m] {
			t.Errorf("licences.txt has %s, which is not linked", m)
		}
	}
	if t.Failed() {
		t.Log("regenerate it: go run assets/licences/main.go")
	}
	if !strings.Contains(Licences, "Permission is hereby granted") || !strings.Contains(Licences, "Redistribution and use in source and binary forms") {
		t.Error("licences.txt lacks the MIT and BSD texts")
	}
}
