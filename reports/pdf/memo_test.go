package pdf

import (
	"bytes"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/partnerdesk/partnerdesk/model"
)

// memoPDF prints the memorandum of an agreement of the fixture to a file.
func memoPDF(t *testing.T, number string, o Options) (string, MemoData) {
	t.Helper()
	d := memoData(t, number)
	name := strings.NewReplacer("/", "_").Replace(number) + "-" + o.Lang + o.Bilingual + ".pdf"
	return writePDF(t, name, func(b *bytes.Buffer) error { return Memorandum(b, &d, o) }), d
}

// memoWant lists, in reading order, what the memorandum of d must say in
// lang: header, parties, section headings and every responsibility.
func memoWant(d *MemoData, lang string) []string {
	m := &memo{d: d, langs: []string{lang}, partners: d.partnerMap()}
	want := []string{
		d.Institution.Names.In(lang),
		strings.ToUpper(m.title(lang)),
		tr(lang, "pdf.number", "Number", d.Agreement.Number),
		tr(lang, "pdf.parties"),
		d.Institution.Names.In(lang),
	}
	for _, p := range d.Partners {
		want = append(want, p.NameIn(lang))
	}
	want = append(want, "1. "+tr(lang, "pdf.sec.subject"), "2. "+tr(lang, "pdf.sec.principles"))
	for _, p := range model.Principles {
		want = append(want, tr(lang, p.HelpKey()))
	}
	want = append(want, "3. "+tr(lang, "pdf.sec.obligations"))
	for _, party := range d.parties(partiesOf(d.Agreement.Responsibilities)) {
		want = append(want, m.partyName(lang, party))
		for _, r := range d.Agreement.Responsibilities {
			if r.Party == party {
				want = append(want, r.DescriptionIn(lang))
			}
		}
	}
	want = append(want, "4. "+tr(lang, "pdf.sec.resources"), "5. "+tr(lang, "pdf.sec.forms"),
		"6. "+tr(lang, "pdf.sec.term"), "7. "+tr(lang, "pdf.sec.final"), "8. "+tr(lang, "pdf.sec.signatures"))
	return want
}

func partiesOf(rs []model.Responsibility) []model.Party {
	var out []model.Party
	for _, r := range rs {
		out = append(out, r.Party)
	}
	return out
}

// literal strings that must come out exactly, in each language's own
// letters.
var memoLiterals = map[string][]string{
	"ru": {"ДОГОВОР О СОЦИАЛЬНОМ ПАРТНЁРСТВЕ", "г. Астана", "01.09.2025", "Гуманизация как ведущая идея", "Подписи Сторон", "М.П."},
	"kk": {"ӘЛЕУМЕТТІК СЕРІКТЕСТІК ТУРАЛЫ ШАРТ", "Астана қ.", "«Жібек жолы» университеті", "Тараптардың міндеттемелері", "Қорытынды ережелер", "Тараптардың қолдары", "М.О."},
	"ky": {"СОЦИАЛДЫК ӨНӨКТӨШТҮК ЖӨНҮНДӨ КЕЛИШИМ", "Астана ш.", "«Жибек жолу» университети", "Өнөктөштүктүн деңгээлдери", "Тараптардын колдору", "М.О."},
	"en": {"SOCIAL PARTNERSHIP AGREEMENT", "Silk Way University (demo data)", "Signatures of the Parties", "L.S."},
}

func TestMemorandumEachLanguage(t *testing.T) {
	for _, lang := range model.Languages {
		t.Run(lang, func(t *testing.T) {
			path, d := memoPDF(t, fullNumber, opts(lang, ""))
			pages, size := checkPDF(t, path)
			if size != a4Portrait || pages < 2 || pages > 4 {
				t.Errorf("%d pages of %s, want 2 to 4 A4 portrait", pages, size)
			}
			body := pdfText(t, path, bodyOnly)
			inOrder(t, "body", body, memoWant(&d, lang)...)
			inOrder(t, "literals", body, memoLiterals[lang]...)
			if n := strings.Count(body, tr(lang, "pdf.stamp")); n != 3 {
				t.Errorf("%d stamp places, want 3", n)
			}
			checkFooters(t, path, pages, lang, d.Agreement.Number)
			checkSignaturePage(t, path, pages, &d, []string{lang})
		})
	}
}

// checkSignaturePage checks that the last page holds the last clause, the
// signatures' heading and a stamp place for every party.
func checkSignaturePage(t *testing.T, path string, pages int, d *MemoData, langs []string) {
	t.Helper()
	last := pdfText(t, path, bodyOnly, pages, pages)
	lang := langs[0]
	clause := tr(lang, "pdf.final.copies", "N", strconv.Itoa(1+len(d.Partners)))
	if len(langs) > 1 {
		clause = tr(lang, "pdf.final.bilingual_"+lang)
	}
	inOrder(t, "last page", last, clause, "8. "+tr(lang, "pdf.sec.signatures"))
	stamp := tr(lang, "pdf.stamp")
	if len(langs) > 1 {
		stamp += " / " + tr(langs[1], "pdf.stamp")
	}
	if n := strings.Count(last, stamp); n != 1+len(d.Partners) {
		t.Errorf("the last page has %d stamp places %q, want %d", n, stamp, 1+len(d.Partners))
	}
}

// checkFooters checks "page N of M" and the number at the foot of every
// page, and that the footers are the only place they appear.
func checkFooters(t *testing.T, path string, pages int, lang, number string) {
	t.Helper()
	for n := 1; n <= pages; n++ {
		foot := pdfText(t, path, footer, n, n)
		want := tr(lang, "pdf.page", "N", strconv.Itoa(n), "M", strconv.Itoa(pages))
		inOrder(t, "footer of page "+strconv.Itoa(n), foot, want, number)
	}
	if body := pdfText(t, path, bodyOnly); strings.Contains(body, tr(lang, "pdf.page", "N", "1", "M", strconv.Itoa(pages))) {
		t.Error("page numbers in the body")
	}
}

func TestMemorandumBilingual(t *testing.T) {
	for _, layout := range BilingualLayouts {
		t.Run(layout, func(t *testing.T) {
			o := opts("", layout)
			path, d := memoPDF(t, fullNumber, o)
			pages, size := checkPDF(t, path)
			if size != a4Portrait || pages < 2 || pages > 6 {
				t.Errorf("%d pages of %s", pages, size)
			}
			left, right := o.langs()[0], o.langs()[1]
			leftText, rightText := pdfText(t, path, leftCol), pdfText(t, path, rightCol)
			inOrder(t, "left column", leftText, memoWant(&d, left)...)
			inOrder(t, "right column", rightText, memoWant(&d, right)...)
			inOrder(t, "left literals", leftText, memoLiterals[left]...)
			inOrder(t, "right literals", rightText, memoLiterals["ru"]...)
			if strings.Contains(leftText, "Подписи Сторон") || strings.Contains(rightText, tr(left, "pdf.sec.signatures")) {
				t.Error("a column holds the other language's text")
			}
			stamp := tr(left, "pdf.stamp") + " / " + tr(right, "pdf.stamp")
			if n := strings.Count(pdfText(t, path, bodyOnly), stamp); n != 3 {
				t.Errorf("%d stamp places %q, want 3", n, stamp)
			}
			checkAligned(t, path, 8)
			checkSignaturePage(t, path, pages, &d, o.langs())
		})
	}
}

var (
	bboxPage = regexp.MustCompile(`<page `)
	bboxWord = regexp.MustCompile(`<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="[\d.]+" yMax="[\d.]+">([^<]*)</word>`)
)

// checkAligned checks, on the word positions pdftotext reports, that the
// headings "1." to "n." of the two columns stand on the same page at the
// same height.
func checkAligned(t *testing.T, path string, n int) {
	t.Helper()
	type pos struct {
		page int
		x, y float64
	}
	found := map[string][]pos{}
	out := tool(t, "pdftotext", "-bbox", path, "-")
	for i, page := range bboxPage.Split(out, -1) {
		for _, m := range bboxWord.FindAllStringSubmatch(page, -1) {
			x, _ := strconv.ParseFloat(m[1], 64)
			y, _ := strconv.ParseFloat(m[2], 64)
			found[m[3]] = append(found[m[3]], pos{i, x, y})
		}
	}
	for k := 1; k <= n; k++ {
		ps := found[strconv.Itoa(k)+"."]
		if len(ps) != 2 {
			t.Errorf("heading %d. found %d times, want twice: %v", k, len(ps), ps)
			continue
		}
		l, r := ps[0], ps[1]
		if l.page != r.page || l.x > 300 || r.x < 300 || l.y-r.y > 0.5 || r.y-l.y > 0.5 {
			t.Errorf("heading %d. not aligned: left %+v, right %+v", k, l, r)
		}
	}
}

// A tripartite agreement with 20 long responsibilities spans several
// pages: every responsibility is there in reading order, no text is cut
// off or overlaps, and the signature blocks of all four parties share the
// last page.
func TestMemorandumLong(t *testing.T) {
	for _, c := range []struct {
		o        Options
		min, max int
	}{{opts("ru", ""), 4, 5}, {opts("kk", ""), 4, 5}, {opts("", "kk+ru"), 7, 9}} {
		o := c.o
		t.Run(o.Lang+o.Bilingual, func(t *testing.T) {
			path, d := memoPDF(t, longNumber, o)
			pages, size := checkPDF(t, path)
			if size != a4Portrait || pages < c.min || pages > c.max {
				t.Errorf("%d pages of %s, want %d to %d", pages, size, c.min, c.max)
			}
			cols := map[string]region{o.Lang: bodyOnly}
			if o.Bilingual != "" {
				cols = map[string]region{o.langs()[0]: leftCol, o.langs()[1]: rightCol}
			}
			for lang, r := range cols {
				text := pdfText(t, path, r)
				inOrder(t, lang, text, memoWant(&d, lang)...)
				for i, r := range d.Agreement.Responsibilities {
					if n := strings.Count(text, squash(r.Description)); n != 1 {
						t.Errorf("%s: responsibility %d found %d times", lang, i+1, n)
					}
				}
			}
			lang := o.langs()[0]
			checkSignaturePage(t, path, pages, &d, o.langs())
			checkFooters(t, path, pages, lang, longNumber)
			checkLayout(t, &d, o)
		})
	}
}

// checkLayout checks the laid-out pages of a memorandum: every text lies
// within the margins above the footer, and no two texts overlap.
func checkLayout(t *testing.T, d *MemoData, o Options) {
	t.Helper()
	o, _ = o.check()
	dc := newDoc(o, portrait)
	m := &memo{d: d, doc: dc, langs: o.langs(), partners: d.partnerMap()}
	for pi, ops := range dc.layout(m.rows()) {
		var boxes [][4]float64
		for _, op := range ops {
			if op.kind != opText || strings.TrimSpace(op.s) == "" {
				continue
			}
			b := dc.inkBox(op)
			if b[0] < dc.pg.left-0.01 || b[2] > dc.pg.w-dc.pg.right+0.01 || b[1] < dc.pg.top-0.01 || b[3] > dc.pg.h-dc.pg.bottom+0.01 {
				t.Errorf("page %d: %q at %v is outside the margins", pi+1, op.s, b)
			}
			for _, o := range boxes {
				if b[0] < o[2]-0.01 && o[0] < b[2]-0.01 && b[1] < o[3]-0.01 && o[1] < b[3]-0.01 {
					t.Errorf("page %d: %q at %v overlaps text at %v", pi+1, op.s, b, o)
				}
			}
			boxes = append(boxes, b)
		}
	}
}

// inkBox returns the box a text op's characters take: [x0, y0, x1, y1].
func (d *doc) inkBox(o op) [4]float64 {
	d.setFont(o.st)
	w := d.f.GetStringWidth(o.s)
	x := o.x
	switch o.align {
	case "R":
		x = o.x + o.w - w
	case "C":
		x = o.x + (o.w-w)/2
	case "J":
		w = o.w
	}
	return [4]float64{x, o.y, x + w, o.y + o.h}
}
