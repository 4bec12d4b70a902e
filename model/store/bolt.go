package store

import (
	"bytes"
	"errors"
	"fmt"
	"io"

	bolt "go.etcd.io/bbolt"
	berrors "go.etcd.io/bbolt/errors"
)

// boltBackend runs the store on a bbolt file.
type boltBackend struct{ db *bolt.DB }

type boltTx struct{ tx *bolt.Tx }

func (b *boltBackend) view(fn func(kvTx) error) error {
	return boltErr(b.db.View(func(tx *bolt.Tx) error { return fn(&boltTx{tx}) }))
}

func (b *boltBackend) update(fn func(kvTx) error) error {
	return boltErr(b.db.Update(func(tx *bolt.Tx) error { return fn(&boltTx{tx}) }))
}

// boltErr turns bbolt's errors for a closed or read-only file into the
// store's own, which the memory backend returns too.
func boltErr(err error) error {
	switch {
	case errors.Is(err, berrors.ErrDatabaseNotOpen):
		return ErrClosed
	case errors.Is(err, berrors.ErrDatabaseReadOnly), errors.Is(err, berrors.ErrTxNotWritable):
		return ErrReadOnly
	}
	return err
}

func (b *boltBackend) close() error { return b.db.Close() }

func (t *boltTx) bucket(name []byte) *bolt.Bucket {
	bk := t.tx.Bucket(name)
	if bk == nil {
		panic("store: bucket " + string(name) + " missing")
	}
	if sequential[string(name)] {
		bk.FillPercent = 0.95
	}
	return bk
}

func (t *boltTx) get(bucket, key []byte) []byte { return t.bucket(bucket).Get(key) }

func (t *boltTx) put(bucket, key, value []byte) error {
	if !t.tx.Writable() {
		return ErrReadOnly
	}
	return t.bucket(bucket).Put(key, value)
}

func (t *boltTx) del(bucket, key []byte) error {
	if !t.tx.Writable() {
		return ErrReadOnly
	}
	return t.bucket(bucket).Delete(key)
}

func (t *boltTx) nextSeq(bucket []byte) (uint64, error) {
	if !t.tx.Writable() {
		return 0, ErrReadOnly
	}
	return t.bucket(bucket).NextSequence()
}

func (t *boltTx) scan(bucket, prefix []byte, fn func(k, v []byte) error) error {
	c := t.bucket(bucket).Cursor()
	for k, v := c.Seek(prefix); k != nil && bytes.HasPrefix(k, prefix); k, v = c.Next() {
		if err := fn(k, v); err != nil {
			return err
		}
	}
	return nil
}

func (t *boltTx) hasBucket(bucket []byte) bool { return t.tx.Bucket(bucket) != nil }

func (t *boltTx) createBucket(bucket []byte) error {
	if !t.tx.Writable() {
		return ErrReadOnly
	}
	_, err := t.tx.CreateBucketIfNotExists(bucket)
	return err
}

func (t *boltTx) count(bucket []byte) int { return t.bucket(bucket).Stats().KeyN }

func (t *boltTx) writable() bool { return t.tx.Writable() }

func (t *boltTx) empty() bool {
	empty := true
	_ = t.tx.ForEach(func([]byte, *bolt.Bucket) error { empty = false; return errStop })
	return empty
}

var errStop = errors.New("stop")

// Backup writes a consistent copy of the whole data file to w from a read
// transaction, so saves may go on meanwhile. It returns the bytes written.
func (s *Store) Backup(w io.Writer) (int64, error) {
	b, ok := s.be.(*boltBackend)
	if !ok {
		return 0, ErrNoFile
	}
	var n int64
	err := b.db.View(func(tx *bolt.Tx) error {
		var err error
		n, err = tx.WriteTo(w)
		return err
	})
	return n, boltErr(err)
}

// checkPages runs bbolt's own consistency check (free pages, page
// references, key order). bbolt panics on some damaged pages; the panic is
// turned into a problem report.
func (b *boltBackend) checkPages() (problems []string) {
	defer func() {
		if r := recover(); r != nil {
			problems = append(problems, fmt.Sprintf("page structure: %v", r))
		}
	}()
	check := func(tx *bolt.Tx) error {
		for err := range tx.Check() {
			problems = append(problems, "page structure: "+err.Error())
		}
		return errRollback
	}
	if b.db.IsReadOnly() {
		_ = b.db.View(check)
		return problems
	}
	// tx.Check compares the tree with the database's free list in memory,
	// which a commit changes: in a file open for writing it runs holding
	// the writer's lock (and writes nothing), so no save commits meanwhile.
	_ = b.db.Update(check)
	return problems
}

// errRollback ends a transaction that must write nothing.
var errRollback = errors.New("rolled back")
