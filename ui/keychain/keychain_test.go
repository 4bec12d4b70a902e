package keychain

import (
	"errors"
	"testing"

	"github.com/partnerdesk/partnerdesk/ui/keychain/keychaintest"
)

// The password of a connection is kept in a real Secret Service (GNOME
// Keyring on a private session bus), read back and forgotten; before the
// keyring runs, the keychain says there is none.
func TestSecretService(t *testing.T) {
	dir := t.TempDir()
	addr := keychaintest.PrivateBus(t, dir)
	account := Account("econ", "db.university.kz", 5432, "partnerdesk")
	if _, err := Get(account); !errors.Is(err, ErrUnavailable) {
		t.Fatalf("with no Secret Service: %v, want ErrUnavailable", err)
	}

	keychaintest.Keyring(t, dir, addr, func() bool {
		_, err := Get(account)
		return errors.Is(err, ErrNotFound)
	})

	if err := Set(account, "пароль-1"); err != nil {
		t.Fatal(err)
	}
	if err := Set(Account("law", "db.university.kz", 5432, "partnerdesk"), "other"); err != nil {
		t.Fatal(err)
	}
	if pw, err := Get(account); err != nil || pw != "пароль-1" {
		t.Fatalf("read back %q, %v", pw, err)
	}
	if err := Set(account, "пароль-2"); err != nil {
		t.Fatal(err)
	}
	if pw, _ := Get(account); pw != "пароль-2" {
		t.Fatalf("after a change %q", pw)
	}
	if err := Delete(account); err != nil {
		t.Fatal(err)
	}
	if _, err := Get(account); !errors.Is(err, ErrNotFound) {
		t.Fatalf("after Delete: %v", err)
	}
	if err := Delete(account); err != nil {
		t.Errorf("forgetting twice: %v", err)
	}
	if pw, _ := Get(Account("law", "db.university.kz", 5432, "partnerdesk")); pw != "other" {
		t.Errorf("another connection's password: %q", pw)
	}
}
