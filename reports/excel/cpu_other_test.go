//go:build !unix

package excel

import "time"

// cpuTime is not measured here.
func cpuTime() time.Duration { return 0 }
