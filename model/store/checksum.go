package store

import (
	"bytes"
	"encoding/binary"
	"encoding/json"
	"fmt"
	"hash/crc32"
)

// Every value the store keeps, in every bucket but meta (which holds only
// the format version, read before the format is known), ends with a
// 4-byte CRC-32C (Castagnoli, little-endian) of the record's key followed
// by its value. bbolt keeps no checksums of its own, so without it a
// flipped bit inside a record's text (a BIN, a date) would pass every
// check. The checksum is added by the kv layer below the store's rules
// (sumTx): every bucket, also one added later, gets it with no extra code;
// every read verifies it, and Check verifies all of them.

var castagnoli = crc32.MakeTable(crc32.Castagnoli)

const sumSize = 4

// checksummed reports whether the values of bucket carry a checksum.
func checksummed(bucket []byte) bool { return !bytes.Equal(bucket, bucketMeta) }

func recordSum(key, value []byte) uint32 {
	return crc32.Update(crc32.Update(0, castagnoli, key), castagnoli, value)
}

// seal returns value with its checksum appended.
func seal(key, value []byte) []byte {
	out := make([]byte, len(value)+sumSize)
	copy(out, value)
	binary.LittleEndian.PutUint32(out[len(value):], recordSum(key, value))
	return out
}

// unseal returns the value without its checksum and whether the checksum
// matches. The value aliases stored.
func unseal(key, stored []byte) ([]byte, bool) {
	if len(stored) < sumSize {
		return nil, false
	}
	n := len(stored) - sumSize
	return stored[:n], binary.LittleEndian.Uint32(stored[n:]) == recordSum(key, stored[:n])
}

// RecordError says that one record's bytes changed after they were
// written: its checksum does not match. The rest of the file may be fine;
// the record can be taken back from a backup (backup.Set.Repair).
type RecordError struct {
	Path string
	// Record is the damaged record.
	Record RecordRef
}

// Error implements the error interface for RecordError.
func (e *RecordError) Error() string {
	return fmt.Sprintf("the data file %s is damaged: %s. Close PartnerDesk and start it again: it offers to take the record back from the newest backup that holds it intact (or run partnerctl repair). Nothing was changed.", e.Path, e.Record.Problem())
}

// Unwrap makes errors.Is(err, ErrDamaged) true.
func (e *RecordError) Unwrap() error { return ErrDamaged }

// RecordRef names one stored record: its bucket and key, and for a
// person the kind of record and which one it is.
type RecordRef struct {
	Bucket string
	Key    []byte
	// Kind is what the record is: "partner", "agreement", "agreement
	// summary", "history entry", "attachment", "institution", or for other
	// buckets the bucket's name.
	Kind string
	// ID is the record's ID when its key is one (8 bytes), else 0.
	ID uint64
	// Name is the partner's name or the agreement's number when it could
	// still be read (from the agreement's summary or the damaged record
	// itself); may be empty.
	Name string
}

// String names the record, e.g. `agreement 42 "СП-2024/17"`.
func (r RecordRef) String() string {
	s := r.Kind
	if r.ID != 0 {
		s += fmt.Sprintf(" %d", r.ID)
	} else if len(r.Key) > 0 {
		s += fmt.Sprintf(" %q", r.Key)
	}
	if r.Name != "" {
		s += fmt.Sprintf(" %q", r.Name)
	}
	return s
}

// Problem is what Check reports for the record.
func (r RecordRef) Problem() string {
	return "the record of " + r.String() + " is damaged (its checksum does not match)"
}

var recordKinds = map[string]string{
	"partners": "partner", "agreements": "agreement", "summaries": "agreement summary",
	"history": "history entry", "attachments": "attachment", "institution": "institution",
}

// refOf names the record at bucket/key, reading what it can from t (raw,
// checksums included) and from the damaged value.
func refOf(t kvTx, bucket, key, damaged []byte) RecordRef {
	r := RecordRef{Bucket: string(bucket), Key: bytes.Clone(key), Kind: recordKinds[string(bucket)]}
	if r.Kind == "" {
		r.Kind = string(bucket)
	}
	if len(key) == 8 {
		r.ID = fromU64(key)
	}
	var named struct {
		Name   string `json:"name"`
		Number string `json:"number"`
	}
	if r.Kind == "agreement" || r.Kind == "agreement summary" {
		// The summary is another record: trust it only when it is sound.
		for _, b := range [][]byte{bucketSummaries, bucketAgreements} {
			if v, ok := unseal(key, t.get(b, key)); ok && json.Unmarshal(v, &named) == nil {
				r.Name = named.Number
				return r
			}
		}
	}
	if len(damaged) >= sumSize && json.Unmarshal(damaged[:len(damaged)-sumSize], &named) == nil {
		r.Name = named.Name + named.Number
	}
	return r
}

// sumTx adds and verifies the checksums on top of a backend's kvTx. A
// damaged value makes get panic with a *RecordError, which View and Update
// turn back into their error (catchRecord), and scan return one.
type sumTx struct {
	kvTx
	path string
	// verified says that every checksum of this read transaction was
	// already verified (damagedRecords found none damaged, as Check does
	// first): values are then only stripped of their checksum. The bytes
	// of a read transaction never change.
	verified bool
}

// open returns the value stored without its checksum, and whether the
// checksum matches (or was verified already).
func (t sumTx) open(key, stored []byte) ([]byte, bool) {
	if t.verified && len(stored) >= sumSize {
		return stored[:len(stored)-sumSize], true
	}
	return unseal(key, stored)
}

func (t sumTx) fail(bucket, key, stored []byte) *RecordError {
	return &RecordError{Path: t.path, Record: refOf(t.kvTx, bucket, key, stored)}
}

func (t sumTx) get(bucket, key []byte) []byte {
	v := t.kvTx.get(bucket, key)
	if v == nil || !checksummed(bucket) {
		return v
	}
	p, ok := t.open(key, v)
	if !ok {
		panic(t.fail(bucket, key, v))
	}
	return p
}

func (t sumTx) put(bucket, key, value []byte) error {
	if !checksummed(bucket) {
		return t.kvTx.put(bucket, key, value)
	}
	return t.kvTx.put(bucket, key, seal(key, value))
}

func (t sumTx) scan(bucket, prefix []byte, fn func(k, v []byte) error) error {
	if !checksummed(bucket) {
		return t.kvTx.scan(bucket, prefix, fn)
	}
	return t.kvTx.scan(bucket, prefix, func(k, v []byte) error {
		p, ok := t.open(k, v)
		if !ok {
			return t.fail(bucket, k, v)
		}
		return fn(k, p)
	})
}

// catchRecord turns a *RecordError panic from sumTx.get into *err; other
// panics go on.
func catchRecord(err *error) {
	if r := recover(); r != nil {
		re, ok := r.(*RecordError)
		if !ok {
			panic(r)
		}
		*err = re
	}
}

// damagedRecords verifies the checksum of every value in every bucket and
// returns the records that fail, at most limit of them.
func damagedRecords(t kvTx, limit int) []RecordRef {
	var out []RecordRef
	for _, b := range sealedBuckets() {
		if !checksummed(b) || !t.hasBucket(b) {
			continue
		}
		_ = t.scan(b, nil, func(k, v []byte) error {
			if _, ok := unseal(k, v); !ok {
				out = append(out, refOf(t, b, k, v))
				if len(out) >= limit {
					return errStop
				}
			}
			return nil
		})
		if len(out) >= limit {
			break
		}
	}
	return out
}

// addChecksums is migration 2: it appends the checksum to every value of
// every bucket but meta. Keys are collected first and values rewritten
// one by one, so that no cursor sees the bucket change under it and only
// one value at a time is copied.
func addChecksums(t kvTx) error {
	for _, b := range sealedBuckets() {
		if !checksummed(b) || !t.hasBucket(b) {
			continue
		}
		var keys [][]byte
		if err := t.scan(b, nil, func(k, _ []byte) error {
			keys = append(keys, bytes.Clone(k))
			return nil
		}); err != nil {
			return err
		}
		for _, k := range keys {
			if err := t.put(b, k, seal(k, t.get(b, k))); err != nil {
				return err
			}
		}
	}
	return nil
}
