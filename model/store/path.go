package store

import (
	"os"
	"path/filepath"
)

// EnvPath is the environment variable that overrides the data file path.
const EnvPath = "PARTNERDESK_DB"

// DefaultPath returns where the data file lives when nothing overrides it:
// PartnerDesk/partnerdesk.db in the user's configuration folder
// (%AppData% on Windows, ~/Library/Application Support on macOS,
// $XDG_CONFIG_HOME or ~/.config on Linux). Both programs share it.
func DefaultPath() (string, error) {
	dir, err := os.UserConfigDir()
	if err != nil {
		return "", err
	}
	return filepath.Join(dir, "PartnerDesk", "partnerdesk.db"), nil
}

// ResolvePath returns the data file path (or server URL) to use: the --db flag's value if
// given, else $PARTNERDESK_DB, else DefaultPath.
//
// A postgres:// (or postgresql://) URL names a PartnerDesk server and is
// returned as it is (see OpenURL).
func ResolvePath(flagValue string) (string, error) {
	if flagValue != "" {
		if IsServerURL(flagValue) {
			return flagValue, nil
		}
		return filepath.Abs(flagValue)
	}
	if env := os.Getenv(EnvPath); env != "" {
		if IsServerURL(env) {
			return env, nil
		}
		return filepath.Abs(env)
	}
	return DefaultPath()
}
