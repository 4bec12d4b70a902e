package storetest

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"

	"github.com/partnerdesk/partnerdesk/model"
	"github.com/partnerdesk/partnerdesk/model/store"
)

// Dump is every record of a store, for the schema fixtures in
// model/store/testdata: the fixture generator writes it beside each
// fixture file, and the migration test compares it with what the migrated
// file holds.
type Dump struct {
	Schema      int               `json:"schema"`
	Counts      store.Counts      `json:"counts"`
	Institution model.Institution `json:"institution"`
	Partners    []model.Partner   `json:"partners"`
	Agreements  []model.Agreement `json:"agreements"`
	// History holds each record's changes under "entity/ID".
	History map[string][]model.HistoryEntry `json:"history"`
	// Attachments maps "agreement ID/attachment ID" to the SHA-256 of the
	// attachment's bytes.
	Attachments map[string]string `json:"attachments"`
}

// TakeDump reads every record of s. History is gathered per record for
// IDs up to the number of history entries (every record ever created has
// at least one entry, so no ID can be larger), deleted records included.
func TakeDump(s *store.Store) (Dump, error) {
	d := Dump{Schema: store.SchemaVersion, History: map[string][]model.HistoryEntry{}, Attachments: map[string]string{}}
	err := s.View(func(tx *store.Tx) error {
		var err error
		d.Counts = tx.Counts()
		if d.Institution, err = tx.Institution(); err != nil {
			return err
		}
		if d.Partners, err = tx.Partners(); err != nil {
			return err
		}
		if err := tx.ForEachAgreement(func(a *model.Agreement) error {
			d.Agreements = append(d.Agreements, *a)
			for _, att := range a.Attachments {
				data, err := tx.AttachmentData(a.ID, att.ID)
				if err != nil {
					return err
				}
				sum := sha256.Sum256(data)
				d.Attachments[fmt.Sprintf("%d/%d", a.ID, att.ID)] = hex.EncodeToString(sum[:])
			}
			return nil
		}); err != nil {
			return err
		}
		return d.history(tx)
	})
	return d, err
}

func (d *Dump) history(tx *store.Tx) error {
	add := func(e model.Entity, id model.ID) error {
		h, err := tx.History(e, id)
		if len(h) > 0 {
			d.History[fmt.Sprintf("%s/%d", e, id)] = h
		}
		return err
	}
	if err := add(model.EntityInstitution, 0); err != nil {
		return err
	}
	for id := model.ID(1); int(id) <= d.Counts.History; id++ {
		for _, e := range []model.Entity{model.EntityPartner, model.EntityAgreement} {
			if err := add(e, id); err != nil {
				return err
			}
		}
	}
	return nil
}
