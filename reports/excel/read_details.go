package excel

import (
	"strconv"
	"strings"

	"github.com/partnerdesk/partnerdesk/model"
	"github.com/partnerdesk/partnerdesk/reports/interchange"
)

// detailRow adds a row of a sheet joined to the agreements by number.
func (r *reader) detailRow(rr *rowReader) {
	number := strings.TrimSpace(rr.raw("number"))
	if rr.c.m.Kind == SheetIndicators && isTotal(number) {
		return
	}
	rec := r.byNumber[model.NormalizeNumber(number)]
	if rec == nil {
		rr.fail("number", false, "xlsx.err.agreement_missing")
		return
	}
	rr.origin = rec.Origin.(*interchange.CellOrigin)
	a := &rec.Agreement
	rr.group(detailPrefix(rr.c.m.Kind, a))
	switch rr.c.m.Kind {
	case SheetResponsibilities:
		a.Responsibilities = append(a.Responsibilities, r.responsibility(rr, len(a.Responsibilities)))
	case SheetPrinciples:
		a.Principles = r.principles(rr)
	case SheetIndicators:
		a.Outcomes = append(a.Outcomes, r.outcome(rr, len(a.Outcomes)))
	case SheetCoordinators:
		p := "coordinators[" + strconv.Itoa(len(a.Coordinators)) + "]."
		a.Coordinators = append(a.Coordinators, model.Coordinator{
			Party: party(rr, p+"party"), Name: rr.text("person", p+"name"), Position: rr.text("position", p+"position"),
			Phone: rr.text("phone", p+"phone"), Email: rr.text("email", p+"email"),
		})
	case SheetResources:
		p := "resources[" + strconv.Itoa(len(a.Resources)) + "]."
		a.Resources = append(a.Resources, model.Resource{
			Party: party(rr, p+"party"), Description: rr.text("resource", p+"description"), Quantity: rr.num("quantity", p+"quantity"),
			Unit: rr.text("unit", p+"unit"), Value: rr.num("value", p+"value"), Currency: strings.ToUpper(rr.text("currency", p+"currency")),
		})
	}
	rec.Bad = rec.Bad || rr.bad
}

// detailPrefix is the start of the paths of the fields a detail row gives
// agreement a.
func detailPrefix(kind SheetKind, a *model.Agreement) string {
	switch kind {
	case SheetResponsibilities:
		return "responsibilities[" + strconv.Itoa(len(a.Responsibilities)) + "]."
	case SheetIndicators:
		return "outcomes[" + strconv.Itoa(len(a.Outcomes)) + "]."
	case SheetCoordinators:
		return "coordinators[" + strconv.Itoa(len(a.Coordinators)) + "]."
	case SheetResources:
		return "resources[" + strconv.Itoa(len(a.Resources)) + "]."
	}
	return "principles["
}

// party reads a detail row's party. The same few names recur in every
// row of a sheet: each is made a Party once.
func party(rr *rowReader, path string) model.Party {
	text := rr.text("party", path)
	if p, ok := rr.c.parties[text]; ok {
		return p
	}
	p := interchange.TextParty(text)
	if len(rr.c.parties) < maxKept {
		rr.c.parties[text] = p
	}
	return p
}

// maxKept bounds what a sheet's reader keeps made: parties, looked-up values.
const maxKept = 10_000

func (r *reader) responsibility(rr *rowReader, k int) model.Responsibility {
	p := "responsibilities[" + strconv.Itoa(k) + "]."
	res := model.Responsibility{
		Party: party(rr, p+"party"), Description: rr.text("description", p+"description"), Owner: rr.text("owner", p+"owner"),
		Due: rr.date("due", p+"due"), CompletedOn: rr.date("done_on", p+"completed_on"), Evidence: rr.text("evidence", p+"evidence"),
	}
	res.Status = model.TaskStatus(rr.enum("task_status", "task", p+"status"))
	switch {
	case res.Status == model.TaskOverdue:
		rr.fail("task_status", true, "xlsx.warn.overdue")
		res.Status = model.TaskPlanned
	case res.Status == "" && !res.CompletedOn.IsZero():
		res.Status = model.TaskDone
	case res.Status == "":
		res.Status = model.TaskPlanned
	}
	return res
}

func (r *reader) principles(rr *rowReader) []model.PrincipleAssessment {
	out := make([]model.PrincipleAssessment, len(model.Principles))
	for k, pr := range model.Principles {
		p := "principles[" + strconv.Itoa(k) + "]."
		out[k] = model.PrincipleAssessment{Principle: pr,
			Assessment: model.Assessment(rr.enum(assessField(pr), "assessment", p+"assessment")),
			Evidence:   rr.text(evidenceField(pr), p+"evidence")}
		if out[k].Assessment == "" {
			out[k].Assessment = model.AssessNotAssessed
		}
	}
	return out
}

func (r *reader) outcome(rr *rowReader, k int) model.Outcome {
	p := "outcomes[" + strconv.Itoa(k) + "]."
	rr.at("year", p+"year")
	year, key := parseYear(rr.raw("year"))
	if key != "" {
		rr.fail("year", false, key)
	}
	return model.Outcome{
		Year: year, PlacedForPractice: rr.int("placed", p+"placed_for_practice"), Graduates: rr.int("graduates", p+"graduates"),
		Employed: rr.int("employed", p+"employed"), RetainedAfter12M: rr.int("retained", p+"retained_after_12m"),
		AssessedByEmployer: rr.int("assessed", p+"assessed_by_employer"), EventsHeld: rr.int("events", p+"events_held"),
	}
}
