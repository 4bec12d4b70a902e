package store

import (
	"fmt"

	"github.com/partnerdesk/partnerdesk/model"
)

// AddNew writes a set of new records (the demo data, a test fixture) into
// the store, which must hold no partners or agreements. The positions by
// which the set's records name each other become the IDs the store
// gives: renewals are saved as renewals, files attached, rounds linked
// to their agreements. Agreements are written in transactions of batch
// each (≤ 0: 2000), so tens of thousands need no huge transaction;
// progress, when not nil, is called after each. On an error the batches
// already committed stay.
func (s *Store) AddNew(set model.RecordSet, batch int, progress func(done, total int)) error {
	if c, err := s.Counts(); err != nil {
		return err
	} else if c.Partners > 0 || c.Agreements > 0 {
		return fmt.Errorf("the data file %s already holds %d partners and %d agreements: demo data goes into an empty file only", s.Path(), c.Partners, c.Agreements)
	}
	if batch <= 0 {
		batch = 2000
	}
	w := newWriter{set: &set, partnerIDs: make([]model.ID, len(set.Partners)), agreementIDs: make([]model.ID, len(set.Agreements)),
		attachments: map[int][]model.NewAttachment{}}
	for _, att := range set.Attachments {
		w.attachments[att.Agreement] = append(w.attachments[att.Agreement], att)
	}
	if err := s.Update(w.partners); err != nil {
		return err
	}
	for start := 0; start < len(set.Agreements); start += batch {
		end := min(start+batch, len(set.Agreements))
		if err := s.Update(func(tx *Tx) error { return w.agreements(tx, start, end) }); err != nil {
			return err
		}
		if progress != nil {
			progress(end, len(set.Agreements))
		}
	}
	return s.Update(w.rounds)
}

// newWriter writes one set of new records, remembering the IDs the store
// gave its partners and agreements.
type newWriter struct {
	set                      *model.RecordSet
	partnerIDs, agreementIDs []model.ID
	attachments              map[int][]model.NewAttachment // by agreement index
}

// partners writes the institution and the partners.
func (w *newWriter) partners(tx *Tx) error {
	in := w.set.Institution
	if err := tx.SaveInstitution(&in); err != nil {
		return err
	}
	for i := range w.set.Partners {
		p := w.set.Partners[i]
		if err := tx.SavePartner(&p); err != nil {
			return fmt.Errorf("new partner %d: %w", i+1, err)
		}
		w.partnerIDs[i] = p.ID
	}
	return nil
}

// agreements writes the agreements from start up to end, renewals as
// renewals, each followed by its attachments.
func (w *newWriter) agreements(tx *Tx, start, end int) error {
	for i := start; i < end; i++ {
		a := w.set.Agreements[i]
		a.MapPartners(func(pos model.ID) model.ID { return w.partnerIDs[pos-1] })
		var err error
		if r := w.set.RenewsOf(i); r >= 0 {
			err = tx.Renew(w.agreementIDs[r], &a)
		} else {
			err = tx.SaveAgreement(&a)
		}
		if err != nil {
			return fmt.Errorf("new agreement %s: %w", a.Number, err)
		}
		w.agreementIDs[i] = a.ID
		for _, att := range w.attachments[i] {
			if _, err := tx.AddAttachment(a.ID, att.Name, att.MIMEType, att.Data); err != nil {
				return err
			}
		}
	}
	return nil
}

// rounds writes the diagnostic rounds, their agreements by stored ID.
func (w *newWriter) rounds(tx *Tx) error {
	for i := range w.set.Rounds {
		r := w.set.Rounds[i]
		r.AgreementIDs = append([]model.ID(nil), r.AgreementIDs...)
		for j, pos := range r.AgreementIDs {
			r.AgreementIDs[j] = w.agreementIDs[pos-1]
		}
		if err := tx.SaveRound(&r); err != nil {
			return fmt.Errorf("new round %q: %w", r.Title, err)
		}
	}
	return nil
}
