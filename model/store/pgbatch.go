package store

import (
	"errors"
	"slices"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgconn"
)

// A save used to cost about ten round trips to the server, one per
// statement (begin, read the record, look the number and each partner up,
// update the row and its summary, take a history number, insert history,
// commit), and on a busy server each round trip waits for a core. pgTx
// therefore sends statements in pipelined batches (pgx.Batch):
//
//   - the transaction's BEGIN travels with its first query;
//   - writes are held back and sent with the next read, or with the
//     commit, in one round trip; their results are checked in order, and
//     the first failure is the one reported, as if each had been sent on
//     its own (a failed statement aborts the server's transaction, so
//     nothing after it could have succeeded anyway);
//   - reading an agreement to change it also reads its partners and its
//     number index entry, which the save looks up next;
//   - a history entry takes its number from the server's sequence in its
//     INSERT, after the record's own row is written and locked, instead
//     of a round trip of its own; the entries of one transaction are
//     inserted in the order they were logged;
//   - an agreement's summary is written by the UPDATE of its row
//     (takeSummary), and a revision-checked UPDATE fails on the server
//     when it changes no row (guarded), so the COMMIT can follow the
//     writes in the same round trip (commit).
//
// A save is then two round trips: begin and read; write and commit.

// heldWrite is a statement held back until the next round trip, with what
// its result means.
type heldWrite struct {
	sql  string
	args []any
	// check turns the statement's result into the error the store
	// reports (nil: done).
	check func(pgconn.CommandTag, error) error
	// soft: the statement may change no row without an error, and
	// whether that is a failure takes a question of its own (a delete):
	// the COMMIT must wait for its answer.
	soft bool
	// agreement is the ID of the agreement row an INSERT or UPDATE
	// writes, and withSummary the same statement writing the summary
	// too (its last argument).
	agreement   int64
	withSummary string
}

// heldHistory is a history entry waiting for its sequence number.
type heldHistory struct {
	order    uint64 // the placeholder nextSeq gave, in log order
	entity   string
	entityID int64
	doc      string
}

// pgRead is a query sent in a round trip, with what to do with its rows.
type pgRead struct {
	sql  string
	args []any
	rows func(pgx.Rows) error
}

// maxHeld bounds the statements held back: a file moving in writes
// hundreds of thousands of rows in one transaction.
const maxHeld = 2000

// histPlaceholder is where the history numbers nextSeq hands out begin:
// far above any number the server's sequence will reach, and replaced by
// the sequence's next number when the entry is inserted.
const histPlaceholder = uint64(1) << 62

// hold queues a write for the next round trip.
func (t *pgTx) hold(check func(pgconn.CommandTag, error) error, sql string, args ...any) error {
	return t.holdWrite(heldWrite{sql: sql, args: args, check: check})
}

// holdSoft queues a soft write (heldWrite.soft).
func (t *pgTx) holdSoft(check func(pgconn.CommandTag, error) error, sql string, args ...any) error {
	return t.holdWrite(heldWrite{sql: sql, args: args, check: check, soft: true})
}

func (t *pgTx) holdWrite(w heldWrite) error {
	t.cache = nil
	t.held = append(t.held, w)
	if len(t.held)+len(t.hist) >= maxHeld {
		return t.exchange(true)
	}
	return nil
}

// commit sends the held writes and the COMMIT, in one round trip unless a
// soft write must be answered first.
func (t *pgTx) commit() error {
	if t.tx == nil && len(t.held)+len(t.hist) == 0 {
		return nil // nothing was sent: nothing to commit
	}
	if len(t.held)+len(t.hist) == 0 || slices.ContainsFunc(t.held, func(w heldWrite) bool { return w.soft }) {
		if err := t.flush(); err != nil {
			return err
		}
		return t.tx.Commit(t.ctx)
	}
	return t.exchange(true, pgRead{sql: "COMMIT", rows: func(pgx.Rows) error { return nil }})
}

// writeErr is the check of a write whose only failures are the server's
// errors: a refusal becomes a PermissionError.
func (t *pgTx) writeErr(table, dept string) func(pgconn.CommandTag, error) error {
	return func(_ pgconn.CommandTag, err error) error { return t.refused(err, table, dept) }
}

// diagnosis is a write that changed no row: why is asked once the round
// trip is over (diagnose), since that takes a query of its own.
type diagnosis struct {
	table        string
	id, wantRev  int64
	checkRev     bool // a delete conditional on wantRev
	dept         string
	afterFailure bool
}

func (d *diagnosis) Error() string { return "store: " + d.table + " changed no row" }

// exchange makes one round trip: the BEGIN if the transaction has not
// begun, the held writes when flush is set, then reads. It returns the
// first failure in statement order.
func (t *pgTx) exchange(flush bool, reads ...pgRead) error {
	var held []heldWrite
	if flush {
		held = t.takeHeld()
	}
	if len(held) == 0 && len(reads) == 0 {
		return nil
	}
	b := &pgx.Batch{}
	begin := t.tx == nil
	if begin {
		b.BeginTx(t.txo)
	}
	for _, w := range held {
		b.Queue(w.sql, w.args...)
	}
	for _, r := range reads {
		b.Queue(r.sql, r.args...)
	}
	var br pgx.BatchResults
	if begin {
		br = t.conn.SendBatch(t.ctx, b)
		t.tx = br.Tx()
	} else {
		br = t.tx.SendBatch(t.ctx, b)
	}
	fails := t.results(br, begin, held, reads)
	if err := br.Close(); len(fails) == 0 && err != nil {
		fails = append(fails, err)
	}
	return t.firstFailure(fails)
}

// results reads a round trip's results in order and returns the failures
// up to the first error from the server: before it, the writes that
// changed no row (diagnosis), which may or may not be failures.
func (t *pgTx) results(br pgx.BatchResults, begin bool, held []heldWrite, reads []pgRead) []error {
	var fails []error
	done := false
	keep := func(err error) {
		if done || err == nil {
			return
		}
		fails = append(fails, err)
		var d *diagnosis
		done = !errors.As(err, &d)
	}
	if begin {
		_, err := br.Exec()
		keep(err)
	}
	for _, w := range held {
		tag, err := br.Exec()
		if !done {
			keep(w.check(tag, err))
		}
	}
	for _, r := range reads {
		rows, err := br.Query()
		if err != nil {
			keep(err)
			continue
		}
		err = r.rows(rows)
		rows.Close()
		if err == nil {
			err = rows.Err()
		}
		keep(err)
	}
	return fails
}

// firstFailure returns the first of fails that is a failure, asking why
// each write changed no row.
func (t *pgTx) firstFailure(fails []error) error {
	aborted := false
	if n := len(fails); n > 0 {
		var d *diagnosis
		aborted = !errors.As(fails[n-1], &d)
	}
	for _, f := range fails {
		var d *diagnosis
		if !errors.As(f, &d) {
			return f
		}
		d.afterFailure = aborted
		if err := t.diagnose(d); err != nil {
			return err
		}
	}
	return nil
}

// takeHeld returns the held writes, history entries last in the order
// they were logged, and forgets them.
func (t *pgTx) takeHeld() []heldWrite {
	held := t.held
	t.held = nil
	slices.SortFunc(t.hist, func(a, b heldHistory) int {
		switch {
		case a.order < b.order:
			return -1
		case a.order > b.order:
			return 1
		}
		return 0
	})
	for _, h := range t.hist {
		held = append(held, heldWrite{
			sql:  `INSERT INTO history (seq, entity, entity_id, doc) VALUES (nextval('seq_history'), $1, $2, $3::text::jsonb)`,
			args: []any{h.entity, h.entityID, h.doc}, check: t.writeErr("history", ""),
		})
	}
	t.hist = nil
	return held
}

// flush sends the held writes.
func (t *pgTx) flush() error { return t.exchange(true) }

// query sends the held writes and one query.
func (t *pgTx) query(sql string, args []any, rows func(pgx.Rows) error) error {
	return t.exchange(true, pgRead{sql: sql, args: args, rows: rows})
}

// oneRow scans the first row into dest, reporting pgx.ErrNoRows when there
// is none.
func oneRow(dest ...any) func(pgx.Rows) error {
	return func(rows pgx.Rows) error {
		if !rows.Next() {
			if err := rows.Err(); err != nil {
				return err
			}
			return pgx.ErrNoRows
		}
		return rows.Scan(dest...)
	}
}

// cached returns a value read ahead in this transaction: ok is false when
// there is none, or a write came since.
func (t *pgTx) cached(bucket string, key []byte) (v []byte, ok bool) {
	v, ok = t.cache[bucket+"\x00"+string(key)]
	return v, ok
}

func (t *pgTx) remember(bucket string, key, v []byte) {
	if t.cache == nil {
		t.cache = map[string][]byte{}
	}
	t.cache[bucket+"\x00"+string(key)] = v
}

// rollback ends a transaction that failed, if it began.
func (t *pgTx) rollback() {
	if t.tx != nil {
		t.tx.Rollback(t.ctx)
	}
}
