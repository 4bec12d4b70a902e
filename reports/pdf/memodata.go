package pdf

import (
	"fmt"
	"slices"

	"github.com/partnerdesk/partnerdesk/model"
)

// MemoData is everything a memorandum is printed from.
type MemoData struct {
	Institution model.Institution
	Agreement   model.Agreement
	// Partners are the agreement's partners, in the order of its
	// PartnerIDs.
	Partners []model.Partner
}

// NewMemoData collects from tx what the memorandum of a needs: the
// institution and a's partners. a need not be saved (the editor prints
// what is on screen).
func NewMemoData(tx Reader, a model.Agreement) (MemoData, error) {
	in, err := tx.Institution()
	if err != nil {
		return MemoData{}, err
	}
	d := MemoData{Institution: in, Agreement: a}
	for _, id := range a.PartnerIDs {
		p, err := tx.Partner(id)
		if err != nil {
			return MemoData{}, fmt.Errorf("partner %s of agreement %s: %w", id, a.Number, err)
		}
		d.Partners = append(d.Partners, p)
	}
	return d, nil
}

// LoadMemo reads the agreement with the given number and what its
// memorandum needs.
func LoadMemo(tx Reader, number string) (MemoData, error) {
	a, err := tx.AgreementByNumber(number)
	if err != nil {
		return MemoData{}, fmt.Errorf("agreement %q: %w", number, err)
	}
	return NewMemoData(tx, a)
}

// LoadMemoByID reads the agreement with the given ID and what its
// memorandum needs.
func LoadMemoByID(tx Reader, id model.ID) (MemoData, error) {
	a, err := tx.Agreement(id)
	if err != nil {
		return MemoData{}, fmt.Errorf("agreement %s: %w", id, err)
	}
	return NewMemoData(tx, a)
}

// partnerMap indexes the partners by ID.
func (d *MemoData) partnerMap() map[model.ID]*model.Partner {
	m := make(map[model.ID]*model.Partner, len(d.Partners))
	for i := range d.Partners {
		m[d.Partners[i].ID] = &d.Partners[i]
	}
	return m
}

// parties lists who owes obligations or brings resources, in the order
// the memorandum groups them: the institution, each partner, the parties
// jointly, then any other party codes in the order they appear.
func (d *MemoData) parties(used []model.Party) []model.Party {
	order := []model.Party{model.PartyInstitution}
	for _, p := range d.Partners {
		order = append(order, model.PartnerParty(p.ID))
	}
	order = append(order, model.PartyJoint)
	for _, u := range used {
		if !slices.Contains(order, u) {
			order = append(order, u)
		}
	}
	var out []model.Party
	for _, p := range order {
		if slices.Contains(used, p) {
			out = append(out, p)
		}
	}
	return out
}
