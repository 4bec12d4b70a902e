package main

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/partnerdesk/partnerdesk/model/store/pgtest"
)

// ctl runs partnerctl in-process and returns its exit status and output.
func ctl(t *testing.T, args ...string) (int, string, string) {
	t.Helper()
	var out, errOut bytes.Buffer
	code := run(args, &out, &errOut)
	return code, out.String(), errOut.String()
}

func demoFile(t *testing.T) string {
	t.Helper()
	db := filepath.Join(t.TempDir(), "demo.db")
	if code, _, errOut := ctl(t, "demo", "--db", db, "--partners", "40", "--agreements", "150", "--today", "28.11.2026"); code != 0 {
		t.Fatalf("demo: %d %s", code, errOut)
	}
	return db
}

func TestListIsPipeFriendly(t *testing.T) {
	db := demoFile(t)
	code, out, _ := ctl(t, "list", "agreements", "--db", db, "--today", "28.11.2026")
	lines := strings.Split(strings.TrimSuffix(out, "\n"), "\n")
	if code != 0 || len(lines) != 150 {
		t.Fatalf("exit %d, %d lines", code, len(lines))
	}
	for _, l := range lines {
		f := strings.Split(l, "\t")
		if len(f) != 11 || !strings.HasPrefix(f[0], "СП-") {
			t.Fatalf("line %q: %d fields, number first expected", l, len(f))
		}
	}
	// Filters narrow, flags may follow the positional argument.
	_, out, _ = ctl(t, "list", "agreements", "--status", "expiring", "--db", db, "--today", "28.11.2026")
	for _, l := range strings.Split(strings.TrimSpace(out), "\n") {
		if strings.Split(l, "\t")[1] != "expiring" {
			t.Errorf("status filter let through %q", l)
		}
	}
	code, out, _ = ctl(t, "list", "partners", "--country", "KG", "--format", "json", "--db", db)
	var rows []struct {
		Name    string `json:"name"`
		Country string `json:"country"`
	}
	if err := json.Unmarshal([]byte(out), &rows); code != 0 || err != nil || len(rows) == 0 {
		t.Fatalf("json: %d %v", code, err)
	}
	for _, r := range rows {
		if r.Country != "KG" {
			t.Errorf("%s is from %s", r.Name, r.Country)
		}
	}
}

func TestShowAndCheck(t *testing.T) {
	db := demoFile(t)
	_, out, _ := ctl(t, "list", "agreements", "--db", db)
	number := strings.Split(out, "\t")[0]
	code, out, _ := ctl(t, "show", number, "--db", db)
	if code != 0 || !strings.Contains(out, "Number:      "+number) || !strings.Contains(out, "Principles:") {
		t.Errorf("show: %d\n%s", code, out)
	}
	code, _, errOut := ctl(t, "show", "НЕТ-ТАКОГО", "--db", db)
	if code != exitFailure || !strings.Contains(errOut, "no agreement has the number") {
		t.Errorf("unknown number: %d %q", code, errOut)
	}
	code, out, _ = ctl(t, "check", "--db", db)
	if code != 0 || !strings.HasPrefix(out, "OK") || !strings.Contains(out, "40 partners, 150 agreements") {
		t.Errorf("check: %d %q", code, out)
	}
}

func TestBadArguments(t *testing.T) {
	db := demoFile(t)
	cases := [][]string{
		{"frobnicate"},
		{"list"},
		{"list", "contracts", "--db", db},
		{"list", "agreements", "--status", "sleeping", "--db", db},
		{"list", "agreements", "--format", "xml", "--db", db},
		{"demo", "--partners", "0", "--db", filepath.Join(t.TempDir(), "x.db")},
		{"list", "partners", "--no-such-flag"},
	}
	for _, args := range cases {
		code, _, errOut := ctl(t, args...)
		if code != exitUsage || errOut == "" {
			t.Errorf("%v: exit %d, message %q", args, code, errOut)
		}
	}
	// Demo data goes only into an empty file.
	if code, _, errOut := ctl(t, "demo", "--db", db); code != exitFailure || !strings.Contains(errOut, "empty file only") {
		t.Errorf("demo into a full file: %d %q", code, errOut)
	}
	// Reading commands do not create a file that is not there.
	missing := filepath.Join(t.TempDir(), "missing.db")
	if code, _, errOut := ctl(t, "list", "partners", "--db", missing); code != exitFailure || !strings.Contains(errOut, "no data file") {
		t.Errorf("missing file: %d %q", code, errOut)
	}
	if _, err := os.Stat(missing); err == nil {
		t.Error("list created a data file")
	}
}

func TestHelpForEveryCommand(t *testing.T) {
	for _, c := range commands {
		code, out, _ := ctl(t, c.name, "--help")
		if code != exitOK || !strings.Contains(out, "Usage: partnerctl "+c.name) {
			t.Errorf("%s --help: %d %q", c.name, code, out)
		}
		code, out, _ = ctl(t, "help", c.name)
		if code != exitOK || !strings.Contains(out, c.summary) {
			t.Errorf("help %s: %d", c.name, code)
		}
	}
	if code, out, _ := ctl(t); code != exitUsage || !strings.Contains(out, "Commands:") {
		t.Errorf("no arguments: %d", code)
	}
}

func TestDamagedAndLockedFiles(t *testing.T) {
	dir := t.TempDir()
	bad := filepath.Join(dir, "bad.db")
	os.WriteFile(bad, bytes.Repeat([]byte("garbage "), 4096), 0o600)
	code, _, errOut := ctl(t, "check", "--db", bad)
	if code != exitDamaged || !strings.Contains(errOut, "damaged") {
		t.Errorf("damaged: %d %q", code, errOut)
	}
	// A file held by another process (the app) gives the locked status.
	db := demoFile(t)
	ctx, cancel := context.WithTimeout(t.Context(), time.Minute)
	defer cancel()
	holder := exec.CommandContext(ctx, os.Args[0])
	holder.Env = append(os.Environ(), "PARTNERCTL_HOLD="+db)
	stdout, _ := holder.StdoutPipe()
	if err := holder.Start(); err != nil {
		t.Fatal(err)
	}
	defer func() { holder.Process.Kill(); holder.Wait() }()
	// The holder says "open" once it has the file; the context kills it
	// after a minute, which ends this read too.
	if line, err := bufio.NewReader(stdout).ReadString('\n'); line != "open\n" {
		t.Fatalf("the holder did not open the file: %q %v", line, err)
	}
	code, _, errOut = ctl(t, "list", "partners", "--db", db)
	if code != exitLocked || !strings.Contains(errOut, "already open") {
		t.Errorf("locked: %d %q", code, errOut)
	}
}

// TestMain runs the tests, or, when PARTNERCTL_HOLD names a data file, is
// the helper process of TestDamagedAndLockedFiles: it opens the file
// read-write, as the app does, and waits to be killed.
func TestMain(m *testing.M) {
	path := os.Getenv("PARTNERCTL_HOLD")
	if path == "" {
		pgtest.Main(m) // stops the PostgreSQL server the server tests start
	}
	s, err := openForTest(path)
	if err != nil {
		os.Stderr.WriteString(err.Error() + "\n")
		os.Exit(1)
	}
	defer s.Close()
	os.Stdout.WriteString("open\n")
	time.Sleep(time.Hour) // until killed; select{} is a deadlock to a program without cgo
}

func TestBackupWritesAUsableCopy(t *testing.T) {
	db := demoFile(t)
	dst := filepath.Join(t.TempDir(), "copy.db")
	if code, out, errOut := ctl(t, "backup", dst, "--db", db); code != 0 || !strings.Contains(out, "written to") {
		t.Fatalf("backup: %d %s", code, errOut)
	}
	if code, out, _ := ctl(t, "check", "--db", dst); code != 0 || !strings.Contains(out, "150 agreements") {
		t.Errorf("the copy: %d %s", code, out)
	}
	if code, _, errOut := ctl(t, "backup", db, "--db", db); code != exitFailure || !strings.Contains(errOut, "data file itself") {
		t.Errorf("backup over itself: %d %q", code, errOut)
	}
}
