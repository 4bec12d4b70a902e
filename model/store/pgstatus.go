package store

import (
	"context"
	"errors"
	"fmt"
	"time"

	"github.com/jackc/pgx/v5"
)

// Server reports whether the store is on a PostgreSQL server.
func (s *Store) Server() bool { return s.ses != nil }

// Role returns the connected person's role on a server ("" for a file).
func (s *Store) Role() string {
	if s.ses == nil {
		return ""
	}
	return s.ses.role
}

// Department returns the connected person's department on a server (""
// for a file).
func (s *Store) Department() string {
	if s.ses == nil {
		return ""
	}
	return s.ses.department
}

// DefaultDepartment returns the code of the department that agreements
// naming none belong to ("" for a file: its only department).
func (s *Store) DefaultDepartment() string {
	if s.ses == nil {
		return ""
	}
	return s.ses.defaultDept
}

// WriteRefusal returns why this client may not write to the server (its
// schema version differs, or it was opened read-only), or nil.
func (s *Store) WriteRefusal() error {
	if s.ses == nil {
		return nil
	}
	return s.ses.refuse
}

// ServerStatus is what partnerctl server check reports about a server.
type ServerStatus struct {
	Login, Role, Department string
	Schema, ClientSchema    int
	PostgreSQL              string
	DataChecksums, TLS      bool
	// Unprotected lists tables without forced row-level security (should
	// be none).
	Unprotected []string
	Numbers     string
}

// ServerStatus reads the server's version, settings and protections.
func (s *Store) ServerStatus() (ServerStatus, error) {
	b, ok := s.be.(*pgBackend)
	if !ok {
		return ServerStatus{}, errors.New("not a server")
	}
	st := ServerStatus{Login: s.ses.login, Role: s.ses.role, Department: s.ses.department, ClientSchema: ServerSchemaVersion, Numbers: s.ses.scope}
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	var schema, checksums string
	err := b.pool.QueryRow(ctx, `SELECT (SELECT value FROM meta WHERE key = 'schema'), current_setting('server_version'),
		current_setting('data_checksums'), coalesce((SELECT ssl FROM pg_stat_ssl WHERE pid = pg_backend_pid()), false)`).
		Scan(&schema, &st.PostgreSQL, &checksums, &st.TLS)
	if err != nil {
		return st, b.wrap(err)
	}
	fmt.Sscan(schema, &st.Schema)
	st.DataChecksums = checksums == "on"
	rows, err := b.pool.Query(ctx, `SELECT c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
		WHERE n.nspname = 'partnerdesk' AND c.relkind = 'r' AND NOT (c.relrowsecurity AND c.relforcerowsecurity) ORDER BY 1`)
	if err != nil {
		return st, b.wrap(err)
	}
	st.Unprotected, err = pgx.CollectRows(rows, pgx.RowTo[string])
	return st, err
}
