package store

import (
	"context"
	"errors"
	"fmt"
	"strings"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgxpool"
)

// pgTx maps the store's buckets onto the server's tables. Records keep
// their JSON (as jsonb); the columns the server needs for its unique
// indexes, foreign keys and row-level security (tax ID, department,
// number, revision) are taken from the record as it is written, and the
// index buckets of the file store are answered from those columns, so an
// index can never disagree with its records. Statements travel in
// batches (pgbatch.go).
type pgTx struct {
	ctx  context.Context
	conn *pgxpool.Conn
	pool *pgxpool.Pool
	txo  pgx.TxOptions
	// tx is nil until the first round trip, which begins it.
	tx    pgx.Tx
	write bool
	ses   *session
	// adopt makes every record put an insert, revision and all: records
	// moving in from a data file (MoveFile).
	adopt bool
	held  []heldWrite
	hist  []heldHistory
	// histSeq counts the history placeholders handed out.
	histSeq uint64
	// cache holds values read ahead (bucket NUL key → value), dropped at
	// the first write.
	cache map[string][]byte
	// revs are the revisions of the agreements this transaction read or
	// wrote: deleting one is conditional on it (delAgreement).
	revs map[int64]int64
}

func (t *pgTx) fail(err error) { panic(pgPanic{err}) }

// value returns one column of one row, or nil when there is none.
func (t *pgTx) value(sql string, args ...any) []byte {
	var v []byte
	err := t.query(sql, args, oneRow(&v))
	if errors.Is(err, pgx.ErrNoRows) {
		return nil
	}
	if err != nil {
		t.fail(err)
	}
	if v == nil {
		v = []byte{}
	}
	return v
}

func (t *pgTx) id(sql string, args ...any) []byte {
	var id int64
	err := t.query(sql, args, oneRow(&id))
	if errors.Is(err, pgx.ErrNoRows) {
		return nil
	}
	if err != nil {
		t.fail(err)
	}
	return u64(uint64(id))
}

func key64(k []byte) int64 { return int64(fromU64(k)) }

func (t *pgTx) get(bucket, key []byte) []byte {
	if v, ok := t.cached(string(bucket), key); ok {
		return v
	}
	switch string(bucket) {
	case "meta":
		return t.value(`SELECT value FROM meta WHERE key = $1`, string(key))
	case "institution":
		return t.value(`SELECT doc::text FROM institution WHERE key = $1`, string(key))
	case "partners":
		return t.value(`SELECT doc::text FROM partners WHERE id = $1`, key64(key))
	case "agreements":
		if t.write {
			return t.agreementAhead(key)
		}
		return t.value(`SELECT doc::text FROM agreements WHERE id = $1`, key64(key))
	case "summaries":
		return t.value(`SELECT summary::text FROM agreements WHERE id = $1 AND summary IS NOT NULL`, key64(key))
	case "attachments":
		return t.value(`SELECT data FROM attachments WHERE id = $1`, key64(key))
	case "diag_rounds":
		return t.value(`SELECT doc::text FROM diag_rounds WHERE id = $1`, key64(key))
	case "history":
		return t.value(`SELECT doc::text FROM history WHERE seq = $1`, key64(key[9:]))
	case "idx_tax_id":
		country, tax, _ := strings.Cut(string(key), "/")
		return t.id(`SELECT id FROM partners WHERE country = $1 AND tax_id = $2`, country, tax)
	case "idx_number":
		return t.id(`SELECT id FROM agreements WHERE number_key = $1`, string(key))
	case "idx_partner_agr":
		if t.id(`SELECT agreement_id FROM agreement_partners WHERE partner_id = $1 AND agreement_id = $2`, key64(key[:8]), key64(key[8:])) != nil {
			return []byte{}
		}
		return nil
	}
	t.fail(fmt.Errorf("store: no table for bucket %s", bucket))
	return nil
}

// agreementAhead reads an agreement about to be changed together with what
// saving it looks up next, in the same round trip: the partners it names
// and its own number index entry.
func (t *pgTx) agreementAhead(key []byte) []byte {
	id := key64(key)
	var doc []byte
	var num *string
	var rev int64
	partners := map[int64][]byte{}
	err := t.exchange(true,
		pgRead{sql: `SELECT doc::text, number_key, rev FROM agreements WHERE id = $1`, args: []any{id}, rows: oneRow(&doc, &num, &rev)},
		pgRead{sql: `SELECT id, doc::text FROM partners WHERE id IN
			(SELECT (jsonb_array_elements_text(doc->'partner_ids'))::bigint FROM agreements WHERE id = $1)`,
			args: []any{id}, rows: func(rows pgx.Rows) error {
				for rows.Next() {
					var pid int64
					var p []byte
					if err := rows.Scan(&pid, &p); err != nil {
						return err
					}
					partners[pid] = p
				}
				return nil
			}})
	if errors.Is(err, pgx.ErrNoRows) {
		return nil
	}
	if err != nil {
		t.fail(err)
	}
	t.sawRev(id, rev)
	for pid, p := range partners {
		t.remember("partners", u64(uint64(pid)), p)
	}
	if num != nil {
		t.remember("idx_number", []byte(*num), key)
	}
	return doc
}

// recordCols are the columns taken from a record's JSON.
type recordCols struct {
	Rev         int64  `json:"rev"`
	Country     string `json:"country"`
	TaxID       string `json:"tax_id"`
	Name        string `json:"name"`
	Department  string `json:"department"`
	Attachments []struct {
		ID int64 `json:"id"`
	} `json:"attachments"`
}

// scanQuery returns the query that lists a bucket's keys and values in
// key order, with the prefix's condition.
func scanQuery(bucket, prefix []byte) (string, []any) {
	switch string(bucket) {
	case "partners":
		return `SELECT id, doc::text FROM partners ORDER BY id`, nil
	case "agreements":
		return `SELECT id, doc::text FROM agreements ORDER BY id`, nil
	case "summaries":
		return `SELECT id, summary::text FROM agreements WHERE summary IS NOT NULL ORDER BY id`, nil
	case "attachments":
		return `SELECT id, ''::text FROM attachments ORDER BY id`, nil
	case "diag_rounds":
		return `SELECT id, doc::text FROM diag_rounds ORDER BY id`, nil
	case "history":
		if len(prefix) >= 9 {
			return `SELECT seq, doc::text, entity, entity_id FROM history WHERE entity = $1 AND entity_id = $2 ORDER BY seq`,
				[]any{string(prefix[:1]), key64(prefix[1:9])}
		}
		return `SELECT seq, doc::text, entity, entity_id FROM history ORDER BY entity, entity_id, seq`, nil
	case "idx_tax_id":
		return `SELECT country || '/' || tax_id, id FROM partners WHERE tax_id IS NOT NULL ORDER BY 1`, nil
	case "idx_number":
		return `SELECT number_key, id FROM agreements WHERE number_key IS NOT NULL ORDER BY 1`, nil
	case "idx_partner_agr":
		if len(prefix) >= 8 {
			return `SELECT partner_id, agreement_id FROM agreement_partners WHERE partner_id = $1 ORDER BY 2`, []any{key64(prefix[:8])}
		}
		return `SELECT partner_id, agreement_id FROM agreement_partners ORDER BY 1, 2`, nil
	}
	return "", nil
}

type kvPair struct{ k, v []byte }

func (t *pgTx) scan(bucket, prefix []byte, fn func(k, v []byte) error) error {
	q, args := scanQuery(bucket, prefix)
	if q == "" {
		return fmt.Errorf("store: cannot scan bucket %s on a server", bucket)
	}
	// Read every row first: fn may query again, and a connection runs one
	// query at a time.
	var pairs []kvPair
	err := t.query(q, args, func(rows pgx.Rows) (err error) {
		pairs, err = readPairs(rows, string(bucket))
		return err
	})
	if err != nil {
		return err
	}
	for _, p := range pairs {
		if err := fn(p.k, p.v); err != nil {
			return err
		}
	}
	return nil
}

func readPairs(rows pgx.Rows, bucket string) ([]kvPair, error) {
	defer rows.Close()
	var out []kvPair
	for rows.Next() {
		var p kvPair
		var err error
		switch bucket {
		case "history":
			var seq, id int64
			var entity string
			err = rows.Scan(&seq, &p.v, &entity, &id)
			p.k = append(append([]byte(entity), u64(uint64(id))...), u64(uint64(seq))...)
		case "idx_tax_id", "idx_number":
			var k string
			var id int64
			err = rows.Scan(&k, &id)
			p.k, p.v = []byte(k), u64(uint64(id))
		case "idx_partner_agr":
			var a, b int64
			err = rows.Scan(&a, &b)
			p.k, p.v = pairKey(uint64(a), uint64(b)), []byte{}
		default:
			var id int64
			err = rows.Scan(&id, &p.v)
			p.k = u64(uint64(id))
		}
		if err != nil {
			return nil, err
		}
		out = append(out, p)
	}
	return out, rows.Err()
}

func (t *pgTx) hasBucket(bucket []byte) bool {
	for _, b := range sealedBuckets() {
		if string(b) == string(bucket) {
			return true
		}
	}
	return false
}

func (t *pgTx) createBucket([]byte) error { return nil }

var countQuery = map[string]string{
	"partners": `SELECT count(*) FROM partners`, "agreements": `SELECT count(*) FROM agreements`,
	"summaries": `SELECT count(*) FROM agreements`, "attachments": `SELECT count(*) FROM attachments`,
	"history": `SELECT count(*) FROM history`, "diag_rounds": `SELECT count(*) FROM diag_rounds`,
}

func (t *pgTx) count(bucket []byte) int {
	q, ok := countQuery[string(bucket)]
	if !ok {
		return 0
	}
	var n int
	if err := t.query(q, nil, oneRow(&n)); err != nil {
		t.fail(err)
	}
	return n
}

func (t *pgTx) writable() bool { return t.write }

func (t *pgTx) empty() bool { return false }
