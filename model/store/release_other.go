//go:build !linux

package store

// dropPages does nothing here: the system manages a mapped file's
// resident pages itself.
func dropPages(uintptr, int64) {}
