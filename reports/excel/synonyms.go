package excel

import (
	"strings"
	"sync"

	"github.com/partnerdesk/partnerdesk/model"
)

// extraSynonyms are header texts seen in registers kept by hand, in
// Russian, Kazakh, Kyrgyz and English, besides the headers PartnerDesk
// writes in each language.
var extraSynonyms = map[Field][]string{
	"seq":                {"№", "п/п", "№ п/п", "no", "#", "р/с", "р/с №"},
	"number":             {"номер", "№ договора", "номер соглашения", "регистрационный номер", "рег. номер", "нөмірі", "номери", "agreement no", "number", "contract number"},
	"signed_on":          {"дата заключения", "дата договора", "дата подписания договора", "дата", "жасалған күні", "түзүлгөн күнү", "date", "date signed", "date of signing"},
	"partners":           {"партнер", "партнеры", "контрагент", "организация", "наименование организации", "наименование партнера", "предприятие", "социальный партнер", "серіктес", "ұйым", "өнөктөш", "уюм", "partner", "organisation", "organization", "company"},
	"tax_ids":            {"бин", "иин", "инн", "бин/иин", "бин/инн", "бсн", "жсн", "стн", "bin", "inn", "tax id", "tin"},
	"categories":         {"категория", "группа партнеров", "санаты", "категориясы", "category"},
	"kind":               {"вид", "тип договора", "вид соглашения", "түрі", "түрү", "type", "kind"},
	"title":              {"предмет", "наименование договора", "тема", "название договора", "нысанасы", "предмети", "title"},
	"valid_from":         {"дата начала", "начало действия", "срок действия с", "басталу күні", "башталышы", "start date", "start"},
	"valid_until":        {"дата окончания", "окончание", "срок действия", "срок действия до", "действителен до", "аяқталуы", "аякташы", "end date", "expires", "expiry", "действует до", "аяқталу күні", "аяктоо күнү", "valid until"},
	"status":             {"состояние", "статус договора", "мәртебе", "абал", "state"},
	"auto_renew":         {"автоматическая пролонгация", "пролонгация", "ұзарту", "узартуу", "renewal"},
	"levels":             {"уровень", "уровни", "деңгей", "деңгээл", "level", "levels"},
	"forms":              {"формы", "форма сотрудничества", "направления сотрудничества", "нысандары", "формалары", "forms"},
	"programmes":         {"образовательная программа", "специальность", "специальности", "шифр и наименование", "оп", "бағдарлама", "программа", "programme", "program", "speciality"},
	"practice_places":    {"места практики", "количество мест практики", "практика орындары", "практика орундары", "practice places"},
	"coordinator":        {"ответственный", "ответственный от вуза", "куратор", "жауапты", "жооптуу", "responsible"},
	"renewal_months":     {"срок пролонгации", "ұзарту мерзімі", "узартуу мөөнөтү", "renewal term"},
	"place":              {"место заключения", "место", "город подписания", "орны", "жери", "place"},
	"model":              {"модель", "model"},
	"terminated_on":      {"дата расторжения", "расторгнут", "terminated"},
	"termination_reason": {"причина расторжения", "основание расторжения", "reason"},
	"notes":              {"примечание", "комментарий", "ескерту", "эскертүү", "note", "comment", "remarks"},
	"name":               {"наименование", "название", "полное наименование", "организация", "наименование организации", "партнер", "атауы", "аталышы", "name", "organisation", "organization", "full name"},
	"category":           {"группа", "группа партнеров", "санат", "category"},
	"sub_kind":           {"тип организации", "подвид", "ұйым түрі", "уюмдун түрү", "organisation type", "type"},
	"relation":           {"тип партнера", "статус партнера", "relation"},
	"country":            {"страна", "ел", "мемлекет", "өлкө", "country"},
	"region":             {"регион", "область", "облыс", "облус", "аймак", "өңір", "region", "oblast"},
	"tax_id":             {"бин", "иин", "инн", "бин/иин", "бин/инн", "бсн", "жсн", "стн", "bin", "inn", "tax id", "tin"},
	"address":            {"адрес", "юридический адрес", "мекенжай", "дарек", "address"},
	"main_contact":       {"контакт", "контактное лицо", "контакты", "байланыс", "байланыш", "contact", "contact person"},
	"person":             {"фио", "контактное лицо", "аты жөні", "аты жөнү", "name", "person"},
	"position":           {"должность", "лауазым", "кызмат", "position", "job title"},
	"phone":              {"телефон", "тел", "phone", "tel"},
	"email":              {"email", "e-mail", "электронная почта", "почта", "эл почта", "mail"},
	"party":              {"сторона", "тарап", "party"},
	"description":        {"обязательство", "обязательства", "содержание", "мероприятие", "міндеттеме", "милдеттенме", "responsibility", "obligation", "task"},
	"owner":              {"ответственный", "жауапты", "жооптуу", "owner", "responsible"},
	"due":                {"срок", "срок исполнения", "мерзім", "мөөнөт", "due", "due date", "deadline"},
	"task_status":        {"статус", "выполнение", "отметка о выполнении", "status"},
	"done_on":            {"дата выполнения", "выполнено", "фактическая дата", "completed", "completed on"},
	"evidence":           {"подтверждение", "документ", "основание", "растау", "далил", "evidence"},
	"year":               {"учебный год", "год", "оқу жылы", "окуу жылы", "year"},
	"placed":             {"на практике", "прошли практику", "направлено на практику", "practice"},
	"graduates":          {"выпускники", "выпускников", "түлектер", "бүтүрүүчүлөр", "graduates"},
	"employed":           {"трудоустроено", "трудоустроены", "трудоустройство", "employed"},
	"retained":           {"закрепляемость", "работают через год", "retained"},
	"assessed":           {"оценка работодателем", "оценено работодателем", "assessed"},
	"events":             {"мероприятия", "мероприятий", "іс шаралар", "иш чаралар", "events"},
	"resource":           {"ресурс", "что предоставляет", "resource"},
	"quantity":           {"количество", "кол во", "саны", "quantity", "qty"},
	"unit":               {"единица", "ед изм", "unit"},
	"value":              {"стоимость", "сумма", "құны", "наркы", "value", "amount"},
	"currency":           {"валюта", "currency"},
}

var (
	synOnce  sync.Once
	synonyms map[SheetKind]map[Field][]string // normalised
)

// headerSynonyms returns the normalised header texts of every field of
// each sheet kind: its header in every language, its code, and the extra
// synonyms.
func headerSynonyms() map[SheetKind]map[Field][]string {
	synOnce.Do(func() {
		synonyms = map[SheetKind]map[Field][]string{}
		for _, kind := range SheetKinds {
			m := map[Field][]string{}
			for _, fi := range Fields(kind) {
				list := []string{normLabel(strings.ReplaceAll(string(fi.Field), "_", " "))}
				for _, lang := range model.Languages {
					list = append(list, normLabel(fi.Header(lang)))
				}
				for _, s := range extraSynonyms[fi.Field] {
					list = append(list, normLabel(s))
				}
				m[fi.Field] = list
			}
			synonyms[kind] = m
		}
	})
	return synonyms
}

// matchHeader scores how well a header cell names a field: 3 for an exact
// match, 2 when the header contains a synonym of at least four letters as
// whole words, 0 otherwise; the length of the matched synonym breaks ties.
func matchHeader(header string, syns []string) (score, length int) {
	h := " " + normLabel(header) + " "
	if strings.TrimSpace(h) == "" {
		return 0, 0
	}
	for _, s := range syns {
		switch {
		case s == "":
		case " "+s+" " == h:
			return 3, len(s)
		case len([]rune(s)) >= 4 && strings.Contains(h, " "+s+" ") && len(s) > length:
			score, length = 2, len(s)
		}
	}
	return score, length
}

// kindOfName returns the sheet kind a sheet's name says, in any language.
func kindOfName(name string) SheetKind {
	n := " " + normLabel(name) + " "
	for _, kind := range SheetKinds {
		for _, lang := range model.Languages {
			k := normLabel(kind.Name(lang))
			if n == " "+k+" " || len([]rune(k)) >= 6 && strings.Contains(n, " "+k+" ") {
				return kind
			}
		}
		if n == " "+string(kind)+" " {
			return kind
		}
	}
	return ""
}
