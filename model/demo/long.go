package demo

import (
	"fmt"

	"github.com/partnerdesk/partnerdesk/model"
)

// LongAgreement returns a tripartite dual-training agreement signed on the
// given day, with twenty responsibilities of a few sentences each (in
// Russian and Kazakh) shared among the institution, the three partners and
// all parties jointly: the demo of a memorandum that runs over several
// pages. Each responsibility's text is different.
func LongAgreement(number string, partners [3]model.ID, signed model.Date) model.Agreement {
	p := [3]model.Party{model.PartnerParty(partners[0]), model.PartnerParty(partners[1]), model.PartnerParty(partners[2])}
	a := model.Agreement{
		Number: number, Title: "Трёхсторонний договор о дуальном обучении",
		Subject: "Стороны совместно организуют дуальное обучение студентов: теоретическая часть проходит в университете, " +
			"практическая — на рабочих местах партнёров под руководством наставников.\n" +
			"Тараптар білім алушыларды дуалды оқытуды бірлесіп ұйымдастырады және түлектерді жұмысқа орналастыруға жәрдемдеседі.",
		Kind: model.KindDualTraining, PartnerIDs: partners[:],
		SignedOn: signed, ValidFrom: signed, ValidUntil: signed.AddMonths(36).AddDays(-1),
		AutoRenew: true, RenewalMonths: 12, Place: "Астана", Status: model.StatusActive,
		Levels:         model.Levels,
		Model:          model.ModelResource,
		Forms:          []model.Form{model.FormPracticePlacement, model.FormEmployerAssessment, model.FormProgrammeCodesign, model.FormGuestLecture},
		Programmes:     []model.Programme{{Code: "6B07101", Name: "Транспорт, транспортная техника и технологии"}, {Code: "6B06102", Name: "Информационные системы"}},
		PracticePlaces: 40,
		Resources: []model.Resource{
			{Party: model.PartyInstitution, Description: "Аудитории и компьютерный класс для теоретических занятий", Quantity: 3, Unit: "ауд."},
			{Party: p[0], Description: "Рабочие места для практикантов с наставниками", Quantity: 20, Unit: "мест"},
			{Party: p[1], Description: "Учебный полигон и оборудование", Quantity: 1, Unit: "шт.", Value: 2500000, Currency: "KZT"},
			{Party: p[2], Description: "Лицензии на программное обеспечение", Quantity: 25, Unit: "шт."},
		},
		Coordinators: []model.Coordinator{
			{Party: model.PartyInstitution, Name: "Сүлейменова Жанар Әскерқызы", Position: "Доцент кафедры", Email: "coordinator@silkway.edu.kz"},
			{Party: p[0], Name: "Ғабитов Нұрлан", Position: "Начальник отдела кадров"},
			{Party: p[1], Name: "Өмірбекова Айгүл", Position: "Главный инженер"},
			{Party: p[2], Name: "Ким Виктор", Position: "Руководитель учебного центра"},
		},
		Principles: model.NormalizePrinciples(nil),
	}
	parties := []model.Party{model.PartyInstitution, p[0], p[1], p[2], model.PartyJoint}
	for i := range 20 {
		year := signed.Year() + i/len(longDuties)
		a.Responsibilities = append(a.Responsibilities, model.Responsibility{
			Party:       parties[i%len(parties)],
			Description: fmt.Sprintf("В %d/%d учебном году: %s", year, year+1, longDuties[i%len(longDuties)]),
			Owner:       "Сүлейменова Ж. Ә.",
			Due:         signed.AddDays(30 * (i + 1)),
			Status:      model.TaskPlanned,
		})
	}
	for i := range a.Principles {
		a.Principles[i].Assessment = model.AssessMet
		a.Principles[i].Evidence = "Отражено в совместном плане работы"
	}
	return a
}

var longDuties = []string{
	"направить студентов на производственную практику по согласованному графику, закрепить за каждым руководителя практики от кафедры и представить партнёрам списки студентов не позднее чем за две недели до начала практики",
	"предоставить рабочие места, оснащённые современным оборудованием, закрепить за каждым студентом наставника из числа ведущих специалистов и ежемесячно сообщать кафедре о ходе практики",
	"провести совместный семинар для наставников о методике дуального обучения; оқу жоспарына сәйкес білім алушылардың кәсіби құзыреттерін бағалау әдістерін талқылау",
	"участвовать в итоговой аттестации выпускников в составе государственной аттестационной комиссии и дать письменную оценку сформированности профессиональных компетенций",
	"разработать и согласовать модули образовательной программы с учётом профессиональных стандартов и требований работодателей; өңірлік ұйымдар үшін һәм кафедра үшін ұсыныстар дайындау",
	"организовать стажировку преподавателей кафедры на предприятии продолжительностью не менее 72 часов с выдачей документа о повышении квалификации",
	"рассматривать выпускников в первую очередь при приёме на работу и ежегодно сообщать университету о числе трудоустроенных выпускников и их закреплении на рабочих местах",
	"провести кейс-чемпионат для студентов старших курсов по реальным задачам предприятия с участием экспертов от каждой из Сторон",
	"обеспечить студентов средствами индивидуальной защиты и провести инструктаж по технике безопасности до начала практики",
	"подготовить отчёт о результатах сотрудничества за учебный год с показателями трудоустройства и оценкой соблюдения принципов социального партнёрства",
}
