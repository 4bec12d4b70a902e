package store

import (
	"encoding/json"
	"slices"
	"strconv"

	"github.com/partnerdesk/partnerdesk/model"
)

// Agreement returns the agreement with the given ID.
func (t *Tx) Agreement(id model.ID) (model.Agreement, error) {
	var a model.Agreement
	err := t.getJSON(bucketAgreements, u64(uint64(id)), &a)
	return a, err
}

// AgreementByNumber returns the agreement with the given number, compared
// as model.NormalizeNumber compares numbers.
func (t *Tx) AgreementByNumber(number string) (model.Agreement, error) {
	dept := ""
	if t.ses != nil {
		dept = t.ses.department
	}
	raw := t.indexedNumber(t.numberKey(dept, number))
	if raw == nil {
		return model.Agreement{}, ErrNotFound
	}
	return t.Agreement(model.ID(fromU64(raw)))
}

// Summaries returns the summary of every agreement, in ID order. This is
// what list screens load on open.
func (t *Tx) Summaries() ([]model.Summary, error) {
	out := make([]model.Summary, 0, t.kv.count(bucketSummaries))
	err := t.kv.scan(bucketSummaries, nil, func(_, v []byte) error {
		var s model.Summary
		if err := json.Unmarshal(v, &s); err != nil {
			return &DamagedError{Reason: "an agreement summary: " + err.Error()}
		}
		out = append(out, s)
		return nil
	})
	return out, err
}

// ForEachAgreement calls fn with every agreement in ID order, decoding one
// at a time, until fn returns an error. Exports stream through it.
func (t *Tx) ForEachAgreement(fn func(*model.Agreement) error) error {
	return t.kv.scan(bucketAgreements, nil, func(_, v []byte) error {
		var a model.Agreement
		if err := json.Unmarshal(v, &a); err != nil {
			return &DamagedError{Reason: "an agreement record: " + err.Error()}
		}
		return fn(&a)
	})
}

// SaveAgreement validates a and stores it with its summary and indexes. A
// new agreement (ID 0) gets an ID; an existing one must carry the revision
// it was read with, or the save fails with ErrConflict. The number must be
// unique and every partner must exist. The principle checklist is stored
// as all seven principles in order. Attachment metadata is not taken from
// a: attachments change only through AddAttachment and RemoveAttachment.
func (t *Tx) SaveAgreement(a *model.Agreement) error {
	if err := a.Validate(model.DateOf(t.now.Local())); err != nil {
		return err
	}
	var old model.Agreement
	action := model.ActionCreated
	if a.ID != 0 {
		var err error
		if old, err = t.Agreement(a.ID); err != nil {
			return err
		}
		if old.Rev != a.Rev {
			return t.conflict(model.EntityAgreement, a.ID)
		}
		action = model.ActionUpdated
		if err := t.mayChange(old.Department); err != nil {
			return err
		}
	} else if a.Department == "" && t.ses != nil {
		a.Department = t.ses.department
	}
	a.Department = t.canonDept(a.Department)
	if err := t.mayChange(a.Department); err != nil {
		return err
	}
	if err := t.checkAgreementRefs(a); err != nil {
		return err
	}
	if a.ID == 0 {
		seq, err := t.kv.nextSeq(bucketAgreements)
		if err != nil {
			return err
		}
		a.ID, old.Created = model.ID(seq), t.now
	}
	a.Principles = model.NormalizePrinciples(a.Principles)
	a.Attachments = old.Attachments
	a.Rev, a.Created, a.Updated = old.Rev+1, old.Created, t.now
	if err := t.writeAgreement(a, &old); err != nil {
		return err
	}
	var fields []string
	if action == model.ActionUpdated {
		fields = model.ChangedFields(&old, a)
	}
	return t.log(model.EntityAgreement, a.ID, action, fields, "")
}

// checkAgreementRefs checks what validation cannot see: that the number is
// free and the partners exist.
func (t *Tx) checkAgreementRefs(a *model.Agreement) error {
	var v model.ValidationError
	if raw := t.indexedNumber(t.numberKey(a.Department, a.Number)); raw != nil && model.ID(fromU64(raw)) != a.ID {
		v = append(v, model.FieldError{Field: "number", Key: "err.number_taken"})
	}
	for i, pid := range a.PartnerIDs {
		if t.kv.get(bucketPartners, u64(uint64(pid))) == nil {
			v = append(v, model.FieldError{Field: "partner_ids[" + strconv.Itoa(i) + "]", Key: "err.partner_missing"})
		}
	}
	if len(v) > 0 {
		return v
	}
	return nil
}

// writeAgreement puts the record and its summary and moves the indexes
// from old's values to a's.
func (t *Tx) writeAgreement(a, old *model.Agreement) error {
	key := u64(uint64(a.ID))
	if err := t.putJSON(bucketAgreements, key, a); err != nil {
		return err
	}
	sum := model.Summarize(a)
	if err := t.putJSON(bucketSummaries, key, &sum); err != nil {
		return err
	}
	oldNum, newNum := t.numberKey(old.Department, old.Number), t.numberKey(a.Department, a.Number)
	// Index entries that stay as they are are not written again (on a
	// server each is a statement); new ones are held back and written in
	// key order when the transaction ends (see Tx.nums).
	if old.Number != "" && oldNum != newNum {
		if _, held := t.nums[oldNum]; held {
			delete(t.nums, oldNum)
		} else if err := t.kv.del(bucketNumberIndex, []byte(oldNum)); err != nil {
			return err
		}
	}
	if oldNum != newNum || old.Number == "" {
		if t.nums == nil {
			t.nums = map[string][]byte{}
		}
		t.nums[newNum] = key
	}
	return t.indexPartners(a, old)
}

// indexPartners updates the partner–agreement index for the partners an
// agreement lost and gained.
func (t *Tx) indexPartners(a, old *model.Agreement) error {
	gone := slices.DeleteFunc(slices.Clone(old.PartnerIDs), func(id model.ID) bool { return slices.Contains(a.PartnerIDs, id) })
	if len(gone) > 0 {
		if err := t.flushPairs(); err != nil {
			return err
		}
	}
	for _, pid := range gone {
		if err := t.kv.del(bucketPartnerAgr, pairKey(uint64(pid), uint64(a.ID))); err != nil {
			return err
		}
	}
	for _, pid := range a.PartnerIDs {
		if !slices.Contains(old.PartnerIDs, pid) {
			t.pairs = append(t.pairs, pairKey(uint64(pid), uint64(a.ID)))
		}
	}
	return nil
}

// DeleteAgreement deletes an agreement with its attachments. The
// agreements it renewed or was renewed by lose their link to it.
func (t *Tx) DeleteAgreement(id model.ID) error {
	a, err := t.Agreement(id)
	if err != nil {
		return err
	}
	if err := t.mayChange(a.Department); err != nil {
		return err
	}
	for _, att := range a.Attachments {
		if err := t.kv.del(bucketAttachments, u64(uint64(att.ID))); err != nil {
			return err
		}
	}
	key := u64(uint64(id))
	for _, b := range [][]byte{bucketAgreements, bucketSummaries} {
		if err := t.kv.del(b, key); err != nil {
			return err
		}
	}
	if err := t.flushIndexes(); err != nil {
		return err
	}
	if err := t.kv.del(bucketNumberIndex, []byte(t.numberKey(a.Department, a.Number))); err != nil {
		return err
	}
	for _, pid := range a.PartnerIDs {
		if err := t.kv.del(bucketPartnerAgr, pairKey(uint64(pid), uint64(id))); err != nil {
			return err
		}
	}
	if err := t.unlink(a.PredecessorID, id); err != nil {
		return err
	}
	if err := t.unlink(a.SuccessorID, id); err != nil {
		return err
	}
	return t.log(model.EntityAgreement, id, model.ActionDeleted, nil, a.Number)
}

// unlink clears the links of agreement id that point at gone.
func (t *Tx) unlink(id, gone model.ID) error {
	if id == 0 {
		return nil
	}
	n, err := t.Agreement(id)
	if err != nil {
		return nil // already gone itself
	}
	old := n
	if n.SuccessorID == gone {
		n.SuccessorID = 0
	}
	if n.PredecessorID == gone {
		n.PredecessorID = 0
	}
	n.Rev++
	n.Updated = t.now
	if err := t.writeAgreement(&n, &old); err != nil {
		return err
	}
	return t.log(model.EntityAgreement, id, model.ActionUpdated, model.ChangedFields(&old, &n), "")
}

// Renew stores successor as the renewal of the agreement oldID: the
// successor is saved as a new agreement linked back to it, and the old one
// is marked renewed and linked forward, in the same transaction.
func (t *Tx) Renew(oldID model.ID, successor *model.Agreement) error {
	old, err := t.Agreement(oldID)
	if err != nil {
		return err
	}
	if old.SuccessorID != 0 {
		return model.ValidationError{{Field: "status", Key: "err.already_renewed"}}
	}
	successor.ID, successor.Rev, successor.PredecessorID = 0, 0, oldID
	if err := t.SaveAgreement(successor); err != nil {
		return err
	}
	old.Status, old.SuccessorID = model.StatusRenewed, successor.ID
	return t.SaveAgreement(&old)
}

// canonDept returns the department code as records keep it: "" for the
// store's default department.
func (t *Tx) canonDept(d string) string {
	if t.ses != nil && d == t.ses.defaultDept {
		return ""
	}
	return d
}
