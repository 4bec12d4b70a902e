package layouts

import (
	"strconv"
	"strings"

	"github.com/partnerdesk/partnerdesk/model"
	"github.com/partnerdesk/partnerdesk/reports"
)

// colSpec is how wide a column prints (millimetres on the page), how it is
// aligned, and where its text comes from.
type colSpec struct {
	mm    float64
	align string // L, C or R
	// perPartner columns take the partner's value in one-row-per-partner
	// layouts.
	perPartner bool
	value      func(r *rowCtx) string
}

// rowCtx is one agreement (and, in one-row-per-partner layouts, one of
// its partners) being written.
type rowCtx struct {
	lang     string
	today    model.Date
	in       *model.Institution
	a        *model.Agreement
	partners []*model.Partner // the row's partners
	seq      int
}

var catalogue = map[string]colSpec{
	"seq":         {mm: 9, align: "R", value: func(r *rowCtx) string { return strconv.Itoa(r.seq) }},
	"number":      {mm: 24, align: "L", value: func(r *rowCtx) string { return r.a.Number }},
	"signed_on":   {mm: 19, align: "C", value: func(r *rowCtx) string { return r.a.SignedOn.String() }},
	"number_date": {mm: 24, align: "L", value: func(r *rowCtx) string { return joinNonEmpty("\n", r.a.Number, r.a.SignedOn.String()) }},
	"kind":        {mm: 40, align: "L", value: func(r *rowCtx) string { return reports.Label(r.lang, r.a.Kind) }},
	"title":       {mm: 50, align: "L", value: func(r *rowCtx) string { return r.a.TextIn(r.lang).Title }},
	"subject":     {mm: 70, align: "L", value: func(r *rowCtx) string { return r.a.TextIn(r.lang).Subject }},
	"partners": {mm: 52, align: "L", perPartner: true, value: func(r *rowCtx) string {
		return eachPartner(r, func(p *model.Partner) string { return p.NameIn(r.lang) })
	}},
	"parties": {mm: 58, align: "L", value: func(r *rowCtx) string {
		names := []string{r.in.Names.In(r.lang)}
		if r.in.ShortName != "" {
			names[0] = r.in.ShortName
		}
		return strings.Join(append(names, eachPartner(r, func(p *model.Partner) string { return p.NameIn(r.lang) })), "; ")
	}},
	"tax_ids": {mm: 24, align: "C", perPartner: true, value: func(r *rowCtx) string {
		return eachPartner(r, func(p *model.Partner) string { return p.TaxID })
	}},
	"address": {mm: 44, align: "L", perPartner: true, value: func(r *rowCtx) string {
		return eachPartner(r, func(p *model.Partner) string { return p.Address })
	}},
	"country_city": {mm: 22, align: "L", perPartner: true, value: func(r *rowCtx) string {
		return eachPartner(r, func(p *model.Partner) string { return joinNonEmpty(", ", p.Country, p.City) })
	}},
	"term": {mm: 22, align: "C", value: func(r *rowCtx) string {
		t := r.a.TermOn(r.today)
		return t.Start.String() + " –\n" + endText(r, t.End)
	}},
	"valid_from":  {mm: 19, align: "C", value: func(r *rowCtx) string { return r.a.TermOn(r.today).Start.String() }},
	"valid_until": {mm: 22, align: "C", value: func(r *rowCtx) string { return endText(r, r.a.TermOn(r.today).End) }},
	"status": {mm: 21, align: "L", value: func(r *rowCtx) string {
		return reports.Label(r.lang, r.a.StatusOn(r.today, r.in.Warning()))
	}},
	"programmes": {mm: 50, align: "L", value: func(r *rowCtx) string {
		var out []string
		for _, p := range r.a.Programmes {
			out = append(out, joinNonEmpty(" ", p.Code, p.Name))
		}
		return strings.Join(out, "; ")
	}},
	"programme_codes": {mm: 24, align: "L", value: func(r *rowCtx) string {
		var out []string
		for _, p := range r.a.Programmes {
			out = append(out, p.Code)
		}
		return joinNonEmpty(", ", out...)
	}},
	"practice_kind": {mm: 34, align: "L", value: func(r *rowCtx) string {
		var out []string
		for _, f := range r.a.Forms {
			out = append(out, reports.Label(r.lang, f))
		}
		return strings.Join(out, "; ")
	}},
	"practice_places": {mm: 16, align: "C", value: func(r *rowCtx) string { return countText(r.a.PracticePlaces) }},
	"students":        {mm: 18, align: "C", value: func(r *rowCtx) string { return countText(students(r.a, r.today)) }},
	"mentor":          {mm: 36, align: "L", perPartner: true, value: mentors},
	"coordinator": {mm: 34, align: "L", value: func(r *rowCtx) string {
		return coordinators(r.a, func(p model.Party) bool { return p == model.PartyInstitution || p == model.PartyJoint })
	}},
	"responsible_unit": {mm: 30, align: "L", value: func(r *rowCtx) string { return r.in.Department }},
	"notes":            {mm: 24, align: "L", value: func(r *rowCtx) string { return r.a.Notes }},
}

// eachPartner joins f of the row's partners with "; ".
func eachPartner(r *rowCtx, f func(*model.Partner) string) string {
	var out []string
	for _, p := range r.partners {
		out = append(out, f(p))
	}
	return joinNonEmpty("; ", out...)
}

// mentors are the partners' coordinators (in a one-row-per-partner
// layout, the row's partner's).
func mentors(r *rowCtx) string {
	return coordinators(r.a, func(p model.Party) bool {
		id, ok := p.PartnerID()
		if !ok {
			return false
		}
		for _, q := range r.partners {
			if q.ID == id {
				return true
			}
		}
		return false
	})
}

func coordinators(a *model.Agreement, of func(model.Party) bool) string {
	var out []string
	for _, c := range a.Coordinators {
		if of(c.Party) {
			out = append(out, c.Name)
		}
	}
	return strings.Join(out, "; ")
}

// students is the number placed for practice in the latest academic year
// recorded up to today's: the count a dual-training register asks for.
func students(a *model.Agreement, today model.Date) int {
	best, n := -1, 0
	year := model.AcademicYearOf(today)
	for _, o := range a.Outcomes {
		if o.Year <= year && o.Year > best {
			best, n = o.Year, o.PlacedForPractice
		}
	}
	return n
}

func endText(r *rowCtx, end model.Date) string {
	if end.IsZero() {
		return ColumnHeader(r.lang, "open_ended")
	}
	return end.String()
}

func countText(n int) string {
	if n == 0 {
		return ""
	}
	return strconv.Itoa(n)
}

func joinNonEmpty(sep string, parts ...string) string {
	out := parts[:0:0]
	for _, p := range parts {
		if p = strings.TrimSpace(p); p != "" {
			out = append(out, p)
		}
	}
	return strings.Join(out, sep)
}
