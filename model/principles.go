package model

import "slices"

// Principle is one of the seven principles of social partnership the seed
// paper names.
type Principle string

// The seven principles, in the seed's order.
const (
	PrincipleHumanization    Principle = "humanization"
	PrincipleCooperation     Principle = "cooperation"
	PrincipleDemocratization Principle = "democratization"
	PrincipleComplementarity Principle = "complementarity"
	PrincipleIntegration     Principle = "integration"
	PrincipleFlexibility     Principle = "flexibility"
	PrincipleOpenness        Principle = "openness"
)

// Principles lists the seven principles in the seed's order.
var Principles = []Principle{
	PrincipleHumanization, PrincipleCooperation, PrincipleDemocratization,
	PrincipleComplementarity, PrincipleIntegration, PrincipleFlexibility, PrincipleOpenness,
}

// Valid reports whether p is one of the seven principles.
func (p Principle) Valid() bool { return slices.Contains(Principles, p) }

// Key is the translation key of p's name.
func (p Principle) Key() string { return "principle." + string(p) }

// HelpKey is the translation key of p's definition.
func (p Principle) HelpKey() string { return "principle." + string(p) + ".help" }

// Definition returns the seed's definition of p in English ("en") or
// Russian (any other language code falls back to English). The user
// interface shows it as help text next to the checklist.
func (p Principle) Definition(lang string) string {
	d := principleDefinitions[p]
	if lang == "ru" {
		return d[1]
	}
	return d[0]
}

// principleDefinitions holds the seed's wording (English, as published)
// and its Russian rendering.
var principleDefinitions = map[Principle][2]string{
	PrincipleHumanization: {
		"Humanization, the leading idea of social development, permeates every category and area of cooperation between partners, so as to create opportunities for developing the creative individuality of the student's personality.",
		"Гуманизация как ведущая идея общественного развития пронизывает все категории и направления сотрудничества партнёров, чтобы создавать возможности для развития творческой индивидуальности личности обучающегося.",
	},
	PrincipleCooperation: {
		"Cooperation of educational and social structures and production, defined by the strategy of socio-economic development, by changing relations between educational institutions and enterprises, and by supply and demand for educational services.",
		"Кооперация образовательных и социальных структур и производства определяется стратегией социально-экономического развития, изменением отношений между учебными заведениями и предприятиями, а также спросом на образовательные услуги и их предложением.",
	},
	PrincipleDemocratization: {
		"Democratization: improving access for all members of society to cooperate in meeting social and educational needs on the basis of social partnership.",
		"Демократизация: расширение доступа всех членов общества к сотрудничеству в удовлетворении социальных и образовательных потребностей на основе социального партнёрства.",
	},
	PrincipleComplementarity: {
		"Complementarity (subsidiarity) of all kinds of social partnership lets a person choose any form of cooperation to meet needs in formal, non-formal and informal (self-) education.",
		"Взаимодополняемость (субсидиарность) всех видов социального партнёрства позволяет человеку выбирать любую форму сотрудничества для удовлетворения потребностей в формальном, неформальном и информальном образовании (самообразовании).",
	},
	PrincipleIntegration: {
		"Integration of educational structures into a common educational space, considered regionally: all entities of the region directly or indirectly involved in the educational process.",
		"Интеграция образовательных структур в единое образовательное пространство, рассматриваемое в региональном аспекте: все субъекты региона, прямо или косвенно участвующие в образовательном процессе.",
	},
	PrincipleFlexibility: {
		"Flexibility of the system and all its components: the ability to rebuild quickly as the needs of production, society and the individual change, with the widest variety of forms of interaction.",
		"Гибкость системы и всех её компонентов: способность быстро перестраиваться в соответствии с меняющимися потребностями производства, общества и личности при максимальном разнообразии форм взаимодействия.",
	},
	PrincipleOpenness: {
		"Openness of the vocational education system: the ability to set new goals, to update content ahead of time, to take in educational innovations and new mechanisms of social partnership.",
		"Открытость системы профессионального образования: способность ставить новые цели, опережающими темпами обновлять содержание, воспринимать образовательные инновации и новые механизмы социального партнёрства.",
	},
}

// PrincipleAssessment records how an agreement honours one principle.
type PrincipleAssessment struct {
	Principle  Principle  `json:"principle"`
	Assessment Assessment `json:"assessment"`
	Evidence   string     `json:"evidence,omitempty"`
}

// NormalizePrinciples returns exactly seven assessments in the seed's order,
// taking each principle's entry from given (the last one wins when a
// principle appears twice) and "not assessed" for missing ones. Unknown
// principles are dropped.
func NormalizePrinciples(given []PrincipleAssessment) []PrincipleAssessment {
	out := make([]PrincipleAssessment, len(Principles))
	for i, p := range Principles {
		out[i] = PrincipleAssessment{Principle: p, Assessment: AssessNotAssessed}
		for _, g := range given {
			if g.Principle == p {
				out[i] = g
				if out[i].Assessment == "" {
					out[i].Assessment = AssessNotAssessed
				}
			}
		}
	}
	return out
}

// PrinciplesMet counts the principles assessed as met.
func PrinciplesMet(list []PrincipleAssessment) int {
	n := 0
	for _, pa := range list {
		if pa.Assessment == AssessMet {
			n++
		}
	}
	return n
}
