package interchange

import (
	"strconv"
	"time"

	"github.com/partnerdesk/partnerdesk/model"
	"github.com/partnerdesk/partnerdesk/model/store"
)

// DiagnosticRound is a diagnostic round in an interchange file
// (the document's "diagnostics" list). Agreements are named by number;
// dates are ISO yyyy-mm-dd; counts[i][l] follow scale.indicators and
// scale.levels; students' results name levels by code.
type DiagnosticRound struct {
	Title      string            `json:"title"`
	Date       string            `json:"date"`
	Stage      string            `json:"stage"`
	Programme  model.Programme   `json:"programme,omitzero"`
	Course     int               `json:"course,omitempty"`
	Agreements []string          `json:"agreements,omitempty"`
	Activities string            `json:"activities,omitempty"`
	Scale      model.Scale       `json:"scale"`
	Mode       string            `json:"mode"`
	Groups     []DiagnosticGroup `json:"groups"`
	Source     string            `json:"source,omitempty"`
	Notes      string            `json:"notes,omitempty"`
	Created    time.Time         `json:"created,omitzero"`
	Updated    time.Time         `json:"updated,omitzero"`
}

// DiagnosticGroup is one group of a DiagnosticRound.
type DiagnosticGroup struct {
	Name     string                `json:"name"`
	Kind     string                `json:"kind"`
	Students int                   `json:"students"`
	Counts   [][]int               `json:"counts,omitempty"`
	Results  []model.StudentResult `json:"results,omitempty"`
}

// RoundOf converts a round to the interchange form; numbers maps
// agreement IDs to numbers.
func RoundOf(r *model.Round, numbers map[model.ID]string) DiagnosticRound {
	out := DiagnosticRound{
		Title: r.Title, Date: r.Date.ISO(), Stage: string(r.Stage), Programme: r.Programme, Course: r.Course,
		Activities: r.Activities, Scale: r.Scale, Mode: string(r.Mode), Source: r.Source, Notes: r.Notes,
		Created: r.Created, Updated: r.Updated,
	}
	for _, id := range r.AgreementIDs {
		if n, ok := numbers[id]; ok {
			out.Agreements = append(out.Agreements, n)
		}
	}
	for _, g := range r.Groups {
		out.Groups = append(out.Groups, DiagnosticGroup{Name: g.Name, Kind: string(g.Kind), Students: g.Students, Counts: g.Counts, Results: g.Results})
	}
	return out
}

// RoundRecord is one round read from a file: the round, and the numbers of
// the agreements it names (its AgreementIDs are ignored).
type RoundRecord struct {
	Round      model.Round
	Agreements []string
	Origin     Origin
	Bad        bool
}

// roundRecordOf converts the i-th round of a document.
func roundRecordOf(i int, dr *DiagnosticRound, problems *Problems) *RoundRecord {
	prefix := "diagnostics[" + strconv.Itoa(i) + "]"
	rec := &RoundRecord{Agreements: dr.Agreements, Origin: &pathOrigin{prefix: prefix, names: roundPaths}}
	r := model.Round{
		Title: dr.Title, Stage: model.Stage(dr.Stage), Programme: dr.Programme, Course: dr.Course,
		Activities: dr.Activities, Scale: dr.Scale, Mode: model.ResultMode(dr.Mode), Source: dr.Source, Notes: dr.Notes,
	}
	if dr.Date != "" {
		d, err := model.ParseDate(dr.Date)
		if err != nil {
			*problems = append(*problems, Problem{Loc: Loc{Path: prefix + ".date"}, Value: Shorten(dr.Date), Key: "err.date_invalid"})
			rec.Bad = true
		}
		r.Date = d
	}
	for _, g := range dr.Groups {
		r.Groups = append(r.Groups, model.Group{Name: g.Name, Kind: model.GroupKind(g.Kind), Students: g.Students, Counts: g.Counts, Results: g.Results})
	}
	rec.Round = r
	return rec
}

var roundPaths = map[string]string{"agreement_ids": "agreements"}

// writeRounds writes the document's "diagnostics" list, if there are rounds.
func (x *jsonWriter) writeRounds(tx *store.Tx) error {
	rounds, err := tx.Rounds()
	if err != nil || len(rounds) == 0 {
		return err
	}
	x.raw(",\n  \"diagnostics\": [")
	for i := range rounds {
		x.item(i, RoundOf(&rounds[i], x.numbers))
	}
	x.raw("\n  ]")
	return x.err
}

// rounds imports the file's rounds after its agreements: a round whose
// title and date a stored round already has is left alone (unchanged);
// any other is added, its agreements found by number.
func (e *engine) rounds() error {
	existing, err := e.tx.Rounds()
	if err != nil {
		return err
	}
	have := map[string]model.ID{}
	for _, r := range existing {
		have[r.Title+"\x00"+r.Date.ISO()] = r.ID
	}
	for _, rec := range e.d.Rounds {
		r := rec.Round
		it := Item{Label: r.Title, Action: ActionAdd, Loc: rec.Origin.Locate("")}
		if id, ok := have[r.Title+"\x00"+r.Date.ISO()]; ok {
			it.Action, it.ID = ActionUnchanged, id
		}
		if rec.Bad {
			it.Action = ActionSkip
		}
		it, ok, err := e.decide(&e.out.Rounds, it)
		if err != nil || !ok || it.Action != ActionAdd {
			if err := e.step(); err != nil {
				return err
			}
			continue
		}
		if err := e.saveRound(rec, &r); err != nil {
			return err
		}
		if err := e.step(); err != nil {
			return err
		}
	}
	return nil
}

func (e *engine) saveRound(rec *RoundRecord, r *model.Round) error {
	r.AgreementIDs = nil
	for j, num := range rec.Agreements {
		a, err := e.tx.AgreementByNumber(num)
		if err != nil {
			if e.trial() {
				e.problem(Problem{Loc: rec.Origin.Locate("agreement_ids[" + strconv.Itoa(j) + "]"), Value: Shorten(num), Key: "err.agreement_missing"})
				skipLast(e.out.Rounds)
				return nil
			}
			return ErrChanged
		}
		r.AgreementIDs = append(r.AgreementIDs, a.ID)
	}
	if err := e.tx.SaveRound(r); err != nil {
		if ferr := e.failed(err, rec.Origin); ferr != nil {
			return ferr
		}
		skipLast(e.out.Rounds)
	}
	return nil
}

// RoundCounts sums the actions on diagnostic rounds.
func (p *Plan) RoundCounts() Counts { return count(p.Rounds) }
