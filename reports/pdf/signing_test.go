package pdf

import (
	"bytes"
	"strings"
	"testing"

	"github.com/partnerdesk/partnerdesk/model"
	"github.com/partnerdesk/partnerdesk/reports"
)

// A place typed with its "г." (or "қ.", "ш.", "с.") is printed as typed,
// not as "г. г. Бишкек"; a bare name gets the language's prefix.
func TestPlaceOfSigning(t *testing.T) {
	cases := []struct{ lang, place, want string }{
		{"ru", "г. Бишкек", "г. Бишкек"},
		{"ru", "г.Бишкек", "г.Бишкек"},
		{"ru", "Бишкек", "г. Бишкек"},
		{"ru", "с. Талгар", "с. Талгар"},
		{"kk", "Астана қ.", "Астана қ."},
		{"kk", "Астана", "Астана қ."},
		{"ky", "Ош шаары", "Ош шаары"},
		{"ky", "Ош", "Ош ш."},
		{"ru", "Гродно", "г. Гродно"},
	}
	for _, c := range cases {
		d := MemoData{
			Institution: model.Institution{Names: model.Names{RU: "Колледж связи", KK: "Байланыс колледжі", KY: "Байланыш колледжи"}},
			Partners:    []model.Partner{{ID: 9, Name: "ОсОО «Үмүт»", Country: "KG"}},
			Agreement:   model.Agreement{Number: "П-1", Kind: model.KindPracticeBase, PartnerIDs: []model.ID{9}, Place: c.place, SignedOn: model.MustDate("01.09.2026")},
		}
		m := &memo{d: &d, langs: []string{c.lang}, partners: d.partnerMap()}
		var got string
		for _, p := range m.paras(c.lang) {
			if p.kind == pPlace {
				got = p.text
			}
		}
		if got != c.want {
			t.Errorf("%s %q: printed %q, want %q", c.lang, c.place, got, c.want)
		}
	}
	// And in the PDF itself.
	d := MemoData{
		Institution: model.Institution{Names: model.Names{RU: "Колледж связи"}},
		Partners:    []model.Partner{{ID: 9, Name: "ОсОО «Үмүт»", Country: "KG"}},
		Agreement:   model.Agreement{Number: "П-2", Kind: model.KindSocialPartnership, PartnerIDs: []model.ID{9}, Place: "г. Бишкек"},
	}
	path := writePDF(t, "place.pdf", func(b *bytes.Buffer) error { return Memorandum(b, &d, opts("ru", "")) })
	text := pdfText(t, path, bodyOnly)
	if strings.Contains(text, "г. г.") || !strings.Contains(text, "г. Бишкек") {
		t.Errorf("place of signing in the PDF:\n%s", text)
	}
}

// The memorandum of each kind is titled as the kind is labelled in the
// app and the registers (the social-partnership agreement was titled a
// memorandum).
func TestMemorandumTitleFollowsKind(t *testing.T) {
	for _, lang := range model.Languages {
		m := &memo{d: &MemoData{Agreement: model.Agreement{Kind: model.KindSocialPartnership}}}
		if got, want := m.title(lang), reports.Label(lang, model.KindSocialPartnership); got != want {
			t.Errorf("%s: title %q, label %q", lang, got, want)
		}
	}
}

// The PDF register shows an auto-renewed agreement with its current term
// and how often it was renewed, not the term as signed.
func TestRegisterCurrentTerm(t *testing.T) {
	d := RegisterData{
		Institution: model.Institution{Names: model.Names{RU: "Колледж"}},
		Partners:    map[model.ID]*model.Partner{9: {ID: 9, Name: "ТОО «Арман»"}},
		Agreements: []model.Summary{{ID: 1, Number: "СП-2022/002", Title: "Договор", Kind: model.KindSocialPartnership, PartnerIDs: []model.ID{9},
			SignedOn: model.MustDate("08.03.2022"), ValidFrom: model.MustDate("08.03.2022"), ValidUntil: model.MustDate("07.03.2024"),
			AutoRenew: true, RenewalMonths: 12, Status: model.StatusActive}},
	}
	o := opts("ru", "")
	o.Today = model.MustDate("28.11.2026")
	path := writePDF(t, "register-renewed.pdf", func(b *bytes.Buffer) error { return Register(b, &d, o) })
	text := pdfLayoutText(t, path)
	inOrder(t, "renewed", text, "08.03.2022", "08.03.2026", "07.03.2027", tr("ru", "status.active"), tr("ru", "pdf.register.renewed", "N", "3"))
	if strings.Contains(text, "07.03.2024") {
		t.Errorf("the register shows the signed end date:\n%s", text)
	}
}
