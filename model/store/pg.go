package store

import (
	"context"
	"errors"
	"fmt"
	"net/url"
	"strings"
	"sync/atomic"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgconn"
	"github.com/jackc/pgx/v5/pgxpool"
)

// ServerSchemaVersion is the server schema this build reads and writes
// (the number of files in pgschema).
const ServerSchemaVersion = 1

// Roles a person can have on a server.
const (
	RoleSecretary = "secretary" // changes their own department's agreements
	RoleOffice    = "office"    // the partnership office: changes everything
	RoleAuditor   = "auditor"   // reads everything, changes nothing
)

// Numbering scopes: where an agreement number must be unique.
const (
	NumbersPerUniversity = "university"
	NumbersPerDepartment = "department"
)

// IsServerURL reports whether s names a PostgreSQL server rather than a
// data file.
func IsServerURL(s string) bool {
	return strings.HasPrefix(s, "postgres://") || strings.HasPrefix(s, "postgresql://")
}

// session is who is connected to a server and what the server says about
// the data: the rules above the key-value layer use it.
type session struct {
	login      string
	role       string
	department string
	// defaultDept is the department of agreements that name none.
	defaultDept string
	scope       string
	// refuse, when set, is why this client must not write (its schema
	// differs from the server's).
	refuse error
}

// pgBackend runs the store on a PostgreSQL database.
type pgBackend struct {
	pool   *pgxpool.Pool
	url    string
	ses    *session
	closed atomic.Bool
}

// ServerOptions adjust OpenURL. MaxConns is the size of the connection
// pool (default 4): each person's client needs few.
type ServerOptions struct {
	MaxConns int32
}

// OpenURL connects to a PartnerDesk database on a PostgreSQL server, as
// the person whose login the URL names. Without an sslmode in the URL the
// connection uses TLS with verify-full (sslrootcert names the server's CA
// certificate). The login must be a person added with partnerctl server
// adduser: the owner of the schema and superusers are refused, so that the
// server's row-level security always applies. A client whose schema
// version differs from the server's opens read-only, saying why.
func OpenURL(rawURL string, opts Options) (*Store, error) {
	return OpenURLWith(rawURL, opts, ServerOptions{})
}

// OpenURLWith is OpenURL with pool options.
func OpenURLWith(rawURL string, opts Options, so ServerOptions) (*Store, error) {
	cfg, err := pgxpool.ParseConfig(DefaultTLS(rawURL))
	if err != nil {
		return nil, fmt.Errorf("the server address %s: %w", Redact(rawURL), err)
	}
	cfg.ConnConfig.RuntimeParams["search_path"] = "partnerdesk"
	cfg.ConnConfig.RuntimeParams["application_name"] = "PartnerDesk"
	if cfg.ConnConfig.ConnectTimeout == 0 {
		cfg.ConnConfig.ConnectTimeout = 10 * time.Second
	}
	cfg.MaxConns = 4
	if so.MaxConns > 0 {
		cfg.MaxConns = so.MaxConns
	}
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	pool, err := pgxpool.NewWithConfig(ctx, cfg)
	if err != nil {
		return nil, &ServerError{URL: Redact(rawURL), Err: err}
	}
	be := &pgBackend{pool: pool, url: Redact(rawURL)}
	ses, err := be.session(ctx)
	if err != nil {
		pool.Close()
		return nil, err
	}
	be.ses = ses
	if opts.ReadOnly && ses.refuse == nil {
		ses.refuse = ErrReadOnly
	}
	s := newStore(be, be.url, opts)
	s.user, s.ses = ses.login, ses
	return s, nil
}

// DefaultTLS adds sslmode=verify-full to a server URL that names no
// sslmode.
func DefaultTLS(rawURL string) string {
	u, err := url.Parse(rawURL)
	if err != nil || u.Query().Has("sslmode") {
		return rawURL
	}
	q := u.Query()
	q.Set("sslmode", "verify-full")
	u.RawQuery = q.Encode()
	return u.String()
}

// Redact returns the URL without its password, for messages and logs.
func Redact(rawURL string) string {
	u, err := url.Parse(rawURL)
	if err != nil {
		return "(an unreadable server address)"
	}
	if _, ok := u.User.Password(); ok {
		u.User = url.UserPassword(u.User.Username(), "xxxxx")
	}
	return u.String()
}

// session reads who is connected and checks the schema version.
func (b *pgBackend) session(ctx context.Context) (*session, error) {
	ses := &session{}
	var super, owner bool
	err := b.pool.QueryRow(ctx, `SELECT session_user, r.rolsuper OR r.rolbypassrls,
		pg_has_role(session_user, 'partnerdesk_owner', 'MEMBER')
		FROM pg_roles r WHERE r.rolname = session_user`).Scan(&ses.login, &super, &owner)
	if err != nil {
		return nil, b.wrap(err)
	}
	if super || owner {
		return nil, &ServerError{URL: b.url, Err: fmt.Errorf("%w: the login %s is the database's owner or a superuser, which row-level security does not bind: connect with your own login (partnerctl server adduser)", ErrPrivilegedLogin, ses.login)}
	}
	var version string
	err = b.pool.QueryRow(ctx, `SELECT value FROM meta WHERE key = 'schema'`).Scan(&version)
	if err != nil {
		var pe *pgconn.PgError
		if errors.As(err, &pe) && (pe.Code == "42P01" || pe.Code == "3F000") {
			return nil, &ServerError{URL: b.url, Err: fmt.Errorf("%w: ask IT to run 'partnerctl server init' on it", ErrNoPartnerDeskData)}
		}
		return nil, b.wrap(err)
	}
	var v int
	fmt.Sscan(version, &v)
	if v != ServerSchemaVersion {
		ses.refuse = &SchemaMismatchError{Server: v, Client: ServerSchemaVersion}
	}
	err = b.pool.QueryRow(ctx, `SELECT coalesce((SELECT role FROM people WHERE login = session_user), ''),
		coalesce((SELECT department FROM people WHERE login = session_user), ''),
		coalesce((SELECT value FROM meta WHERE key = 'default_department'), ''),
		coalesce((SELECT value FROM meta WHERE key = 'number_scope'), 'university')`).
		Scan(&ses.role, &ses.department, &ses.defaultDept, &ses.scope)
	if err != nil {
		return nil, b.wrap(err)
	}
	if ses.role == "" {
		return nil, &ServerError{URL: b.url, Err: fmt.Errorf("%w: the login %s is not a PartnerDesk user of this database: ask the partnership office to add you (partnerctl server adduser)", ErrNotAPerson, ses.login)}
	}
	return ses, nil
}

// SchemaMismatchError says that this PartnerDesk and the server's data
// are of different versions: the client reads but does not write.
type SchemaMismatchError struct{ Server, Client int }

// Error implements the error interface for SchemaMismatchError.
func (e *SchemaMismatchError) Error() string {
	if e.Server > e.Client {
		return fmt.Sprintf("the server's data is of a newer version (%d) than this PartnerDesk understands (%d): install the newer PartnerDesk. Until then you can read but not save.", e.Server, e.Client)
	}
	return fmt.Sprintf("the server's data is of an older version (%d) than this PartnerDesk (%d): ask IT to run 'partnerctl server init' to upgrade it. Until then you can read but not save.", e.Server, e.Client)
}

// Unwrap makes errors.Is(err, ErrNewerSchema) true when the server is
// newer.
func (e *SchemaMismatchError) Unwrap() error {
	if e.Server > e.Client {
		return ErrNewerSchema
	}
	return nil
}

// ServerError says the server could not be reached or refused the
// connection, in words for the user.
type ServerError struct {
	URL string
	Err error
}

// Error implements the error interface for ServerError.
func (e *ServerError) Error() string {
	return fmt.Sprintf("the PartnerDesk server %s: %v", e.URL, e.Err)
}

// Unwrap returns the cause.
func (e *ServerError) Unwrap() error { return e.Err }

// ErrServerUnreachable: the connection to the server failed or broke.
var ErrServerUnreachable = errors.New("the server cannot be reached")

func (b *pgBackend) wrap(err error) error {
	if err == nil {
		return nil
	}
	var pe *pgconn.PgError
	if errors.As(err, &pe) {
		return err
	}
	if pgconn.SafeToRetry(err) || pgconn.Timeout(err) || isConnError(err) {
		return &ServerError{URL: b.url, Err: fmt.Errorf("%w: %w", ErrServerUnreachable, err)}
	}
	return err
}

func isConnError(err error) bool {
	var ce *pgconn.ConnectError
	if errors.As(err, &ce) {
		return true
	}
	s := err.Error()
	return strings.Contains(s, "conn closed") || strings.Contains(s, "connection reset") ||
		strings.Contains(s, "broken pipe") || strings.Contains(s, "EOF") || strings.Contains(s, "connection refused")
}

// pgPanic carries a database error out of a kvTx method that has no error
// result (get, count); view and update turn it back into an error.
type pgPanic struct{ err error }

func (b *pgBackend) view(fn func(kvTx) error) error {
	return b.run(pgx.TxOptions{IsoLevel: pgx.RepeatableRead, AccessMode: pgx.ReadOnly}, false, fn)
}

// update runs a write transaction at READ COMMITTED. Each statement sees
// what was committed before it, and what the store's rules decide from
// their reads is held by the server itself, whoever commits in between:
//
//   - every change of a record is an UPDATE conditional on the revision
//     it was read at (WHERE rev = n-1, guarded), and deleting an agreement
//     is conditional on the revision read (delAgreement), so a decision
//     taken on a record that has changed since fails as a conflict; a
//     second writer of the same row waits for the first and then finds
//     the revision moved on;
//   - what is decided from records that are read but not written rests
//     on constraints: unique tax IDs and numbers (unique indexes), the
//     partners an agreement names and an agreement's department (foreign
//     keys: deleting a partner that an agreement names, or adding an
//     agreement for a partner just deleted, fails), attachments' size;
//   - row-level security is checked by the server on every statement.
//
// So a transaction that SERIALIZABLE would have failed for a race fails
// here too, with the record's conflict or the constraint's message,
// instead of a serialisation failure retried after a pause, and without
// the predicate locks that made saves of different agreements on the same
// index pages fail each other. Deadlocks are still retried. Reads (view)
// stay one snapshot (REPEATABLE READ) for every list and export.
func (b *pgBackend) update(fn func(kvTx) error) error {
	return b.run(pgx.TxOptions{IsoLevel: writeIsolation}, true, fn)
}

// writeIsolation is the isolation of write transactions (see update).
var writeIsolation = pgx.ReadCommitted

// maxAttempts bounds the retries of a transaction that lost a
// serialisation race.
const maxAttempts = 8

// run runs fn in a transaction, again (from the start) when the server
// reports a serialisation failure or a deadlock: fn must build what it
// writes inside itself. An error while committing over a broken connection
// is reported as such; the caller cannot know whether the commit landed,
// and the store's revisions make saving again safe.
func (b *pgBackend) run(txo pgx.TxOptions, write bool, fn func(kvTx) error) error {
	if b.closed.Load() {
		return ErrClosed
	}
	var err error
	for attempt := range maxAttempts {
		if attempt > 0 {
			time.Sleep(time.Duration(attempt*attempt) * 5 * time.Millisecond)
		}
		err = b.once(txo, write, fn)
		if !retryable(err) {
			return b.wrap(err)
		}
	}
	return b.wrap(err)
}

func retryable(err error) bool {
	var pe *pgconn.PgError
	return errors.As(err, &pe) && (pe.Code == "40001" || pe.Code == "40P01")
}

func (b *pgBackend) once(txo pgx.TxOptions, write bool, fn func(kvTx) error) (err error) {
	ctx := context.Background()
	conn, err := b.pool.Acquire(ctx)
	if err != nil {
		return err
	}
	defer conn.Release()
	t := &pgTx{ctx: ctx, conn: conn, pool: b.pool, txo: txo, write: write, ses: b.ses}
	defer func() {
		if r := recover(); r != nil {
			p, ok := r.(pgPanic)
			if !ok {
				t.rollback()
				panic(r)
			}
			err = p.err
		}
		if err != nil {
			t.rollback()
		}
	}()
	if err = fn(t); err != nil {
		// A write held back failed first, if one did: the error is the
		// one the statements would have given one at a time.
		if ferr := t.flush(); ferr != nil {
			return ferr
		}
		return err
	}
	return t.commit()
}

func (b *pgBackend) close() error {
	if !b.closed.Swap(true) {
		b.pool.Close()
	}
	return nil
}
