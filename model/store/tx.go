package store

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"slices"
	"time"

	"github.com/partnerdesk/partnerdesk/model"
)

// Tx is one transaction on the store, read-only inside View and writable
// inside Update. Its methods carry the store's rules: validation, unique
// indexes, referential integrity and history.
type Tx struct {
	kv   kvTx
	now  time.Time
	user string
	// pairs holds the partner–agreement index entries of saved agreements
	// until the transaction ends or the index is read: written sorted,
	// tens of thousands of them are appended to the index's pages instead
	// of moved inside one page each time (bbolt splits pages only at
	// commit), which made importing 50,000 agreements quadratic.
	pairs [][]byte
	// nums holds the number index entries of saved agreements in the same
	// way (normalised number → key); lookups see them first.
	nums map[string][]byte
	ses  *session
}

// indexedNumber returns the agreement key indexed under a number index key
// (see numberKey), looking at the entries held back first.
func (t *Tx) indexedNumber(num string) []byte {
	if k, ok := t.nums[num]; ok {
		return k
	}
	return t.kv.get(bucketNumberIndex, []byte(num))
}

// flushIndexes writes the index entries held back, in key order.
func (t *Tx) flushIndexes() error {
	if len(t.nums) > 0 {
		keys := make([]string, 0, len(t.nums))
		for k := range t.nums {
			keys = append(keys, k)
		}
		slices.Sort(keys)
		for _, k := range keys {
			if err := t.kv.put(bucketNumberIndex, []byte(k), t.nums[k]); err != nil {
				return err
			}
		}
		t.nums = nil
	}
	return t.flushPairs()
}

// flushPairs writes the partner–agreement index entries held back.
func (t *Tx) flushPairs() error {
	if len(t.pairs) == 0 {
		return nil
	}
	slices.SortFunc(t.pairs, bytes.Compare)
	for _, k := range t.pairs {
		if err := t.kv.put(bucketPartnerAgr, k, nil); err != nil {
			return err
		}
	}
	t.pairs = nil
	return nil
}

func (t *Tx) getJSON(bucket, key []byte, v any) error {
	raw := t.kv.get(bucket, key)
	if raw == nil {
		return ErrNotFound
	}
	if err := json.Unmarshal(raw, v); err != nil {
		return fmt.Errorf("record %x in %s: %w", key, bucket, &DamagedError{Reason: err.Error()})
	}
	return nil
}

func (t *Tx) putJSON(bucket, key []byte, v any) error {
	if !t.kv.writable() {
		return ErrReadOnly
	}
	raw, err := json.Marshal(v)
	if err != nil {
		return err
	}
	return t.kv.put(bucket, key, raw)
}

// Institution returns the institution's settings (zero on a new file).
func (t *Tx) Institution() (model.Institution, error) {
	var in model.Institution
	err := t.getJSON(bucketInstitution, keyInstitution, &in)
	if errors.Is(err, ErrNotFound) {
		err = nil
	}
	return in, err
}

var keyInstitution = []byte("institution")

// SaveInstitution validates and stores the institution's settings.
func (t *Tx) SaveInstitution(in *model.Institution) error {
	if err := in.Validate(); err != nil {
		return err
	}
	if err := t.mayWrite("institution", true); err != nil {
		return err
	}
	old, err := t.Institution()
	if err != nil {
		return err
	}
	if err := t.putJSON(bucketInstitution, keyInstitution, in); err != nil {
		return err
	}
	action := model.ActionUpdated
	if old.IsZero() {
		action = model.ActionCreated
	}
	return t.log(model.EntityInstitution, 0, action, model.ChangedFields(&old, in), "")
}

// log appends a history entry.
func (t *Tx) log(entity model.Entity, id model.ID, action model.Action, fields []string, note string) error {
	seq, err := t.kv.nextSeq(bucketHistory)
	if err != nil {
		return err
	}
	e := model.HistoryEntry{At: t.now, User: t.user, Entity: entity, EntityID: id, Action: action, Fields: fields, Note: note}
	return t.putJSON(bucketHistory, historyKey(entity, id, seq), &e)
}

func historyKey(entity model.Entity, id model.ID, seq uint64) []byte {
	k := append([]byte(entity[:1]), u64(uint64(id))...)
	if seq == 0 {
		return k
	}
	return append(k, u64(seq)...)
}

// History returns the changes to one record, oldest first.
func (t *Tx) History(entity model.Entity, id model.ID) ([]model.HistoryEntry, error) {
	var out []model.HistoryEntry
	err := t.kv.scan(bucketHistory, historyKey(entity, id, 0), func(_, v []byte) error {
		var e model.HistoryEntry
		if err := json.Unmarshal(v, &e); err != nil {
			return err
		}
		out = append(out, e)
		return nil
	})
	return out, err
}

// Counts is how many records of each kind a file holds.
type Counts struct {
	Partners    int `json:"partners"`
	Agreements  int `json:"agreements"`
	Attachments int `json:"attachments"`
	History     int `json:"history"`
}

// Counts returns the number of records of each kind.
func (t *Tx) Counts() Counts {
	return Counts{
		Partners:    t.kv.count(bucketPartners),
		Agreements:  t.kv.count(bucketAgreements),
		Attachments: t.kv.count(bucketAttachments),
		History:     t.kv.count(bucketHistory),
	}
}
