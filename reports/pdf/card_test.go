package pdf

import (
	"bytes"
	"strconv"
	"strings"
	"testing"

	"github.com/partnerdesk/partnerdesk/model"
	"github.com/partnerdesk/partnerdesk/model/store"
	"github.com/partnerdesk/partnerdesk/model/store/storetest"
	"github.com/partnerdesk/partnerdesk/reports"
)

func TestPartnerCard(t *testing.T) {
	s := mustFixture(t)
	var d PartnerData
	err := s.View(func(tx *store.Tx) error {
		p, err := tx.PartnerByTaxID("KZ", storetest.BIN1)
		if err != nil {
			return err
		}
		d, err = LoadPartner(tx, p.ID)
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	if len(d.Agreements) != 2 {
		t.Fatalf("the partner has %d agreements, want 2", len(d.Agreements))
	}
	for _, lang := range []string{"ru", "kk"} {
		path := writePDF(t, "card-"+lang+".pdf", func(b *bytes.Buffer) error { return PartnerCard(b, &d, opts(lang, "")) })
		pages, size := checkPDF(t, path)
		if pages != 1 || size != a4Portrait {
			t.Errorf("%s: %d pages of %s, want one A4 portrait", lang, pages, size)
		}
		p := &d.Partner
		want := []string{
			tr(lang, "pdf.card.title"), p.NameIn(lang), p.ShortName, p.Address, p.TaxID,
			reports.Label(lang, p.Category), reports.Label(lang, p.Relation), p.Signatory.Name,
			tr(lang, "pdf.card.contacts"),
		}
		for _, c := range p.Contacts {
			want = append(want, c.Name, c.Phone, c.Email)
		}
		want = append(want, tr(lang, "pdf.card.agreements", "N", "2"), fullNumber, longNumber)
		inOrder(t, lang, pdfLayoutText(t, path), want...)
		inOrder(t, lang+" footer", pdfText(t, path, footer), tr(lang, "pdf.page", "N", "1", "M", "1"), testToday.String())
	}
}

func TestRegister(t *testing.T) {
	s := mustFixture(t)
	var d RegisterData
	err := s.View(func(tx *store.Tx) error {
		sums, err := tx.Summaries()
		if err != nil {
			return err
		}
		d, err = LoadRegister(tx, sums, "все договоры")
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	for _, lang := range []string{"ru", "ky"} {
		path := writePDF(t, "register-"+lang+".pdf", func(b *bytes.Buffer) error { return Register(b, &d, opts(lang, "")) })
		pages, size := checkPDF(t, path)
		if size != a4Landscape || pages < 3 || pages > 8 {
			t.Errorf("%s: %d pages of %s, want 3 to 8 A4 landscape", lang, pages, size)
		}
		text := pdfLayoutText(t, path)
		want := []string{tr(lang, "pdf.register.title"), tr(lang, "pdf.register.filter", "Filter", "все договоры")}
		for i, a := range d.Agreements {
			want = append(want, strconv.Itoa(i+1)+" "+a.Number)
		}
		inOrder(t, lang, text, want...)
		if n := strings.Count(text, " "+tr(lang, "pdf.col.number")+" "); n != pages {
			t.Errorf("%s: the table header appears %d times on %d pages", lang, n, pages)
		}
	}
}

func TestRegisterEmpty(t *testing.T) {
	d := RegisterData{Institution: model.Institution{Names: model.Names{RU: "Колледж"}}}
	path := writePDF(t, "empty.pdf", func(b *bytes.Buffer) error { return Register(b, &d, opts("ru", "")) })
	if pages, _ := checkPDF(t, path); pages != 1 {
		t.Errorf("%d pages", pages)
	}
	inOrder(t, "empty register", pdfText(t, path, region{0, 0, 842, 560}), "Колледж", tr("ru", "pdf.register.empty"))
}

// Column titles never break inside a word, in any language.
func TestTableHeadersFit(t *testing.T) {
	d := newDoc(Options{Created: testCreated}, landscape)
	for _, lang := range model.Languages {
		for name, cols := range map[string][]column{
			"register": registerColumns(lang), "contacts": contactColumns(lang), "agreements": cardAgreementColumns(lang),
		} {
			size := 7.0
			if name == "contacts" {
				size = 8
			}
			for _, c := range cols {
				for _, l := range d.wrap(c.title, c.w-2, style{size: size, bold: true}) {
					for _, w := range strings.Fields(l.s) {
						if !strings.Contains(" "+c.title+" ", " "+w+" ") {
							t.Errorf("%s %s: %q breaks inside a word in %.0f mm", lang, name, c.title, c.w)
						}
					}
				}
			}
		}
	}
}

// Cells taller than a page break across pages, borders and all.
func TestPartnerCardHuge(t *testing.T) {
	words := strings.Repeat("Заметка о сотрудничестве с партнёром; ", 800)
	d := PartnerData{
		Institution: model.Institution{Names: model.Names{RU: "Колледж"}},
		Partner: model.Partner{Name: "ОсОО «Үмүт»", Country: "KG", Notes: words,
			Contacts: []model.Contact{{Name: strings.Repeat("Имя", 2000), Phone: "+996 555 00 00 00"}}},
	}
	path := writePDF(t, "huge.pdf", func(b *bytes.Buffer) error { return PartnerCard(b, &d, opts("ru", "")) })
	pages, _ := checkPDF(t, path)
	if pages < 3 {
		t.Errorf("%d pages", pages)
	}
	text := pdfText(t, path, bodyOnly)
	if n := strings.Count(text, "Заметка о сотрудничестве"); n != 800 {
		t.Errorf("%d of 800 sentences of the notes printed", n)
	}
}
