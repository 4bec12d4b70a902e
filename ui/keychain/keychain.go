// Package keychain keeps the password of a server connection in the
// system's keychain (Windows Credential Manager, the macOS Keychain, the
// Secret Service on Linux: GNOME Keyring, KWallet), through
// github.com/zalando/go-keyring. A password is filed under the
// connection's name, login@host:port/database, never in the app's
// preferences. Where there is no keychain (Linux without a Secret
// Service) every call returns an error matching ErrUnavailable, and the
// app asks for the password on each start.
package keychain

import (
	"errors"
	"fmt"
	"strings"

	"github.com/zalando/go-keyring"
)

// Service is the name the passwords are filed under in the keychain.
const Service = "PartnerDesk"

// ErrUnavailable: this computer has no keychain the app can use.
var ErrUnavailable = errors.New("this computer has no keychain to keep the password in")

// ErrNotFound: the keychain holds no password for the connection.
var ErrNotFound = errors.New("the keychain holds no password for this connection")

// Account names one connection: login@host:port/database.
func Account(login, host string, port int, database string) string {
	return fmt.Sprintf("%s@%s:%d/%s", login, host, port, database)
}

// Set keeps the password of the connection account.
func Set(account, password string) error {
	return wrap(keyring.Set(Service, account, password))
}

// Get returns the password of the connection account.
func Get(account string) (string, error) {
	pw, err := keyring.Get(Service, account)
	return pw, wrap(err)
}

// Delete forgets the password of the connection account; forgetting one
// that is not there is not an error.
func Delete(account string) error {
	err := wrap(keyring.Delete(Service, account))
	if errors.Is(err, ErrNotFound) {
		return nil
	}
	return err
}

// wrap turns the keychain library's errors into the package's.
func wrap(err error) error {
	switch {
	case err == nil:
		return nil
	case errors.Is(err, keyring.ErrNotFound):
		return ErrNotFound
	case unavailable(err):
		return fmt.Errorf("%w: %v", ErrUnavailable, err)
	}
	return err
}

// noKeychainSigns are the words of the errors that mean "no keychain here".
var noKeychainSigns = []string{
	"unsupported platform", "DBUS_SESSION_BUS_ADDRESS", "org.freedesktop.secrets", "ServiceUnknown",
	"dbus-launch", "X11", "no such file or directory", "connection refused", "autolaunch",
}

// unavailable recognises a Linux session with no Secret Service: no
// session bus, or nobody owning org.freedesktop.secrets on it.
func unavailable(err error) bool {
	s := err.Error()
	for _, sign := range noKeychainSigns {
		if strings.Contains(s, sign) {
			return true
		}
	}
	return false
}
