package demo

import (
	"fmt"

	"github.com/partnerdesk/partnerdesk/model"
	"github.com/partnerdesk/partnerdesk/model/store"
)

// Load writes d into s, which must hold no partners or agreements. Records
// are written in transactions of batch agreements each (whole data sets of
// tens of thousands do not need one huge transaction); progress, when not
// nil, is called after each. On an error the batches already committed
// stay.
func Load(s *store.Store, d Data, batch int, progress func(done, total int)) error {
	if c, err := s.Counts(); err != nil {
		return err
	} else if c.Partners > 0 || c.Agreements > 0 {
		return fmt.Errorf("the data file %s already holds %d partners and %d agreements: demo data goes into an empty file only", s.Path(), c.Partners, c.Agreements)
	}
	if batch <= 0 {
		batch = 2000
	}
	l := loader{d: d, partnerIDs: make([]model.ID, len(d.Partners)), agreementIDs: make([]model.ID, len(d.Agreements))}
	if err := s.Update(l.partners); err != nil {
		return err
	}
	for start := 0; start < len(d.Agreements); start += batch {
		end := min(start+batch, len(d.Agreements))
		if err := s.Update(func(tx *store.Tx) error { return l.agreements(tx, start, end) }); err != nil {
			return err
		}
		if progress != nil {
			progress(end, len(d.Agreements))
		}
	}
	return s.Update(l.rounds)
}

// loader writes one data set, remembering the IDs the store gave its
// partners and agreements.
type loader struct {
	d                        Data
	partnerIDs, agreementIDs []model.ID
}

// partners writes the institution and the partners.
func (l *loader) partners(tx *store.Tx) error {
	in := l.d.Institution
	if err := tx.SaveInstitution(&in); err != nil {
		return err
	}
	for i := range l.d.Partners {
		p := l.d.Partners[i]
		if err := tx.SavePartner(&p); err != nil {
			return fmt.Errorf("demo partner %d: %w", i+1, err)
		}
		l.partnerIDs[i] = p.ID
	}
	return nil
}

// agreements writes the agreements from start up to end, renewals as
// renewals, with a scan attached to every tenth.
func (l *loader) agreements(tx *store.Tx, start, end int) error {
	for i := start; i < end; i++ {
		a := remap(l.d.Agreements[i], l.partnerIDs)
		var err error
		if r := l.d.Renews[i]; r >= 0 {
			err = tx.Renew(l.agreementIDs[r], &a)
		} else {
			err = tx.SaveAgreement(&a)
		}
		if err != nil {
			return fmt.Errorf("demo agreement %s: %w", a.Number, err)
		}
		l.agreementIDs[i] = a.ID
		if i%10 == 3 {
			if _, err := tx.AddAttachment(a.ID, "Скан подписанного экземпляра.txt", "text/plain", []byte("Демонстрационное вложение: здесь был бы скан договора "+a.Number)); err != nil {
				return err
			}
		}
	}
	return nil
}

// rounds writes the diagnostic rounds, their agreements by stored ID.
func (l *loader) rounds(tx *store.Tx) error {
	for i := range l.d.Rounds {
		r := l.d.Rounds[i]
		r.AgreementIDs = append([]model.ID(nil), r.AgreementIDs...)
		for j, pos := range r.AgreementIDs {
			r.AgreementIDs[j] = l.agreementIDs[pos-1]
		}
		if err := tx.SaveRound(&r); err != nil {
			return fmt.Errorf("demo round %q: %w", r.Title, err)
		}
	}
	return nil
}

// remap turns the 1-based partner positions of a generated agreement into
// the partners' stored IDs.
func remap(a model.Agreement, ids []model.ID) model.Agreement {
	a.PartnerIDs = append([]model.ID(nil), a.PartnerIDs...)
	for i, p := range a.PartnerIDs {
		a.PartnerIDs[i] = ids[p-1]
	}
	party := func(p model.Party) model.Party {
		if n, ok := p.PartnerID(); ok {
			return model.PartnerParty(ids[n-1])
		}
		return p
	}
	a.Responsibilities = append([]model.Responsibility(nil), a.Responsibilities...)
	a.Resources = append([]model.Resource(nil), a.Resources...)
	a.Coordinators = append([]model.Coordinator(nil), a.Coordinators...)
	a.MapParties(party)
	return a
}
