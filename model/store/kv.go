package store

import (
	"bytes"
	"encoding/binary"
	"maps"
	"slices"
)

// Bucket names. Every bucket is created by the first migration.
var (
	bucketMeta        = []byte("meta")
	bucketInstitution = []byte("institution")
	bucketPartners    = []byte("partners")
	bucketAgreements  = []byte("agreements")
	bucketSummaries   = []byte("summaries")
	bucketAttachments = []byte("attachments")
	bucketHistory     = []byte("history")
	bucketTaxIndex    = []byte("idx_tax_id")      // country/taxid → partner ID
	bucketNumberIndex = []byte("idx_number")      // normalised number → agreement ID
	bucketPartnerAgr  = []byte("idx_partner_agr") // partner ID ‖ agreement ID → nothing
)

// allBuckets lists every bucket of the current schema.
var allBuckets = [][]byte{
	bucketMeta, bucketInstitution, bucketPartners, bucketAgreements, bucketSummaries,
	bucketAttachments, bucketHistory, bucketTaxIndex, bucketNumberIndex, bucketPartnerAgr,
}

// sequential buckets receive new keys in increasing order (IDs from the
// bucket's sequence): their pages are split nearly full instead of half
// full, which halves their size on disk.
var sequential = map[string]bool{"partners": true, "agreements": true, "summaries": true, "history": true, "attachments": true}

// kvTx is the small key-value layer the store's rules run on. Values
// returned by get and passed to scan are valid only until the transaction
// ends; callers decode or copy them at once.
type kvTx interface {
	get(bucket, key []byte) []byte
	put(bucket, key, value []byte) error
	del(bucket, key []byte) error
	nextSeq(bucket []byte) (uint64, error)
	// scan calls fn for each key with the prefix, in key order, until fn
	// returns an error.
	scan(bucket, prefix []byte, fn func(k, v []byte) error) error
	hasBucket(bucket []byte) bool
	createBucket(bucket []byte) error
	count(bucket []byte) int
	writable() bool
	// empty reports whether the file holds no bucket at all.
	empty() bool
}

// backend runs transactions on a bbolt file or in memory.
type backend interface {
	view(fn func(kvTx) error) error
	update(fn func(kvTx) error) error
	close() error
}

func u64(n uint64) []byte {
	var b [8]byte
	binary.BigEndian.PutUint64(b[:], n)
	return b[:]
}

func fromU64(b []byte) uint64 {
	if len(b) != 8 {
		return 0
	}
	return binary.BigEndian.Uint64(b)
}

func pairKey(a, b uint64) []byte { return append(u64(a), u64(b)...) }

// memory is the in-memory backend: buckets of sorted maps. An update works
// on a copy and replaces the original only when fn succeeds, so a failed
// transaction leaves nothing behind, as in bbolt.
type memory struct {
	buckets map[string]*memBucket
	closed  bool
}

type memBucket struct {
	data map[string][]byte
	seq  uint64
}

func newMemory() *memory { return &memory{buckets: map[string]*memBucket{}} }

type memTx struct {
	m     *memory
	write bool
}

func (m *memory) view(fn func(kvTx) error) error {
	if m.closed {
		return errClosed
	}
	return fn(&memTx{m: m})
}

func (m *memory) update(fn func(kvTx) error) error {
	if m.closed {
		return errClosed
	}
	shadow := &memory{buckets: make(map[string]*memBucket, len(m.buckets))}
	for name, b := range m.buckets {
		shadow.buckets[name] = &memBucket{data: maps.Clone(b.data), seq: b.seq}
	}
	if err := fn(&memTx{m: shadow, write: true}); err != nil {
		return err
	}
	m.buckets = shadow.buckets
	return nil
}

func (m *memory) close() error { m.closed = true; return nil }

func (t *memTx) bucket(name []byte) *memBucket {
	b := t.m.buckets[string(name)]
	if b == nil {
		panic("store: bucket " + string(name) + " missing")
	}
	return b
}

func (t *memTx) get(bucket, key []byte) []byte { return t.bucket(bucket).data[string(key)] }

func (t *memTx) put(bucket, key, value []byte) error {
	t.bucket(bucket).data[string(key)] = bytes.Clone(value)
	return nil
}

func (t *memTx) del(bucket, key []byte) error {
	delete(t.bucket(bucket).data, string(key))
	return nil
}

func (t *memTx) nextSeq(bucket []byte) (uint64, error) {
	b := t.bucket(bucket)
	b.seq++
	return b.seq, nil
}

func (t *memTx) scan(bucket, prefix []byte, fn func(k, v []byte) error) error {
	b := t.bucket(bucket)
	keys := slices.Sorted(maps.Keys(b.data))
	for _, k := range keys {
		if !bytes.HasPrefix([]byte(k), prefix) {
			continue
		}
		if err := fn([]byte(k), b.data[k]); err != nil {
			return err
		}
	}
	return nil
}

func (t *memTx) hasBucket(bucket []byte) bool { return t.m.buckets[string(bucket)] != nil }

func (t *memTx) createBucket(bucket []byte) error {
	if !t.hasBucket(bucket) {
		t.m.buckets[string(bucket)] = &memBucket{data: map[string][]byte{}}
	}
	return nil
}

func (t *memTx) count(bucket []byte) int { return len(t.bucket(bucket).data) }

func (t *memTx) writable() bool { return t.write }

func (t *memTx) empty() bool { return len(t.m.buckets) == 0 }
