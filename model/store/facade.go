package store

import (
	"errors"

	"github.com/partnerdesk/partnerdesk/model"
)

// The methods below run one Tx method in its own transaction. Records
// passed in are updated (ID, revision, timestamps) only when the save
// commits.

// Institution returns the institution's settings.
func (s *Store) Institution() (in model.Institution, err error) {
	err = s.View(func(t *Tx) error { in, err = t.Institution(); return err })
	return in, err
}

// SaveInstitution stores the institution's settings.
func (s *Store) SaveInstitution(in *model.Institution) error {
	return s.Update(func(t *Tx) error { return t.SaveInstitution(in) })
}

// Partner returns one partner.
func (s *Store) Partner(id model.ID) (p model.Partner, err error) {
	err = s.View(func(t *Tx) error { p, err = t.Partner(id); return err })
	return p, err
}

// Partners returns every partner.
func (s *Store) Partners() (list []model.Partner, err error) {
	err = s.View(func(t *Tx) error { list, err = t.Partners(); return err })
	return list, err
}

// SavePartner validates and stores a partner; see Tx.SavePartner.
func (s *Store) SavePartner(p *model.Partner) error {
	var c model.Partner
	if err := s.Update(func(t *Tx) error { c = *p; return t.SavePartner(&c) }); err != nil {
		return err
	}
	*p = c
	return nil
}

// DeletePartner deletes a partner that no agreement names.
func (s *Store) DeletePartner(id model.ID) error {
	return s.Update(func(t *Tx) error { return t.DeletePartner(id) })
}

// Agreement returns one agreement.
func (s *Store) Agreement(id model.ID) (a model.Agreement, err error) {
	err = s.View(func(t *Tx) error { a, err = t.Agreement(id); return err })
	return a, err
}

// AgreementByNumber returns the agreement with the given number.
func (s *Store) AgreementByNumber(number string) (a model.Agreement, err error) {
	err = s.View(func(t *Tx) error { a, err = t.AgreementByNumber(number); return err })
	return a, err
}

// ForEachAgreement calls fn with every agreement in ID order, decoding one
// at a time, in one read transaction (so the agreements are those of one
// moment), until fn returns an error. fn must not write to the store.
func (s *Store) ForEachAgreement(fn func(*model.Agreement) error) error {
	return s.View(func(t *Tx) error { return t.ForEachAgreement(fn) })
}

// Summaries returns every agreement's summary.
func (s *Store) Summaries() (list []model.Summary, err error) {
	err = s.View(func(t *Tx) error { list, err = t.Summaries(); return err })
	return list, err
}

// AgreementIDsOf returns the IDs of a partner's agreements.
func (s *Store) AgreementIDsOf(partner model.ID) (ids []model.ID, err error) {
	err = s.View(func(t *Tx) error { ids, err = t.AgreementIDsOf(partner); return err })
	return ids, err
}

// SaveAgreement validates and stores an agreement; see Tx.SaveAgreement.
func (s *Store) SaveAgreement(a *model.Agreement) error {
	var c model.Agreement
	if err := s.Update(func(t *Tx) error { c = *a; return t.SaveAgreement(&c) }); err != nil {
		return err
	}
	*a = c
	return nil
}

// DeleteAgreement deletes an agreement and its attachments.
func (s *Store) DeleteAgreement(id model.ID) error {
	return s.Update(func(t *Tx) error { return t.DeleteAgreement(id) })
}

// Renew stores successor as the renewal of the agreement oldID.
func (s *Store) Renew(oldID model.ID, successor *model.Agreement) error {
	var c model.Agreement
	if err := s.Update(func(t *Tx) error { c = *successor; return t.Renew(oldID, &c) }); err != nil {
		return err
	}
	*successor = c
	return nil
}

// AddAttachment stores a file with an agreement.
func (s *Store) AddAttachment(agreement model.ID, name, mimeType string, data []byte) (att model.Attachment, err error) {
	err = s.Update(func(t *Tx) error { att, err = t.AddAttachment(agreement, name, mimeType, data); return err })
	return att, err
}

// AttachmentData returns an attachment's bytes.
func (s *Store) AttachmentData(agreement, id model.ID) (data []byte, err error) {
	err = s.View(func(t *Tx) error { data, err = t.AttachmentData(agreement, id); return err })
	return data, err
}

// RemoveAttachment deletes an attachment.
func (s *Store) RemoveAttachment(agreement, id model.ID) error {
	return s.Update(func(t *Tx) error { return t.RemoveAttachment(agreement, id) })
}

// History returns the changes to one record, oldest first.
func (s *Store) History(entity model.Entity, id model.ID) (list []model.HistoryEntry, err error) {
	err = s.View(func(t *Tx) error { list, err = t.History(entity, id); return err })
	return list, err
}

// Counts returns how many records of each kind the store holds.
func (s *Store) Counts() (c Counts, err error) {
	err = s.View(func(t *Tx) error { c = t.Counts(); return nil })
	return c, err
}

// ListData reads what list screens need: the institution, every partner
// and every agreement summary. Partners and summaries are decoded at the
// same time in two read transactions (the file opens faster on two
// cores); each is a consistent snapshot.
func (s *Store) ListData() (model.Institution, []model.Partner, []model.Summary, error) {
	in, err := s.Institution()
	if err != nil {
		return in, nil, nil, err
	}
	var partners []model.Partner
	var perr error
	done := make(chan struct{})
	go func() {
		defer close(done)
		partners, perr = s.Partners()
	}()
	sums, serr := s.Summaries()
	<-done
	return in, partners, sums, errors.Join(perr, serr)
}
