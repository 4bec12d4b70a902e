package store

import (
	"errors"
	"fmt"

	"github.com/jackc/pgx/v5/pgconn"
)

// The write side of pgTx: each put and del becomes a statement held back
// until the next round trip (pgbatch.go).

func (t *pgTx) put(bucket, key, value []byte) error {
	if !t.write {
		return ErrReadOnly
	}
	switch string(bucket) {
	case "institution":
		return t.hold(t.writeErr("institution", ""), `INSERT INTO institution (key, doc) VALUES ($1, $2::text::jsonb)
			ON CONFLICT (key) DO UPDATE SET doc = EXCLUDED.doc`, string(key), string(value))
	case "partners":
		return t.putPartner(key64(key), value)
	case "agreements":
		return t.putAgreement(key64(key), value)
	case "summaries":
		if t.takeSummary(key64(key), value) {
			return nil
		}
		return t.hold(t.writeErr("summaries", ""), `UPDATE agreements SET summary = $2::text::json WHERE id = $1`, key64(key), string(value))
	case "attachments":
		return t.hold(t.writeErr("attachments", ""), `INSERT INTO attachments (id, data) VALUES ($1, $2)`, key64(key), value)
	case "diag_rounds":
		return t.putRound(key64(key), value)
	case "history":
		return t.putHistory(key, value)
	case "idx_tax_id":
		return nil // the partners table's unique index is the index
	case "idx_number":
		return t.hold(t.numberErr, `UPDATE agreements SET number_key = $1 WHERE id = $2`, string(key), key64(value))
	case "idx_partner_agr":
		return t.hold(t.pairErr, `INSERT INTO agreement_partners (partner_id, agreement_id) VALUES ($1, $2) ON CONFLICT DO NOTHING`,
			key64(key[:8]), key64(key[8:]))
	case "meta":
		return t.hold(t.writeErr("meta", ""), `UPDATE meta SET value = $2 WHERE key = $1`, string(key), string(value))
	}
	return fmt.Errorf("store: no table for bucket %s", bucket)
}

// numberErr is the check of a number index entry: the number is taken.
func (t *pgTx) numberErr(_ pgconn.CommandTag, err error) error {
	if isUnique(err) {
		return numberTaken()
	}
	return t.refused(err, "idx_number", "")
}

// pairErr is the check of a partner–agreement pair: the partner was
// deleted by someone else since this save looked it up.
func (t *pgTx) pairErr(_ pgconn.CommandTag, err error) error {
	if isForeignKey(err) {
		return errorsJoinValidation("partner_ids", "err.partner_missing")
	}
	return t.refused(err, "idx_partner_agr", "")
}

// putHistory holds a history entry back; one whose number is a
// placeholder (nextSeq) takes the server's next number when inserted.
func (t *pgTx) putHistory(key, value []byte) error {
	seq := fromU64(key[9:])
	if seq < histPlaceholder {
		return t.hold(t.writeErr("history", ""), `INSERT INTO history (seq, entity, entity_id, doc) VALUES ($1, $2, $3, $4::text::jsonb)`,
			int64(seq), string(key[:1]), key64(key[1:9]), string(value))
	}
	t.cache = nil
	t.hist = append(t.hist, heldHistory{order: seq, entity: string(key[:1]), entityID: key64(key[1:9]), doc: string(value)})
	if len(t.held)+len(t.hist) >= maxHeld {
		return t.flush()
	}
	return nil
}

func isUnique(err error) bool {
	var pe *pgconn.PgError
	return errors.As(err, &pe) && pe.Code == "23505"
}

func numberTaken() error {
	return errorsJoinValidation("number", "err.number_taken")
}

func (t *pgTx) del(bucket, key []byte) error {
	if !t.write {
		return ErrReadOnly
	}
	switch string(bucket) {
	case "partners":
		return t.holdSoft(func(tag pgconn.CommandTag, err error) error {
			if err == nil && tag.RowsAffected() == 0 {
				return &diagnosis{table: "partners-delete", id: key64(key)}
			}
			return t.refused(err, "partners", "")
		}, `DELETE FROM partners WHERE id = $1`, key64(key))
	case "agreements":
		return t.delAgreement(key64(key))
	case "attachments":
		return t.hold(t.writeErr("attachments", ""), `DELETE FROM attachments WHERE id = $1`, key64(key))
	case "diag_rounds":
		return t.hold(t.writeErr("diag_rounds", ""), `DELETE FROM diag_rounds WHERE id = $1`, key64(key))
	case "idx_number":
		return t.hold(t.writeErr("idx_number", ""), `UPDATE agreements SET number_key = NULL WHERE number_key = $1`, string(key))
	case "idx_partner_agr":
		return t.hold(t.writeErr("idx_partner_agr", ""), `DELETE FROM agreement_partners WHERE partner_id = $1 AND agreement_id = $2`, key64(key[:8]), key64(key[8:]))
	case "summaries", "idx_tax_id":
		return nil // columns of the record's row
	}
	return fmt.Errorf("store: cannot delete from bucket %s on a server", bucket)
}

var seqOf = map[string]string{
	"partners": "seq_partners", "agreements": "seq_agreements", "attachments": "seq_attachments",
	"history": "seq_history", "diag_rounds": "seq_diag_rounds",
}

// nextSeq takes the next number of a bucket's sequence. It does not send
// the held writes: a sequence does not depend on them. A history entry
// gets a placeholder, replaced by the sequence's number when the entry is
// inserted (putHistory).
func (t *pgTx) nextSeq(bucket []byte) (uint64, error) {
	if !t.write {
		return 0, ErrReadOnly
	}
	name, ok := seqOf[string(bucket)]
	if !ok {
		return 0, fmt.Errorf("store: no sequence for bucket %s", bucket)
	}
	if name == "seq_history" {
		t.histSeq++
		return histPlaceholder + t.histSeq, nil
	}
	var n int64
	err := t.exchange(false, pgRead{sql: `SELECT nextval($1::regclass)`, args: []any{name}, rows: oneRow(&n)})
	return uint64(n), t.refused(err, string(bucket), "")
}
