package store

import (
	"math"
	"runtime"
	"runtime/debug"
	"sync"
)

// The record checks decode every record once and keep almost nothing: at
// 50,000 agreements about 400 MB of short-lived garbage against a few MB
// that stay live. With the collector's default (GOGC=100) that is well
// over a hundred collections a check, each with its fixed cost; letting
// the heap grow to five times what is live while a check runs cut 0.4 s
// (about 12 %) of CPU from every backup and check of that file. The
// growth is bounded: the collector also runs before the program's memory
// grows by more than checkHeadroom, so a program holding much (the app's
// lists) does not grow five-fold.

const (
	checkGCPercent = 400
	checkHeadroom  = 256 << 20
)

var relaxed struct {
	sync.Mutex
	n       int   // checks running
	percent int   // the GC percent before the first of them
	limit   int64 // the memory limit before the first of them
}

// relaxGC lets the collector run less often until the returned func is
// called (see above). Checks running at once share one setting; the last
// to end puts back what was there before the first. A GC percent or a
// memory limit set by the user (GOGC=off, GOMEMLIMIT) is kept.
func relaxGC() (restore func()) {
	relaxed.Lock()
	defer relaxed.Unlock()
	if relaxed.n == 0 {
		relaxed.percent = debug.SetGCPercent(-1)
		relaxed.limit = debug.SetMemoryLimit(-1)
		percent := relaxed.percent
		if percent >= 0 && percent < checkGCPercent {
			percent = checkGCPercent
			if relaxed.limit == math.MaxInt64 {
				var ms runtime.MemStats
				runtime.ReadMemStats(&ms)
				debug.SetMemoryLimit(int64(ms.Sys-ms.HeapReleased) + checkHeadroom)
			}
		}
		debug.SetGCPercent(percent)
	}
	relaxed.n++
	return func() {
		relaxed.Lock()
		defer relaxed.Unlock()
		if relaxed.n--; relaxed.n == 0 {
			debug.SetGCPercent(relaxed.percent)
			debug.SetMemoryLimit(relaxed.limit)
		}
	}
}
