package main

// ruTwoTables: two tables on one sheet, practice agreements and then
// memoranda under their own title and a repeated header, as departments
// keep them on one page. Shaped after the practice-document forms of the
// Poltava State Agrarian University (pdau.edu.ua/content/formy-dokumentiv-shchodo-praktyky)
// and a university's memoranda list (osce-academy.net/ru/news/print/id/1234).
func ruTwoTables() {
	b := newBook("ru_two_tables.xlsx", "Лист1")
	sh := "Лист1"
	head := []any{"№", "Номер договора", "Дата", "Организация", "Вид договора", "Действует до"}
	b.rows(sh, 1, 1,
		[]any{"1. Договоры о прохождении практики"},
		head,
		[]any{1, "ДП-1", "01.02.2025", "ТОО «Агрофирма Полтавка»", "Договор о прохождении практики", "31.01.2026"},
		[]any{2, "ДП-2", "03.02.2025", "ТОО «Элеватор Север»", "Договор о проведении практики", "02.02.2026"},
		[]any{},
		[]any{"2. Меморандумы"},
		head,
		[]any{1, "МС-1", "10.03.2025", "Академия ОБСЕ", "Меморандум о сотрудничестве", "09.03.2030"},
		[]any{2, "ДП-2", "11.03.2025", "ОФ «Даму»", "Меморандум", "10.03.2027"},
	)
	b.save()
}

// ruStatusWords: the kinds and statuses as people write them, in Russian
// with a Kyrgyz status: "Договор о социальном партнерстве" (after the
// model social partnership agreement at dialogue-irk.ru), "Дуальное
// обучение", "действует", "расторгнут", "истёк", "Күчүндө"; an unknown
// kind (a lease) is "other" with a warning; an end before the start.
func ruStatusWords() {
	b := newBook("ru_status_words.xlsx", "Договоры")
	sh := "Договоры"
	b.rows(sh, 1, 1,
		[]any{"№ п/п", "№ договора", "Дата заключения", "Социальный партнер", "Вид договора", "Срок действия до", "Статус", "Дата расторжения", "Причина расторжения"},
		[]any{1, "СП-1", "01.09.2023", "ОО «Совет ветеранов педагогического труда»", "Договор о социальном партнерстве", "31.08.2026", "действует", "", ""},
		[]any{2, "СП-2", "01.09.2022", "ТОО «Мебельная фабрика Сезім»", "Дуальное обучение", "31.08.2024", "истёк", "", ""},
		[]any{3, "СП-3", "15.01.2024", "ТОО «Строй-Инвест»", "Договор о прохождении производственной практики", "14.01.2027", "расторгнут", "01.06.2025", "Ликвидация организации"},
		[]any{4, "СП-4", "20.02.2025", "Фонд «Болашақ келешек»", "Договор аренды помещения", "19.02.2026", "Күчүндө", "", ""},
		[]any{5, "СП-5", "01.03.2025", "Детская музыкальная школа № 3", "Договор о сотрудничестве", "01.03.2024", "действует", "", ""},
		[]any{6, "СП-6", "05.03.2025", "ТОО «Мебельная фабрика Сезім»", "Договор о целевой подготовке и трудоустройстве", "на 4 года", "на согласовании", "", ""},
	)
	b.save()
}

// ruNameMatching: partners already in the data file, written otherwise:
// other quotes, the legal form after the name or left out, capitals, ё
// for е, Latin letters that look Cyrillic, and one by its BIN under
// another name. The partners are those of news.mail.ru/economics/69161825.
func ruNameMatching() {
	b := newBook("ru_name_matching.xlsx", "Реестр")
	sh := "Реестр"
	b.rows(sh, 1, 1,
		[]any{"№", "Номер договора", "Дата подписания договора", "Наименование партнера", "БИН/ИИН"},
		[]any{1, "НМ-1", "01.09.2025", "Казцинк ТОО", ""},
		[]any{2, "НМ-2", "02.09.2025", "тоо \"КАЗЦИНК\"", ""},
		[]any{3, "НМ-3", "03.09.2025", "ТOO «Kазцинк»", ""}, // Latin O, O and K
		[]any{4, "НМ-4", "04.09.2025", "ТОО «Объединённая энергосервисная компания»", ""},
		[]any{5, "НМ-5", "05.09.2025", "Согринская ТЭЦ", bin("03024000521", false)},
		[]any{6, "НМ-6", "06.09.2025", "КГУ „Школа-гимназия №5“", ""},
		[]any{7, "НМ-7", "07.09.2025", "ТОО «Новый партнёр»", ""},
	)
	b.save()
}

// kkSections: a Kazakh register grouped under section rows that name the
// partner groups, with names that say nothing of their group; the
// section gives the category. Groups as the Kazakh social services portal
// rules name them (adilet.zan.kz/kaz/docs/V2300033329) and the colleges'
// partner lists (rus.baq.kz, dual training, 28 August 2025).
func kkSections() {
	b := newBook("kk_sections.xlsx", "Серіктестер")
	sh := "Серіктестер"
	b.rows(sh, 2, 2,
		[]any{"№", "Серіктес", "Шарт нөмірі", "Шарт жасалған күні", "Шарттың түрі"},
		[]any{"Жұмыс берушілер"},
		[]any{1, "«Тұран Құрылыс»", "ӘС-1", "01.09.2025", "Әлеуметтік серіктестік туралы шарт"},
		[]any{2, "«Алтын Дән»", "ӘС-2", "02.09.2025", "Дуалды оқыту туралы шарт"},
		[]any{"Білім беру ұйымдары"},
		[]any{3, "«Болашақ» орталығы", "ӘС-3", "03.09.2025", "Ынтымақтастық туралы меморандум"},
		[]any{"Қоғамдық ұйымдар"},
		[]any{4, "«Жас Өркен»", "ӘС-4", "04.09.2025", "Әлеуметтік серіктестік туралы шарт"},
		[]any{"Барлығы", "", "4"},
		[]any{"Орындаған: Сәрсенова Г.Қ."},
	)
	b.merge(sh, "B3", "F3")
	b.merge(sh, "B6", "F6")
	b.merge(sh, "B8", "F8")
	b.save()
}

// ruPartnersSheet: a partners list and an agreements list on two sheets,
// neither with a category; the agreements name the partners as the list
// does. Shaped after the register of agreements (base.garant.ru/186413:
// a bank of agreements with their parties) and a department's partner
// card (dialogue-irk.ru, model social partnership agreement).
func ruPartnersSheet() {
	b := newBook("ru_partners_sheet.xlsx", "Партнеры")
	_, err := b.f.NewSheet("Договоры")
	must(err)
	b.rows("Партнеры", 1, 1,
		[]any{"№", "Наименование", "БИН", "Адрес", "Контактное лицо", "Телефон"},
		[]any{1, "ТОО «Павлодарский нефтехимический завод»", bin("04024000123", false), "г. Павлодар", "Ким Д.", "+7 718 200 00 00"},
		[]any{2, "КГУ «Гимназия № 9»", "", "г. Павлодар", "Омарова С.", ""},
		[]any{3, "Палата предпринимателей Павлодарской области", bin("13094000456", false), "г. Павлодар", "", ""},
	)
	b.rows("Договоры", 1, 1,
		[]any{"№ договора", "Дата", "Партнер", "Предмет договора"},
		[]any{"ПД-1", "01.09.2025", "ТОО «Павлодарский нефтехимический завод»", "Производственная практика"},
		[]any{"ПД-2", "02.09.2025", "КГУ «Гимназия № 9»", "Педагогическая практика"},
		[]any{"ПД-3", "03.09.2025", "Палата предпринимателей Павлодарской области", "Меморандум о сотрудничестве"},
	)
	b.save()
}

// kyMonthsTerms: Kyrgyz and Russian dates in words and terms in one
// register: traditional Kyrgyz month names ("бугу", "тогуздун айы"),
// "«1» сентября 2025 г.", "3 жылга", "12 ай", "на 6 месяцев", and a date
// that does not exist. Month names as Kyrgyz official documents use them
// (jagu.edu.kg, e-mevzuat.manas.edu.kg).
func kyMonthsTerms() {
	b := newBook("ky_months_terms.xlsx", "Реестр")
	sh := "Реестр"
	b.rows(sh, 1, 1,
		[]any{"Келишимдин номери", "Өнөктөш", "Келишим түзүлгөн күнү", "Аракет мөөнөтү", "Келишимдин түрү"},
		[]any{"КМ-1", "«Ала-Тоо Агро» ЖЧК", "2025-жылдын 5-бугусу", "3 жылга", "Практика өтөө боюнча келишим"},
		[]any{"КМ-2", "Нарын шаардык мэриясы", "«1» сентября 2025 г.", "12 ай", "Меморандум"},
		[]any{"КМ-3", "«Манас Сервис» ЖЧК", "2025-ж. 15-тогуздун айы", "на 6 месяцев", "Кызматташуу жөнүндө келишим"},
		[]any{"КМ-4", "«Ысык-Көл Турист» ЖЧК", "2025-ж. 31-сентябрь", "3 жылга", "Практика"},
		[]any{"КМ-5", "Токмок шаарынын №3 мектеби", "2025-ж. 2-октябрь", "мөөнөтсүз", "Социалдык өнөктөштүк жөнүндө келишим"},
	)
	b.save()
}
