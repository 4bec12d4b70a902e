package store

import (
	"encoding/binary"
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
