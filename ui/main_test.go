package ui

import (
	"os"
	"strings"
	"testing"

	"github.com/partnerdesk/partnerdesk/model/store/pgtest"
)

// TestMain gives the tests a well-formed locale: without one Fyne logs an
// error for every lookup of the system language.
func TestMain(m *testing.M) {
	for _, v := range []string{"LC_ALL", "LC_MESSAGES", "LANGUAGE"} {
		os.Unsetenv(v)
	}
	if l := os.Getenv("LANG"); l == "" || strings.HasPrefix(l, "C") || l == "POSIX" {
		os.Setenv("LANG", "en_US.UTF-8")
	}
	// No test reaches the desktop's keychain: a password lookup with no
	// session bus would start one (dbus-launch) and leave it running.
	// The keychain's own tests start a private one (keychaintest).
	os.Setenv("DBUS_SESSION_BUS_ADDRESS", "unix:path=/nonexistent/partnerdesk-test-bus")
	pgtest.Main(m) // runs the tests; stops the PostgreSQL server if one started
}
