package store

import (
	"encoding/json"
	"errors"
	"fmt"

	"github.com/partnerdesk/partnerdesk/model"
)

// MoveReport says what MoveFile did or would do.
type MoveReport struct {
	Partners, Agreements, Attachments, History int
	// Linked are the file's partners whose tax ID the server already has:
	// their agreements name the server's partner instead.
	Linked []PartnerLink
	// Clashes are the file's agreement numbers already used where numbers
	// must be unique; any clash stops the move.
	Clashes []NumberClash
	// Moved is true when the records were written (not a trial, no clash).
	Moved bool
}

// PartnerLink pairs a file's partner with the server's partner of the
// same tax ID.
type PartnerLink struct {
	Country, TaxID       string
	FileName, ServerName string
	ServerID             model.ID
}

// NumberClash is a file's agreement number already used on the server.
type NumberClash struct {
	Number           string
	ServerID         model.ID
	ServerDepartment string
}

// ErrClashes: the move was refused because agreement numbers clash.
var ErrClashes = errors.New("agreement numbers clash with the server's")

// errTrialMove rolls a trial move back.
var errTrialMove = errors.New("trial move")

// fileData is everything of a data file that moves.
type fileData struct {
	partners    []model.Partner
	agreements  []model.Agreement
	attachments map[model.ID][]byte
	history     []model.HistoryEntry
}

func readFile(src *Store) (*fileData, error) {
	d := &fileData{attachments: map[model.ID][]byte{}}
	err := src.View(func(t *Tx) error {
		var err error
		if d.partners, err = t.Partners(); err != nil {
			return err
		}
		if err := t.ForEachAgreement(func(a *model.Agreement) error {
			d.agreements = append(d.agreements, *a)
			for _, att := range a.Attachments {
				data, err := t.AttachmentData(a.ID, att.ID)
				if err != nil {
					return err
				}
				d.attachments[att.ID] = data
			}
			return nil
		}); err != nil {
			return err
		}
		return t.kv.scan(bucketHistory, nil, func(_, v []byte) error {
			var e model.HistoryEntry
			if err := json.Unmarshal(v, &e); err != nil {
				return err
			}
			if e.Entity != model.EntityInstitution {
				d.history = append(d.history, e)
			}
			return nil
		})
	})
	return d, err
}

// MoveFile moves a department's data file into the server store dst, as
// the department dept ("" for the server's default department), in one
// transaction: all of it or, on any error or number clash, none of it.
// Records keep their contents, revisions, dates and history (with new
// IDs); partners whose tax ID the server already has are linked to the
// server's partner. With trial set nothing is written, and the report
// says what would happen.
func MoveFile(src, dst *Store, dept string, trial bool) (*MoveReport, error) {
	if dst.ses == nil {
		return nil, errors.New("the destination is not a server")
	}
	d, err := readFile(src)
	if err != nil {
		return nil, fmt.Errorf("reading %s: %w", src.Path(), err)
	}
	var rep *MoveReport
	err = dst.Update(func(t *Tx) error {
		rep = &MoveReport{}
		if err := t.mayChange(dept); err != nil {
			return err
		}
		m := &mover{t: t, d: d, rep: rep, dept: t.canonDept(dept), partners: map[model.ID]model.ID{}, agreements: map[model.ID]model.ID{}}
		if err := m.move(); err != nil {
			return err
		}
		if len(rep.Clashes) > 0 {
			return ErrClashes
		}
		if trial {
			return errTrialMove
		}
		return nil
	})
	switch {
	case errors.Is(err, errTrialMove):
		return rep, nil
	case err != nil:
		return rep, err
	}
	rep.Moved = true
	return rep, nil
}

type mover struct {
	t                    *Tx
	d                    *fileData
	rep                  *MoveReport
	dept                 string
	partners, agreements map[model.ID]model.ID
}

func (m *mover) move() error {
	if pk, ok := m.t.kv.(*pgTx); ok {
		pk.adopt = true
		defer func() { pk.adopt = false }()
	}
	m.linkPartners()
	for _, a := range m.d.agreements {
		if raw := m.t.indexedNumber(m.t.numberKey(m.dept, a.Number)); raw != nil {
			other, _ := m.t.Agreement(model.ID(fromU64(raw)))
			m.rep.Clashes = append(m.rep.Clashes, NumberClash{Number: a.Number, ServerID: other.ID, ServerDepartment: other.Department})
		}
	}
	if len(m.rep.Clashes) > 0 {
		return nil
	}
	if err := m.movePartners(); err != nil {
		return err
	}
	for _, a := range m.d.agreements {
		id, err := m.t.kv.nextSeq(bucketAgreements)
		if err != nil {
			return err
		}
		m.agreements[a.ID] = model.ID(id)
	}
	for i := range m.d.agreements {
		if err := m.moveAgreement(m.d.agreements[i]); err != nil {
			return fmt.Errorf("agreement %s: %w", m.d.agreements[i].Number, err)
		}
	}
	return m.moveHistory()
}

// linkPartners pairs the file's partners with the server's of the same
// tax ID.
func (m *mover) linkPartners() {
	for _, p := range m.d.partners {
		if p.TaxID == "" {
			continue
		}
		if have, err := m.t.PartnerByTaxID(p.Country, p.TaxID); err == nil {
			m.partners[p.ID] = have.ID
			m.rep.Linked = append(m.rep.Linked, PartnerLink{Country: p.Country, TaxID: p.TaxID, FileName: p.Name, ServerName: have.Name, ServerID: have.ID})
		}
	}
}

func (m *mover) movePartners() error {
	for _, p := range m.d.partners {
		if m.partners[p.ID] != 0 {
			continue // linked
		}
		id, err := m.t.kv.nextSeq(bucketPartners)
		if err != nil {
			return err
		}
		m.partners[p.ID] = model.ID(id)
		p.ID = model.ID(id)
		if err := m.t.putJSON(bucketPartners, u64(id), &p); err != nil {
			return fmt.Errorf("partner %s: %w", p.Name, err)
		}
		m.rep.Partners++
	}
	return nil
}

func (m *mover) moveAgreement(a model.Agreement) error {
	a.ID, a.Department = m.agreements[a.ID], m.dept
	a.PredecessorID, a.SuccessorID = m.agreements[a.PredecessorID], m.agreements[a.SuccessorID]
	a.MapPartners(func(id model.ID) model.ID { return m.partners[id] })
	for i, att := range a.Attachments {
		seq, err := m.t.kv.nextSeq(bucketAttachments)
		if err != nil {
			return err
		}
		if err := m.t.kv.put(bucketAttachments, u64(seq), m.d.attachments[att.ID]); err != nil {
			return err
		}
		a.Attachments[i].ID = model.ID(seq)
		m.rep.Attachments++
	}
	if err := m.t.writeAgreement(&a, &model.Agreement{}); err != nil {
		return err
	}
	m.rep.Agreements++
	return nil
}

func (m *mover) moveHistory() error {
	for _, e := range m.d.history {
		switch e.Entity {
		case model.EntityPartner:
			e.EntityID = m.partners[e.EntityID]
		case model.EntityAgreement:
			e.EntityID = m.agreements[e.EntityID]
		}
		if e.EntityID == 0 {
			continue // a deleted record's history stays behind
		}
		seq, err := m.t.kv.nextSeq(bucketHistory)
		if err != nil {
			return err
		}
		if err := m.t.putJSON(bucketHistory, historyKey(e.Entity, e.EntityID, seq), &e); err != nil {
			return err
		}
		m.rep.History++
	}
	return nil
}
