package pdf

import (
	"strconv"
	"strings"

	"github.com/partnerdesk/partnerdesk/model"
	"github.com/partnerdesk/partnerdesk/reports"
)

func (m *memo) forms(b *paraList, lang string) {
	a := &m.d.Agreement
	b.heading(tr(lang, "pdf.sec.forms"))
	if len(a.Forms) == 0 {
		b.clause(tr(lang, "pdf.forms.none"))
	} else {
		var fs []string
		for _, f := range a.Forms {
			fs = append(fs, lowerFirst(reports.Label(lang, f)))
		}
		b.clause(tr(lang, "pdf.forms") + ": " + strings.Join(fs, "; ") + ".")
	}
	if len(a.Coordinators) == 0 {
		return
	}
	b.clause(tr(lang, "pdf.coordinators") + ":")
	for _, c := range a.Coordinators {
		contact := joinNonEmpty(", ", c.Name, c.Position, c.Phone, c.Email)
		b.subclause(m.partyName(lang, c.Party) + " — " + contact + ".")
	}
}

func (m *memo) term(b *paraList, lang string) {
	a := &m.d.Agreement
	b.heading(tr(lang, "pdf.sec.term"))
	from := a.ValidFrom
	if from.IsZero() {
		from = a.SignedOn
	}
	key := "pdf.term.from"
	if from.IsZero() {
		key = "pdf.term.signing"
	}
	if a.ValidUntil.IsZero() {
		key += "_open"
	} else {
		key += "_until"
	}
	b.clause(tr(lang, key, "From", from.String(), "Until", a.ValidUntil.String()))
	if a.AutoRenew && a.RenewalMonths > 0 && !a.ValidUntil.IsZero() {
		b.clause(tr(lang, "pdf.term.autorenew", "Months", strconv.Itoa(a.RenewalMonths)))
	} else {
		b.clause(tr(lang, "pdf.term.renewal"))
	}
	b.clause(tr(lang, "pdf.term.termination"))
	if a.Status == model.StatusTerminated && !a.TerminatedOn.IsZero() {
		reason := a.TerminationReason
		if reason == "" {
			reason = "—"
		}
		b.clause(tr(lang, "pdf.term.terminated", "Date", a.TerminatedOn.String(), "Reason", strings.TrimSuffix(reason, ".")))
	}
}

func (m *memo) final(b *paraList, lang string) {
	b.heading(tr(lang, "pdf.sec.final"))
	b.clause(tr(lang, "pdf.final.changes"))
	b.clause(tr(lang, "pdf.final.disputes"))
	b.clause(tr(lang, "pdf.final.copies", "N", strconv.Itoa(1+len(m.d.Partners))))
	if len(m.langs) > 1 {
		b.clause(tr(lang, "pdf.final.bilingual_"+m.langs[0]))
	}
}
