package store

import (
	"bytes"
	"maps"
	"slices"
	"sync"
	"sync/atomic"
)

// memory is the in-memory backend. It behaves as bbolt does where tests
// can tell: one write transaction at a time, read transactions that run
// beside it and see the state as it was when they began, and nothing
// left behind by a transaction that fails.
//
// The committed state is immutable: an update copies a bucket the first
// time it writes to it (copy-on-write per bucket) and publishes the new
// state with one atomic store when fn succeeds.
type memory struct {
	writer   sync.Mutex // held by the one write transaction
	state    atomic.Pointer[memState]
	closed   atomic.Bool
	readOnly bool
}

// memState is one committed version of the data; never modified once
// published.
type memState struct {
	buckets map[string]*memBucket
}

type memBucket struct {
	data map[string][]byte
	seq  uint64
}

func newMemory() *memory {
	m := &memory{}
	m.state.Store(&memState{buckets: map[string]*memBucket{}})
	return m
}

// memTx is one transaction. A write transaction owns st (a shallow copy
// of the committed state) and the buckets listed in owned.
type memTx struct {
	st    *memState
	write bool
	owned map[string]bool
}

func (m *memory) view(fn func(kvTx) error) error {
	if m.closed.Load() {
		return ErrClosed
	}
	return fn(&memTx{st: m.state.Load()})
}

func (m *memory) update(fn func(kvTx) error) error {
	if m.closed.Load() {
		return ErrClosed
	}
	if m.readOnly {
		return ErrReadOnly
	}
	m.writer.Lock()
	defer m.writer.Unlock()
	if m.closed.Load() {
		return ErrClosed
	}
	base := m.state.Load()
	tx := &memTx{st: &memState{buckets: maps.Clone(base.buckets)}, write: true, owned: map[string]bool{}}
	if err := fn(tx); err != nil {
		return err
	}
	m.state.Store(tx.st)
	return nil
}

// close waits for a running write transaction, as bbolt does.
func (m *memory) close() error {
	m.writer.Lock()
	defer m.writer.Unlock()
	m.closed.Store(true)
	return nil
}

func (t *memTx) bucket(name []byte) *memBucket {
	b := t.st.buckets[string(name)]
	if b == nil {
		panic("store: bucket " + string(name) + " missing")
	}
	return b
}

// own returns the transaction's private copy of a bucket it writes to.
func (t *memTx) own(name []byte) (*memBucket, error) {
	if !t.write {
		return nil, ErrReadOnly
	}
	b := t.bucket(name)
	if !t.owned[string(name)] {
		b = &memBucket{data: maps.Clone(b.data), seq: b.seq}
		t.st.buckets[string(name)] = b
		t.owned[string(name)] = true
	}
	return b, nil
}

func (t *memTx) get(bucket, key []byte) []byte { return t.bucket(bucket).data[string(key)] }

func (t *memTx) put(bucket, key, value []byte) error {
	b, err := t.own(bucket)
	if err != nil {
		return err
	}
	if value == nil {
		value = []byte{} // bbolt stores nil as an empty value
	}
	b.data[string(key)] = bytes.Clone(value)
	return nil
}

func (t *memTx) del(bucket, key []byte) error {
	b, err := t.own(bucket)
	if err != nil {
		return err
	}
	delete(b.data, string(key))
	return nil
}

func (t *memTx) nextSeq(bucket []byte) (uint64, error) {
	b, err := t.own(bucket)
	if err != nil {
		return 0, err
	}
	b.seq++
	return b.seq, nil
}

func (t *memTx) scan(bucket, prefix []byte, fn func(k, v []byte) error) error {
	b := t.bucket(bucket)
	keys := slices.Sorted(maps.Keys(b.data))
	start, _ := slices.BinarySearch(keys, string(prefix))
	for _, k := range keys[start:] {
		if !bytes.HasPrefix([]byte(k), prefix) {
			break
		}
		if err := fn([]byte(k), b.data[k]); err != nil {
			return err
		}
	}
	return nil
}

func (t *memTx) hasBucket(bucket []byte) bool { return t.st.buckets[string(bucket)] != nil }

func (t *memTx) createBucket(bucket []byte) error {
	if !t.write {
		return ErrReadOnly
	}
	if !t.hasBucket(bucket) {
		t.st.buckets[string(bucket)] = &memBucket{data: map[string][]byte{}}
		t.owned[string(bucket)] = true
	}
	return nil
}

func (t *memTx) count(bucket []byte) int { return len(t.bucket(bucket).data) }

func (t *memTx) writable() bool { return t.write }

func (t *memTx) empty() bool { return len(t.st.buckets) == 0 }
