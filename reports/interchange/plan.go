package interchange

import (
	"context"
	"errors"
	"fmt"

	"github.com/partnerdesk/partnerdesk/assets"
	"github.com/partnerdesk/partnerdesk/model"
	"github.com/partnerdesk/partnerdesk/model/store"
)

// Mode says how a Dataset meets the data file.
type Mode int

const (
	// ModeImport adds the file's agreements: a number already in the data
	// file is a problem, and partners already there are used as they are.
	ModeImport Mode = iota
	// ModeMerge adds what is new, fills in what the data file lacks and
	// lists conflicts where both hold different values.
	ModeMerge
)

// Action is what applying a plan does with one record.
type Action string

// Plan actions.
const (
	ActionAdd         Action = "add"          // a new record
	ActionUpdate      Action = "update"       // fields filled in from the file
	ActionUnchanged   Action = "unchanged"    // already there as in the file
	ActionConflict    Action = "conflict"     // differs: see Conflicts and TakeTheirs
	ActionUseExisting Action = "use_existing" // import: the partner is already in the data file
	ActionSkip        Action = "skip"         // not imported because of problems
)

// Item is the plan for one record of the file.
type Item struct {
	Label  string   `json:"label"` // partner name or agreement number
	Action Action   `json:"action"`
	ID     model.ID `json:"id,omitempty"` // the matching record in the data file
	// Fields lists the fields that will be filled in from the file.
	Fields    []string   `json:"fields,omitempty"`
	Conflicts []Conflict `json:"conflicts,omitempty"`
	// TakeTheirs, set by the caller before Apply, resolves this item's
	// conflicts with the file's values; by default the data file's values
	// stay.
	TakeTheirs bool `json:"take_theirs,omitempty"`
	Loc        Loc  `json:"loc"`
}

// Plan is what importing or merging a Dataset will do, worked out by
// actually saving every record in a transaction that is then rolled back:
// every problem the store would find is listed, with its place in the
// file. Nothing is written until Apply.
type Plan struct {
	Mode   Mode
	Source string
	// Institution is ActionAdd when the file's institution settings will
	// be stored (the data file has none yet), else ActionUnchanged.
	Institution Action
	// Partners has one item per partner of the file, then one per partner
	// created from an agreement's row.
	Partners []Item
	// Agreements has one item per agreement of the file.
	Agreements []Item
	// Rounds has one item per diagnostic round of the file.
	Rounds []Item
	// Problems lists every problem, reading problems first.
	Problems Problems
	// Matches lists the partners an agreement's row names that were found
	// in the data file, by tax ID or by name, for the user to check.
	Matches []Match

	data *Dataset
}

// Match is a partner named in the file and found in the data file.
type Match struct {
	Name     string   `json:"name"` // as the file writes it
	Loc      Loc      `json:"loc"`
	ID       model.ID `json:"id"`
	Existing string   `json:"existing"` // the stored partner's name
	ByTaxID  bool     `json:"by_tax_id,omitempty"`
}

// Counts sums a plan's actions.
type Counts struct {
	Add, Update, Unchanged, Conflict, UseExisting, Skip int
}

// PartnerCounts sums the actions on partners.
func (p *Plan) PartnerCounts() Counts { return count(p.Partners) }

// AgreementCounts sums the actions on agreements.
func (p *Plan) AgreementCounts() Counts { return count(p.Agreements) }

func count(items []Item) Counts {
	var c Counts
	for _, it := range items {
		switch it.Action {
		case ActionAdd:
			c.Add++
		case ActionUpdate:
			c.Update++
		case ActionUnchanged:
			c.Unchanged++
		case ActionConflict:
			c.Conflict++
		case ActionUseExisting:
			c.UseExisting++
		case ActionSkip:
			c.Skip++
		}
	}
	return c
}

// Errors counts the plan's problems that are not warnings. With none,
// Apply imports every record of the file.
func (p *Plan) Errors() int { return p.Problems.Errors() }

// Changes reports whether applying the plan would change the data file.
func (p *Plan) Changes() bool {
	if p.Institution == ActionAdd {
		return true
	}
	for _, list := range [][]Item{p.Partners, p.Agreements, p.Rounds} {
		for _, it := range list {
			if it.Action == ActionAdd || it.Action == ActionUpdate || (it.Action == ActionConflict && it.TakeTheirs) {
				return true
			}
		}
	}
	return false
}

// TakeTheirs sets TakeTheirs on every conflict item.
func (p *Plan) TakeTheirs() {
	for _, list := range [][]Item{p.Partners, p.Agreements} {
		for i := range list {
			if list[i].Action == ActionConflict {
				list[i].TakeTheirs = true
			}
		}
	}
}

// Result is what Apply did.
type Result struct {
	Partners, Agreements, Rounds Counts
}

// ErrChanged says the data file changed between the preview and Apply.
var ErrChanged = errors.New("the data file changed since the preview: nothing was imported; make the preview again")

// errTrial rolls back the trial transaction of a preview.
var errTrial = errors.New("trial run")

// PlanImport works out importing d into s (ModeImport). progress, when
// not nil, is called with the records done so far; ctx cancels.
func PlanImport(ctx context.Context, s *store.Store, d *Dataset, progress func(done, total int)) (*Plan, error) {
	return plan(ctx, s, d, ModeImport, progress)
}

// PlanMerge works out merging d into s (ModeMerge).
func PlanMerge(ctx context.Context, s *store.Store, d *Dataset, progress func(done, total int)) (*Plan, error) {
	return plan(ctx, s, d, ModeMerge, progress)
}

func plan(ctx context.Context, s *store.Store, d *Dataset, mode Mode, progress func(done, total int)) (*Plan, error) {
	var out *Plan
	err := s.Update(func(tx *store.Tx) error {
		e := newEngine(ctx, tx, d, mode, nil, progress)
		if err := e.run(); err != nil {
			return err
		}
		out = e.out
		return errTrial
	})
	if !errors.Is(err, errTrial) {
		return nil, err
	}
	return out, nil
}

// Apply carries out a plan made by PlanImport or PlanMerge in one
// transaction: every record the plan does not skip is saved, or, on any
// error, nothing is. When the data file changed since the plan was made
// so that the plan no longer holds, it returns ErrChanged.
func Apply(ctx context.Context, s *store.Store, p *Plan, progress func(done, total int)) (Result, error) {
	var res Result
	err := s.Update(func(tx *store.Tx) error {
		e := newEngine(ctx, tx, p.data, p.Mode, p, progress)
		if err := e.run(); err != nil {
			return err
		}
		res = Result{Partners: count(e.out.Partners), Agreements: count(e.out.Agreements), Rounds: count(e.out.Rounds)}
		return nil
	})
	if err != nil {
		return Result{}, err
	}
	return res, nil
}

// ErrorText returns err as a message in lang for the user: problems and
// ErrChanged are translated; other errors (the store's) keep their text.
func ErrorText(err error, lang string) string {
	var ps Problems
	var p Problem
	switch {
	case errors.As(err, &ps):
		out := ""
		for i, q := range ps {
			if i > 0 {
				out += "\n"
			}
			out += q.Text(lang)
		}
		return out
	case errors.As(err, &p):
		return p.Text(lang)
	case errors.Is(err, ErrChanged):
		return assets.T(lang, "xlsx.err.changed", nil)
	}
	return fmt.Sprint(err)
}
