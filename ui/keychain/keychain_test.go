package keychain

import (
	"bufio"
	"context"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/partnerdesk/partnerdesk/reports/testtool"
)

// busConfig is a private session bus that activates nothing: the Secret
// Service is there only once the test starts it.
const busConfig = `<!DOCTYPE busconfig PUBLIC "-//freedesktop//DTD D-Bus Bus Configuration 1.0//EN"
 "http://www.freedesktop.org/standards/dbus/1.0/busconfig.dtd">
<busconfig>
  <type>session</type>
  <listen>unix:path=%s</listen>
  <auth>EXTERNAL</auth>
  <policy context="default">
    <allow send_destination="*" eavesdrop="true"/>
    <allow eavesdrop="true"/>
    <allow own="*"/>
  </policy>
</busconfig>
`

// start runs a program until the test ends, and stops it then.
func start(t *testing.T, cmd *exec.Cmd) {
	t.Helper()
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		cmd.Process.Signal(os.Interrupt)
		done := make(chan struct{})
		go func() { cmd.Wait(); close(done) }()
		select {
		case <-done:
		case <-time.After(5 * time.Second):
			cmd.Process.Kill()
			<-done
		}
	})
}

// privateBus starts a D-Bus session bus of the test's own and points the
// keychain at it.
func privateBus(t *testing.T, dir string) string {
	t.Helper()
	testtool.Need(t, "dbus-daemon", "apt-get install dbus")
	conf := filepath.Join(dir, "bus.conf")
	sock := filepath.Join(dir, "bus")
	if err := os.WriteFile(conf, []byte(fmt.Sprintf(busConfig, sock)), 0o600); err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	t.Cleanup(cancel)
	bus := exec.CommandContext(ctx, "dbus-daemon", "--config-file="+conf, "--nofork", "--print-address=1")
	out, err := bus.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	start(t, bus)
	addr := make(chan string, 1)
	go func() {
		line, _ := bufio.NewReader(out).ReadString('\n')
		addr <- strings.TrimSpace(line)
	}()
	select {
	case a := <-addr:
		t.Setenv("DBUS_SESSION_BUS_ADDRESS", a)
		return a
	case <-time.After(20 * time.Second):
		t.Fatal("the session bus did not start within 20 s")
	}
	return ""
}

// The password of a connection is kept in a real Secret Service (GNOME
// Keyring on a private session bus), read back and forgotten; before the
// keyring runs, the keychain says there is none.
func TestSecretService(t *testing.T) {
	dir := t.TempDir()
	addr := privateBus(t, dir)
	account := Account("econ", "db.university.kz", 5432, "partnerdesk")
	if _, err := Get(account); !errors.Is(err, ErrUnavailable) {
		t.Fatalf("with no Secret Service: %v, want ErrUnavailable", err)
	}

	testtool.Need(t, "gnome-keyring-daemon", "apt-get install gnome-keyring")
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	t.Cleanup(cancel)
	daemon := exec.CommandContext(ctx, "gnome-keyring-daemon", "--foreground", "--components=secrets", "--unlock")
	daemon.Env = append(os.Environ(), "DBUS_SESSION_BUS_ADDRESS="+addr, "HOME="+dir,
		"XDG_DATA_HOME="+filepath.Join(dir, "data"), "XDG_RUNTIME_DIR="+dir)
	daemon.Stdin = strings.NewReader("keyring-password")
	start(t, daemon)
	deadline := time.Now().Add(30 * time.Second)
	for {
		_, err := Get(account)
		if errors.Is(err, ErrNotFound) {
			break
		}
		if time.Now().After(deadline) {
			t.Fatalf("the keyring did not answer within 30 s: %v", err)
		}
		time.Sleep(200 * time.Millisecond)
	}

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
