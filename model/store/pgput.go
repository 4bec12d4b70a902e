package store

import (
	"context"
	"encoding/json"
	"errors"
	"strings"

	"github.com/partnerdesk/partnerdesk/model"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgconn"
)

// putPartner inserts a new partner (revision 1) or updates one whose
// stored revision is the one before: the server checks the revision
// itself, so two clients cannot both save over the same revision.
func (t *pgTx) putPartner(id int64, value []byte) error {
	var c recordCols
	if err := json.Unmarshal(value, &c); err != nil {
		return err
	}
	var tax *string
	if c.TaxID != "" {
		tax = &c.TaxID
	}
	check := func(tag pgconn.CommandTag, err error) error {
		if isUnique(err) {
			return errorsJoinValidation("tax_id", "err.taxid_taken")
		}
		if changedNoRow(err) || (err == nil && tag.RowsAffected() == 0) {
			return &diagnosis{table: "partners", id: id, wantRev: c.Rev - 1}
		}
		if err != nil {
			return t.refused(err, "partners", "")
		}
		return nil
	}
	if c.Rev <= 1 || t.adopt {
		return t.hold(check, `INSERT INTO partners (id, rev, country, tax_id, name, doc) VALUES ($1, $2, $3, $4, $5, $6::text::jsonb)`,
			id, c.Rev, c.Country, tax, c.Name, string(value))
	}
	return t.hold(check, guarded(`UPDATE partners SET rev = $2, country = $3, tax_id = $4, name = $5, doc = $6::text::jsonb
			WHERE id = $1 AND rev = $2 - 1`), id, c.Rev, c.Country, tax, c.Name, string(value))
}

// guarded makes an UPDATE that changes no row fail (division by zero,
// SQLSTATE 22012) instead of succeeding with a count of 0, so that the
// transaction's COMMIT can travel in the same round trip: a stale or
// refused save then aborts the transaction on the server before its COMMIT
// is reached, and diagnose says why.
func guarded(update string) string {
	return `WITH u AS (` + update + ` RETURNING 1) SELECT 1 / count(*) FROM u`
}

// changedNoRow reports the failure of a guarded UPDATE.
func changedNoRow(err error) bool {
	var pe *pgconn.PgError
	return errors.As(err, &pe) && pe.Code == "22012"
}

func (t *pgTx) putAgreement(id int64, value []byte) error {
	var c recordCols
	if err := json.Unmarshal(value, &c); err != nil {
		return err
	}
	dept := c.Department
	if dept == "" {
		dept = t.defaultDept()
	}
	check := func(tag pgconn.CommandTag, err error) error {
		if isForeignKey(err) {
			return unknownDepartment(dept)
		}
		if changedNoRow(err) || (err == nil && tag.RowsAffected() == 0) {
			return &diagnosis{table: "agreements", id: id, wantRev: c.Rev - 1, dept: dept}
		}
		if err != nil {
			return t.refused(err, "agreements", dept)
		}
		return nil
	}
	// The summary, put next, joins the same statement (takeSummary): one
	// new version of the row instead of two.
	w := heldWrite{check: check, agreement: id, args: []any{id, c.Rev, dept, string(value)},
		sql:         `INSERT INTO agreements (id, rev, department, doc) VALUES ($1, $2, $3, $4::text::jsonb)`,
		withSummary: `INSERT INTO agreements (id, rev, department, doc, summary) VALUES ($1, $2, $3, $4::text::jsonb, $5::text::json)`}
	if c.Rev > 1 && !t.adopt {
		w.sql = guarded(`UPDATE agreements SET rev = $2, department = $3, doc = $4::text::jsonb WHERE id = $1 AND rev = $2 - 1`)
		w.withSummary = guarded(`UPDATE agreements SET rev = $2, department = $3, doc = $4::text::jsonb, summary = $5::text::json
			WHERE id = $1 AND rev = $2 - 1`)
	}
	t.sawRev(id, c.Rev)
	if err := t.holdWrite(w); err != nil || len(c.Attachments) == 0 {
		return err
	}
	ids := make([]int64, len(c.Attachments))
	for i, a := range c.Attachments {
		ids[i] = a.ID
	}
	return t.hold(t.writeErr("attachments", dept), `UPDATE attachments SET agreement_id = $1 WHERE id = ANY($2) AND agreement_id IS NULL`, id, ids)
}

// takeSummary puts an agreement's summary into the held write of the
// agreement's row, if there is one.
func (t *pgTx) takeSummary(id int64, summary []byte) bool {
	for i := len(t.held) - 1; i >= 0; i-- {
		w := &t.held[i]
		if w.agreement == id && w.withSummary != "" {
			w.sql, w.withSummary = w.withSummary, ""
			w.args = append(w.args, string(summary))
			return true
		}
	}
	return false
}

func (t *pgTx) sawRev(id, rev int64) {
	if t.revs == nil {
		t.revs = map[int64]int64{}
	}
	t.revs[id] = rev
}

// delAgreement deletes an agreement if it is still at the revision this
// transaction read: what the deletion changes around it (the links of
// its renewals) was decided on that revision.
func (t *pgTx) delAgreement(id int64) error {
	rev, ok := t.revs[id]
	sql, args := `DELETE FROM agreements WHERE id = $1`, []any{id}
	if ok {
		sql, args = `DELETE FROM agreements WHERE id = $1 AND rev = $2`, []any{id, rev}
	}
	return t.holdSoft(func(tag pgconn.CommandTag, err error) error {
		if err == nil && tag.RowsAffected() == 0 {
			return &diagnosis{table: "agreements-delete", id: id, wantRev: rev, checkRev: ok}
		}
		return t.refused(err, "agreements", "")
	}, sql, args...)
}

// putRound writes a diagnostic round; a changed one only over the
// revision before, as records are.
func (t *pgTx) putRound(id int64, value []byte) error {
	var c recordCols
	if err := json.Unmarshal(value, &c); err != nil {
		return err
	}
	if c.Rev <= 1 || t.adopt {
		return t.hold(t.writeErr("diag_rounds", ""), `INSERT INTO diag_rounds (id, doc) VALUES ($1, $2::text::jsonb)
			ON CONFLICT (id) DO UPDATE SET doc = EXCLUDED.doc`, id, string(value))
	}
	return t.hold(func(_ pgconn.CommandTag, err error) error {
		if changedNoRow(err) {
			return &diagnosis{table: "diag_rounds", id: id, wantRev: c.Rev - 1}
		}
		return t.refused(err, "diag_rounds", "")
	}, guarded(`UPDATE diag_rounds SET doc = $2::text::jsonb WHERE id = $1 AND (doc->>'rev')::bigint = $3 - 1`), id, string(value), c.Rev)
}

func (t *pgTx) defaultDept() string { return t.ses.defaultDept }

// diagnose explains why a write changed no row: the record changed since
// it was read (a conflict, saying who saved it), it is gone, or row-level
// security hid it from this person (a refusal). A delete of a record that
// is not there is no error, as in the file store. After a statement
// failed the transaction is aborted, so it asks outside it.
func (t *pgTx) diagnose(d *diagnosis) error {
	var q querier = t.tx
	if d.afterFailure {
		q = t.pool
	}
	var rev int64
	var rowDept string
	sql := `SELECT rev, '' FROM partners WHERE id = $1`
	switch {
	case strings.HasPrefix(d.table, "agreements"):
		sql = `SELECT rev, department FROM agreements WHERE id = $1`
	case d.table == "diag_rounds":
		sql = `SELECT (doc->>'rev')::bigint, '' FROM diag_rounds WHERE id = $1`
	}
	err := q.QueryRow(t.ctx, sql, d.id).Scan(&rev, &rowDept)
	deleting := strings.HasSuffix(d.table, "-delete")
	switch {
	case errors.Is(err, pgx.ErrNoRows) && deleting:
		return nil
	case errors.Is(err, pgx.ErrNoRows):
		return ErrNotFound
	case err != nil:
		return err
	case d.table == "partners-delete":
		return t.permission("partners-delete", "")
	}
	return t.refusedOrStale(q, d, rev, rowDept)
}

// refusedOrStale tells a record that has moved on since it was read from
// one this person may not change.
func (t *pgTx) refusedOrStale(q querier, d *diagnosis, rev int64, rowDept string) error {
	stale := rev != d.wantRev && (d.checkRev || !strings.HasSuffix(d.table, "-delete"))
	switch {
	case d.table == "diag_rounds" && stale:
		return ErrConflict
	case d.table == "diag_rounds":
		return t.permission("diag_rounds", "")
	case stale:
		return t.lastSaved(q, d)
	}
	if rowDept == "" {
		rowDept = d.dept
	}
	return t.permission("agreements", rowDept)
}

type querier interface {
	QueryRow(ctx context.Context, sql string, args ...any) pgx.Row
}

// lastSaved is the conflict of a save over a newer revision, saying who
// saved the record last and when.
func (t *pgTx) lastSaved(q querier, d *diagnosis) error {
	entity := "p"
	if strings.HasPrefix(d.table, "agreements") {
		entity = "a"
	}
	var raw []byte
	err := q.QueryRow(t.ctx, `SELECT doc::text FROM history WHERE entity = $1 AND entity_id = $2 ORDER BY seq DESC LIMIT 1`,
		entity, d.id).Scan(&raw)
	var e model.HistoryEntry
	if err != nil || json.Unmarshal(raw, &e) != nil {
		return &ConflictError{}
	}
	return &ConflictError{By: e.User, At: e.At.Local().Format("02.01.2006 15:04:05")}
}

// refused turns the server's refusal (row-level security or a missing
// privilege) into a *PermissionError saying who may make the change.
func (t *pgTx) refused(err error, table, dept string) error {
	var pe *pgconn.PgError
	if errors.As(err, &pe) && pe.Code == "42501" {
		return t.permission(table, dept)
	}
	return err
}

func (t *pgTx) permission(table, dept string) error {
	// A refused statement aborts the transaction: what the server said
	// about this person when the store opened is what is known.
	return newPermissionError(table, t.ses.role, t.ses.department, dept)
}
