package store

import (
	"encoding/json"
	"errors"
	"strconv"

	"github.com/partnerdesk/partnerdesk/model"
)

// Diagnostic rounds live in a bucket of their own, added after schema 1
// was released: ensureAdditive creates it (and any later additive bucket)
// when a file is opened for writing, and reads treat a file without it as
// holding no rounds, so a file opened read-only by this build still reads.
var (
	bucketRounds    = []byte("diag_rounds")
	additiveBuckets = [][]byte{bucketRounds}
	keyScale        = []byte("diag_scale") // in bucketInstitution
)

func init() {
	sequential[string(bucketRounds)] = true
	recordKinds[string(bucketRounds)] = "diagnostic round"
}

// sealedBuckets lists the buckets whose values carry checksums that Check
// verifies: the schema's and the additive ones (skipped where missing).
func sealedBuckets() [][]byte {
	return append(append([][]byte(nil), allBuckets...), additiveBuckets...)
}

// ensureAdditive creates the buckets added without a schema change.
func (s *Store) ensureAdditive() error {
	missing := false
	_ = s.be.view(func(t kvTx) error {
		for _, b := range additiveBuckets {
			missing = missing || !t.hasBucket(b)
		}
		return nil
	})
	if !missing {
		return nil
	}
	return s.be.update(func(t kvTx) error {
		for _, b := range additiveBuckets {
			if err := t.createBucket(b); err != nil {
				return err
			}
		}
		return nil
	})
}

// Round returns the diagnostic round with the given ID.
func (t *Tx) Round(id model.ID) (model.Round, error) {
	var r model.Round
	if !t.kv.hasBucket(bucketRounds) {
		return r, ErrNotFound
	}
	err := t.getJSON(bucketRounds, u64(uint64(id)), &r)
	return r, err
}

// Rounds returns every diagnostic round, in ID order.
func (t *Tx) Rounds() ([]model.Round, error) {
	if !t.kv.hasBucket(bucketRounds) {
		return nil, nil
	}
	out := make([]model.Round, 0, t.kv.count(bucketRounds))
	err := t.kv.scan(bucketRounds, nil, func(_, v []byte) error {
		var r model.Round
		if err := json.Unmarshal(v, &r); err != nil {
			return &DamagedError{Reason: "a diagnostic round record: " + err.Error()}
		}
		out = append(out, r)
		return nil
	})
	return out, err
}

// SaveRound normalises and validates r and stores it: a new round (ID 0)
// gets an ID; an existing one must carry the revision it was read with, or
// the save fails with ErrConflict. The agreements it names must exist.
func (t *Tx) SaveRound(r *model.Round) error {
	r.Normalize()
	if err := r.Validate(); err != nil {
		return err
	}
	var bad model.ValidationError
	for i, id := range r.AgreementIDs {
		if t.kv.get(bucketAgreements, u64(uint64(id))) == nil {
			bad = append(bad, model.FieldError{Field: "agreement_ids[" + strconv.Itoa(i) + "]", Key: "err.agreement_missing"})
		}
	}
	if len(bad) > 0 {
		return bad
	}
	if !t.kv.hasBucket(bucketRounds) {
		return errors.New("store: the data file has no diagnostic rounds yet: open it read-write once")
	}
	var old model.Round
	action := model.ActionCreated
	if r.ID != 0 {
		var err error
		if old, err = t.Round(r.ID); err != nil {
			return err
		}
		if old.Rev != r.Rev {
			return ErrConflict
		}
		action = model.ActionUpdated
	} else {
		seq, err := t.kv.nextSeq(bucketRounds)
		if err != nil {
			return err
		}
		r.ID, old.Created = model.ID(seq), t.now
	}
	r.Rev, r.Created, r.Updated = old.Rev+1, old.Created, t.now
	if err := t.putJSON(bucketRounds, u64(uint64(r.ID)), r); err != nil {
		return err
	}
	var fields []string
	if action == model.ActionUpdated {
		fields = model.ChangedFields(&old, r)
	}
	return t.log(model.EntityRound, r.ID, action, fields, "")
}

// DeleteRound deletes a diagnostic round.
func (t *Tx) DeleteRound(id model.ID) error {
	r, err := t.Round(id)
	if err != nil {
		return err
	}
	if err := t.kv.del(bucketRounds, u64(uint64(id))); err != nil {
		return err
	}
	return t.log(model.EntityRound, id, model.ActionDeleted, nil, r.Title)
}

// DiagnosticScale returns the institution's indicators and levels: the
// paper's four and three until the institution edits them.
func (t *Tx) DiagnosticScale() (model.Scale, error) {
	var sc model.Scale
	err := t.getJSON(bucketInstitution, keyScale, &sc)
	if errors.Is(err, ErrNotFound) {
		return model.DefaultScale(), nil
	}
	return sc, err
}

// SaveDiagnosticScale validates and stores the institution's indicators
// and levels; rounds already saved keep the scale they were made with.
func (t *Tx) SaveDiagnosticScale(sc model.Scale) error {
	if err := sc.Validate(); err != nil {
		return err
	}
	if err := t.putJSON(bucketInstitution, keyScale, sc); err != nil {
		return err
	}
	return t.log(model.EntityInstitution, 0, model.ActionUpdated, []string{"diag_scale"}, "")
}

// Round returns one diagnostic round.
func (s *Store) Round(id model.ID) (r model.Round, err error) {
	err = s.View(func(t *Tx) error { r, err = t.Round(id); return err })
	return r, err
}

// Rounds returns every diagnostic round.
func (s *Store) Rounds() (list []model.Round, err error) {
	err = s.View(func(t *Tx) error { list, err = t.Rounds(); return err })
	return list, err
}

// SaveRound validates and stores a diagnostic round; see Tx.SaveRound.
func (s *Store) SaveRound(r *model.Round) error {
	c := *r
	if err := s.Update(func(t *Tx) error { return t.SaveRound(&c) }); err != nil {
		return err
	}
	*r = c
	return nil
}

// DeleteRound deletes a diagnostic round.
func (s *Store) DeleteRound(id model.ID) error {
	return s.Update(func(t *Tx) error { return t.DeleteRound(id) })
}

// DiagnosticScale returns the institution's indicators and levels.
func (s *Store) DiagnosticScale() (sc model.Scale, err error) {
	err = s.View(func(t *Tx) error { sc, err = t.DiagnosticScale(); return err })
	return sc, err
}

// SaveDiagnosticScale stores the institution's indicators and levels.
func (s *Store) SaveDiagnosticScale(sc model.Scale) error {
	return s.Update(func(t *Tx) error { return t.SaveDiagnosticScale(sc) })
}
