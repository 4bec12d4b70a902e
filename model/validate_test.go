package model

import (
	"slices"
	"strings"
	"testing"
)

var today = MustDate("28.11.2026")

func goodPartner() Partner {
	return Partner{
		Name: "«Қазақстан темір жолы» ҰК АҚ", ShortName: "ҚТЖ", Country: "KZ",
		Region: "Астана", TaxID: "020540003431", Category: CategoryProfessional,
		SubKind: SubDomesticEnterprise, Relation: RelationReal,
		Website:  "https://railways.kz",
		Contacts: []Contact{{Name: "Айгүл Садықова", Position: "HR", Phone: "+7 7172 60-44-00", Email: "hr@railways.kz"}},
	}
}

func goodAgreement() Agreement {
	return Agreement{
		Number: "СП-2026/001", Title: "Практика студентов", Kind: KindPracticeBase,
		PartnerIDs: []ID{1, 2}, SignedOn: MustDate("01.09.2026"), ValidFrom: MustDate("01.09.2026"),
		ValidUntil: MustDate("31.08.2029"), Status: StatusActive,
		Levels: []Level{LevelEducationalOrder}, Model: ModelResource, Forms: []Form{FormPracticePlacement},
		Responsibilities: []Responsibility{
			{Party: PartyInstitution, Description: "Направить студентов", Due: MustDate("01.02.2027"), Status: TaskPlanned},
			{Party: PartnerParty(2), Description: "Предоставить места", Status: TaskDone, CompletedOn: MustDate("15.09.2026")},
		},
		Principles: NormalizePrinciples([]PrincipleAssessment{{Principle: PrincipleOpenness, Assessment: AssessMet}}),
		Outcomes:   []Outcome{{Year: 2025, Graduates: 40, Employed: 30, RetainedAfter12M: 25}},
	}
}

func fieldsOf(err error) []string {
	v, ok := AsValidation(err)
	if !ok {
		return nil
	}
	var out []string
	for _, e := range v {
		out = append(out, e.Field+"="+e.Key)
	}
	return out
}

func TestPartnerValidate(t *testing.T) {
	cases := []struct {
		name   string
		mutate func(*Partner)
		want   []string
	}{
		{"valid", func(*Partner) {}, nil},
		{"bad BIN check digit", func(p *Partner) { p.TaxID = "020540003432" }, []string{"tax_id=err.bin_checksum"}},
		{"KG INN", func(p *Partner) { p.Country, p.TaxID = "KG", "02104200710010" }, nil},
		{"KG short INN", func(p *Partner) { p.Country, p.TaxID = "KG", "0210420071001" }, []string{"tax_id=err.inn_format"}},
		{"everything wrong at once", func(p *Partner) {
			p.Name, p.Country, p.Category, p.Relation = " ", "kaz", "", "maybe"
			p.Contacts[0].Email = "hr at railways"
			p.Contacts[0].Phone = "call me"
			p.Website = "railways"
		}, []string{
			"name=err.required", "country=err.country", "website=err.url", "category=err.required",
			"relation=err.unknown_value", "contacts[0].phone=err.phone", "contacts[0].email=err.email",
		}},
		{"sub-kind of another category", func(p *Partner) { p.SubKind = SubCharityFund }, []string{"sub_kind=err.subkind_mismatch"}},
		{"contact with e-mail but no name", func(p *Partner) { p.Contacts = append(p.Contacts, Contact{Email: "a@b.kz"}) }, []string{"contacts[1].name=err.required"}},
		{"control characters in the name", func(p *Partner) { p.Name = "ТОО\x00Ромашка" }, []string{"name=err.control_chars"}},
		{"line break in a one-line field", func(p *Partner) { p.Region = "Астана\nАлматы" }, []string{"region=err.control_chars"}},
		{"notes at Excel's ceiling", func(p *Partner) { p.Notes = strings.Repeat("ә", MaxText) }, nil},
		{"notes past Excel's ceiling", func(p *Partner) { p.Notes = strings.Repeat("ә", MaxText+1) }, []string{"notes=err.too_long"}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			p := goodPartner()
			c.mutate(&p)
			got := fieldsOf(p.Validate())
			if !slices.Equal(got, c.want) {
				t.Errorf("got %v\nwant %v", got, c.want)
			}
		})
	}
}

func TestAgreementValidate(t *testing.T) {
	cases := []struct {
		name   string
		mutate func(*Agreement)
		want   []string
	}{
		{"valid", func(*Agreement) {}, nil},
		{"draft needs no dates", func(a *Agreement) { a.Status, a.SignedOn, a.ValidFrom, a.ValidUntil = StatusDraft, 0, 0, 0 }, nil},
		{"active needs dates", func(a *Agreement) { a.SignedOn, a.ValidFrom = 0, 0 }, []string{"signed_on=err.required", "valid_from=err.required"}},
		{"end before start", func(a *Agreement) { a.ValidUntil = MustDate("31.08.2026") }, []string{"valid_until=err.date_order"}},
		{"signed tomorrow", func(a *Agreement) { a.SignedOn = today.AddDays(1) }, []string{"signed_on=err.date_future"}},
		{"signed today", func(a *Agreement) { a.SignedOn = today }, nil},
		{"impossible date", func(a *Agreement) { a.ValidUntil = 20270230 }, []string{"valid_until=err.date_invalid"}},
		{"no partners", func(a *Agreement) { a.PartnerIDs = nil; a.Responsibilities = a.Responsibilities[:1] }, []string{"partner_ids=err.no_partners"}},
		{"partner twice", func(a *Agreement) { a.PartnerIDs = []ID{1, 2, 1} }, []string{"partner_ids[2]=err.duplicate"}},
		{"obligation of a stranger", func(a *Agreement) { a.Responsibilities[0].Party = PartnerParty(9) }, []string{"responsibilities[0].party=err.party_not_partner"}},
		{"done without date", func(a *Agreement) { a.Responsibilities[1].CompletedOn = 0 }, []string{"responsibilities[1].completed_on=err.completed_required"}},
		{"more employed than graduates", func(a *Agreement) { a.Outcomes[0].Employed = 41; a.Outcomes[0].RetainedAfter12M = 0 }, []string{"outcomes[0].employed=err.employed_gt_grads"}},
		{"more retained than employed", func(a *Agreement) { a.Outcomes[0].RetainedAfter12M = 31 }, []string{"outcomes[0].retained_after_12m=err.retained_gt_empl"}},
		{"negative count", func(a *Agreement) { a.Outcomes[0].EventsHeld = -1 }, []string{"outcomes[0].events_held=err.range"}},
		{"same year twice", func(a *Agreement) { a.Outcomes = append(a.Outcomes, Outcome{Year: 2025}) }, []string{"outcomes[1].year=err.duplicate"}},
		{"terminated without reason", func(a *Agreement) { a.Status = StatusTerminated }, []string{"terminated_on=err.required", "termination_reason=err.required"}},
		{"auto-renewal without term", func(a *Agreement) { a.AutoRenew = true }, []string{"renewal_months=err.renewal_months"}},
		{"unknown kind and form", func(a *Agreement) { a.Kind = "treaty"; a.Forms = []Form{"picnic"} }, []string{"kind=err.unknown_value", "forms[0]=err.unknown_value"}},
		{"principle twice", func(a *Agreement) {
			a.Principles = append(a.Principles, PrincipleAssessment{Principle: PrincipleOpenness, Assessment: AssessMet})
		}, []string{"principles[7].principle=err.duplicate"}},
		{"everything missing", func(a *Agreement) { *a = Agreement{Status: StatusActive} }, []string{
			"number=err.required", "title=err.required", "kind=err.required", "signed_on=err.required",
			"valid_from=err.required", "partner_ids=err.no_partners",
		}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			a := goodAgreement()
			c.mutate(&a)
			got := fieldsOf(a.Validate(today))
			if !slices.Equal(got, c.want) {
				t.Errorf("got %v\nwant %v", got, c.want)
			}
		})
	}
}

func TestInstitutionValidate(t *testing.T) {
	in := Institution{Names: Names{RU: "Ошский государственный университет", KY: "Ош мамлекеттик университети"}, Country: "KG", TaxID: "02104200710010"}
	if err := in.Validate(); err != nil {
		t.Fatal(err)
	}
	in.NumberPattern = "СП-{yyyy}"
	in.WarningDays = -5
	in.Names = Names{}
	got := fieldsOf(in.Validate())
	want := []string{"names.ru=err.required", "number_pattern=err.pattern_counter", "warning_days=err.range"}
	if !slices.Equal(got, want) {
		t.Errorf("got %v want %v", got, want)
	}
}

func TestMessagesExpand(t *testing.T) {
	err := FieldError{Field: "outcomes[0].employed", Key: "err.employed_gt_grads", Args: map[string]string{"Max": "40"}}
	if got := err.Error(); got != "outcomes[0].employed: Cannot be more than the number of graduates (40)." {
		t.Errorf("got %q", got)
	}
	for key, text := range Messages {
		if !strings.HasPrefix(key, "err.") || !strings.HasSuffix(text, ".") {
			t.Errorf("message %s = %q: keys start with err., texts are sentences", key, text)
		}
	}
}

// Every key a validator can emit has an English message.
func TestEveryKeyHasMessage(t *testing.T) {
	p := goodPartner()
	p.Name, p.TaxID = "", "1"
	a := Agreement{Status: StatusTerminated, AutoRenew: true, Outcomes: []Outcome{{Year: 1}}}
	for _, err := range []error{p.Validate(), a.Validate(today)} {
		v, _ := AsValidation(err)
		for _, fe := range v {
			if _, ok := Messages[fe.Key]; !ok {
				t.Errorf("no message for %s", fe.Key)
			}
		}
	}
}
