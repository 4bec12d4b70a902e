package pdf

import (
	"bytes"
	"strconv"
	"strings"
	"testing"

	"github.com/partnerdesk/partnerdesk/model"
)

// Each column of a bilingual memorandum prints the agreement's title,
// subject, place and obligations in its own language; the principles are
// stated without the internal assessments.
func TestMemorandumTextsPerLanguage(t *testing.T) {
	d := memoData(t, fullNumber)
	a := &d.Agreement
	a.Title, a.Subject, a.Place = "Соглашение о подготовке кадров", "Подготовка кадров для отрасли.", "Астана"
	a.Texts = map[string]model.DocText{"kk": {Title: "Кадрлар даярлау туралы келісім", Subject: "Сала үшін кадрлар даярлау.", Place: "Астана қаласы"}}
	for i := range a.Responsibilities {
		a.Responsibilities[i].Descriptions = map[string]string{"kk": "Қазақша міндеттеме " + strconv.Itoa(i+1)}
	}
	o := opts("", "kk+ru")
	path := writePDF(t, "texts-kk+ru.pdf", func(b *bytes.Buffer) error { return Memorandum(b, &d, o) })
	checkPDF(t, path)
	left, right := pdfText(t, path, leftCol), pdfText(t, path, rightCol)
	inOrder(t, "kk column", left, "«Кадрлар даярлау туралы келісім»", "Астана қаласы", "Сала үшін кадрлар даярлау.", "Қазақша міндеттеме 1")
	inOrder(t, "ru column", right, "«Соглашение о подготовке кадров»", "Подготовка кадров для отрасли.", a.Responsibilities[0].Description)
	for _, ru := range []string{"Соглашение о подготовке", "Подготовка кадров", a.Responsibilities[0].Description} {
		if strings.Contains(left, ru) {
			t.Errorf("the Kazakh column prints the Russian %q", ru)
		}
	}
	for _, lang := range []string{"kk", "ru"} {
		for _, internal := range []string{tr(lang, "pdf.assessment") + ":", tr(lang, "pdf.evidence") + ":"} {
			if strings.Contains(left+right, internal) {
				t.Errorf("the memorandum prints the assessments (%q)", internal)
			}
		}
	}
}
