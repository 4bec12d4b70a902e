// Package buildinfo holds the version, commit and build date stamped into
// both programs by the Makefile's -ldflags, with fallbacks read from the
// Go build information.
package buildinfo

import (
	"runtime"
	"runtime/debug"
)

// Set by -ldflags "-X github.com/partnerdesk/partnerdesk/cmd/internal/buildinfo.Version=…".
var (
	Version = "dev"
	Commit  = ""
	Date    = ""
)

// Info describes one build.
type Info struct {
	Version, Commit, Date, Go string
}

// Get returns the build's information, filling what -ldflags did not set
// from the Go toolchain's build information.
func Get() Info {
	i := Info{Version: Version, Commit: Commit, Date: Date, Go: runtime.Version()}
	if bi, ok := debug.ReadBuildInfo(); ok {
		for _, s := range bi.Settings {
			switch {
			case s.Key == "vcs.revision" && i.Commit == "":
				i.Commit = s.Value
			case s.Key == "vcs.time" && i.Date == "":
				i.Date = s.Value
			}
		}
	}
	if len(i.Commit) > 12 {
		i.Commit = i.Commit[:12]
	}
	if i.Commit == "" {
		i.Commit = "unknown"
	}
	if i.Date == "" {
		i.Date = "unknown"
	}
	return i
}
