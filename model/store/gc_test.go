package store

import (
	"math"
	"runtime/debug"
	"sync"
	"testing"
)

// TestRelaxGCPutsBack: checks running at once share the relaxed setting,
// and when the last ends the collector's percent and memory limit are
// what they were; a setting of the user's (GOGC=off) is kept.
func TestRelaxGCPutsBack(t *testing.T) {
	defer debug.SetGCPercent(debug.SetGCPercent(100))
	defer debug.SetMemoryLimit(debug.SetMemoryLimit(math.MaxInt64))
	var wg sync.WaitGroup
	release := make(chan struct{})
	for range 3 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			restore := relaxGC()
			<-release
			restore()
		}()
	}
	restore := relaxGC()
	if got := debug.SetGCPercent(checkGCPercent); got != checkGCPercent {
		t.Errorf("while checking: GC percent %d, want %d", got, checkGCPercent)
	}
	if limit := debug.SetMemoryLimit(-1); limit == math.MaxInt64 {
		t.Error("while checking: no memory limit bounds the heap's growth")
	}
	close(release)
	wg.Wait()
	restore()
	if got := debug.SetGCPercent(100); got != 100 {
		t.Errorf("after the checks: GC percent %d, want 100", got)
	}
	if limit := debug.SetMemoryLimit(-1); limit != math.MaxInt64 {
		t.Errorf("after the checks: memory limit %d, want none", limit)
	}

	debug.SetGCPercent(-1)
	restore = relaxGC()
	if got := debug.SetGCPercent(-1); got != -1 {
		t.Errorf("GOGC=off became %d while checking", got)
	}
	restore()
	if got := debug.SetGCPercent(-1); got != -1 {
		t.Errorf("GOGC=off became %d after the check", got)
	}
}
