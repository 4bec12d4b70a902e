package ui

import (
	"errors"
	"net/url"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"

	"fyne.io/fyne/v2"

	"github.com/partnerdesk/partnerdesk/model/store"
	"github.com/partnerdesk/partnerdesk/ui/keychain"
)

// Preference keys of the connection. The password is never among them:
// it lives in the system keychain, or is asked for.
const (
	// prefServer is the remembered server connection as a postgres:// URL
	// without a password; "" when the app uses a data file.
	prefServer = "server_url"
	// prefLastFile is the data file used before switching to a server.
	prefLastFile = "data_file"
	// prefNoKeychainSaid is set once the app has said that this computer
	// has no keychain.
	prefNoKeychainSaid = "no_keychain_said"
)

// TLS modes of a server connection (PostgreSQL's sslmode).
const (
	tlsVerifyFull = "verify-full" // encrypted, the certificate and the host name checked
	tlsRequire    = "require"     // encrypted, the certificate not checked
	tlsDisable    = "disable"     // not encrypted
)

// defaultPort is PostgreSQL's port.
const defaultPort = 5432

// defaultDatabase is the database name docs/server.md has IT create.
const defaultDatabase = "partnerdesk"

// serverConn is a connection to the university's server as the panel and
// the preferences know it: everything but the password.
type serverConn struct {
	Host     string
	Port     int
	Database string
	Login    string
	TLS      string // tlsVerifyFull, tlsRequire or tlsDisable
	CAFile   string // the server's CA certificate (PEM); "" for the system's
}

// url returns the connection as a postgres:// URL, with the password
// when one is given.
func (c serverConn) url(password string) string {
	u := url.URL{Scheme: "postgres", Host: c.Host + ":" + strconv.Itoa(c.Port), Path: "/" + c.Database}
	if password != "" {
		u.User = url.UserPassword(c.Login, password)
	} else {
		u.User = url.User(c.Login)
	}
	q := url.Values{}
	q.Set("sslmode", c.TLS)
	if c.CAFile != "" && c.TLS == tlsVerifyFull {
		q.Set("sslrootcert", c.CAFile)
	}
	u.RawQuery = q.Encode()
	return u.String()
}

// account names the connection in the keychain.
func (c serverConn) account() string {
	return keychain.Account(c.Login, c.Host, c.Port, c.Database)
}

// String names the connection for people: login@host:port/database.
func (c serverConn) String() string { return c.account() }

// parseServerURL reads a postgres:// URL (from --db, PARTNERDESK_DB or the
// preferences) into a connection and its password, if it has one.
func parseServerURL(raw string) (serverConn, string, error) {
	u, err := url.Parse(raw)
	if err != nil || !store.IsServerURL(raw) {
		return serverConn{}, "", errors.New(tr("connect.err.address"))
	}
	c := serverConn{Host: u.Hostname(), Port: defaultPort, Database: strings.TrimPrefix(u.Path, "/"),
		Login: u.User.Username(), TLS: u.Query().Get("sslmode"), CAFile: u.Query().Get("sslrootcert")}
	if p := u.Port(); p != "" {
		c.Port, _ = strconv.Atoi(p)
	}
	if c.TLS == "" {
		c.TLS = tlsVerifyFull
	}
	pw, _ := u.User.Password()
	return c, pw, nil
}

// validate names the first field the panel needs and lacks.
func (c serverConn) validate() error {
	switch {
	case strings.TrimSpace(c.Host) == "":
		return errors.New(tr("connect.err.field", "Field", tr("connect.host")))
	case c.Port < 1 || c.Port > 65535:
		return errors.New(tr("connect.err.port"))
	case strings.TrimSpace(c.Database) == "":
		return errors.New(tr("connect.err.field", "Field", tr("connect.database")))
	case strings.TrimSpace(c.Login) == "":
		return errors.New(tr("connect.err.field", "Field", tr("connect.login")))
	}
	return nil
}

// connectErrorText says in plain words what failed when connecting.
func connectErrorText(c serverConn, err error) string {
	kind := store.ConnectProblem(err)
	text := tr("connect.err."+kind, "Server", c.Host+":"+strconv.Itoa(c.Port), "Host", c.Host,
		"Database", c.Database, "Login", c.Login, "CA", c.CAFile)
	if kind == store.ProblemOther {
		text += "\n\n" + err.Error()
	}
	return text
}

// StartPath returns what the app opens: the --db flag's value, else
// $PARTNERDESK_DB, else the server connection remembered from the last
// run, else the default data file.
func StartPath(app fyne.App, flagValue string) (string, error) {
	if flagValue == "" && os.Getenv(store.EnvPath) == "" {
		if s := app.Preferences().String(prefServer); s != "" {
			return s, nil
		}
	}
	return store.ResolvePath(flagValue)
}

var unsafeName = regexp.MustCompile(`[^A-Za-z0-9._@-]+`)

// lastCopyPath is where the last copy of a server connection's data is
// kept: a data file beside the app's own, one per connection.
func lastCopyPath(c serverConn) (string, error) {
	def, err := store.DefaultPath()
	if err != nil {
		return "", err
	}
	name := unsafeName.ReplaceAllString(c.Login+"@"+c.Host+"_"+strconv.Itoa(c.Port)+"_"+c.Database, "_")
	return filepath.Join(filepath.Dir(def), "server-copies", name+".db"), nil
}
