//go:build !linux && !darwin && !windows

package drive

// classify cannot tell on this system.
func classify(string) (Kind, string) { return Unknown, "" }
