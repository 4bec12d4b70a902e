package pdf

import (
	"slices"
	"strconv"
	"strings"

	"github.com/partnerdesk/partnerdesk/model"
	"github.com/partnerdesk/partnerdesk/reports"
)

// paras returns the memorandum's paragraphs in lang. Which paragraphs
// there are depends on the data only, never on lang, so that bilingual
// columns pair up one to one.
func (m *memo) paras(lang string) []para {
	b := &paraList{}
	m.header(b, lang)
	m.partiesText(b, lang)
	m.subject(b, lang)
	m.principles(b, lang)
	m.obligations(b, lang)
	m.resources(b, lang)
	m.forms(b, lang)
	m.term(b, lang)
	m.final(b, lang)
	b.heading(tr(lang, "pdf.sec.signatures"))
	return b.ps
}

// paraList collects paragraphs and numbers sections and clauses.
type paraList struct {
	ps           []para
	sec, cl, sub int
}

func (b *paraList) add(k pkind, label, text string) {
	b.ps = append(b.ps, para{kind: k, label: label, text: text})
}

// heading starts the next numbered section.
func (b *paraList) heading(text string) {
	b.sec++
	b.cl = 0
	b.add(pHeading, "", strconv.Itoa(b.sec)+". "+text)
}

// clause adds the next numbered clause of the section.
func (b *paraList) clause(text string) {
	b.cl++
	b.sub = 0
	b.add(pClause, strconv.Itoa(b.sec)+"."+strconv.Itoa(b.cl)+".", text)
}

// subclause adds the next clause one level below the current clause.
func (b *paraList) subclause(text string) {
	b.sub++
	b.add(pSub, strconv.Itoa(b.sec)+"."+strconv.Itoa(b.cl)+"."+strconv.Itoa(b.sub)+".", text)
}

func (m *memo) header(b *paraList, lang string) {
	a := &m.d.Agreement
	b.add(pInst, "", m.d.Institution.Names.In(lang))
	if a.Status == model.StatusDraft {
		b.add(pDraft, "", tr(lang, "pdf.draft"))
	}
	b.add(pTitle, "", strings.ToUpper(m.title(lang)))
	b.add(pCenter, "", tr(lang, "pdf.number", "Number", a.Number))
	text := a.TextIn(lang)
	if m.showOwnTitle() {
		b.add(pCenter, "", "«"+text.Title+"»")
	}
	place := text.Place
	if place == "" {
		place = m.d.Institution.City
	}
	if place != "" && !namesSettlement(place) {
		place = tr(lang, "pdf.city", "City", place)
	}
	date := a.SignedOn.String()
	if a.SignedOn.IsZero() {
		date = tr(lang, "pdf.date_blank")
	}
	b.ps = append(b.ps, para{kind: pPlace, text: place, right: date})
}

// settlementWords say what kind of place a place name is ("г. Бишкек",
// "Астана қ.", "Ош шаары", "с. Талгар"): a place typed with one is printed
// as typed, not given another.
var settlementWords = []string{
	"г", "г.", "гор.", "город", "с", "с.", "село", "пос.", "посёлок", "поселок", "п.", "пгт", "аул", "ст.",
	"қ", "қ.", "қала", "қаласы", "ауыл", "ауылы", "а.",
	"ш", "ш.", "шаар", "шаары", "айыл", "айылы",
	"city", "town", "village",
}

// namesSettlement reports whether place already says it is a city, town or
// village.
func namesSettlement(place string) bool {
	for _, w := range strings.Fields(strings.ToLower(place)) {
		if slices.Contains(settlementWords, w) {
			return true
		}
		for _, p := range []string{"г.", "с.", "п.", "қ."} {
			if strings.HasPrefix(w, p) && len(w) > len(p) {
				return true
			}
		}
	}
	return false
}

// showOwnTitle reports whether the agreement's title says more than the
// document's title in every printed language (each in its own language).
func (m *memo) showOwnTitle() bool {
	for _, lang := range m.langs {
		own := fold(m.d.Agreement.TextIn(lang).Title)
		if own == "" || fold(m.title(lang)) == own {
			return false
		}
	}
	return true
}

func fold(s string) string {
	return strings.ReplaceAll(strings.ToLower(strings.TrimSpace(s)), "ё", "е")
}

func (m *memo) partiesText(b *paraList, lang string) {
	b.add(pHeading, "", tr(lang, "pdf.parties"))
	in := &m.d.Institution
	b.add(pClause, "1)", partyLine(lang, in.Names.In(lang), in.Country, in.TaxID, in.Address, in.Signatory))
	for i := range m.d.Partners {
		p := &m.d.Partners[i]
		b.add(pClause, strconv.Itoa(i+2)+")", partyLine(lang, p.NameIn(lang), p.Country, p.TaxID, p.Address, p.Signatory))
	}
	b.add(pBody, "", tr(lang, "pdf.parties.intro"))
}

// partyLine describes a party: its name with tax ID, address and
// signatory.
func partyLine(lang, name, country, taxID, address string, sig model.Person) string {
	var details []string
	if taxID != "" {
		details = append(details, taxLabel(lang, country)+" "+taxID)
	}
	if address != "" {
		details = append(details, tr(lang, "pdf.address")+": "+strings.ReplaceAll(address, "\n", ", "))
	}
	if s := joinNonEmpty(" ", sig.Position, sig.Name); s != "" {
		details = append(details, tr(lang, "pdf.signatory")+": "+s)
	}
	if len(details) == 0 {
		return name
	}
	return name + " (" + strings.Join(details, "; ") + ")"
}

// taxLabel is the name of the tax ID in the country, in lang.
func taxLabel(lang, country string) string {
	switch country {
	case "KZ", "KG":
		return tr(lang, "pdf.taxid."+country)
	}
	return tr(lang, "pdf.taxid.other")
}

func (m *memo) subject(b *paraList, lang string) {
	a := &m.d.Agreement
	b.heading(tr(lang, "pdf.sec.subject"))
	if s := a.TextIn(lang).Subject; s != "" {
		b.clause(s)
	} else {
		b.clause(tr(lang, "pdf.subject.default"))
	}
	if len(a.Levels) > 0 {
		var ls []string
		for _, l := range a.Levels {
			ls = append(ls, lowerFirst(reports.Label(lang, l)))
		}
		b.clause(tr(lang, "pdf.levels") + ": " + strings.Join(ls, "; ") + ".")
	}
	if a.Model != "" {
		b.clause(tr(lang, "pdf.model") + ": " + lowerFirst(reports.Label(lang, a.Model)) + ".")
	}
	if len(a.Programmes) > 0 {
		var ps []string
		for _, p := range a.Programmes {
			ps = append(ps, joinNonEmpty(" ", p.Code, "«"+p.Name+"»"))
		}
		b.clause(tr(lang, "pdf.programmes") + ": " + strings.Join(ps, "; ") + ".")
	}
	if a.PracticePlaces > 0 {
		b.clause(tr(lang, "pdf.practice_places", "N", strconv.Itoa(a.PracticePlaces)))
	}
}

// principles states the principles the parties commit to. How well each
// is kept (the assessments on the Principles tab) is the institution's
// own monitoring and stays out of the signed text.
func (m *memo) principles(b *paraList, lang string) {
	b.heading(tr(lang, "pdf.sec.principles"))
	b.add(pBody, "", tr(lang, "pdf.principles.commit"))
	for _, p := range model.Principles {
		b.clause(strings.TrimRight(tr(lang, p.HelpKey()), ".") + ".")
	}
}

// obligations lists each party's responsibilities; an agreement with none
// has no such section.
func (m *memo) obligations(b *paraList, lang string) {
	if len(m.d.Agreement.Responsibilities) == 0 {
		return
	}
	b.heading(tr(lang, "pdf.sec.obligations"))
	byParty(m, b, lang, m.d.Agreement.Responsibilities, "pdf.obligations.none",
		func(r model.Responsibility) model.Party { return r.Party },
		func(r model.Responsibility) string {
			var details []string
			if r.Owner != "" {
				details = append(details, tr(lang, "pdf.owner", "Name", r.Owner))
			}
			if !r.Due.IsZero() {
				details = append(details, tr(lang, "pdf.due", "Date", r.Due.String()))
			}
			return sentence(r.DescriptionIn(lang), details)
		})
}

// resources lists what each party brings; an agreement with none has no
// such section.
func (m *memo) resources(b *paraList, lang string) {
	if len(m.d.Agreement.Resources) == 0 {
		return
	}
	b.heading(tr(lang, "pdf.sec.resources"))
	byParty(m, b, lang, m.d.Agreement.Resources, "pdf.resources.none",
		func(r model.Resource) model.Party { return r.Party },
		func(r model.Resource) string {
			var details []string
			if r.Quantity != 0 {
				details = append(details, joinNonEmpty(" ", number(lang, r.Quantity), r.Unit))
			}
			if r.Value != 0 {
				details = append(details, tr(lang, "pdf.value", "Value", joinNonEmpty(" ", money(lang, r.Value), r.Currency)))
			}
			return sentence(r.Description, details)
		})
}

// byParty writes items grouped by party, in the memorandum's order of
// parties: the party's name, then one subclause per item; noneKey's text
// when there are no items.
func byParty[T any](m *memo, b *paraList, lang string, items []T, noneKey string, party func(T) model.Party, text func(T) string) {
	var used []model.Party
	for _, it := range items {
		used = append(used, party(it))
	}
	parties := m.d.parties(used)
	if len(parties) == 0 {
		b.clause(tr(lang, noneKey))
	}
	for _, p := range parties {
		b.clause(m.partyName(lang, p) + ":")
		for _, it := range items {
			if party(it) == p {
				b.subclause(text(it))
			}
		}
	}
}

// sentence ends text with its details in brackets and a full stop.
func sentence(text string, details []string) string {
	text = strings.TrimRight(strings.TrimSpace(text), ".;")
	if len(details) > 0 {
		text += " (" + strings.Join(details, "; ") + ")"
	}
	return text + "."
}
