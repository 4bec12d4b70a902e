package excel

import (
	"strings"

	"github.com/partnerdesk/partnerdesk/model"
)

// Inference of what a register does not say, from the words it does.

// catRule says that a word in a partner's name (a legal form, exactly, or
// the start of a word) points to a category and sub-kind.
type catRule struct {
	words []string
	exact bool // legal forms are whole words; other words are stems
	cat   model.Category
	sub   model.SubKind
}

// catRules are tried in order: what the organisation is (a school, a
// research institute, a newspaper) says more than its legal form; a
// commercial legal form says more than words such as "управление" or
// "фонд" that a company's name may hold.
var catRules = []catRule{
	{words: []string{"нии", "ғзи", "ғылыми зерттеу", "научно исследовательск", "илимий изилдөө", "research institute"}, cat: model.CategoryProfessional, sub: model.SubResearchInstitute},
	{words: []string{"конструкторск", "design bureau"}, cat: model.CategoryProfessional, sub: model.SubDesignBureau},
	{words: []string{"школ", "мектеб", "мектеп", "гимнази", "лицей", "school", "gymnasium"}, cat: model.CategoryEducational, sub: model.SubGeneralSecondary},
	{words: []string{"колледж", "колледжі", "техникум", "училищ", "лицей колледж", "college"}, cat: model.CategoryEducational, sub: model.SubVocational},
	{words: []string{"ясли", "детский сад", "балабақша", "бала бакча", "kindergarten"}, cat: model.CategoryEducational},
	{words: []string{"университет", "институт", "академи", "вуз", "жоо", "жож", "university", "institute", "academy"}, cat: model.CategoryEducational},
	{words: []string{"учебный центр", "оқу орталығы", "окуу борбору", "центр повышения квалификации", "біліктілікті арттыру", "training centre", "training center"}, cat: model.CategoryEducational, sub: model.SubAdditionalVocational},
	{words: []string{"телеканал", "телерадио", "радио", "газет", "журнал", "информационное агентство", "ақпарат агенттігі", "маалымат агенттиги", "басмакана", "media"}, cat: model.CategoryPublicManagement, sub: model.SubMedia},
	{words: []string{"тоо", "жшс", "ао", "ақ", "ак", "оао", "зао", "пао", "ооо", "осоо", "жчк", "аак", "ип", "жк", "чп", "пк", "кх", "шқ", "дх", "фх", "llp", "llc", "jsc", "ltd", "inc", "gmbh", "corp", "plc"}, exact: true, cat: model.CategoryProfessional, sub: model.SubDomesticEnterprise},
	{words: []string{"центр занятости", "халықты жұмыспен қамту", "жумуш менен камсыз", "employment centre"}, cat: model.CategoryPublicManagement, sub: model.SubLabourEmployment},
	{words: []string{"акимат", "әкімдік", "әкімдігі", "аким", "әкім", "управлени", "басқарма", "министерств", "министрлі", "министрлиг", "мэри", "айыл өкмөт", "айылдык кеңеш", "департамент", "комитет", "комитеті", "отдел образования", "бөлімі", "маслихат", "мәслихат", "ministry", "akimat"}, cat: model.CategoryPublicManagement, sub: model.SubLegislativeExecutive},
	{words: []string{"палата", "союз", "одағы", "бирлиги", "ассоциаци", "қауымдастығы", "ассоциациясы", "chamber", "association", "union"}, cat: model.CategoryProfessional, sub: model.SubIndustrialistsAssoc},
	{words: []string{"фонд", "қоры", "қор", "foundation", "fund"}, cat: model.CategoryPublic, sub: model.SubCharityFund},
	{words: []string{"совет выпускников", "ассоциация выпускников", "түлектер", "бүтүрүүчүлөр", "alumni"}, cat: model.CategoryPublic, sub: model.SubAlumniAssociation},
	{words: []string{"молодеж", "жастар", "жаштар", "youth"}, cat: model.CategoryPublic, sub: model.SubYouthAssociation},
	{words: []string{"оо", "оф", "ооо оо", "қб", "кб", "ққ", "кф", "роо", "коо", "ngo", "pf"}, exact: true, cat: model.CategoryPublic, sub: model.SubPublicCouncil},
	{words: []string{"общественное объединение", "общественный фонд", "қоғамдық бірлестік", "қоғамдық қор", "коомдук бирикме", "коомдук фонд"}, cat: model.CategoryPublic, sub: model.SubPublicCouncil},
	{words: []string{"гу", "кгу", "ргу", "мм", "кмм", "рмм", "мм", "гу", "мм"}, exact: true, cat: model.CategoryPublicManagement, sub: model.SubLegislativeExecutive},
	{words: []string{"государственное учреждение", "мемлекеттік мекеме", "мамлекеттик мекеме"}, cat: model.CategoryPublicManagement, sub: model.SubLegislativeExecutive},
	{words: []string{"ргп", "гкп", "гккп", "кгп", "кгкп", "мкп", "ркп", "ршж", "рмк", "кмк", "кмқк", "мкқк", "шжқ", "пхв", "мп", "гп"}, exact: true, cat: model.CategoryPublicManagement, sub: model.SubLegislativeExecutive},
	{words: []string{"товарищество с ограниченной", "жауапкершілігі шектеулі", "акционерное общество", "акционерлік қоғам", "акционердик коом", "общество с ограниченной", "жоопкерчилиги чектелген", "индивидуальный предприниматель", "жеке кәсіпкер", "жеке ишкер", "предприяти", "кәсіпорн", "ишкана", "завод", "фабрик", "комбинат", "компани", "корпораци", "холдинг", "банк", "клиник", "больниц", "аурухана", "оорукана", "company", "corporation", "bank", "group"}, cat: model.CategoryProfessional, sub: model.SubDomesticEnterprise},
}

// InferCategory guesses a partner's category and sub-kind from its name
// (legal form and words, in Russian, Kazakh, Kyrgyz and English). It
// returns the word it went by, or ok false when the name says nothing.
//
// Legal forms are looked for outside the quoted name, so that the
// mountain in «Ала-Тоо Агро» ЖЧК is not taken for "ТОО".
func InferCategory(name string) (cat model.Category, sub model.SubKind, word string, ok bool) {
	words := fixLookAlikes(strings.Fields(normLabel(name)))
	if len(words) == 0 {
		return "", "", "", false
	}
	outside := fixLookAlikes(strings.Fields(normLabel(unquoted(name))))
	if len(outside) == 0 {
		outside = words
	}
	joined := " " + strings.Join(words, " ") + " "
	for _, r := range catRules {
		for _, w := range r.words {
			if r.exact && hitWord("", outside, w, true) || !r.exact && hitWord(joined, words, w, false) {
				return r.cat, r.sub, w, true
			}
		}
	}
	return "", "", "", false
}

// unquoted drops the quoted parts of a name: «…», "…", „…“.
func unquoted(name string) string {
	var b strings.Builder
	depth := 0
	straight := false
	for _, r := range name {
		switch r {
		case '«', '„', '“':
			depth++
		case '»', '”':
			depth = max(depth-1, 0)
		case '"':
			straight = !straight
		default:
			if depth == 0 && !straight {
				b.WriteRune(r)
			}
		}
	}
	return b.String()
}

// lookAlikes reads Latin letters that look Cyrillic, typed by mistake in
// a Cyrillic word, as Cyrillic.
var lookAlikes = strings.NewReplacer("a", "а", "c", "с", "e", "е", "o", "о", "p", "р", "x", "х", "y", "у", "k", "к", "m", "м", "t", "т", "h", "н", "b", "в")

func fixLookAlikes(words []string) []string {
	for i, w := range words {
		if strings.IndexFunc(w, func(r rune) bool { return r >= 'а' && r <= 'я' || r == 'ё' }) >= 0 {
			words[i] = lookAlikes.Replace(w)
		}
	}
	return words
}

// hitWord reports whether w is in the name: a whole word (exact), or, for
// a stem, the start of a word or of a run of words.
func hitWord(joined string, words []string, w string, exact bool) bool {
	if exact {
		for _, x := range words {
			if x == w {
				return true
			}
		}
		return false
	}
	return strings.Contains(joined, " "+w)
}

// kindRules infer an agreement kind from its title or its kind's free text.
var kindRules = []struct {
	words []string
	kind  model.AgreementKind
}{
	{[]string{"дуальн", "дуалды", "дуалдык", "dual"}, model.KindDualTraining},
	{[]string{"меморандум", "memorandum", "mou"}, model.KindMemorandum},
	{[]string{"практик", "тәжірибе", "практика", "кәсіптік практика", "өндірістік практика", "практикалык", "практикалық", "стажировк", "тағылымдама", "internship", "placement", "practice"}, model.KindPracticeBase},
	{[]string{"трудоустр", "жұмысқа орналастыру", "жумушка орноштуруу", "целевой подготовк", "employment"}, model.KindGraduateEmployment},
	{[]string{"социальн партнерств", "социальными партнерами", "социальным партнером", "социального партнерства", "әлеуметтік серіктестік", "социалдык өнөктөштүк", "social partnership"}, model.KindSocialPartnership},
	{[]string{"научн", "ғылыми", "илимий", "нир", "ниокр", "research"}, model.KindResearchCodesign},
	{[]string{"сотрудничеств", "ынтымақтастық", "кызматташуу", "хамкорлик", "cooperation", "партнерств", "серіктестік", "өнөктөштүк"}, model.KindSocialPartnership},
}

// InferKind guesses an agreement's kind from the words of a text (its
// kind as written, or its title).
func InferKind(text string) (model.AgreementKind, bool) {
	n := " " + normLabel(text) + " "
	if strings.TrimSpace(n) == "" {
		return "", false
	}
	for _, r := range kindRules {
		for _, w := range r.words {
			if strings.Contains(n, " "+w) {
				return r.kind, true
			}
		}
	}
	return "", false
}

// statusWords are statuses as registers write them, besides the labels.
var statusWords = []struct {
	words  []string
	status model.Status
}{
	{[]string{"расторг", "прекращ", "аннулир", "бұзылд", "тоқтатыл", "бузулд", "токтотул", "terminated", "cancelled"}, model.StatusTerminated},
	{[]string{"истек", "истёк", "закончил", "мерзімі өт", "мөөнөтү бүт", "мөөнөтү өт", "expired"}, model.StatusExpired},
	{[]string{"проект", "на согласовании", "на подписании", "жоба", "келісуде", "долбоор", "макулдашууда", "draft"}, model.StatusDraft},
	{[]string{"действ", "активн", "в силе", "күшінде", "қолданыста", "жарамды", "күчүндө", "аракетте", "колдонуудагы", "active", "valid", "продлен", "пролонгир", "ұзартыл", "узартыл"}, model.StatusActive},
}

// inferStatus reads a status written in free words.
func inferStatus(text string) (model.Status, bool) {
	n := " " + normLabel(text) + " "
	for _, r := range statusWords {
		for _, w := range r.words {
			if strings.Contains(n, " "+w) {
				return r.status, true
			}
		}
	}
	return "", false
}
