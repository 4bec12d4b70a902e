package interchange

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"strconv"

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

	names    *nameIndex
	partners []*PartnerRecord // the file's, then those created from rows
	pids     []model.ID       // stored ID per entry of partners; 0 if none
	numbers  map[string]int   // normalised number → index of the first agreement with it
	saved    []*model.Agreement
}

func newEngine(ctx context.Context, tx *store.Tx, d *Dataset, mode Mode, given *Plan, progress func(done, total int)) *engine {
	out := &Plan{Mode: mode, Source: d.Source, Institution: ActionUnchanged, data: d}
	out.Problems = append(out.Problems, d.Problems...)
	return &engine{
		ctx: ctx, tx: tx, d: d, mode: mode, given: given, out: out, progress: progress,
		total:    len(d.Partners) + 2*len(d.Agreements),
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
	if e.progress != nil {
		e.progress(e.total, e.total)
	}
	return nil
}

// problem records a problem in a trial; applying, the plan has it already.
func (e *engine) problem(p Problem) {
	if e.trial() {
		e.out.Problems = append(e.out.Problems, p)
	}
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
	if list == &e.out.Partners {
		planned = e.given.Partners
	} else {
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
	cur, found, prob := e.names.storePartner(e.tx, p.TaxID, p.Country, p.Name)
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
	var merged []byte
	switch {
	case !found:
		it.Action = ActionAdd
	case e.mode == ModeImport:
		it.Action, it.ID = ActionUseExisting, cur.ID
	default:
		var err error
		it.ID = cur.ID
		if merged, it.Fields, it.Conflicts, err = diff(&cur, &p, false); err != nil {
			return err
		}
		it.Action = mergeAction(it)
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

// agreement plans and saves the i-th agreement of the file. It is checked
// in full (validation, number, partners, parties) before any partner it
// brings is created, so a rejected row leaves nothing behind.
func (e *engine) agreement(i int) error {
	rec := e.d.Agreements[i]
	a := cloneAgreement(rec.Agreement)
	it := Item{Label: a.Number, Loc: rec.Origin.Locate("number")}
	if !e.trial() && i < len(e.given.Agreements) && e.given.Agreements[i].Action == ActionSkip {
		it.Action = ActionSkip
		_, _, err := e.decide(&e.out.Agreements, it)
		return err
	}
	r, ok := resolved{}, !rec.Bad && e.checkNumber(i, rec)
	if ok {
		r, ok = e.resolve(rec, &a)
	}
	if ok {
		ok = e.check(rec, &a)
	}
	if !ok {
		it.Action = ActionSkip
		_, _, err := e.decide(&e.out.Agreements, it)
		return err
	}
	cur, err := e.tx.AgreementByNumber(a.Number)
	found := err == nil
	if err != nil && !errors.Is(err, store.ErrNotFound) {
		return err
	}
	var merged []byte
	switch {
	case !found:
		it.Action = ActionAdd
	case e.mode == ModeImport:
		e.problem(Problem{Loc: rec.Origin.Locate("number"), Value: Shorten(a.Number), Key: "err.number_taken"})
		it.Action = ActionSkip
	default:
		it.ID = cur.ID
		if merged, it.Fields, it.Conflicts, err = diff(&cur, &a, false); err != nil {
			return err
		}
		it.Action = mergeAction(it)
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
