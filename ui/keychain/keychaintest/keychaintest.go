// Package keychaintest gives a test a real Secret Service: a private
// D-Bus session bus and GNOME Keyring on it, started in the test's
// folder and stopped when the test ends. Without dbus-daemon or
// gnome-keyring-daemon the test is skipped (it fails in CI).
package keychaintest

import (
	"bufio"
	"context"
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
func run(t *testing.T, cmd *exec.Cmd) {
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

// PrivateBus starts a D-Bus session bus of the test's own and points the
// keychain at it.
func PrivateBus(t *testing.T, dir string) string {
	t.Helper()
	testtool.Need(t, "dbus-daemon", "apt-get install dbus")
	conf := filepath.Join(dir, "bus.conf")
	sock := filepath.Join(dir, "bus")
	if err := os.WriteFile(conf, []byte(fmt.Sprintf(busConfig, sock)), 0o600); err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Minute)
	t.Cleanup(cancel)
	bus := exec.CommandContext(ctx, "dbus-daemon", "--config-file="+conf, "--nofork", "--print-address=1")
	out, err := bus.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	run(t, bus)
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

// Keyring starts GNOME Keyring (its Secret Service only, unlocked) on the
// bus at addr, with its files in dir, and returns once it answers.
func Keyring(t *testing.T, dir, addr string, answers func() bool) {
	t.Helper()
	testtool.Need(t, "gnome-keyring-daemon", "apt-get install gnome-keyring")
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Minute)
	t.Cleanup(cancel)
	daemon := exec.CommandContext(ctx, "gnome-keyring-daemon", "--foreground", "--components=secrets", "--unlock")
	daemon.Env = append(os.Environ(), "DBUS_SESSION_BUS_ADDRESS="+addr, "HOME="+dir,
		"XDG_DATA_HOME="+filepath.Join(dir, "data"), "XDG_RUNTIME_DIR="+dir)
	daemon.Stdin = strings.NewReader("keyring-password")
	run(t, daemon)
	deadline := time.Now().Add(30 * time.Second)
	for !answers() {
		if time.Now().After(deadline) {
			t.Fatal("the keyring did not answer within 30 s")
		}
		time.Sleep(200 * time.Millisecond)
	}
}

// Start starts a private session bus with GNOME Keyring on it, points
// this process at it, and returns once the keyring answers.
func Start(t *testing.T, answers func() bool) {
	t.Helper()
	dir := t.TempDir()
	Keyring(t, dir, PrivateBus(t, dir), answers)
}
