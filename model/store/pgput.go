package store

import (
	"encoding/json"
	"errors"

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
	var tag pgconn.CommandTag
	var err error
	if c.Rev <= 1 || t.adopt {
		tag, err = t.tx.Exec(t.ctx, `INSERT INTO partners (id, rev, country, tax_id, name, doc) VALUES ($1, $2, $3, $4, $5, $6::text::jsonb)`,
			id, c.Rev, c.Country, tax, c.Name, string(value))
	} else {
		tag, err = t.tx.Exec(t.ctx, `UPDATE partners SET rev = $2, country = $3, tax_id = $4, name = $5, doc = $6::text::jsonb
			WHERE id = $1 AND rev = $2 - 1`, id, c.Rev, c.Country, tax, c.Name, string(value))
	}
	if isUnique(err) {
		return errorsJoinValidation("tax_id", "err.taxid_taken")
	}
	if err != nil {
		return t.refused(err, "partners", "")
	}
	if tag.RowsAffected() == 0 {
		return t.diagnose("partners", id, c.Rev-1, "")
	}
	return nil
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
	var tag pgconn.CommandTag
	var err error
	if c.Rev <= 1 || t.adopt {
		tag, err = t.tx.Exec(t.ctx, `INSERT INTO agreements (id, rev, department, doc) VALUES ($1, $2, $3, $4::text::jsonb)`,
			id, c.Rev, dept, string(value))
	} else {
		tag, err = t.tx.Exec(t.ctx, `UPDATE agreements SET rev = $2, department = $3, doc = $4::text::jsonb
			WHERE id = $1 AND rev = $2 - 1`, id, c.Rev, dept, string(value))
	}
	if isForeignKey(err) {
		return unknownDepartment(dept)
	}
	if err != nil {
		return t.refused(err, "agreements", dept)
	}
	if tag.RowsAffected() == 0 {
		return t.diagnose("agreements", id, c.Rev-1, dept)
	}
	if len(c.Attachments) > 0 {
		ids := make([]int64, len(c.Attachments))
		for i, a := range c.Attachments {
			ids[i] = a.ID
		}
		_, err = t.tx.Exec(t.ctx, `UPDATE attachments SET agreement_id = $1 WHERE id = ANY($2) AND agreement_id IS NULL`, id, ids)
	}
	return t.refused(err, "attachments", dept)
}

func (t *pgTx) defaultDept() string { return t.ses.defaultDept }

// diagnose explains why an update changed no row: the record changed
// since it was read (a conflict), or row-level security hid it from this
// person (a refusal).
func (t *pgTx) diagnose(table string, id, wantRev int64, dept string) error {
	var rev int64
	var rowDept string
	q := `SELECT rev, '' FROM partners WHERE id = $1`
	if table == "agreements" {
		q = `SELECT rev, department FROM agreements WHERE id = $1`
	}
	err := t.queryRow(q, id).Scan(&rev, &rowDept)
	switch {
	case errors.Is(err, pgx.ErrNoRows):
		return ErrNotFound
	case err != nil:
		return err
	case rev != wantRev:
		return ErrConflict
	}
	if rowDept != "" {
		dept = rowDept
	}
	return t.permission(table, dept)
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
