package main

import "strconv"

// ruCollegeDual: a Kazakh college's register of dual-training agreements
// with enterprises, in Russian: a merged title, the column numbers under
// the header, no category column, terms "на 3 года", a bad BIN and a
// repeated number. Shaped after the partners of East Kazakhstan colleges
// named in news.mail.ru/economics/69161825 and the agreement of the
// Rules of dual training (adilet.zan.kz/rus/docs/V1600013422).
func ruCollegeDual() {
	b := newBook("ru_college_dual.xlsx", "Реестр")
	sh := "Реестр"
	b.rows(sh, 1, 1, []any{"Реестр договоров о дуальном обучении КГКП «Высший колледж ВКО» на 2025-2026 учебный год"})
	b.merge(sh, "A1", "H1")
	b.rows(sh, 1, 3,
		[]any{"№ п/п", "Наименование предприятия", "БИН", "№ договора", "Дата заключения", "Срок действия", "Специальность", "Количество студентов"},
		[]any{1, 2, 3, 4, 5, 6, 7, 8},
		[]any{1, "ТОО «Казцинк»", bin("97014000034", false), "ДО-01/25", day(2025, 9, 1), "на 3 года", "07140900 Металлургия цветных металлов", 12},
		[]any{2, "ТОО «Согринская ТЭЦ»", bin("03024000521", false), "ДО-02/25", day(2025, 9, 1), "на 3 года", "07130100 Электрооборудование", 8},
		[]any{3, "АО «Усть-Каменогорский завод промышленной арматуры»", bin("95084000127", true), "ДО-03/25", day(2025, 9, 2), "на 2 года", "07150100 Машиностроение", 6},
		[]any{4, "ИП «Сервис-Авто Ахметов»", "", "ДО-04/25", day(2025, 9, 3), "на 1 год", "07161300 Техническое обслуживание автомобилей", 4},
		[]any{5, "ТОО «Востокмашзавод»", bin("99104000218", false), "ДО-02/25", day(2025, 9, 5), "31.08.2028", "07150100 Машиностроение", 5},
		[]any{6, "ГККП «Ясли-сад № 12»", "", "ДО-05/25", day(2025, 9, 8), "бессрочно", "01140100 Дошкольное воспитание", 3},
	)
	b.save()
}

// kkPracticeBases: a register of practice-base agreements kept in Kazakh:
// dates in words ("2025 жылғы 10 қыркүйек"), terms "3 жылға",
// "мерзімсіз", the legal forms ЖШС, АҚ, КММ, КМҚК and a school. Shaped
// after the Kazakh text of the Rules of dual training
// (adilet.zan.kz/kaz/docs/V1600013422) and the charter of the KMҚK
// "Петровка аграрлы-техникалық колледжі" (kgu-patk.rka.kz/kz/ustav/).
func kkPracticeBases() {
	b := newBook("kk_practice_bases.xlsx", "Тізілім")
	sh := "Тізілім"
	b.rows(sh, 1, 1, []any{"Кәсіптік практика базаларымен жасалған шарттар тізілімі"})
	b.merge(sh, "A1", "G1")
	b.rows(sh, 1, 2,
		[]any{"Р/с №", "Ұйымның атауы", "БСН", "Шарт нөмірі", "Жасалған күні", "Қолданылу мерзімі", "Мамандығы"},
		[]any{1, "«Агро-Есіл» ЖШС", bin("10014000512", false), "ПБ-1/2025", "2025 жылғы 10 қыркүйек", "3 жылға", "Ветеринария"},
		[]any{2, "«ҚазАгроҚаржы» АҚ", bin("99084000012", false), "ПБ-2/2025", "2025 жылғы 12 қыркүйек", "5 жылға", "Есеп және аудит"},
		[]any{3, "«Есіл ауданы әкімдігінің білім бөлімі» КММ", bin("04014000289", false), "ПБ-3/2025", "15.09.2025 ж.", "мерзімсіз", "Бастауыш білім беру"},
		[]any{4, "«Петровка ауылының №2 жалпы білім беретін мектебі» КММ", "", "ПБ-4/2025", "2025 жылғы 1 қазан", "1 жылға", "Бастауыш білім беру"},
		[]any{5, "«Солтүстік Жылу» ЖШС", bin("12034000778", false), "ПБ-5/2025", "2025 жылғы 31 қыркүйек", "2 жылға", "Электр жабдықтары"},
	)
	b.save()
}

// kyUniversityPartners: a Kyrgyz university's register of cooperation
// agreements: Kyrgyz headers after the document register of Kyrgyz-Turkish
// Manas University (e-mevzuat.manas.edu.kg: "Документтин түрү",
// "Документтин статусу", "Номер", "Кабыл алганы"), partners after the
// memorandum of Osh State University with the Osh mayor's office
// (oshsu.kg/tr/news/481) and the cooperation agreement of abbi.kg; dates
// "2025-ж. 10-сентябрь", terms "5 жылга", "мөөнөтсүз", 14-digit INNs.
func kyUniversityPartners() {
	b := newBook("ky_university_partners.xlsx", "Келишимдер")
	sh := "Келишимдер"
	b.rows(sh, 1, 1,
		[]any{"№", "Уюмдун аталышы", "ИНН", "Номер", "Кабыл алганы", "Документтин түрү", "Мөөнөтү", "Документтин статусу"},
		[]any{1, "Ош шаарынын мэриясы", "01504199910123", "К-25/01", "2025-ж. 10-сентябрь", "Меморандум", "мөөнөтсүз", "Күчүндө"},
		[]any{2, "«Ош Текстиль» ЖЧК", "02109201810045", "К-25/02", "2025-ж. 15-сентябрь", "Кызматташуу боюнча келишим", "5 жылга", "Күчүндө"},
		[]any{3, "Инновациялык технологиялар жана энергетика институту", "", "К-25/03", "2024-ж. 19-апрель", "Кызматташуу боюнча келишим", "3 жылга", "Күчүндө"},
		[]any{4, "Кара-Суу айыл өкмөтү", "", "К-25/04", "2023-ж. 1-февраль", "Практика өтөө боюнча келишим", "2 жылга", "Токтотулган"},
		[]any{5, "«Бишкек Софт» ОсОО", "01203202010077", "К-25/05", "2025-ж. 1-октябрь", "Меморандум", "мөөнөтсүз", "Долбоор"},
	)
	b.save()
}

// ruTwoRowHeader: a university's register of practice agreements with a
// header over two rows (merged groups "Договор" and "Срок действия" over
// their sub-headers), section rows naming the partner groups, a total and
// a signature line under the table. Shaped after the practice agreements
// of the form of the order 885/390 as Tomsk Polytechnic University
// publishes them (oopt.tpu.ru/html/samples) and the structure of the
// register of agreements (base.garant.ru/186413).
func ruTwoRowHeader() {
	b := newBook("ru_two_row_header.xlsx", "Практика")
	sh := "Практика"
	b.rows(sh, 1, 1, []any{"Реестр договоров о практической подготовке обучающихся"})
	b.merge(sh, "A1", "G1")
	b.rows(sh, 1, 3,
		[]any{"№ п/п", "Наименование организации", "Договор", "", "Срок действия", "", "Ответственный"},
		[]any{"", "", "номер", "дата", "с", "по", ""},
	)
	b.merge(sh, "A3", "A4")
	b.merge(sh, "B3", "B4")
	b.merge(sh, "C3", "D3")
	b.merge(sh, "E3", "F3")
	b.merge(sh, "G3", "G4")
	b.rows(sh, 1, 5,
		[]any{"I. Работодатели"},
		[]any{1, "ТОО «KazDataSoft»", "П-101", "10 сентября 2025 г.", day(2025, 9, 10), day(2028, 9, 9), "Иванова А.П."},
		[]any{2, "АО «Казахтелеком»", "П-102", "12.09.2025 г.", day(2025, 9, 12), day(2027, 9, 11), "Иванова А.П."},
		[]any{"II. Образовательные организации"},
		[]any{3, "Гимназия № 159", "П-103", "15 сентября 2025 г.", day(2025, 9, 15), day(2026, 6, 30), "Сейтова Г.К."},
		[]any{"III. Государственные органы"},
		[]any{4, "Управление образования города Алматы", "П-104", "1 октября 2025 г.", day(2025, 10, 1), day(2025, 9, 1), "Сейтова Г.К."},
		[]any{"Итого: 4 договора"},
		[]any{},
		[]any{"Исп. Ахметова А.К., тел. 8 (727) 000-00-00"},
	)
	b.merge(sh, "A5", "G5")
	b.merge(sh, "A8", "G8")
	b.merge(sh, "A10", "G10")
	b.save()
}

// mixedMultiParty: memoranda with several partners in one cell (line
// breaks), their tax IDs in the same order with "ИНН"/"БИН" prefixes, in
// Russian and Kyrgyz. Shaped after the memorandum of the Kyrgyz National
// University with eight media outlets (sputnik.kg, 24 December 2024) and
// the memorandum of the OSCE Academy with the International University of
// Kyrgyzstan (osce-academy.net/ru/news/print/id/1234).
func mixedMultiParty() {
	b := newBook("mixed_multiparty.xlsx", "Меморандумы")
	sh := "Меморандумы"
	b.rows(sh, 1, 1,
		[]any{"№ договора", "Дата подписания", "Стороны", "ИНН/БИН", "Вид соглашения", "Предмет"},
		[]any{"М-24/12", "24.12.2024", "ЗАО «Кабар»\nОАО «ЭлТР»\nОсОО «Регион ТВ»", "ИНН 02512199610011\nИНН 01805199310022\nИНН 01907201510033", "Меморандум о сотрудничестве", "Информационное сотрудничество"},
		[]any{"М-23/01", "26.01.2023", "Международный университет Кыргызстана", "ИНН 0210 1199 3100 44", "Меморандум", "Академическая мобильность"},
		[]any{"М-25/03", "03.03.2025", "ТОО «Astana Hub»; АО «Kaspi Bank»", "БИН " + bin("17114002345", false) + "; БИН " + bin("97114000012", false), "Меморандум о взаимопонимании", "IT-практика"},
		[]any{"М-25/04", "04.03.2025", "ТОО «Алатау Сервис»\nТОО «Жетысу Транс»", "БИН " + bin("05044000321", false), "Меморандум", "Практика"},
	)
	b.save()
}

// ruSheetPerYear: one sheet per year, the table starting at C5 under a
// title block, validity as a range in one cell ("с … по …", as the
// collective agreements filed at filling-form.ru/dogovor/19736 state
// theirs: "Срок действия с 01.01.2011 г. по 31.12.2013 г."), a hidden
// column and blank rows.
func ruSheetPerYear() {
	b := newBook("ru_sheet_per_year.xlsx", "2024")
	_, err := b.f.NewSheet("2025")
	must(err)
	year := func(sh string, rows ...[]any) {
		b.rows(sh, 3, 1, []any{"Кафедра информационных систем"}, []any{"Договоры с социальными партнёрами, " + sh + " год"})
		b.rows(sh, 3, 5, append([][]any{{"№", "Контрагент", "Служебная отметка", "Номер договора", "Дата договора", "Срок действия"}}, rows...)...)
		must(b.f.SetColVisible(sh, "E", false))
	}
	year("2024",
		[]any{1, "ТОО «Digital Steppe»", "внутр. 17", "С-2024/1", day(2024, 2, 1), "с 01.02.2024 по 31.01.2027"},
		[]any{},
		[]any{2, "Колледж связи № 1", "", "С-2024/2", day(2024, 3, 5), "с 05.03.2024 г. по 04.03.2026 г."},
	)
	year("2025",
		[]any{1, "ОО «Молодёжный ресурсный центр»", "", "С-2025/1", day(2025, 1, 20), "с 20.01.2025 по 19.01.2026"},
		[]any{},
		[]any{},
		[]any{2, "ТОО «Digital Steppe»", "", "С-2025/2", day(2025, 4, 1), "01.04.2025 – 31.03.2026"},
	)
	b.save()
}

// kkNumbersAsNumbers: BINs kept in number cells (the leading zero lost),
// typed with spaces or a "БСН" label, dates as real date cells and as
// text with "ж.", in Kazakh. The "ж." dates follow the bank notices of
// kz.vtb-bank.kz ("10.03.21 ж. бастап"); the contract terms follow the
// public procurement wiki (wiki.goszakup.gov.kz/pages/viewpage.action?pageId=331008).
func kkNumbersAsNumbers() {
	b := newBook("kk_numbers_as_numbers.xlsx", "Шарттар")
	sh := "Шарттар"
	b1 := bin("05074000481", false)
	n1, _ := strconv.Atoi(b1)
	b2 := bin("08124000555", false)
	b3 := bin("13044000667", false)
	b.rows(sh, 1, 1,
		[]any{"Шарт нөмірі", "Серіктестің атауы", "БСН/ЖСН", "Шарт жасалған күні", "Шарттың мәні", "Қолданылу мерзімі"},
		[]any{"Ш-1/25", "«Болашақ» колледжі", n1, day(2025, 9, 1), "Оқу практикасы", "01.09.2026 ж."},
		[]any{"Ш-2/25", "«Қарағанды Көмір» ЖШС", b2[:4] + " " + b2[4:8] + " " + b2[8:], "02.09.2025 ж.", "Өндірістік практика", "3 жылға"},
		[]any{"Ш-3/25", "«Нұр Медиа» ЖШС", "БСН " + b3, "03.09.25 ж.", "Дуалды оқыту", "31.08.2027 ж."},
		[]any{"Ш-4/25", "«Шахтер» футбол клубы ЖШС", "БСН 1234", "04.09.2025", "Тағылымдама", "1 жылға"},
	)
	b.save()
}
