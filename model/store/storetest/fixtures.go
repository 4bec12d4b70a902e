package storetest

import (
	"time"

	"github.com/partnerdesk/partnerdesk/model"
)

// FullPartner returns a partner with every field set, for round-trip tests.
func FullPartner(name, taxID string) model.Partner {
	return model.Partner{
		Name:      name,
		ShortName: "ҚТЖ",
		Names:     model.Names{RU: name + " (рус.)", KK: name + " (қаз.)", KY: name + " (кыр.)", EN: name + " (en)"},
		Country:   "KZ", Region: "Астана", City: "Астана",
		Address: "010000, Астана қ., Қонаев к-сі, 6\nБЦ «Изумрудный квартал»",
		Website: "https://railways.kz", TaxID: taxID,
		Category: model.CategoryProfessional, SubKind: model.SubDomesticEnterprise, Relation: model.RelationReal,
		Signatory: model.Person{Name: "Сауат Мынбаев", Position: "Председатель правления"},
		Contacts: []model.Contact{
			{Name: "Әйгерім Нұрланқызы", Position: "HR-директор", Phone: "+7 7172 60-44-00", Email: "hr@railways.kz", Notes: "по практике"},
			{Name: "Ivan Petrov", Phone: "+7 701 000 00 01"},
		},
		Notes: "Базовое предприятие кафедры\nс 2019 года",
		Tags:  []string{"транспорт", "практика"},
	}
}

// FullAgreement returns an agreement with every field set, with the given
// partners, for round-trip tests. Dates lie before 2026-11-28.
func FullAgreement(number string, partners ...model.ID) model.Agreement {
	p1 := model.PartnerParty(partners[0])
	return model.Agreement{
		Number: number, Title: "Әлеуметтік серіктестік туралы меморандум",
		Subject: "Сотрудничество в подготовке кадров:\n— практика;\n— трудоустройство.",
		Kind:    model.KindSocialPartnership, PartnerIDs: partners,
		SignedOn: model.MustDate("01.09.2025"), ValidFrom: model.MustDate("01.09.2025"),
		ValidUntil: model.MustDate("31.08.2028"), AutoRenew: true, RenewalMonths: 12, Place: "Астана",
		Status:         model.StatusActive,
		Levels:         []model.Level{model.LevelEducationalOrder, model.LevelCareer},
		Model:          model.ModelResource,
		Forms:          []model.Form{model.FormPracticePlacement, model.FormHackathon},
		Programmes:     []model.Programme{{Code: "6B07101", Name: "Транспорт, транспортная техника и технологии"}},
		PracticePlaces: 25,
		Resources: []model.Resource{
			{Party: p1, Description: "Учебный полигон", Quantity: 1, Unit: "шт.", Value: 1500000, Currency: "KZT"},
			{Party: model.PartyInstitution, Description: "Аудитории для лекций", Quantity: 2, Unit: "ауд."},
		},
		Coordinators: []model.Coordinator{
			{Party: model.PartyInstitution, Name: "Сулейменова Ж.А.", Position: "ст. преподаватель", Phone: "+7 7172 70-95-00", Email: "zhazs@mail.ru"},
			{Party: p1, Name: "Нұрланқызы Ә.", Email: "hr@railways.kz"},
		},
		Responsibilities: []model.Responsibility{
			{Party: model.PartyInstitution, Description: "Направить 25 студентов на практику", Owner: "Сулейменова Ж.А.", Due: model.MustDate("01.02.2026"), Status: model.TaskDone, CompletedOn: model.MustDate("30.01.2026"), Evidence: "Приказ № 15-п"},
			{Party: p1, Description: "Предоставить рабочие места и наставников", Owner: "HR", Due: model.MustDate("15.02.2026"), Status: model.TaskInProgress},
			{Party: model.PartyJoint, Description: "Провести кейс-чемпионат", Due: model.MustDate("01.12.2026"), Status: model.TaskPlanned},
		},
		Principles: []model.PrincipleAssessment{
			{Principle: model.PrincipleHumanization, Assessment: model.AssessMet, Evidence: "наставничество"},
			{Principle: model.PrincipleCooperation, Assessment: model.AssessMet},
			{Principle: model.PrincipleDemocratization, Assessment: model.AssessPartly},
			{Principle: model.PrincipleComplementarity, Assessment: model.AssessNotMet},
			{Principle: model.PrincipleIntegration, Assessment: model.AssessMet},
			{Principle: model.PrincipleFlexibility, Assessment: model.AssessNotAssessed},
			{Principle: model.PrincipleOpenness, Assessment: model.AssessMet, Evidence: "дни открытых дверей"},
		},
		Outcomes: []model.Outcome{
			{Year: 2024, PlacedForPractice: 20, Graduates: 18, Employed: 15, RetainedAfter12M: 12, AssessedByEmployer: 20, EventsHeld: 3},
			{Year: 2025, PlacedForPractice: 25, Graduates: 22, Employed: 20, RetainedAfter12M: 0, AssessedByEmployer: 25, EventsHeld: 4},
		},
		Notes: "Подписан на форуме «Кәсіпорын — ЖОО»",
	}
}

// Clock is a settable clock for Options.Now.
type Clock struct{ T time.Time }

// Now returns the clock's time.
func (c *Clock) Now() time.Time { return c.T }

// Advance moves the clock on.
func (c *Clock) Advance(d time.Duration) { c.T = c.T.Add(d) }
