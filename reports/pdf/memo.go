package pdf

import (
	"io"
	"strconv"
	"strings"

	"github.com/partnerdesk/partnerdesk/model"
	"github.com/partnerdesk/partnerdesk/reports"
)

// Memorandum writes the A4 memorandum of an agreement to w: the header
// with the institution, title, number, place and date; the parties; the
// numbered sections (subject, principles, obligations, resources, forms of
// cooperation, term, final provisions); the signature blocks, kept on one
// page; and "page N of M" with the agreement number in the footer. With
// o.Bilingual set, each paragraph is printed in two aligned columns.
func Memorandum(w io.Writer, d *MemoData, o Options) error {
	o, err := o.check()
	if err != nil {
		return err
	}
	return writeMemo(w, newDoc(o, portrait), d)
}

// writeMemo lays out and writes a memorandum into a new document.
func writeMemo(w io.Writer, dc *doc, d *MemoData) error {
	m := &memo{d: d, doc: dc, langs: dc.o.langs(), partners: d.partnerMap()}
	pages := dc.layout(m.rows())
	first := m.langs[0]
	dc.meta(m.title(first)+" № "+d.Agreement.Number, d.Institution.Names.In(first))
	return dc.render(w, pages, m.footer)
}

// memo builds one memorandum.
type memo struct {
	d        *MemoData
	doc      *doc
	langs    []string
	partners map[model.ID]*model.Partner
}

// pkind is the role of a paragraph, which decides its style and spacing.
type pkind uint8

const (
	pInst    pkind = iota // the institution's name above the title
	pDraft                // the "draft" mark
	pTitle                // the document's title
	pCenter               // number, the agreement's own title
	pPlace                // place (left) and date (right)
	pHeading              // a numbered section heading
	pBody                 // a paragraph
	pClause               // a numbered clause: label in the hanging indent
	pSub                  // a numbered clause one level down
)

// para is one paragraph in one language. Every language yields the same
// list of paragraphs for the same data, so bilingual columns pair up.
type para struct {
	kind  pkind
	label string
	text  string
	right string // pPlace: the date, set flush right
}

// rows lays the paragraphs of every language side by side, then appends
// the signature blocks.
func (m *memo) rows() []*row {
	cols := make([][]para, len(m.langs))
	for i, lang := range m.langs {
		cols[i] = m.paras(lang)
	}
	var rows []*row
	if r := m.logoRow(); r != nil {
		rows = append(rows, r)
	}
	for i := range cols[0] {
		rows = append(rows, m.pairRow(cols, i))
	}
	// The signatures' heading and the last clause go with the signature
	// blocks, so the signature page is never without text.
	rows[len(rows)-1].group = groupSignatures
	rows[len(rows)-2].group = groupSignatures
	return append(rows, m.signatureRows()...)
}

const groupSignatures = 1

// columns returns the x offset and width of each language column.
func (m *memo) columns() (xs, ws []float64) {
	full := m.doc.pg.width()
	if len(m.langs) == 1 {
		return []float64{0}, []float64{full}
	}
	const gap = 8
	w := (full - gap) / 2
	return []float64{0, w + gap}, []float64{w, w}
}

// pairRow makes the row of paragraph i in every language.
func (m *memo) pairRow(cols [][]para, i int) *row {
	xs, ws := m.columns()
	k := cols[0][i].kind
	r := &row{}
	st, hang := m.styleOf(k)
	switch k {
	case pTitle:
		r.before, r.after = 2, 1
	case pPlace:
		r.before, r.after = 2, 4
	case pHeading:
		r.before, r.after, r.keepNext = 4, 1, true
	case pBody, pClause:
		r.after = 1
	case pSub:
		r.after = 0.6
	}
	for c, col := range cols {
		p := col[i]
		r.cells = append(r.cells, cell{x: xs[c], w: ws[c], text: p.text, label: p.label, hang: hang, st: st})
		if p.right != "" {
			rs := st
			rs.align = "R"
			r.cells = append(r.cells, cell{x: xs[c], w: ws[c], text: p.right, st: rs})
		}
	}
	return r
}

// styleOf returns the style and hanging indent of a kind of paragraph.
func (m *memo) styleOf(k pkind) (style, float64) {
	size := 10.5
	if len(m.langs) > 1 {
		size = 9.5
	}
	switch k {
	case pInst:
		return style{size: size + 0.5, bold: true, align: "C"}, 0
	case pDraft:
		return style{size: size, bold: true, align: "R"}, 0
	case pTitle:
		return style{size: size + 3, bold: true, align: "C"}, 0
	case pCenter:
		return style{size: size, align: "C"}, 0
	case pPlace:
		return style{size: size, align: "L"}, 0
	case pHeading:
		return style{size: size, bold: true, align: "L"}, 0
	case pClause:
		return style{size: size, align: "J"}, size * 0.9
	case pSub:
		return style{size: size, align: "J"}, size * 1.15
	}
	return style{size: size, align: "J"}, 0
}

// title is the document's title in lang, by the agreement's kind.
func (m *memo) title(lang string) string {
	k := m.d.Agreement.Kind
	if !k.Valid() {
		k = model.KindOther
	}
	return tr(lang, "pdf.title."+string(k))
}

// partyName is the name of a party in lang.
func (m *memo) partyName(lang string, p model.Party) string {
	return reports.PartyName(lang, p, &m.d.Institution, m.partners)
}

// footer is "page N of M" (in each column's language) and the number.
func (m *memo) footer(n, total int) []op {
	var pages []string
	for _, lang := range m.langs {
		pages = append(pages, tr(lang, "pdf.page", "N", strconv.Itoa(n), "M", strconv.Itoa(total)))
	}
	return m.doc.footerOps(strings.Join(pages, " / "), tr(m.langs[0], "pdf.number", "Number", m.d.Agreement.Number))
}
