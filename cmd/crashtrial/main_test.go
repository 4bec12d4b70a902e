package main

import (
	"os"
	"testing"
	"time"
)

// TestMain lets the test binary serve as the trial's child process.
func TestMain(m *testing.M) {
	if spec := os.Getenv(childEnv); spec != "" {
		runChild(spec)
		return
	}
	os.Exit(m.Run())
}

// TestFewRounds keeps the trial program working; make crash-trials runs
// the 200 rounds.
func TestFewRounds(t *testing.T) {
	rounds := 4
	if testing.Short() {
		rounds = 2
	}
	if code := run(rounds, 42, t.TempDir(), 700*time.Millisecond, testing.Verbose()); code != 0 {
		t.Fatalf("crash trial failed (exit %d)", code)
	}
}
