package interchange

import (
	"context"
	"encoding/json"
	"fmt"

	"github.com/partnerdesk/partnerdesk/model"
	"github.com/partnerdesk/partnerdesk/model/store"
)

// engine runs a plan inside one write transaction. Without a given plan it
// is a trial: it tries every save, records what happened in out and turns
// failures into problems (the caller rolls the transaction back). With a
// plan it applies it: it skips what the plan skips, checks that every
// other record still meets the data file as planned, and stops at the
// first error.
type engine struct {
	ctx      context.Context
	tx       *store.Tx
	d        *Dataset
	mode     Mode
	given    *Plan // nil in a trial
	out      *Plan
	progress func(done, total int)
	done     int
	total    int

	blamed   map[Loc]bool      // cells with an error already listed
	rejected map[string]bool   // normalised names whose match the user rejected
	created  map[model.ID]bool // partners this run created from rows
	matched  map[string]bool   // matches listed: name|ID
	// partyNames caches the normalised party texts.
	partyNames map[string]string
	// namesOf caches the normalised names of the partners that parties
	// are matched against (see containsName).
	namesOf  map[*model.Partner]*partnerNameSet
	names    *nameIndex
	partners []*PartnerRecord // the file's, then those created from rows
	pids     []model.ID       // stored ID per entry of partners; 0 if none
	numbers  map[string]int   // normalised number → index of the first agreement with it
	saved    []*model.Agreement
}

func newEngine(ctx context.Context, tx *store.Tx, d *Dataset, mode Mode, given *Plan, progress func(done, total int)) *engine {
	out := &Plan{Mode: mode, Source: d.Source, Institution: ActionUnchanged, data: d}
	out.Problems = append(out.Problems, d.Problems...)
	blamed := map[Loc]bool{}
	for _, p := range d.Problems {
		if !p.Warning && p.Column != "" {
			blamed[p.Loc] = true
		}
	}
	rejected := map[string]bool{}
	for _, n := range d.Rejected {
		rejected[normName(n)] = true
	}
	return &engine{blamed: blamed, rejected: rejected, created: map[model.ID]bool{}, matched: map[string]bool{}, partyNames: map[string]string{}, namesOf: map[*model.Partner]*partnerNameSet{},
		ctx: ctx, tx: tx, d: d, mode: mode, given: given, out: out, progress: progress,
		total:    len(d.Partners) + 2*len(d.Agreements) + len(d.Rounds),
		partners: append([]*PartnerRecord(nil), d.Partners...),
		numbers:  map[string]int{},
		saved:    make([]*model.Agreement, len(d.Agreements)),
	}
}

func (e *engine) trial() bool { return e.given == nil }

func (e *engine) step() error {
	e.done++
	if e.progress != nil && (e.done%64 == 0 || e.done == e.total) {
		e.progress(e.done, e.total)
	}
	return e.ctx.Err()
}

func (e *engine) run() error {
	var err error
	if e.names, err = loadNames(e.tx, e.d); err != nil {
		return err
	}
	if err := e.institution(); err != nil {
		return err
	}
	for i := range e.d.Partners {
		if err := e.partner(i); err != nil {
			return err
		}
		if err := e.step(); err != nil {
			return err
		}
	}
	for i := range e.d.Agreements {
		if err := e.agreement(i); err != nil {
			return err
		}
		if err := e.step(); err != nil {
			return err
		}
	}
	for i := range e.d.Agreements {
		if err := e.links(i); err != nil {
			return err
		}
		if err := e.step(); err != nil {
			return err
		}
	}
	if err := e.rounds(); err != nil {
		return err
	}
	if e.progress != nil {
		e.progress(e.total, e.total)
	}
	return nil
}

// problem records a problem in a trial; applying, the plan has it already.
// A cell already blamed for an error is not blamed again: the first
// problem found there is the one to fix.
func (e *engine) problem(p Problem) {
	if !e.trial() {
		return
	}
	if !p.Warning && p.Column != "" {
		if e.blamed[p.Loc] {
			return
		}
		e.blamed[p.Loc] = true
	}
	e.out.Problems = append(e.out.Problems, p)
}

// failed turns a save error into problems located through origin (trial)
// or returns it (apply). Errors other than validation stop both.
func (e *engine) failed(err error, origin Origin) error {
	v, ok := model.AsValidation(err)
	if !e.trial() || !ok {
		return fmt.Errorf("nothing was imported: %w", err)
	}
	for _, fe := range v {
		p := Problem{Loc: origin.Locate(fe.Field), Key: fe.Key, Args: fe.Args}
		if p.Column == "" && p.Path == "" {
			p.Path = fe.Field // a field the file has no column for
		}
		e.problem(p)
	}
	return nil
}

// decide records the planned item, or, applying, checks it against the
// given plan. It returns false when the item is to be skipped.
func (e *engine) decide(list *[]Item, it Item) (Item, bool, error) {
	if e.trial() {
		*list = append(*list, it)
		return it, it.Action != ActionSkip, nil
	}
	idx := len(*list)
	var planned []Item
	switch list {
	case &e.out.Partners:
		planned = e.given.Partners
	case &e.out.Rounds:
		planned = e.given.Rounds
	default:
		planned = e.given.Agreements
	}
	if idx >= len(planned) {
		return it, false, ErrChanged
	}
	want := planned[idx]
	if want.Action == ActionSkip {
		it.Action = ActionSkip
		*list = append(*list, it)
		return it, false, nil
	}
	if want.Action != it.Action || want.ID != it.ID || want.Label != it.Label {
		return it, false, ErrChanged
	}
	it.TakeTheirs = want.TakeTheirs
	*list = append(*list, it)
	return it, true, nil
}

// skipLast marks the last item of list as skipped (after a failed save in
// a trial).
func skipLast(list []Item) {
	list[len(list)-1].Action = ActionSkip
}

func (e *engine) institution() error {
	if e.d.Institution == nil {
		return nil
	}
	cur, err := e.tx.Institution()
	if err != nil || !cur.IsZero() {
		return err
	}
	in := *e.d.Institution
	if err := e.tx.SaveInstitution(&in); err != nil {
		return e.failed(err, institutionOrigin())
	}
	e.out.Institution = ActionAdd
	return nil
}

// storedPartner finds the i-th partner of e.partners in the data file,
// unless it was created from a row whose match the user rejected.
func (e *engine) storedPartner(i int, p model.Partner) (model.Partner, bool, *Problem) {
	if i >= len(e.d.Partners) && e.rejected[normName(p.Name)] && p.TaxID == "" {
		return model.Partner{}, false, nil // a new partner, by the user's word
	}
	return e.names.storePartner(e.tx, p.TaxID, p.Country, p.Name)
}

// planPartner decides what becomes of partner p: added when no stored
// partner cur was found, used as it is by an import, merged into cur
// otherwise (merged is the result).
func (e *engine) planPartner(cur model.Partner, found bool, p *model.Partner, it *Item) (merged []byte, err error) {
	switch {
	case !found:
		it.Action = ActionAdd
	case e.mode == ModeImport:
		it.Action, it.ID = ActionUseExisting, cur.ID
	default:
		it.ID = cur.ID
		if merged, it.Fields, it.Conflicts, err = diff(&cur, p, false); err != nil {
			return nil, err
		}
		it.Action = mergeAction(*it)
	}
	return merged, nil
}

// partner plans and saves the i-th partner of e.partners.
func (e *engine) partner(i int) error {
	rec := e.partners[i]
	p := rec.Partner
	p.TaxID = model.NormalizeTaxID(p.Country, p.TaxID)
	it := Item{Label: p.Name, Loc: rec.Origin.Locate("")}
	e.pids = append(e.pids, 0)
	if rec.Bad {
		it.Action = ActionSkip
		_, _, err := e.decide(&e.out.Partners, it)
		return err
	}
	cur, found, prob := e.storedPartner(i, p)
	if prob != nil {
		prob.Loc = rec.Origin.Locate("name")
		if prob.Key == "xlsx.err.dup_partner" {
			prob.Loc = rec.Origin.Locate("tax_id")
		}
		e.problem(*prob)
		it.Action = ActionSkip
		_, _, err := e.decide(&e.out.Partners, it)
		return err
	}
	merged, err := e.planPartner(cur, found, &p, &it)
	if err != nil {
		return err
	}
	it, ok, err := e.decide(&e.out.Partners, it)
	if !ok || err != nil {
		return err
	}
	switch it.Action {
	case ActionUseExisting, ActionUnchanged:
		e.pids[i] = cur.ID
		return nil
	case ActionAdd:
		p.ID, p.Rev = 0, 0
	default:
		if p, err = e.mergedPartner(cur, p, merged, it.TakeTheirs); err != nil {
			return err
		}
		if !it.TakeTheirs && len(it.Fields) == 0 {
			e.pids[i] = cur.ID
			return nil
		}
	}
	if err := e.tx.SavePartner(&p); err != nil {
		skipLast(e.out.Partners)
		return e.failed(err, rec.Origin)
	}
	e.pids[i] = p.ID
	e.names.add(p)
	if i < len(e.d.Partners) {
		e.names.fresh[p.ID] = rec.Origin.Locate("").String()
	}
	return nil
}

func mergeAction(it Item) Action {
	switch {
	case len(it.Conflicts) > 0:
		return ActionConflict
	case len(it.Fields) > 0:
		return ActionUpdate
	}
	return ActionUnchanged
}

func (e *engine) mergedPartner(cur, theirs model.Partner, merged []byte, takeTheirs bool) (model.Partner, error) {
	if takeTheirs {
		var err error
		if merged, _, _, err = diff(&cur, &theirs, true); err != nil {
			return cur, err
		}
	}
	out := cur
	out.Contacts, out.Tags = nil, nil
	if err := json.Unmarshal(merged, &out); err != nil {
		return cur, err
	}
	out.ID, out.Rev = cur.ID, cur.Rev
	return out, nil
}
