//go:build shots

package ui

import (
	"errors"
	"image/png"
	"os"
	"path/filepath"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"github.com/partnerdesk/partnerdesk/model/store"
	"github.com/partnerdesk/partnerdesk/model/store/pgtest"
	"github.com/partnerdesk/partnerdesk/ui/keychain"
	"github.com/partnerdesk/partnerdesk/ui/keychain/keychaintest"
)

// windowShot saves a window as drawn into $SHOT_DIR/name.png.
func windowShot(t *testing.T, w fyne.Window, name string) {
	t.Helper()
	dir := os.Getenv("SHOT_DIR")
	if dir == "" {
		dir = "/tmp/shots"
	}
	os.MkdirAll(dir, 0o755)
	f, err := os.Create(filepath.Join(dir, name+".png"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	png.Encode(f, w.Canvas().Capture())
}

// TestShotsConnect draws the connection screens in Russian (docs/connect):
//
//	SHOT_DIR=$PWD/docs/connect CGO_ENABLED=0 go test -tags shots -run TestShotsConnect ./ui
func TestShotsConnect(t *testing.T) {
	t.Setenv("XDG_CONFIG_HOME", t.TempDir())
	keychaintest.Start(t, func() bool {
		_, err := keychain.Get("probe@x:1/y")
		return errors.Is(err, keychain.ErrNotFound)
	})
	db := serverWithDemo(t)
	a := &testApp{App: test.NewTempApp(t), t: t}
	def, _ := store.DefaultPath()
	l := launchTest(t, a, def, "ru")
	l.win.Resize(fyne.NewSize(1000, 860))
	l.u.dataChoice.radio.SetSelected(tr("connect.choice_server"))
	p := l.u.dataChoice.panel
	p.host.SetText("db.university.kz")
	p.database.SetText("partnerdesk")
	p.login.SetText("econ_aliyeva")
	p.caFile.SetText("/home/aliyeva/university-ca.crt")
	windowShot(t, l.win, "connect-panel-ru")
	fillPanel(p, db, "econ", "wrong")
	test.Tap(p.connect)
	settle(l.u)
	windowShot(t, l.win, "connect-wrong-password-ru")
	p.password.SetText(pgtest.Password)
	test.Tap(p.connect)
	settle(l.u)
	l.u.goTo("settings", nil)
	l.u.win.Resize(fyne.NewSize(1100, 860))
	l.u.settingsTab = 2
	l.u.rebuild()
	windowShot(t, l.win, "settings-data-server-ru")
	c, _, _ := parseServerURL(a.Preferences().String(prefServer))
	path, _ := lastCopyPath(c)
	waitFile(t, path)
	l.close()

	if err := db.S.Kill(); err != nil {
		t.Fatal(err)
	}
	defer db.S.Restart()
	l = launchTest(t, a, db.URL("econ"), "ru")
	defer l.close()
	l.win.Resize(fyne.NewSize(900, 420))
	windowShot(t, l.win, "connect-unreachable-ru")
	_, when, _ := l.lastCopy(c)
	l.openLastCopy(path, when)
	l.win.Resize(fyne.NewSize(1280, 800))
	l.u.goTo("agreements", nil)
	windowShot(t, l.win, "last-copy-ru")
}
