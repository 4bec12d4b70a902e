//go:build unix

package excel

import "syscall"

// cpuSeconds is the CPU time (user and system) this process has used: on
// a machine shared with other work, wall time says little.
func cpuSeconds() float64 {
	var ru syscall.Rusage
	if syscall.Getrusage(syscall.RUSAGE_SELF, &ru) != nil {
		return 0
	}
	return float64(ru.Utime.Sec+ru.Stime.Sec) + float64(ru.Utime.Usec+ru.Stime.Usec)/1e6
}
