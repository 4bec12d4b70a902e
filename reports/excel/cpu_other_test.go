//go:build !unix

package excel

// cpuSeconds is not measured here.
func cpuSeconds() float64 { return 0 }
