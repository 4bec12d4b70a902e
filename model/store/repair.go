package store

import (
	"bytes"
	"encoding/json"
	"fmt"
	"slices"
	"time"

	"github.com/partnerdesk/partnerdesk/model"
)

// Damaged records are repaired one by one: a record whose bytes changed
// is taken back from the newest backup that holds it intact (package
// backup finds it, RecordsFrom reads it, RepairRecords writes it), and
// everything derived from records — summaries and indexes — is rebuilt
// from the records, so a damaged summary or index entry needs no backup.

// derived lists the buckets rebuilt from the records by RepairRecords.
var derived = [][]byte{bucketSummaries, bucketTaxIndex, bucketNumberIndex, bucketPartnerAgr}

// Derived reports whether the record is derived from others (a summary or
// an index entry), so that a repair rebuilds it instead of looking for it
// in a backup.
func (r RecordRef) Derived() bool {
	return slices.ContainsFunc(derived, func(b []byte) bool { return string(b) == r.Bucket })
}

// DamagedRecords returns every record whose checksum does not match.
//
// A server has none: its records carry no checksums of their own
// (PostgreSQL checks its pages).
func (s *Store) DamagedRecords() (list []RecordRef, err error) {
	if s.ses != nil {
		return nil, s.usable()
	}
	err = safely(s.path, func() error {
		return s.be.view(func(t kvTx) error {
			list = damagedRecords(t, maxProblems)
			return nil
		})
	})
	return list, err
}

// RecordsFrom reads the given records from another data file (a backup,
// of this format or an older one) read-only and returns the values that
// are intact there, by index into refs: in a file with checksums, those
// whose checksum matches; in an older file, those present (it passed the
// page checks). A record missing there is left out.
func RecordsFrom(path string, refs []RecordRef) (map[int][]byte, error) {
	db, err := openBolt(path, Options{ReadOnly: true, Timeout: time.Second})
	if err != nil {
		return nil, err
	}
	s := newStore(&boltBackend{db: db}, path, Options{})
	defer s.Close()
	if p := s.be.(*boltBackend).walk(); len(p) > 0 {
		return nil, &CheckError{Problems: p}
	}
	schema, err := s.fileSchema(false)
	if err != nil {
		return nil, err
	}
	if schema > SchemaVersion {
		return nil, &NewerSchemaError{Path: path, FileSchema: schema, Supported: SchemaVersion}
	}
	out := map[int][]byte{}
	err = safely(path, func() error {
		return s.be.view(func(t kvTx) error {
			for i, r := range refs {
				if !t.hasBucket([]byte(r.Bucket)) {
					continue
				}
				v := t.get([]byte(r.Bucket), r.Key)
				if v == nil {
					continue
				}
				if schema >= 2 {
					p, ok := unseal(r.Key, v)
					if !ok {
						continue
					}
					v = p
				}
				out[i] = bytes.Clone(v)
			}
			return nil
		})
	})
	return out, err
}

// Restoration is a damaged record's value taken back from a backup.
type Restoration struct {
	Record RecordRef
	// Value is the record's value as the backup holds it (no checksum).
	Value []byte
	// From names the backup, for the history entry.
	From string
}

// RepairRecords writes the restored records in place of the damaged ones
// and rebuilds every summary and index from the records, in one
// transaction; each restored partner or agreement gets a history entry.
// Records still damaged are left as they are (and out of the indexes).
func (s *Store) RepairRecords(fixes []Restoration) error {
	if s.ses != nil {
		if err := s.usable(); err != nil {
			return err
		}
		if s.ses.refuse != nil {
			return s.ses.refuse
		}
		return ErrNoFile
	}
	return s.Update(func(t *Tx) error {
		for _, f := range fixes {
			if err := t.kv.put([]byte(f.Record.Bucket), f.Record.Key, f.Value); err != nil {
				return err
			}
		}
		if err := t.rebuildDerived(); err != nil {
			return err
		}
		for _, f := range fixes {
			entity := map[string]model.Entity{"partners": model.EntityPartner, "agreements": model.EntityAgreement, "institution": model.EntityInstitution}[f.Record.Bucket]
			if entity == "" {
				continue
			}
			if err := t.log(entity, model.ID(f.Record.ID), model.ActionRestored, nil, "damaged record taken back from "+f.From); err != nil {
				return err
			}
		}
		return nil
	})
}

// rebuildDerived empties the summaries and indexes and writes them again
// from the partners and agreements, skipping records that are damaged.
func (t *Tx) rebuildDerived() error {
	raw := t.kv.(sumTx).kvTx
	for _, b := range derived {
		var keys [][]byte
		_ = raw.scan(b, nil, func(k, _ []byte) error { keys = append(keys, bytes.Clone(k)); return nil })
		for _, k := range keys {
			if err := raw.del(b, k); err != nil {
				return err
			}
		}
	}
	err := scanIntact(raw, bucketPartners, func(k, v []byte) error {
		var p model.Partner
		if json.Unmarshal(v, &p) != nil || p.TaxID == "" {
			return nil
		}
		return t.kv.put(bucketTaxIndex, taxKey(p.Country, p.TaxID), k)
	})
	if err != nil {
		return err
	}
	return scanIntact(raw, bucketAgreements, func(k, v []byte) error {
		var a model.Agreement
		if json.Unmarshal(v, &a) != nil {
			return nil
		}
		sum := model.Summarize(&a)
		if err := t.putJSON(bucketSummaries, k, &sum); err != nil {
			return err
		}
		if err := t.kv.put(bucketNumberIndex, []byte(t.numberKey(a.Department, a.Number)), k); err != nil {
			return err
		}
		for _, pid := range a.PartnerIDs {
			if err := t.kv.put(bucketPartnerAgr, pairKey(uint64(pid), uint64(a.ID)), nil); err != nil {
				return err
			}
		}
		return nil
	})
}

// scanIntact calls fn with every record of bucket whose checksum matches
// (values copied: fn may write). Damaged ones are skipped.
func scanIntact(raw kvTx, bucket []byte, fn func(k, v []byte) error) error {
	type kv struct{ k, v []byte }
	var all []kv
	_ = raw.scan(bucket, nil, func(k, v []byte) error {
		if p, ok := unseal(k, v); ok {
			all = append(all, kv{bytes.Clone(k), bytes.Clone(p)})
		}
		return nil
	})
	for _, e := range all {
		if err := fn(e.k, e.v); err != nil {
			return err
		}
	}
	return nil
}

// ChangedFields compares a damaged record's value with the value restored
// from a backup and returns the top-level JSON fields that differ, or nil
// when the damaged value is no longer readable JSON (the field is then
// unknown).
func ChangedFields(damaged, restored []byte) []string {
	if len(damaged) >= sumSize {
		damaged = damaged[:len(damaged)-sumSize]
	}
	var a, b map[string]json.RawMessage
	if json.Unmarshal(damaged, &a) != nil || json.Unmarshal(restored, &b) != nil {
		return nil
	}
	var out []string
	for k, v := range b {
		if !bytes.Equal(a[k], v) {
			out = append(out, k)
		}
	}
	for k := range a {
		if _, ok := b[k]; !ok {
			out = append(out, k)
		}
	}
	slices.Sort(out)
	return out
}

// RawRecord returns a record's stored bytes (checksum included), damaged
// or not, to compare with a restored value.
func (s *Store) RawRecord(r RecordRef) (v []byte, err error) {
	err = safely(s.path, func() error {
		return s.be.view(func(t kvTx) error {
			if !t.hasBucket([]byte(r.Bucket)) {
				return fmt.Errorf("no bucket %s", r.Bucket)
			}
			v = bytes.Clone(t.get([]byte(r.Bucket), r.Key))
			return nil
		})
	})
	return v, err
}
