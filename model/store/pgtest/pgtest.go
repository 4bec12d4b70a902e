// Package pgtest starts a throwaway PostgreSQL server for tests, from the
// Debian package's binaries (postgresql; /usr/lib/postgresql/*/bin), in a
// temporary folder, listening on 127.0.0.1 and a Unix socket in that
// folder, with fsync off. A test package starts one server in TestMain
// (Main) and takes a fresh database per test (NewDB). initdb and pg_ctl
// refuse to run as root: as root they run as the postgres user through
// runuser. The server is stopped when the tests end, and a watchdog
// process stops it if the test binary dies first (a panic, a timeout).
package pgtest

import (
	"context"
	"errors"
	"fmt"
	"net"
	"os"
	"os/exec"
	"os/user"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/jackc/pgx/v5"

	"github.com/partnerdesk/partnerdesk/model/store"
	"github.com/partnerdesk/partnerdesk/reports/testtool"
)

// Server is a running throwaway PostgreSQL server.
type Server struct {
	Dir, Data, Bin string
	Port           int
	asPostgres     bool
	watchdog       *exec.Cmd
}

// Password is the password of the superuser and of every person NewDB's
// callers add.
const Password = "test-password"

var (
	once    sync.Once
	current *Server
	failed  error
	dbSeq   atomic.Int64
)

// Main runs the tests and then stops the server if a test started it
// (Need starts it on first use, so packages whose other tests need no
// server do not wait for one). A watchdog stops it too when the test
// binary dies before Main returns.
func Main(m *testing.M) {
	code := m.Run()
	if current != nil {
		current.Stop()
	}
	os.Exit(code)
}

// Need returns the package's server, starting it on first use, or skips
// the test (fails it in CI) when none could be started.
func Need(t testing.TB) *Server {
	t.Helper()
	once.Do(func() { current, failed = Start() })
	if current == nil {
		err := failed
		if err == nil {
			err = errors.New("pgtest.Main did not run")
		}
		testtool.Missing(t, "PostgreSQL: %v (apt-get install postgresql)", err)
	}
	return current
}

// binDir finds the newest /usr/lib/postgresql/N/bin with initdb.
func binDir() (string, error) {
	if d := os.Getenv("PARTNERDESK_PG_BIN"); d != "" {
		return d, nil
	}
	dirs, _ := filepath.Glob("/usr/lib/postgresql/*/bin/initdb")
	if len(dirs) == 0 {
		if p, err := exec.LookPath("initdb"); err == nil {
			return filepath.Dir(p), nil
		}
		return "", errors.New("initdb not found in /usr/lib/postgresql/*/bin or PATH")
	}
	best, bestV := "", -1
	for _, d := range dirs {
		v, _ := strconv.Atoi(filepath.Base(filepath.Dir(filepath.Dir(d))))
		if v > bestV {
			best, bestV = filepath.Dir(d), v
		}
	}
	return best, nil
}

// Start initialises and starts a server. Every wait has a deadline.
func Start() (*Server, error) {
	bin, err := binDir()
	if err != nil {
		return nil, err
	}
	dir, err := os.MkdirTemp("", "pdpg")
	if err != nil {
		return nil, err
	}
	s := &Server{Dir: dir, Data: filepath.Join(dir, "data"), Bin: bin, asPostgres: os.Geteuid() == 0}
	if s.asPostgres {
		u, err := user.Lookup("postgres")
		if err != nil {
			os.RemoveAll(dir)
			return nil, fmt.Errorf("running as root needs the postgres user: %w", err)
		}
		uid, _ := strconv.Atoi(u.Uid)
		gid, _ := strconv.Atoi(u.Gid)
		if err := os.Chown(dir, uid, gid); err != nil {
			os.RemoveAll(dir)
			return nil, err
		}
	}
	pw := filepath.Join(dir, "pw")
	if err := os.WriteFile(pw, []byte(Password+"\n"), 0o644); err != nil {
		return nil, err
	}
	if out, err := s.pgCmd(60*time.Second, "initdb", "-D", s.Data, "-U", "postgres", "--pwfile", pw,
		"--auth-local=trust", "--auth-host=scram-sha-256", "-E", "UTF8", "--locale=C.UTF-8", "--data-checksums"); err != nil {
		os.RemoveAll(dir)
		return nil, fmt.Errorf("initdb: %v: %s", err, out)
	}
	if err := s.Restart(); err != nil {
		s.Stop()
		return nil, err
	}
	s.startWatchdog()
	return s, nil
}

// pgCmd runs one of the server's programs (as postgres when root) with a
// deadline.
func (s *Server) pgCmd(limit time.Duration, name string, args ...string) ([]byte, error) {
	ctx, cancel := context.WithTimeout(context.Background(), limit)
	defer cancel()
	prog := filepath.Join(s.Bin, name)
	var cmd *exec.Cmd
	if s.asPostgres {
		cmd = exec.CommandContext(ctx, "runuser", append([]string{"-u", "postgres", "--", prog}, args...)...)
	} else {
		cmd = exec.CommandContext(ctx, prog, args...)
	}
	cmd.Dir = s.Dir
	return cmd.CombinedOutput()
}

func freePort() (int, error) {
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return 0, err
	}
	defer l.Close()
	return l.Addr().(*net.TCPAddr).Port, nil
}

// Restart starts the server (again, after Kill), on the same port when it
// had one.
func (s *Server) Restart() error {
	if s.Port == 0 {
		p, err := freePort()
		if err != nil {
			return err
		}
		s.Port = p
	}
	opts := fmt.Sprintf("-c fsync=off -c full_page_writes=off -c listen_addresses=127.0.0.1 -p %d -k %s -c max_connections=200 -c shared_buffers=64MB", s.Port, s.Dir)
	out, err := s.pgCmd(90*time.Second, "pg_ctl", "-D", s.Data, "-l", filepath.Join(s.Dir, "log"), "-w", "-t", "60", "-o", opts, "start")
	if err != nil {
		log, _ := os.ReadFile(filepath.Join(s.Dir, "log"))
		return fmt.Errorf("pg_ctl start: %v: %s\n%s", err, out, tail(string(log)))
	}
	return nil
}

func tail(s string) string {
	if len(s) > 2000 {
		return s[len(s)-2000:]
	}
	return s
}

// Kill stops the server at once, as a power cut would stop it for the
// clients (pg_ctl stop -m immediate: no checkpoint, recovery on restart).
func (s *Server) Kill() error {
	out, err := s.pgCmd(60*time.Second, "pg_ctl", "-D", s.Data, "-m", "immediate", "-w", "-t", "30", "stop")
	if err != nil {
		return fmt.Errorf("pg_ctl stop: %v: %s", err, out)
	}
	return nil
}

// Stop stops the server and removes its folder.
func (s *Server) Stop() {
	if _, err := os.Stat(filepath.Join(s.Data, "postmaster.pid")); err == nil {
		s.pgCmd(60*time.Second, "pg_ctl", "-D", s.Data, "-m", "fast", "-w", "-t", "30", "stop")
	}
	if s.watchdog != nil && s.watchdog.Process != nil {
		s.watchdog.Process.Kill()
		s.watchdog.Wait()
	}
	os.RemoveAll(s.Dir)
}

// startWatchdog starts a shell that stops the server and removes its
// folder once this process is gone, however it ended.
func (s *Server) startWatchdog() {
	stop := fmt.Sprintf("%s -D %s -m immediate -w -t 30 stop", filepath.Join(s.Bin, "pg_ctl"), s.Data)
	if s.asPostgres {
		stop = "runuser -u postgres -- " + stop
	}
	script := fmt.Sprintf("while kill -0 %d 2>/dev/null; do sleep 1; done; %s >/dev/null 2>&1; rm -rf %s", os.Getpid(), stop, s.Dir)
	cmd := exec.Command("sh", "-c", script)
	if cmd.Start() == nil {
		s.watchdog = cmd
	}
}

// URL returns a URL for login on database db over TCP (password
// authentication, TLS off: loopback only).
func (s *Server) URL(db, login string) string {
	return fmt.Sprintf("postgres://%s:%s@127.0.0.1:%d/%s?sslmode=disable", login, Password, s.Port, db)
}

// AdminURL returns the superuser's URL for database db (Unix socket).
func (s *Server) AdminURL(db string) string {
	return fmt.Sprintf("postgres://postgres@/%s?host=%s&port=%d&sslmode=disable", db, s.Dir, s.Port)
}

// DB is one fresh database with the PartnerDesk schema.
type DB struct {
	S    *Server
	Name string
	// Prefix is put before every login NewDB's callers add, so that the
	// logins of different tests (roles are server-wide) never meet.
	Prefix string
}

// EmptyDB creates a fresh, unprepared database and returns its name.
func (s *Server) EmptyDB(t testing.TB) string {
	t.Helper()
	name := fmt.Sprintf("t%d_%d", os.Getpid(), dbSeq.Add(1))
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	c, err := pgx.Connect(ctx, s.AdminURL("postgres"))
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close(ctx)
	if _, err := c.Exec(ctx, "CREATE DATABASE "+name); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
		defer cancel()
		if c, err := pgx.Connect(ctx, s.AdminURL("postgres")); err == nil {
			c.Exec(ctx, "DROP DATABASE IF EXISTS "+name+" WITH (FORCE)")
			c.Close(ctx)
		}
	})
	return name
}

// NewDB creates a fresh database, prepared with partnerctl server init's
// code (default department "office", the given numbering scope), and an
// office person Prefix+"office" in it.
func (s *Server) NewDB(t testing.TB, numbers string) *DB {
	t.Helper()
	name := s.EmptyDB(t)
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	if _, _, err := store.InitServer(ctx, s.AdminURL(name), store.InitOptions{DefaultDepartment: "office", DefaultDepartmentName: "Partnership office", Numbers: numbers}); err != nil {
		t.Fatal(err)
	}
	db := &DB{S: s, Name: name, Prefix: "u" + strings.TrimPrefix(name, "t") + "_"}
	db.AddPerson(t, "office", "office", store.RoleOffice)
	return db
}

// Admin connects as the superuser.
func (d *DB) Admin(t testing.TB) *store.Admin {
	t.Helper()
	a, err := store.OpenAdmin(context.Background(), d.S.AdminURL(d.Name))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { a.Close() })
	return a
}

// AddDepartment adds a department.
func (d *DB) AddDepartment(t testing.TB, code, name string) {
	t.Helper()
	if err := d.Admin(t).AddDepartment(context.Background(), code, name); err != nil {
		t.Fatal(err)
	}
}

// AddPerson adds Prefix+login with the role in the department.
func (d *DB) AddPerson(t testing.TB, login, dept, role string) string {
	t.Helper()
	if err := d.Admin(t).AddPerson(context.Background(), d.Prefix+login, Password, dept, role); err != nil {
		t.Fatal(err)
	}
	return d.Prefix + login
}

// URL is the URL of Prefix+login.
func (d *DB) URL(login string) string { return d.S.URL(d.Name, d.Prefix+login) }

// Open opens the store as Prefix+login, closed when the test ends.
func (d *DB) Open(t testing.TB, login string, opts store.Options) *store.Store {
	t.Helper()
	s, err := store.OpenURL(d.URL(login), opts)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	return s
}

// Login returns Prefix+login.
func (d *DB) Login(login string) string { return d.Prefix + strings.TrimPrefix(login, d.Prefix) }
