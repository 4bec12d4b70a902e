package excel

import (
	"strings"

	"github.com/partnerdesk/partnerdesk/assets"
	"github.com/partnerdesk/partnerdesk/model"
	"github.com/partnerdesk/partnerdesk/reports/interchange"
)

// kind reads the agreement kind: a code or label, else words that name a
// kind ("Договор о прохождении практики"), else "other" with a warning.
// Without a kind the default decides, or the words of the title, of the
// section or of the sheet's name and title ("Реестр договоров о дуальном
// обучении").
func (r *reader) kind(rr *rowReader, title string) model.AgreementKind {
	rr.at("kind", "kind")
	text := strings.TrimSpace(rr.raw("kind"))
	if text == "" {
		if r.def.Kind != "" {
			return r.def.Kind
		}
		for _, text := range []string{title, r.section, r.sheetTitle} {
			if k, ok := InferKind(text); ok {
				return k
			}
		}
		return model.KindOther
	}
	if code, ok := lookup("kind", text); ok {
		return model.AgreementKind(code)
	}
	if k, ok := InferKind(text); ok {
		return k
	}
	rr.fail("kind", true, "xlsx.warn.kind_other")
	return model.KindOther
}

// status reads the status: a code or label, else common words
// ("действует", "күшінде", "расторгнут"); an unknown one is a warning and
// the dates decide, as they do for an empty one.
func (r *reader) status(rr *rowReader, signed model.Date) model.Status {
	rr.at("status", "status")
	text := strings.TrimSpace(rr.raw("status"))
	var s model.Status
	switch code, ok := lookup("status", text); {
	case text == "":
		s = r.def.Status
	case ok:
		s = model.Status(code)
	default:
		var found bool
		if s, found = inferStatus(text); !found {
			rr.fail("status", true, "xlsx.warn.status_unknown", "Value", interchange.Shorten(text))
		}
	}
	return storedStatus(s, signed)
}

// validity reads the end of validity: a date, a range ("с 01.09.2025 по
// 31.08.2028", which also gives the start), or a term counted from the
// start ("на 3 года", "5 жылға"; "бессрочно" for none).
func (r *reader) validity(rr *rowReader, a *model.Agreement) {
	rr.at("valid_until", "valid_until")
	raw := strings.TrimSpace(rr.raw("valid_until"))
	if raw == "" {
		return
	}
	if d, key := parseDate(raw, rr.date1904); key == "" {
		a.ValidUntil = d
		return
	}
	if from, until, ok := parseRange(raw, rr.date1904); ok {
		if a.ValidFrom.IsZero() || !rr.c.has("valid_from") || a.ValidFrom == a.SignedOn {
			a.ValidFrom = from
			rr.at("valid_until", "valid_from")
		}
		a.ValidUntil = until
		return
	}
	t, ok := parseTerm(raw)
	switch {
	case !ok:
		rr.fail("valid_until", false, "xlsx.err.validity")
	case t.Open:
	case a.ValidFrom.IsZero() && !rr.bad: // a bad date is the problem to fix
		rr.fail("valid_until", false, "xlsx.err.term_no_start")
	case a.ValidFrom.IsZero():
	default:
		a.ValidUntil = a.ValidFrom.AddMonths(t.Months).AddDays(-1)
	}
}

// title is the agreement's title, or, when the register has none, its
// kind's name (validation requires one).
func (r *reader) title(rr *rowReader, a *model.Agreement) string {
	if t := rr.text("title", "title"); t != "" {
		return t
	}
	if t := strings.TrimSpace(rr.raw("kind")); t != "" {
		return t
	}
	return assets.T(r.def.Lang, a.Kind.Key(), nil)
}

// refCategory gives a partner reference that has no category one from the
// defaults: inferred from its name or its section, or the user's choice.
func (r *reader) refCategory(ref *interchange.PartnerRef) {
	if ref.Category != "" {
		return
	}
	cat, sub, word := r.def.category(ref.Name, r.section, r.sectionCat)
	if cat == "" {
		return
	}
	ref.Category, ref.SubKind, ref.Guess = cat, sub, word
}

// partnerCategory infers the category of a partner on a Partners sheet
// without one, marks the partner for review and says so.
func (r *reader) partnerCategory(rr *rowReader, p *model.Partner) {
	if p.Category != "" {
		return
	}
	cat, sub, word := r.def.category(p.Name, r.section, r.sectionCat)
	if cat == "" {
		return
	}
	p.Category = cat
	if p.SubKind == "" {
		p.SubKind = sub
	}
	if r.def.Category == Auto {
		p.Review = true
		rr.fail("name", true, "import.warn.category_guessed", "Name", interchange.Shorten(p.Name), "CategoryKey", cat.Key(), "From", word)
	}
}

// terminated fills in, for an agreement a register marks as terminated
// without saying when or why, the end of its validity (or the day of the
// import) as the day and the register's own word as the reason, with a
// warning to check them: the data file requires both.
func (r *reader) terminated(rr *rowReader, a *model.Agreement) {
	if a.Status != model.StatusTerminated || rr.bad {
		return
	}
	guessed := false
	if a.TerminatedOn.IsZero() {
		a.TerminatedOn, guessed = model.Today(), true
		if !a.ValidUntil.IsZero() && a.ValidUntil < a.TerminatedOn {
			a.TerminatedOn = a.ValidUntil
		}
		if a.TerminatedOn < a.ValidFrom {
			a.TerminatedOn = a.ValidFrom
		}
	}
	if a.TerminationReason == "" {
		a.TerminationReason, guessed = strings.TrimSpace(rr.raw("status")), true
	}
	if guessed {
		rr.fail("status", true, "xlsx.warn.terminated_guessed", "Date", a.TerminatedOn.String())
	}
}
