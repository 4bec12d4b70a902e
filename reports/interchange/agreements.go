package interchange

import (
	"encoding/json"
	"errors"
	"strconv"
	"strings"

	"github.com/partnerdesk/partnerdesk/model"
	"github.com/partnerdesk/partnerdesk/model/store"
)

// agreement plans and saves the i-th agreement of the file. It is checked
// in full (validation, number, partners, parties) before any partner it
// brings is created, so a rejected row leaves nothing behind.
func (e *engine) agreement(i int) error {
	rec := e.d.Agreements[i]
	a := cloneAgreement(rec.Agreement)
	it := Item{Label: a.Number, Loc: rec.Origin.Locate("number")}
	if e.skipGiven(i) {
		it.Action = ActionSkip
		_, _, err := e.decide(&e.out.Agreements, it)
		return err
	}
	// Every check runs, so that one preview lists every problem of the row.
	numOK := e.checkNumber(i, rec)
	r, refsOK := e.resolve(rec, &a)
	if !refsOK {
		standIns(rec, &a)
	}
	valOK := e.check(rec, &a)
	ok := !rec.Bad && numOK && refsOK && valOK
	if !ok {
		it.Action = ActionSkip
		_, _, err := e.decide(&e.out.Agreements, it)
		return err
	}
	cur, merged, err := e.plan(rec, &a, &it)
	if err != nil {
		return err
	}
	it, ok, err = e.decide(&e.out.Agreements, it)
	if !ok || err != nil {
		return err
	}
	if err := e.create(r, rec, &a); errors.Is(err, errSkip) {
		skipLast(e.out.Agreements)
		return nil
	} else if err != nil {
		return err
	}
	if rec.Attachments > 0 && e.trial() && it.Action == ActionAdd {
		e.problem(Problem{Loc: rec.Origin.Locate("attachments"), Key: "xlsx.warn.attachments", Args: map[string]string{"Count": strconv.Itoa(rec.Attachments)}, Warning: true})
	}
	return e.saveAgreement(i, it, cur, a, merged)
}

// skipGiven says whether the user chose to skip the i-th agreement when
// the plan was shown (never during the trial that makes the plan).
func (e *engine) skipGiven(i int) bool {
	return !e.trial() && i < len(e.given.Agreements) && e.given.Agreements[i].Action == ActionSkip
}

// plan decides what becomes of an agreement: added when its number is
// new, skipped when an import meets a number taken, merged into the stored
// agreement cur otherwise (merged is the result).
func (e *engine) plan(rec *AgreementRecord, a *model.Agreement, it *Item) (cur model.Agreement, merged []byte, err error) {
	cur, err = e.tx.AgreementByNumber(a.Number)
	found := err == nil
	if err != nil && !errors.Is(err, store.ErrNotFound) {
		return cur, nil, err
	}
	switch {
	case !found:
		it.Action = ActionAdd
	case e.mode == ModeImport:
		e.problem(Problem{Loc: rec.Origin.Locate("number"), Value: Shorten(a.Number), Key: "err.number_taken"})
		it.Action = ActionSkip
	default:
		it.ID = cur.ID
		if merged, it.Fields, it.Conflicts, err = diff(&cur, a, false); err != nil {
			return cur, nil, err
		}
		it.Action = mergeAction(*it)
	}
	return cur, merged, nil
}

// standIns gives an agreement whose partners could not be resolved
// stand-in partners and parties, so that validating it finds the rest of
// its problems and none that only follow from its partners'.
func standIns(rec *AgreementRecord, a *model.Agreement) {
	a.PartnerIDs = nil
	for j := range rec.Partners {
		a.PartnerIDs = append(a.PartnerIDs, fakeBase+model.ID(1<<20+j))
	}
	a.MapParties(func(p model.Party) model.Party {
		if i, ok := refIndex(p); ok && i >= 0 && i < len(a.PartnerIDs) {
			return model.PartnerParty(a.PartnerIDs[i])
		} else if strings.HasPrefix(string(p), "text:") || ok {
			return model.PartyInstitution
		}
		return p
	})
}

// errSkip says a record is skipped for problems already recorded.
var errSkip = errors.New("skipped")

// check validates an agreement as the store will, before anything of it
// is saved.
func (e *engine) check(rec *AgreementRecord, a *model.Agreement) bool {
	err := a.Validate(e.tx.Today())
	if err == nil {
		return true
	}
	if ferr := e.failed(err, rec.Origin); ferr != nil {
		return false
	}
	return false
}

func (e *engine) saveAgreement(i int, it Item, cur, a model.Agreement, merged []byte) error {
	rec := e.d.Agreements[i]
	switch it.Action {
	case ActionUnchanged:
		e.saved[i] = &cur
		return nil
	case ActionAdd:
		a.ID, a.Rev, a.PredecessorID, a.SuccessorID = 0, 0, 0, 0
	default:
		if it.TakeTheirs {
			var err error
			if merged, _, _, err = diff(&cur, &a, true); err != nil {
				return err
			}
		}
		if !it.TakeTheirs && len(it.Fields) == 0 {
			e.saved[i] = &cur
			return nil
		}
		out := cur
		clearLists(&out)
		if err := json.Unmarshal(merged, &out); err != nil {
			return err
		}
		out.ID, out.Rev = cur.ID, cur.Rev
		a = out
	}
	if err := e.tx.SaveAgreement(&a); err != nil {
		skipLast(e.out.Agreements)
		return e.failed(err, rec.Origin)
	}
	e.saved[i] = &a
	return nil
}

// clearLists empties the list fields that a merged JSON record replaces,
// so json.Unmarshal does not merge old elements into new ones.
func clearLists(a *model.Agreement) {
	a.PartnerIDs, a.Levels, a.Forms, a.Programmes = nil, nil, nil, nil
	a.Resources, a.Coordinators, a.Responsibilities = nil, nil, nil
	a.Principles, a.Outcomes = nil, nil
}

// checkNumber reports a number that an earlier agreement of the file has.
func (e *engine) checkNumber(i int, rec *AgreementRecord) bool {
	key := model.NormalizeNumber(rec.Agreement.Number)
	if key == "" {
		return true // validation reports it
	}
	first, dup := e.numbers[key]
	if !dup {
		e.numbers[key] = i
		return true
	}
	other := e.d.Agreements[first].Origin.Locate("number")
	e.problem(Problem{Loc: rec.Origin.Locate("number"), Value: Shorten(rec.Agreement.Number), Key: "xlsx.err.dup_number",
		Args: map[string]string{"Where": other.String()}})
	return false
}

// links sets the renewal links of the i-th agreement once every agreement
// is saved: each is filled in only where the data file has none.
func (e *engine) links(i int) error {
	rec, a := e.d.Agreements[i], e.saved[i]
	if a == nil || (rec.Renews == "" && rec.RenewedBy == "") {
		return nil
	}
	c := *a
	pred, okP := e.linkID(rec.Renews, rec.Origin.Locate("predecessor_id"), a.ID)
	succ, okS := e.linkID(rec.RenewedBy, rec.Origin.Locate("successor_id"), a.ID)
	if okP && c.PredecessorID == 0 {
		c.PredecessorID = pred
	}
	if okS && c.SuccessorID == 0 {
		c.SuccessorID = succ
	}
	if c.PredecessorID == a.PredecessorID && c.SuccessorID == a.SuccessorID {
		return nil
	}
	if err := e.tx.SaveAgreement(&c); err != nil {
		return e.failed(err, rec.Origin)
	}
	e.saved[i] = &c
	return nil
}

func (e *engine) linkID(number string, loc Loc, self model.ID) (model.ID, bool) {
	if number == "" {
		return 0, false
	}
	a, err := e.tx.AgreementByNumber(number)
	if err != nil || a.ID == self {
		e.problem(Problem{Loc: loc, Value: Shorten(number), Key: "xlsx.warn.link_missing", Warning: true})
		return 0, false
	}
	return a.ID, true
}

// cloneAgreement copies the lists that resolving parties rewrites.
func cloneAgreement(a model.Agreement) model.Agreement {
	a.Responsibilities = append([]model.Responsibility(nil), a.Responsibilities...)
	a.Resources = append([]model.Resource(nil), a.Resources...)
	a.Coordinators = append([]model.Coordinator(nil), a.Coordinators...)
	a.PartnerIDs = nil
	return a
}
