package model

// The paper's scale. The paper (section "Findings", Table 1) names the four
// indicators and the three levels; its caption calls the first two
// "psychological-pedagogical" and "social-pedagogical" knowledge, and its
// text says what the knowledge is about: "the meaning of social
// partnership and opportunities for organizing interaction with partners
// in education". The level definitions below restate the paper's three
// names as observable descriptions; the paper itself gives no more.

// Codes of the paper's indicators and levels.
const (
	IndicatorProfessional       = "professional"
	IndicatorSocioPsychological = "socio_psychological"
	IndicatorGeneralCultural    = "general_cultural"
	IndicatorSubject            = "subject"
	LevelFragmented             = "fragmented"
	LevelComplete               = "complete"
	LevelSummative              = "summative"
)

// DefaultScale returns the paper's four indicators and three levels, with
// their names and definitions in the four languages.
func DefaultScale() Scale {
	return Scale{
		Indicators: []ScaleItem{
			{Code: IndicatorProfessional,
				Names: Names{RU: "Профессиональные знания", KK: "Кәсіби білім", KY: "Кесиптик билим", EN: "Professional knowledge"},
				Help: Names{
					RU: "Психолого-педагогические знания о смысле социального партнёрства в образовании.",
					KK: "Білім берудегі әлеуметтік серіктестіктің мәні туралы психологиялық-педагогикалық білім.",
					KY: "Билим берүүдөгү социалдык өнөктөштүктүн маңызы жөнүндө психологиялык-педагогикалык билим.",
					EN: "Psychological-pedagogical knowledge of the meaning of social partnership in education.",
				}},
			{Code: IndicatorSocioPsychological,
				Names: Names{RU: "Социально-психологические знания", KK: "Әлеуметтік-психологиялық білім", KY: "Социалдык-психологиялык билим", EN: "Socio-psychological knowledge"},
				Help: Names{
					RU: "Социально-педагогические знания о возможностях организации взаимодействия с партнёрами в образовании.",
					KK: "Білім берудегі серіктестермен өзара әрекеттесуді ұйымдастыру мүмкіндіктері туралы әлеуметтік-педагогикалық білім.",
					KY: "Билим берүүдө өнөктөштөр менен өз ара аракеттенүүнү уюштуруу мүмкүнчүлүктөрү жөнүндө социалдык-педагогикалык билим.",
					EN: "Social-pedagogical knowledge of the opportunities for organising interaction with partners in education.",
				}},
			{Code: IndicatorGeneralCultural,
				Names: Names{RU: "Общекультурные знания", KK: "Жалпы мәдени білім", KY: "Жалпы маданий билим", EN: "General cultural knowledge"},
				Help: Names{
					RU: "Общекультурные знания о социальном партнёрстве как явлении общества.",
					KK: "Әлеуметтік серіктестік қоғам құбылысы ретінде туралы жалпы мәдени білім.",
					KY: "Социалдык өнөктөштүк коомдун көрүнүшү катары жөнүндө жалпы маданий билим.",
					EN: "General cultural knowledge of social partnership as a phenomenon of society.",
				}},
			{Code: IndicatorSubject,
				Names: Names{RU: "Предметные знания", KK: "Пәндік білім", KY: "Предметтик билим", EN: "Subject knowledge"},
				Help: Names{
					RU: "Предметные знания о социальном партнёрстве в своей будущей профессии.",
					KK: "Болашақ мамандықтағы әлеуметтік серіктестік туралы пәндік білім.",
					KY: "Келечектеги кесиптеги социалдык өнөктөштүк жөнүндө предметтик билим.",
					EN: "Subject knowledge of social partnership in the student's future profession.",
				}},
		},
		Levels: []ScaleItem{
			{Code: LevelFragmented,
				Names: Names{RU: "Фрагментарные знания", KK: "Үзік білім", KY: "Үзүл-кесил билим", EN: "Fragmented knowledge"},
				Help: Names{
					RU: "Отдельные сведения, не связанные между собой и с практикой.",
					KK: "Бір-бірімен де, тәжірибемен де байланыспаған жекелеген мәліметтер.",
					KY: "Бири-бири менен да, практика менен да байланышпаган айрым маалыматтар.",
					EN: "Separate facts, linked neither to each other nor to practice.",
				}},
			{Code: LevelComplete,
				Names: Names{RU: "Полные знания", KK: "Толық білім", KY: "Толук билим", EN: "Complete knowledge"},
				Help: Names{
					RU: "Все основные понятия усвоены и связаны; применяются с помощью в типичных ситуациях.",
					KK: "Барлық негізгі ұғымдар меңгерілген және байланысқан; үлгілік жағдайларда көмекпен қолданылады.",
					KY: "Бардык негизги түшүнүктөр өздөштүрүлгөн жана байланышкан; типтүү кырдаалдарда жардам менен колдонулат.",
					EN: "All the main notions learnt and linked; applied with help in typical situations.",
				}},
			{Code: LevelSummative,
				Names: Names{RU: "Обобщённые знания", KK: "Жинақталған білім", KY: "Жалпыланган билим", EN: "Summative knowledge"},
				Help: Names{
					RU: "Знания сведены в целое и самостоятельно применяются в новых ситуациях взаимодействия с партнёрами.",
					KK: "Білім тұтастыққа біріктірілген және серіктестермен жаңа жағдайларда өз бетімен қолданылады.",
					KY: "Билим бүтүндүккө бириктирилген жана өнөктөштөр менен жаңы кырдаалдарда өз алдынча колдонулат.",
					EN: "Knowledge brought together into a whole and applied independently in new situations with partners.",
				}},
		},
	}
}
