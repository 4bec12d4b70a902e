package demo

import (
	"fmt"

	"github.com/partnerdesk/partnerdesk/model"
)

func (g *gen) number(signed model.Date) string {
	y := signed.Year()
	g.seq[y]++
	return fmt.Sprintf("СП-%d/%03d", y, g.seq[y])
}

func (g *gen) agreement(partners int) model.Agreement {
	kind := model.AgreementKinds[g.weighted([]int{20, 20, 25, 10, 10, 10, 5})]
	// Signed within the last five years; a few in the last weeks.
	signed := g.today.AddDays(-g.r.IntN(5 * 365))
	a := model.Agreement{
		Kind: kind, SignedOn: signed, ValidFrom: signed, Place: "Астана",
		Status: model.StatusActive, Number: g.number(signed),
	}
	a.Title = g.pick(titles[string(kind)])
	// Terms of one to five years: many end around today, some within
	// the warning window, some already ended.
	a.ValidUntil = signed.AddMonths(12 * (1 + g.r.IntN(5))).AddDays(-1)
	switch n := g.r.IntN(100); {
	case n < 8:
		a.ValidUntil = 0 // open-ended
	case n < 20:
		a.AutoRenew, a.RenewalMonths = true, 12
	}
	switch n := g.r.IntN(100); {
	case n < 5:
		a.Status, a.SignedOn = model.StatusDraft, 0
		a.ValidFrom = g.today.AddDays(g.r.IntN(60))
		a.ValidUntil = a.ValidFrom.AddMonths(36)
	case n < 10 && g.today.DaysUntil(a.ValidFrom) < -30:
		a.Status = model.StatusTerminated
		a.TerminatedOn = a.ValidFrom.AddDays(g.r.IntN(-g.today.DaysUntil(a.ValidFrom)))
		a.TerminationReason = g.pick([]string{"Реорганизация партнёра", "По соглашению сторон", "Прекращение деятельности организации"})
	}
	count := 1
	if g.r.IntN(100) < 12 {
		count = 2 + g.r.IntN(2) // tripartite and more
	}
	for len(a.PartnerIDs) < min(count, partners) {
		id := model.ID(1 + g.r.IntN(partners))
		if !a.HasPartner(id) {
			a.PartnerIDs = append(a.PartnerIDs, id)
		}
	}
	g.details(&a)
	return a
}

// successor renews old: the next term starts the day after old ends.
func (g *gen) successor(old *model.Agreement) model.Agreement {
	a := *old
	a.ID, a.Rev, a.PredecessorID, a.SuccessorID = 0, 0, 0, 0
	start := old.ValidUntil.AddDays(1)
	if old.ValidUntil.IsZero() || start > g.today {
		start = g.today.AddDays(-g.r.IntN(30))
	}
	a.SignedOn, a.ValidFrom = start, start
	a.ValidUntil = start.AddMonths(36).AddDays(-1)
	a.Status, a.TerminatedOn, a.TerminationReason = model.StatusActive, 0, ""
	a.Number = g.number(start)
	a.Responsibilities, a.Outcomes, a.Principles = nil, nil, nil
	g.details(&a)
	return a
}

func (g *gen) details(a *model.Agreement) {
	a.Levels = nil
	for _, l := range model.Levels {
		if g.r.IntN(100) < 55 {
			a.Levels = append(a.Levels, l)
		}
	}
	a.Model = model.PartnershipModels[g.r.IntN(3)]
	a.Forms = nil
	for _, f := range model.Forms[:9] {
		if g.r.IntN(100) < 25 {
			a.Forms = append(a.Forms, f)
		}
	}
	if len(a.Forms) == 0 {
		a.Forms = []model.Form{model.FormPracticePlacement}
	}
	pr := programmes[g.r.IntN(len(programmes))]
	a.Programmes = []model.Programme{{Code: pr.code, Name: pr.name}}
	a.PracticePlaces = 5 * g.r.IntN(10)
	p1 := model.PartnerParty(a.PartnerIDs[0])
	a.Resources = []model.Resource{
		{Party: p1, Description: g.pick([]string{"Рабочие места для практикантов", "Учебное оборудование", "Наставники из числа специалистов"}), Quantity: float64(1 + g.r.IntN(20)), Unit: "ед."},
		{Party: model.PartyInstitution, Description: "Аудитории и компьютерный класс", Quantity: 1, Unit: "ауд."},
	}
	a.Coordinators = []model.Coordinator{
		{Party: model.PartyInstitution, Name: g.person(), Position: "Доцент кафедры", Email: "coordinator@silkway.edu.kz"},
		{Party: p1, Name: g.person(), Position: g.pick(positions)},
	}
	g.responsibilities(a)
	g.principles(a)
	g.outcomes(a)
}

func (g *gen) responsibilities(a *model.Agreement) {
	a.Responsibilities = nil
	for range 2 + g.r.IntN(5) {
		var party model.Party
		var list []string
		switch g.r.IntN(5) {
		case 0, 1:
			party, list = model.PartyInstitution, duties["institution"]
		case 2, 3:
			party, list = model.PartnerParty(a.PartnerIDs[g.r.IntN(len(a.PartnerIDs))]), duties["partner"]
		default:
			party, list = model.PartyJoint, duties["joint"]
		}
		from := a.ValidFrom
		if from.IsZero() {
			from = g.today
		}
		r := model.Responsibility{Party: party, Description: g.pick(list), Owner: g.person(), Status: model.TaskPlanned}
		r.Due = from.AddDays(30 + g.r.IntN(700))
		switch {
		case a.Status == model.StatusDraft:
		case r.Due < g.today && g.r.IntN(100) < 80, r.Due < g.today.AddDays(-400):
			r.Status = model.TaskDone
			r.CompletedOn = min(r.Due.AddDays(-g.r.IntN(20)), g.today)
			r.Evidence = g.pick([]string{"Приказ о направлении на практику", "Акт выполненных работ", "Протокол заседания", "Фотоотчёт на сайте"})
		case g.r.IntN(100) < 30:
			r.Status = model.TaskInProgress
		}
		a.Responsibilities = append(a.Responsibilities, r)
	}
}

func (g *gen) principles(a *model.Agreement) {
	a.Principles = model.NormalizePrinciples(nil)
	for i := range a.Principles {
		a.Principles[i].Assessment = model.Assessments[g.weighted([]int{45, 25, 10, 20})]
		if a.Principles[i].Assessment == model.AssessMet && g.r.IntN(3) == 0 {
			a.Principles[i].Evidence = g.pick([]string{"Совместные мероприятия проведены", "Отражено в плане работы", "Отзывы студентов"})
		}
	}
}

func (g *gen) outcomes(a *model.Agreement) {
	a.Outcomes = nil
	if a.Status == model.StatusDraft {
		return
	}
	// Academic years from the one the agreement started in to the last
	// finished one.
	first := model.AcademicYearOf(a.ValidFrom)
	last := model.AcademicYearOf(g.today) - 1
	if end := a.ValidUntil; !end.IsZero() && model.AcademicYearOf(end) < last {
		last = model.AcademicYearOf(end)
	}
	for y := first; y <= last; y++ {
		o := model.Outcome{Year: y, PlacedForPractice: g.r.IntN(30), Graduates: 5 + g.r.IntN(50)}
		o.Employed = o.Graduates * (40 + g.r.IntN(55)) / 100
		o.RetainedAfter12M = o.Employed * (50 + g.r.IntN(50)) / 100
		o.AssessedByEmployer = g.r.IntN(o.PlacedForPractice + 1)
		o.EventsHeld = g.r.IntN(6)
		a.Outcomes = append(a.Outcomes, o)
	}
}
