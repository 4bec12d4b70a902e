package store

import (
	"encoding/json"

	"github.com/partnerdesk/partnerdesk/model"
)

// Partner returns the partner with the given ID.
func (t *Tx) Partner(id model.ID) (model.Partner, error) {
	var p model.Partner
	err := t.getJSON(bucketPartners, u64(uint64(id)), &p)
	return p, err
}

// Partners returns every partner, in ID order.
func (t *Tx) Partners() ([]model.Partner, error) {
	out := make([]model.Partner, 0, t.kv.count(bucketPartners))
	err := t.kv.scan(bucketPartners, nil, func(_, v []byte) error {
		var p model.Partner
		if err := json.Unmarshal(v, &p); err != nil {
			return &DamagedError{Reason: "a partner record: " + err.Error()}
		}
		out = append(out, p)
		return nil
	})
	return out, err
}

// PartnerByTaxID returns the partner of the given country with the tax ID.
func (t *Tx) PartnerByTaxID(country, taxID string) (model.Partner, error) {
	raw := t.kv.get(bucketTaxIndex, taxKey(country, model.NormalizeTaxID(country, taxID)))
	if raw == nil {
		return model.Partner{}, ErrNotFound
	}
	return t.Partner(model.ID(fromU64(raw)))
}

func taxKey(country, taxID string) []byte { return []byte(country + "/" + taxID) }

// SavePartner validates p and stores it: a new partner (ID 0) gets an ID;
// an existing one must carry the revision it was read with, or the save
// fails with ErrConflict. The tax ID is normalised and must be unique per
// country.
func (t *Tx) SavePartner(p *model.Partner) error {
	p.TaxID = model.NormalizeTaxID(p.Country, p.TaxID)
	if err := p.Validate(); err != nil {
		return err
	}
	if err := t.mayWrite("partners", false); err != nil {
		return err
	}
	old, action, err := t.oldPartner(p)
	if err != nil {
		return err
	}
	newKey := taxKey(p.Country, p.TaxID)
	if err := t.taxIDFree(p, newKey); err != nil {
		return err
	}
	if p.ID == 0 {
		seq, err := t.kv.nextSeq(bucketPartners)
		if err != nil {
			return err
		}
		p.ID, old.Created = model.ID(seq), t.now
	}
	if oldKey := taxKey(old.Country, old.TaxID); old.TaxID != "" && string(oldKey) != string(newKey) {
		if err := t.kv.del(bucketTaxIndex, oldKey); err != nil {
			return err
		}
	}
	if p.TaxID != "" {
		if err := t.kv.put(bucketTaxIndex, newKey, u64(uint64(p.ID))); err != nil {
			return err
		}
	}
	p.Rev, p.Created, p.Updated = old.Rev+1, old.Created, t.now
	if err := t.putJSON(bucketPartners, u64(uint64(p.ID)), p); err != nil {
		return err
	}
	var fields []string
	if action == model.ActionUpdated {
		fields = model.ChangedFields(&old, p)
	}
	return t.log(model.EntityPartner, p.ID, action, fields, "")
}

// AgreementIDsOf returns the IDs of the agreements with the partner.
func (t *Tx) AgreementIDsOf(partner model.ID) ([]model.ID, error) {
	var out []model.ID
	if err := t.flushPairs(); err != nil {
		return nil, err
	}
	err := t.kv.scan(bucketPartnerAgr, u64(uint64(partner)), func(k, _ []byte) error {
		out = append(out, model.ID(fromU64(k[8:])))
		return nil
	})
	return out, err
}

// DeletePartner deletes a partner no agreement names; otherwise it returns
// an *InUseError listing the agreements' numbers.
func (t *Tx) DeletePartner(id model.ID) error {
	if err := t.mayWrite("partners-delete", true); err != nil {
		return err
	}
	p, err := t.Partner(id)
	if err != nil {
		return err
	}
	ids, err := t.AgreementIDsOf(id)
	if err != nil {
		return err
	}
	if len(ids) > 0 {
		inUse := &InUseError{Partner: p.Name}
		for _, aid := range ids {
			var s model.Summary
			if err := t.getJSON(bucketSummaries, u64(uint64(aid)), &s); err != nil {
				return err
			}
			inUse.Numbers = append(inUse.Numbers, s.Number)
		}
		return inUse
	}
	if p.TaxID != "" {
		if err := t.kv.del(bucketTaxIndex, taxKey(p.Country, p.TaxID)); err != nil {
			return err
		}
	}
	if err := t.kv.del(bucketPartners, u64(uint64(id))); err != nil {
		return err
	}
	return t.log(model.EntityPartner, id, model.ActionDeleted, nil, p.Name)
}

// oldPartner returns the stored version of p, which must carry the stored
// revision, and whether the save creates or updates.
func (t *Tx) oldPartner(p *model.Partner) (model.Partner, model.Action, error) {
	if p.ID == 0 {
		return model.Partner{}, model.ActionCreated, nil
	}
	old, err := t.Partner(p.ID)
	if err != nil {
		return old, "", err
	}
	if old.Rev != p.Rev {
		return old, "", t.conflict(model.EntityPartner, p.ID)
	}
	return old, model.ActionUpdated, nil
}

// taxIDFree refuses a tax ID another partner of the country holds.
func (t *Tx) taxIDFree(p *model.Partner, key []byte) error {
	if p.TaxID == "" {
		return nil
	}
	if raw := t.kv.get(bucketTaxIndex, key); raw != nil && model.ID(fromU64(raw)) != p.ID {
		other, _ := t.Partner(model.ID(fromU64(raw)))
		return model.ValidationError{{Field: "tax_id", Key: "err.taxid_taken", Args: map[string]string{"Other": other.Name}}}
	}
	return nil
}
