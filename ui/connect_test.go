package ui

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"github.com/jackc/pgx/v5"
	"github.com/partnerdesk/partnerdesk/model"
	"github.com/partnerdesk/partnerdesk/model/demo"
	"github.com/partnerdesk/partnerdesk/model/store"
	"github.com/partnerdesk/partnerdesk/model/store/pgtest"
	"github.com/partnerdesk/partnerdesk/reports/pdf/pdftest"
	"github.com/partnerdesk/partnerdesk/reports/printing/printtest"
	"github.com/partnerdesk/partnerdesk/ui/keychain"
	"github.com/partnerdesk/partnerdesk/ui/keychain/keychaintest"
)

// serverWithDemo is a fresh server database with 25 demonstration
// agreements and a secretary "econ".
func serverWithDemo(t *testing.T) *pgtest.DB {
	t.Helper()
	db := pgtest.Need(t).NewDB(t, store.NumbersPerUniversity)
	db.AddDepartment(t, "econ", "Экономика")
	db.AddPerson(t, "econ", "econ", store.RoleSecretary)
	office := db.Open(t, "office", store.Options{})
	if err := office.AddNew(demo.Generate(demo.Options{Seed: 4, Partners: 10, Agreements: 25, Today: testToday}), 100, nil); err != nil {
		t.Fatal(err)
	}
	return db
}

// launchTest launches the app on path in a test app of its own folder
// (XDG_CONFIG_HOME: the default data file and the last copies).
func launchTest(t *testing.T, a *testApp, path, lang string) *launcher {
	t.Helper()
	w := a.NewWindow("PartnerDesk")
	w.Resize(fyne.NewSize(1100, 800))
	l := launch(a, w, path, Options{Today: func() model.Date { return testToday }, Language: lang,
		Printer: printtest.New("Office"), HasPDFViewer: func() bool { return true }})
	t.Cleanup(func() { setLanguage("en") })
	return l
}

// fillPanel types a connection into the panel.
func fillPanel(p *connectPanel, db *pgtest.DB, login, password string) {
	for _, e := range []*struct {
		entry interface{ SetText(string) }
		text  string
	}{{p.host, "127.0.0.1"}, {p.port, strconv.Itoa(db.S.Port)}, {p.database, db.Name}, {p.login, db.Login(login)}, {p.password, password}} {
		e.entry.SetText(e.text)
	}
	p.tls.SetSelected(tr("connect.tls.disable"))
}

// settleLauncher waits for the launcher's and the interface's work.
func settleLauncher(t *testing.T, l *launcher) {
	t.Helper()
	done := make(chan struct{})
	go func() {
		l.server.busy.Wait()
		if l.u != nil {
			l.u.busy.Wait()
		}
		close(done)
	}()
	select {
	case <-done:
	case <-time.After(settleTimeout):
		t.Fatal("the launcher's work did not finish within a minute")
	}
}

// agreementRows shows the agreements list and returns its rows' numbers.
func agreementRows(t *testing.T, u *UI) []string {
	t.Helper()
	u.goTo("agreements", nil)
	s, ok := u.currentScreen().(*agreementsScreen)
	if !ok {
		t.Fatalf("the agreements list is not shown: %v", texts(u.win.Content()))
	}
	out := make([]string, len(s.rows))
	for i := range s.rows {
		out[i] = s.cellByKey(i, "col.number")
	}
	return out
}

// waitFile waits for a file to appear.
func waitFile(t *testing.T, path string) os.FileInfo {
	t.Helper()
	deadline := time.Now().Add(30 * time.Second)
	for {
		if fi, err := os.Stat(path); err == nil {
			return fi
		}
		if time.Now().After(deadline) {
			t.Fatalf("%s did not appear within 30 s", path)
		}
		time.Sleep(100 * time.Millisecond)
	}
}

// The first-run panel connects to the university's server: a wrong
// password and a port where nothing answers are said plainly, the right
// one shows the server's agreements; the connection is remembered (the
// password in the keychain, not the preferences), and the next start
// opens the server with no question.
func TestConnectThroughFirstRunPanel(t *testing.T) {
	t.Setenv("XDG_CONFIG_HOME", t.TempDir())
	keychaintest.Start(t, func() bool {
		_, err := keychain.Get("probe@x:1/y")
		return errors.Is(err, keychain.ErrNotFound)
	})
	db := serverWithDemo(t)
	a := &testApp{App: test.NewTempApp(t), t: t}
	def, _ := store.DefaultPath()
	l := launchTest(t, a, def, "en")
	u := l.u
	if u.dataChoice == nil {
		t.Fatalf("the first-run panel offers no choice of where the data is: %v", texts(u.win.Content()))
	}
	u.dataChoice.radio.SetSelected(tr("connect.choice_server"))
	p := u.dataChoice.panel
	if p == nil || p.port.Text != "5432" || p.database.Text != "partnerdesk" || p.mode() != tlsVerifyFull {
		t.Fatalf("the server's panel: %+v", p)
	}

	fillPanel(p, db, "econ", "wrong")
	test.Tap(p.connect)
	settle(u)
	if !strings.Contains(p.status.Text, "refused the login «"+db.Login("econ")+"»: the password is wrong") {
		t.Errorf("a wrong password: %q", p.status.Text)
	}
	p.port.SetText("1")
	p.password.SetText(pgtest.Password)
	test.Tap(p.connect)
	settle(u)
	if !strings.Contains(p.status.Text, "Nothing answers at 127.0.0.1:1") {
		t.Errorf("a closed port: %q", p.status.Text)
	}
	p.port.SetText(strconv.Itoa(db.S.Port))
	test.Tap(p.connect)
	settle(u)
	if rows := agreementRows(t, u); len(rows) != 25 {
		t.Fatalf("the server's list shows %d agreements: %v (status %q)", len(rows), rows, p.status.Text)
	}
	saved := a.Preferences().String(prefServer)
	if !strings.Contains(saved, db.Login("econ")+"@127.0.0.1") || strings.Contains(saved, pgtest.Password) {
		t.Errorf("the remembered connection %q", saved)
	}
	if pw, err := keychain.Get(serverConn{Host: "127.0.0.1", Port: db.S.Port, Database: db.Name, Login: db.Login("econ")}.account()); pw != pgtest.Password {
		t.Errorf("the keychain holds %q, %v", pw, err)
	}
	l.close()

	// The next start: the remembered connection, the keychain's password.
	start, err := StartPath(a, "")
	if err != nil || start != saved {
		t.Fatalf("the next start opens %q (%v), want %q", start, err, saved)
	}
	l2 := launchTest(t, a, start, "en")
	defer l2.close()
	if l2.u == nil || l2.server.panel != nil {
		t.Fatalf("the remembered connection was not opened: %v", texts(l2.win.Content()))
	}
	if rows := agreementRows(t, l2.u); len(rows) != 25 {
		t.Fatalf("the next start lists %d agreements", len(rows))
	}
}

// With no keychain on the computer the app says so once, and asks for the
// password at each start in a panel filled with the remembered connection.
func TestConnectWithoutKeychain(t *testing.T) {
	t.Setenv("XDG_CONFIG_HOME", t.TempDir())
	t.Setenv("DBUS_SESSION_BUS_ADDRESS", "unix:path="+filepath.Join(t.TempDir(), "no-bus"))
	db := serverWithDemo(t)
	a := &testApp{App: test.NewTempApp(t), t: t}
	c := serverConn{Host: "127.0.0.1", Port: db.S.Port, Database: db.Name, Login: db.Login("econ"), TLS: tlsDisable}
	a.Preferences().SetString(prefServer, c.url(""))
	for i, wantNote := range []bool{true, false} {
		l := launchTest(t, a, a.Preferences().String(prefServer), "en")
		p := l.server.panel
		if p == nil {
			t.Fatalf("start %d: no password asked: %v", i, texts(l.win.Content()))
		}
		if p.host.Text != "127.0.0.1" || p.login.Text != db.Login("econ") || p.database.Text != db.Name ||
			p.mode() != tlsDisable {
			t.Errorf("start %d: the panel is not filled with the remembered connection", i)
		}
		if said := strings.Contains(p.status.Text, "no keychain"); said != wantNote {
			t.Errorf("start %d: the keychain note shown %v: %q", i, said, p.status.Text)
		}
		p.password.SetText(pgtest.Password)
		test.Tap(p.connect)
		settleLauncher(t, l)
		if l.u == nil || len(agreementRows(t, l.u)) != 25 {
			t.Fatalf("start %d: not connected: %q", i, p.status.Text)
		}
		l.close()
	}
}

// When the server cannot be reached at the start, the app says so and
// offers the last copy it kept: it opens read-only with a banner, refuses
// to save, and prints; "Try again" reconnects once the server is back.
func TestLastCopyWhenServerIsDown(t *testing.T) {
	t.Setenv("XDG_CONFIG_HOME", t.TempDir())
	db := serverWithDemo(t)
	a := &testApp{App: test.NewTempApp(t), t: t}
	l := launchTest(t, a, db.URL("econ"), "ru")
	if l.u == nil {
		t.Fatalf("not connected: %v", texts(l.win.Content()))
	}
	c, _, _ := parseServerURL(db.URL("econ"))
	path, _ := lastCopyPath(c)
	waitFile(t, path)
	l.close()

	if err := db.S.Kill(); err != nil {
		t.Fatal(err)
	}
	restarted := false
	t.Cleanup(func() {
		if !restarted {
			db.S.Restart()
		}
	})
	l = launchTest(t, a, db.URL("econ"), "ru")
	defer func() { l.close() }()
	shown := strings.Join(texts(l.win.Content()), "\n")
	if !strings.Contains(shown, tr("connect.unreachable_title")) ||
		!strings.Contains(shown, "127.0.0.1:"+strconv.Itoa(db.S.Port)) {
		t.Fatalf("the unreachable server is not said plainly:\n%s", shown)
	}
	var open string
	for _, s := range texts(l.win.Content()) {
		if strings.HasPrefix(s, "Открыть последнюю копию (только чтение, на ") {
			open = s
		}
	}
	if open == "" {
		t.Fatalf("no last copy offered:\n%s", shown)
	}
	tapButton(t, l.win.Content(), open)
	u := l.u
	if u == nil || !strings.Contains(strings.Join(texts(u.win.Content()), "\n"), "Это последняя копия данных сервера") {
		t.Fatalf("no banner over the last copy: %v", texts(l.win.Content()))
	}
	rows := agreementRows(t, u)
	if len(rows) != 25 {
		t.Fatalf("the last copy lists %d agreements", len(rows))
	}

	// Nothing that creates or saves is offered in the last copy.
	if b := findButton(u.win.Content(), tr("action.new_agreement")); b == nil || !b.Disabled() {
		t.Errorf("«Новый договор» is offered in the last copy: %v", b)
	}
	u.onNew()
	if u.page != nil {
		t.Errorf("Ctrl+N opened %T in the last copy", u.page)
	}
	sums, _ := u.store.Summaries()
	e := editorOf(t, u, sums[0].ID)
	typeOver(e.terms.title, "Изменено без сервера")
	if !e.saveBtn.Disabled() {
		t.Error("Save is enabled in the last copy")
	}
	u.goTo("agreements", nil)
	ag, _ := u.store.Agreement(sums[0].ID)
	ag.Title = "Изменено без сервера"
	if err := u.store.SaveAgreement(&ag); !errors.Is(err, store.ErrReadOnly) ||
		!strings.Contains(errorText(err), "ничего нельзя сохранить") {
		t.Errorf("a save in the last copy: %v / %q", err, errorText(err))
	}

	u.openAgreement(sums[0].ID, "")
	u.onPrint()
	settle(u)
	tapButton(t, topOverlay(t, u), "Печать")
	settle(u)
	jobs := fakePrinter(u).Jobs()
	if len(jobs) != 1 || !strings.Contains(pdftest.TextOf(t, jobs[0].PDF), sums[0].Number) {
		t.Fatalf("the document was not printed from the last copy: %d jobs", len(jobs))
	}

	if err := db.S.Restart(); err != nil {
		t.Fatal(err)
	}
	restarted = true
	tapButton(t, u.win.Content(), "Повторить")
	settleLauncher(t, l)
	st, ok := l.u.store.(*store.Store)
	if !ok || !st.Server() || l.u.opts.lastCopy != "" {
		t.Fatalf("Try again did not reconnect: %v", texts(l.win.Content()))
	}
}

// While connected, the last copy follows the server's changes (here
// every second instead of every few minutes); Settings → Data goes back
// to the data file on this computer and forgets the server.
func TestLastCopyFollowsChangesAndBackToFile(t *testing.T) {
	t.Setenv("XDG_CONFIG_HOME", t.TempDir())
	defer func(d time.Duration) { copyEvery = d }(copyEvery)
	copyEvery = time.Second
	db := serverWithDemo(t)
	a := &testApp{App: test.NewTempApp(t), t: t}
	file := filepath.Join(t.TempDir(), "dept.db")
	l := launchTest(t, a, file, "en")
	defer func() { l.close() }()
	l.u.dataChoice.radio.SetSelected(tr("connect.choice_server"))
	fillPanel(l.u.dataChoice.panel, db, "econ", pgtest.Password)
	l.u.dataChoice.panel.remember.SetChecked(false)
	test.Tap(l.u.dataChoice.panel.connect)
	settle(l.u)
	if len(agreementRows(t, l.u)) != 25 {
		t.Fatal("not connected")
	}
	c, _, _ := parseServerURL(a.Preferences().String(prefServer))
	path, _ := lastCopyPath(c)
	waitFile(t, path)

	office := db.Open(t, "office", store.Options{})
	sums, _ := office.Summaries()
	ag, _ := office.Agreement(sums[0].ID)
	ag.Title = "Изменено на сервере"
	if err := office.SaveAgreement(&ag); err != nil {
		t.Fatal(err)
	}
	deadline := time.Now().Add(30 * time.Second)
	for {
		if title := copyTitle(t, path, ag.ID); title == ag.Title {
			break
		}
		if time.Now().After(deadline) {
			t.Fatal("the last copy did not follow the server's change within 30 s")
		}
		time.Sleep(200 * time.Millisecond)
	}

	l.u.goTo("settings", nil)
	l.u.settingsTab = 2
	l.u.rebuild()
	if !strings.Contains(strings.Join(texts(l.win.Content()), "\n"), tr("connect.current", "Connection", c.String())) {
		t.Fatalf("Settings → Data does not say where the data is: %v", texts(l.win.Content()))
	}
	l.u.dataChoice.radio.SetSelected(tr("connect.choice_file"))
	tapButton(t, l.win.Content(), tr("connect.use_file"))
	settle(l.u)
	st := l.u.store.(*store.Store)
	if st.Server() || st.Path() != file || a.Preferences().String(prefServer) != "" {
		t.Fatalf("not back on the data file: %s, remembered %q", st.Path(), a.Preferences().String(prefServer))
	}
	if start, _ := StartPath(a, ""); start == c.url("") {
		t.Error("the next start would still open the server")
	}
}

// copyTitle reads an agreement's title from the last copy, as the app
// would open it ("" while it cannot be read).
func copyTitle(t *testing.T, path string, id model.ID) string {
	t.Helper()
	s, err := store.Open(path, store.Options{ReadOnly: true, Timeout: 100 * time.Millisecond})
	if err != nil {
		return ""
	}
	defer s.Close()
	a, _ := s.Agreement(id)
	return a.Title
}

// Every kind of connection problem has its words in every language.
func TestConnectProblemsWorded(t *testing.T) {
	kinds := []string{store.ProblemUnreachable, store.ProblemLogin, store.ProblemNoAccess, store.ProblemNoDatabase,
		store.ProblemNotPartnerDesk, store.ProblemNotAPerson, store.ProblemPrivileged, store.ProblemCertUnknown,
		store.ProblemCertName, store.ProblemCertExpired, store.ProblemCAFile, store.ProblemNoTLS,
		store.ProblemTLSRequired, store.ProblemOther}
	defer setLanguage("en")
	for _, lang := range model.Languages {
		setLanguage(lang)
		for _, k := range kinds {
			if key := "connect.err." + k; tr(key) == key {
				t.Errorf("%s: no words for %s", lang, key)
			}
		}
		for _, m := range tlsModes {
			if key := "connect.tls_hint." + m; tr(key) == key {
				t.Errorf("%s: no words for %s", lang, key)
			}
		}
	}
}

// A server whose data is of another version opens read-only and says so.
func TestConnectToOtherSchemaVersion(t *testing.T) {
	t.Setenv("XDG_CONFIG_HOME", t.TempDir())
	db := serverWithDemo(t)
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	c, err := pgx.Connect(ctx, db.S.AdminURL(db.Name))
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close(ctx)
	if _, err := c.Exec(ctx, `UPDATE partnerdesk.meta SET value = '2' WHERE key = 'schema'`); err != nil {
		t.Fatal(err)
	}
	a := &testApp{App: test.NewTempApp(t), t: t}
	l := launchTest(t, a, db.URL("econ"), "en")
	defer l.close()
	if l.u == nil || len(agreementRows(t, l.u)) != 25 {
		t.Fatal("the server of another version was not opened for reading")
	}
	if top := l.win.Canvas().Overlays().Top(); top == nil ||
		!strings.Contains(strings.Join(texts(top), "\n"), "different versions (server 2") {
		t.Errorf("no word of the versions")
	}
}
