package store

import (
	"context"
	"embed"
	"errors"
	"fmt"
	"io/fs"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/jackc/pgx/v5"
)

//go:embed pgschema/*.sql
var pgSchema embed.FS

// serverMigrations returns the embedded schema files in order.
func serverMigrations() ([]string, error) {
	names, err := fs.Glob(pgSchema, "pgschema/*.sql")
	if err != nil {
		return nil, err
	}
	slices.Sort(names)
	if len(names) != ServerSchemaVersion {
		return nil, fmt.Errorf("store: %d schema files embedded, %d expected", len(names), ServerSchemaVersion)
	}
	return names, nil
}

// InitOptions describe a new server database.
type InitOptions struct {
	// DefaultDepartment is the code and name of the department agreements
	// belong to when they name none (the partnership office's own, or the
	// department whose file moved in first).
	DefaultDepartment, DefaultDepartmentName string
	// Numbers is NumbersPerDepartment or NumbersPerUniversity (default).
	Numbers string
}

// connect opens one connection with the partnerdesk schema on the path.
func connect(ctx context.Context, rawURL string) (*pgx.Conn, error) {
	cfg, err := pgx.ParseConfig(DefaultTLS(rawURL))
	if err != nil {
		return nil, fmt.Errorf("the server address %s: %w", Redact(rawURL), err)
	}
	cfg.RuntimeParams["search_path"] = "partnerdesk"
	if cfg.ConnectTimeout == 0 {
		cfg.ConnectTimeout = 10 * time.Second
	}
	c, err := pgx.ConnectConfig(ctx, cfg)
	if err != nil {
		return nil, &ServerError{URL: Redact(rawURL), Err: err}
	}
	return c, nil
}

const createRoles = `DO $$
BEGIN
    IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'partnerdesk_owner') THEN
        CREATE ROLE partnerdesk_owner NOLOGIN CREATEROLE;
    END IF;
    IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'partnerdesk_secretary') THEN
        CREATE ROLE partnerdesk_secretary NOLOGIN;
    END IF;
    IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'partnerdesk_office') THEN
        CREATE ROLE partnerdesk_office NOLOGIN;
    END IF;
    IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'partnerdesk_auditor') THEN
        CREATE ROLE partnerdesk_auditor NOLOGIN;
    END IF;
    GRANT partnerdesk_secretary, partnerdesk_office, partnerdesk_auditor TO partnerdesk_owner WITH ADMIN OPTION;
END $$`

// InitServer prepares the database the admin URL names (connecting as a
// superuser, once, by IT): the roles, the schema and its tables, the
// row-level security policies and the default department; on a database
// already prepared it applies the schema files it lacks (an upgrade) and
// nothing else. It reports the schema version before and after.
func InitServer(ctx context.Context, adminURL string, o InitOptions) (from, to int, err error) {
	c, err := connect(ctx, adminURL)
	if err != nil {
		return 0, 0, err
	}
	defer c.Close(ctx)
	files, err := serverMigrations()
	if err != nil {
		return 0, 0, err
	}
	if _, err := c.Exec(ctx, createRoles); err != nil {
		return 0, 0, fmt.Errorf("creating the roles (connect as a superuser): %w", err)
	}
	var db string
	if err := c.QueryRow(ctx, `SELECT current_database()`).Scan(&db); err != nil {
		return 0, 0, err
	}
	for _, q := range []string{
		`REVOKE ALL ON DATABASE ` + pgx.Identifier{db}.Sanitize() + ` FROM PUBLIC`,
		`GRANT CONNECT ON DATABASE ` + pgx.Identifier{db}.Sanitize() + ` TO partnerdesk_secretary, partnerdesk_office, partnerdesk_auditor`,
		`CREATE SCHEMA IF NOT EXISTS partnerdesk AUTHORIZATION partnerdesk_owner`,
	} {
		if _, err := c.Exec(ctx, q); err != nil {
			return 0, 0, err
		}
	}
	from, err = serverVersion(ctx, c)
	if err != nil {
		return 0, 0, err
	}
	if from > ServerSchemaVersion {
		return from, from, &SchemaMismatchError{Server: from, Client: ServerSchemaVersion}
	}
	for v := from + 1; v <= ServerSchemaVersion; v++ {
		if err := applyMigration(ctx, c, files[v-1], v, o); err != nil {
			return from, v - 1, err
		}
	}
	return from, ServerSchemaVersion, nil
}

func serverVersion(ctx context.Context, c *pgx.Conn) (int, error) {
	var exists bool
	if err := c.QueryRow(ctx, `SELECT to_regclass('partnerdesk.meta') IS NOT NULL`).Scan(&exists); err != nil || !exists {
		return 0, err
	}
	var v string
	if err := c.QueryRow(ctx, `SELECT value FROM partnerdesk.meta WHERE key = 'schema'`).Scan(&v); err != nil {
		return 0, err
	}
	return strconv.Atoi(v)
}

// applyMigration runs one schema file as the owner in one transaction.
func applyMigration(ctx context.Context, c *pgx.Conn, file string, version int, o InitOptions) error {
	sql, err := pgSchema.ReadFile(file)
	if err != nil {
		return err
	}
	return pgx.BeginFunc(ctx, c, func(tx pgx.Tx) error {
		if _, err := tx.Exec(ctx, `SET LOCAL ROLE partnerdesk_owner; SET LOCAL search_path = partnerdesk, pg_temp`); err != nil {
			return err
		}
		if _, err := tx.Exec(ctx, string(sql)); err != nil {
			return fmt.Errorf("server schema %s: %w", file, err)
		}
		if version == 1 {
			if err := seed(ctx, tx, o); err != nil {
				return err
			}
		}
		_, err := tx.Exec(ctx, `INSERT INTO meta (key, value) VALUES ('schema', $1)
			ON CONFLICT (key) DO UPDATE SET value = EXCLUDED.value`, strconv.Itoa(version))
		return err
	})
}

// seed writes the first settings: the default department and the
// numbering scope.
func seed(ctx context.Context, tx pgx.Tx, o InitOptions) error {
	if o.DefaultDepartment == "" {
		o.DefaultDepartment, o.DefaultDepartmentName = "office", "Partnership office"
	}
	if o.DefaultDepartmentName == "" {
		o.DefaultDepartmentName = o.DefaultDepartment
	}
	if o.Numbers == "" {
		o.Numbers = NumbersPerUniversity
	}
	if o.Numbers != NumbersPerUniversity && o.Numbers != NumbersPerDepartment {
		return fmt.Errorf("numbering %q: say %s or %s", o.Numbers, NumbersPerUniversity, NumbersPerDepartment)
	}
	if _, err := tx.Exec(ctx, `INSERT INTO departments (code, name) VALUES ($1, $2)`, o.DefaultDepartment, o.DefaultDepartmentName); err != nil {
		return fmt.Errorf("department %s: %w", o.DefaultDepartment, err)
	}
	_, err := tx.Exec(ctx, `INSERT INTO meta (key, value) VALUES ('default_department', $1), ('number_scope', $2)`,
		o.DefaultDepartment, o.Numbers)
	return err
}

// Department is one department of the university.
type Department struct {
	Code string `json:"code"`
	Name string `json:"name"`
}

// Person is one person with a login on the server.
type Person struct {
	Login      string `json:"login"`
	Department string `json:"department"`
	Role       string `json:"role"`
}

// Admin changes the people and departments of a server database. The
// server allows it to the partnership office (and to IT's superuser).
type Admin struct {
	c *pgx.Conn
}

// OpenAdmin connects for Admin's work, as an office person or as IT.
func OpenAdmin(ctx context.Context, rawURL string) (*Admin, error) {
	c, err := connect(ctx, rawURL)
	if err != nil {
		return nil, err
	}
	return &Admin{c: c}, nil
}

// Close closes the connection.
func (a *Admin) Close() error { return a.c.Close(context.Background()) }

// AddDepartment adds a department (or renames one with that code).
func (a *Admin) AddDepartment(ctx context.Context, code, name string) error {
	_, err := a.c.Exec(ctx, `INSERT INTO departments (code, name) VALUES ($1, $2)
		ON CONFLICT (code) DO UPDATE SET name = EXCLUDED.name`, code, name)
	return adminError(err, "departments")
}

// Departments lists the departments by code.
func (a *Admin) Departments(ctx context.Context) ([]Department, error) {
	rows, err := a.c.Query(ctx, `SELECT code, name FROM departments ORDER BY code`)
	if err != nil {
		return nil, err
	}
	return pgx.CollectRows(rows, pgx.RowToStructByPos[Department])
}

// People lists the people by login.
func (a *Admin) People(ctx context.Context) ([]Person, error) {
	rows, err := a.c.Query(ctx, `SELECT login, department, role FROM people ORDER BY login`)
	if err != nil {
		return nil, err
	}
	return pgx.CollectRows(rows, pgx.RowToStructByPos[Person])
}

// AddPerson creates a login (or sets a new password on an existing one)
// and gives it a department and a role.
func (a *Admin) AddPerson(ctx context.Context, login, password, dept, role string) error {
	if login == "" || strings.HasPrefix(login, "partnerdesk_") || strings.HasPrefix(login, "pg_") {
		return fmt.Errorf("login %q: choose another name", login)
	}
	_, err := a.c.Exec(ctx, `SELECT add_person($1, $2, $3, $4)`, login, password, dept, role)
	if isForeignKey(err) {
		return unknownDepartment(dept)
	}
	return adminError(err, "people")
}

// SetPerson changes a person's department and role.
func (a *Admin) SetPerson(ctx context.Context, login, dept, role string) error {
	_, err := a.c.Exec(ctx, `SELECT set_person($1, $2, $3)`, login, dept, role)
	if isForeignKey(err) {
		return unknownDepartment(dept)
	}
	return adminError(err, "people")
}

// SetNumbering chooses where agreement numbers must be unique. Every
// number is re-keyed in one transaction; clashes the new scope would
// create refuse the change.
func (a *Admin) SetNumbering(ctx context.Context, scope string) error {
	var expr string
	switch scope {
	case NumbersPerDepartment:
		expr = `department || '/' || number_key`
	case NumbersPerUniversity:
		expr = `substr(number_key, strpos(number_key, '/') + 1)`
	default:
		return fmt.Errorf("numbering %q: say %s or %s", scope, NumbersPerUniversity, NumbersPerDepartment)
	}
	return pgx.BeginFunc(ctx, a.c, func(tx pgx.Tx) error {
		var cur string
		if err := tx.QueryRow(ctx, `SELECT value FROM meta WHERE key = 'number_scope'`).Scan(&cur); err != nil {
			return err
		}
		if cur == scope {
			return nil
		}
		if _, err := tx.Exec(ctx, `UPDATE agreements SET number_key = `+expr); err != nil {
			if isUnique(err) {
				return errors.New("some departments use the same agreement numbers: they cannot be unique across the university until one of each pair is renumbered")
			}
			return adminError(err, "agreements")
		}
		_, err := tx.Exec(ctx, `UPDATE meta SET value = $1 WHERE key = 'number_scope'`, scope)
		return adminError(err, "meta")
	})
}

func adminError(err error, table string) error {
	if err == nil {
		return nil
	}
	var pe interface{ SQLState() string }
	if errors.As(err, &pe) && pe.SQLState() == "42501" {
		return &PermissionError{Key: "server.refused_office_only", Args: map[string]string{}}
	}
	return fmt.Errorf("%s: %w", table, err)
}
