package demo

import (
	"fmt"

	"github.com/partnerdesk/partnerdesk/model"
)

// orgName returns a full and a short name in the style of the partner's
// country and kind.
func (g *gen) orgName(cat model.Category, sub model.SubKind, c city, i int) (string, string) {
	n := 1 + g.r.IntN(120)
	if full, short, ok := g.publicOrgName(sub, c, n); ok {
		return full, short
	}
	if full, short, ok := g.otherOrgName(sub, c, i); ok {
		return full, short
	}
	return g.companyName(c)
}

// publicOrgName names schools, colleges, state bodies and institutes; ok
// is false for other kinds.
func (g *gen) publicOrgName(sub model.SubKind, c city, n int) (full, short string, ok bool) {
	kz, kg := c.country == "KZ", c.country == "KG"
	switch sub {
	case model.SubGeneralSecondary:
		switch {
		case kz:
			return fmt.Sprintf("%s қаласының №%d жалпы білім беретін мектебі", c.name, n), fmt.Sprintf("№%d мектеп", n), true
		case kg:
			return fmt.Sprintf("%s шаарындагы №%d орто мектеби", c.name, n), fmt.Sprintf("№%d мектеп", n), true
		}
		return fmt.Sprintf("Средняя общеобразовательная школа №%d г. %s", n, c.name), fmt.Sprintf("СОШ №%d", n), true
	case model.SubVocational, model.SubAdditionalVocational:
		stem := g.stem(c.country)
		if kz {
			return fmt.Sprintf("«%s» жоғары колледжі", stem), stem + " колледжі", true
		}
		return fmt.Sprintf("Колледж «%s»", stem), "Колледж " + stem, true
	case model.SubLegislativeExecutive, model.SubSocialYouthPolicy:
		if kz {
			return fmt.Sprintf("%s қаласының білім басқармасы", c.name), "Білім басқармасы", true
		}
		if kg {
			return fmt.Sprintf("%s шаарынын билим берүү башкармалыгы", c.name), "Билим берүү башкармалыгы", true
		}
		return fmt.Sprintf("Управление образования г. %s", c.name), "УО " + c.name, true
	case model.SubLabourEmployment:
		if kz {
			return fmt.Sprintf("%s қаласының жұмыспен қамту орталығы", c.name), "Жұмыспен қамту орталығы", true
		}
		return fmt.Sprintf("Центр занятости населения г. %s", c.name), "ЦЗН " + c.name, true
	case model.SubMedia:
		stem := g.stem(c.country)
		return fmt.Sprintf("Телерадиокомпания «%s»", stem), stem + " ТВ", true
	case model.SubResearchInstitute:
		return fmt.Sprintf("Научно-исследовательский институт «%s»", g.stem(c.country)), "НИИ", true
	case model.SubDesignBureau:
		return fmt.Sprintf("Конструкторское бюро «%s»", g.stem(c.country)), "КБ", true
	}
	return "", "", false
}

// otherOrgName names foreign companies, associations, councils and funds
// and the university's own units; ok is false for other kinds.
func (g *gen) otherOrgName(sub model.SubKind, c city, i int) (full, short string, ok bool) {
	switch sub {
	case model.SubForeignCompany:
		stem := stemsForeign[g.r.IntN(len(stemsForeign))]
		return stem + " LLC", stem, true
	case model.SubIndustrialistsAssoc:
		return fmt.Sprintf("Ассоциация промышленников «%s»", g.stem(c.country)), "Ассоциация", true
	case model.SubPublicCouncil, model.SubGuardianshipCouncil:
		return fmt.Sprintf("Общественный совет при акимате г. %s", c.name), "Общественный совет", true
	case model.SubCharityFund:
		stem := g.stem(c.country)
		if c.country == "KZ" {
			return fmt.Sprintf("«%s» қайырымдылық қоры", stem), stem + " қоры", true
		}
		return fmt.Sprintf("Благотворительный фонд «%s»", stem), "Фонд " + stem, true
	case model.SubAlumniAssociation:
		return "Ассоциация выпускников университета", "Ассоциация выпускников", true
	case model.SubYouthAssociation:
		if c.country == "KG" {
			return fmt.Sprintf("«%s» жаштар бирикмеси", g.stem(c.country)), "Жаштар бирикмеси", true
		}
		return fmt.Sprintf("«%s» жастар ұйымы", g.stem("KZ")), "Жастар ұйымы", true
	case model.SubAdministration, model.SubTeachers, model.SubTechnicalStaff, model.SubStudents:
		return fmt.Sprintf("%s (подразделение университета %d)", g.pick([]string{"Студенческий совет", "Учебно-методический совет", "Центр карьеры", "Профсоюз работников"}), i+1), "", true
	}
	return "", "", false
}

// companyName names a company in its country's legal form.
func (g *gen) companyName(c city) (string, string) {
	kz, kg := c.country == "KZ", c.country == "KG"
	stem := g.stem(c.country)
	switch {
	case kz:
		return fmt.Sprintf("«%s» жауапкершілігі шектеулі серіктестігі", stem), fmt.Sprintf("«%s» ЖШС", stem)
	case kg:
		return fmt.Sprintf("«%s» жоопкерчилиги чектелген коому", stem), fmt.Sprintf("«%s» ЖЧК", stem)
	case c.country == "RU":
		return fmt.Sprintf("Общество с ограниченной ответственностью «%s»", stem), fmt.Sprintf("ООО «%s»", stem)
	}
	return stem + " Ltd", stem
}

func (g *gen) stem(country string) string {
	switch country {
	case "KG":
		return g.pick(stemsKG)
	case "RU":
		return g.pick(stemsRU)
	case "KZ":
		return g.pick(stemsKZ)
	}
	return g.pick(stemsForeign)
}
