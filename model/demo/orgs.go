package demo

import (
	"fmt"

	"github.com/partnerdesk/partnerdesk/model"
)

// orgName returns a full and a short name in the style of the partner's
// country and kind.
func (g *gen) orgName(cat model.Category, sub model.SubKind, c city, i int) (string, string) {
	n := 1 + g.r.IntN(120)
	kz, kg := c.country == "KZ", c.country == "KG"
	switch sub {
	case model.SubGeneralSecondary:
		switch {
		case kz:
			return fmt.Sprintf("%s қаласының №%d жалпы білім беретін мектебі", c.name, n), fmt.Sprintf("№%d мектеп", n)
		case kg:
			return fmt.Sprintf("%s шаарындагы №%d орто мектеби", c.name, n), fmt.Sprintf("№%d мектеп", n)
		}
		return fmt.Sprintf("Средняя общеобразовательная школа №%d г. %s", n, c.name), fmt.Sprintf("СОШ №%d", n)
	case model.SubVocational, model.SubAdditionalVocational:
		stem := g.stem(c.country)
		if kz {
			return fmt.Sprintf("«%s» жоғары колледжі", stem), stem + " колледжі"
		}
		return fmt.Sprintf("Колледж «%s»", stem), "Колледж " + stem
	case model.SubLegislativeExecutive, model.SubSocialYouthPolicy:
		if kz {
			return fmt.Sprintf("%s қаласының білім басқармасы", c.name), "Білім басқармасы"
		}
		if kg {
			return fmt.Sprintf("%s шаарынын билим берүү башкармалыгы", c.name), "Билим берүү башкармалыгы"
		}
		return fmt.Sprintf("Управление образования г. %s", c.name), "УО " + c.name
	case model.SubLabourEmployment:
		if kz {
			return fmt.Sprintf("%s қаласының жұмыспен қамту орталығы", c.name), "Жұмыспен қамту орталығы"
		}
		return fmt.Sprintf("Центр занятости населения г. %s", c.name), "ЦЗН " + c.name
	case model.SubMedia:
		stem := g.stem(c.country)
		return fmt.Sprintf("Телерадиокомпания «%s»", stem), stem + " ТВ"
	case model.SubResearchInstitute:
		return fmt.Sprintf("Научно-исследовательский институт «%s»", g.stem(c.country)), "НИИ"
	case model.SubDesignBureau:
		return fmt.Sprintf("Конструкторское бюро «%s»", g.stem(c.country)), "КБ"
	case model.SubForeignCompany:
		stem := stemsForeign[g.r.IntN(len(stemsForeign))]
		return stem + " LLC", stem
	case model.SubIndustrialistsAssoc:
		return fmt.Sprintf("Ассоциация промышленников «%s»", g.stem(c.country)), "Ассоциация"
	case model.SubPublicCouncil, model.SubGuardianshipCouncil:
		return fmt.Sprintf("Общественный совет при акимате г. %s", c.name), "Общественный совет"
	case model.SubCharityFund:
		stem := g.stem(c.country)
		if kz {
			return fmt.Sprintf("«%s» қайырымдылық қоры", stem), stem + " қоры"
		}
		return fmt.Sprintf("Благотворительный фонд «%s»", stem), "Фонд " + stem
	case model.SubAlumniAssociation:
		return "Ассоциация выпускников университета", "Ассоциация выпускников"
	case model.SubYouthAssociation:
		if kg {
			return fmt.Sprintf("«%s» жаштар бирикмеси", g.stem(c.country)), "Жаштар бирикмеси"
		}
		return fmt.Sprintf("«%s» жастар ұйымы", g.stem("KZ")), "Жастар ұйымы"
	case model.SubAdministration, model.SubTeachers, model.SubTechnicalStaff, model.SubStudents:
		return fmt.Sprintf("%s (подразделение университета %d)", g.pick([]string{"Студенческий совет", "Учебно-методический совет", "Центр карьеры", "Профсоюз работников"}), i+1), ""
	}
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
