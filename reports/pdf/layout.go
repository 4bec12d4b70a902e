package pdf

import (
	"math"
	"strings"
)

// The layout engine. A document is a list of rows; a row is either cells
// of wrapped text side by side (one cell for a plain paragraph, two for a
// bilingual pair, several for a table row) or a box of fixed height drawn
// by a function (a logo, signature blocks). Rows are measured first, then
// placed on pages line by line, so that text breaks across pages between
// lines only, cells of one row stay aligned (every cell's line k lies at
// the same height, and the row is as tall as its longest cell), and
// groups that must stay together do. Placing produces drawing operations
// per page; the total page count is known before anything is drawn.

// style is how the text of a cell is set.
type style struct {
	size  float64 // font size in points
	bold  bool
	align string // "L", "C", "R", or "J" (justified; a paragraph's last line left)
}

// lineHeight is the distance between baselines in millimetres.
func (s style) lineHeight() float64 { return s.size * 0.3528 * 1.28 }

// cell is one column of a row.
type cell struct {
	x, w  float64 // offset from the left margin and width, in mm
	text  string
	label string  // printed in the hanging indent of the first line, e.g. "3.1."
	hang  float64 // width of the hanging indent
	pad   float64 // padding inside the cell on the left and right
	st    style
}

// box is content of fixed height drawn by a function at (x, y), the top
// left corner of the row.
type box struct {
	h    float64
	draw func(x, y float64) []op
}

// row is one unit of layout.
type row struct {
	cells    []cell
	box      *box
	before   float64 // space above; dropped at the top of a page
	after    float64 // space below
	padV     float64 // padding above and below the text inside the cells
	border   bool    // draw the cells' borders
	fill     bool    // grey background (table headers)
	keep     bool    // never split across pages (when it fits on one)
	keepNext bool    // keep with the first lines of the next row (headings)
	group    int     // consecutive rows of one non-zero group share a page when they fit
	header   *row    // a table header repeated at the top of a page this row starts or continues on
}

// line is one wrapped line. Justified text stretches the spaces of a
// line only when loose is false: a paragraph's last line, and lines whose
// spaces would have to grow to more than maxStretch spaces each, are set
// flush left instead of showing rivers of white.
type line struct {
	s     string
	loose bool
}

const maxStretch = 2.5

// measured is a row with its text wrapped.
type measured struct {
	*row
	lines [][]line // per cell
	n     int      // lines of the longest cell
	lh    float64  // line height
}

// height is the row's height without the space before and after it.
func (m *measured) height() float64 {
	if m.box != nil {
		return m.box.h
	}
	return float64(m.n)*m.lh + 2*m.padV
}

// minHeight is the least height of the row that may start a page: all of
// it when it is kept together, else its first two lines.
func (m *measured) minHeight() float64 {
	if m.box != nil || m.keep || m.n <= 2 {
		return m.height()
	}
	return 2*m.lh + 2*m.padV
}

// page is the geometry of the pages of a document, in mm.
type page struct {
	w, h                     float64
	left, right, top, bottom float64
}

func (p page) width() float64 { return p.w - p.left - p.right }

// measure wraps every row's cells.
func (d *doc) measure(rows []*row) []*measured {
	out := make([]*measured, len(rows))
	for i, r := range rows {
		m := &measured{row: r}
		for _, c := range r.cells {
			ls := d.wrap(Sanitize(c.text), c.w-c.hang-2*c.pad, c.st)
			m.lines = append(m.lines, ls)
			m.n = max(m.n, len(ls))
			m.lh = max(m.lh, c.st.lineHeight())
		}
		if r.border && r.box == nil {
			m.n = max(m.n, 1)
		}
		out[i] = m
	}
	return out
}

// wrap breaks text into lines no wider than w: at spaces where possible,
// inside a word that is wider than a whole line. Line breaks in the text
// start new paragraphs; an empty paragraph is an empty line.
func (d *doc) wrap(text string, w float64, st style) []line {
	text = strings.TrimRight(text, "\n ")
	if text == "" {
		return nil
	}
	d.setFont(st)
	space := d.f.GetStringWidth(" ")
	var out []line
	for _, para := range strings.Split(text, "\n") {
		var cur strings.Builder
		curW := 0.0
		flush := func() {
			s := cur.String()
			gaps := float64(strings.Count(s, " "))
			out = append(out, line{s: s, loose: gaps == 0 || (w-curW)/gaps+space > maxStretch*space})
			cur.Reset()
			curW = 0
		}
		for _, word := range strings.Split(para, " ") {
			if word == "" {
				continue
			}
			ww := d.f.GetStringWidth(word)
			if cur.Len() > 0 && curW+space+ww <= w {
				cur.WriteByte(' ')
				cur.WriteString(word)
				curW += space + ww
				continue
			}
			if cur.Len() > 0 {
				flush()
			}
			for ww > w { // a word longer than the line: break it anywhere
				head, rest := d.cut(word, w)
				cur.WriteString(head)
				curW = d.f.GetStringWidth(head)
				flush()
				word, ww = rest, d.f.GetStringWidth(rest)
			}
			cur.WriteString(word)
			curW = ww
		}
		flush()
		out[len(out)-1].loose = true
	}
	return out
}

// cut splits word after as many characters as fit in w (at least one).
func (d *doc) cut(word string, w float64) (string, string) {
	acc := 0.0
	for i, r := range word {
		acc += d.f.GetStringWidth(string(r))
		if acc > w && i > 0 {
			return word[:i], word[i:]
		}
	}
	return word, ""
}

// placer puts measured rows on pages.
type placer struct {
	pg    page
	rows  []*measured
	pages [][]op
	y     float64
	doc   *doc
}

// layout measures and places rows and returns the operations of each page.
func (d *doc) layout(rows []*row) [][]op {
	p := &placer{pg: d.pg, rows: d.measure(rows), doc: d}
	p.newPage(nil)
	for i := range p.rows {
		p.place(i)
	}
	return p.pages
}

func (p *placer) bottom() float64 { return p.pg.h - p.pg.bottom }

func (p *placer) body() float64 { return p.pg.h - p.pg.top - p.pg.bottom }

func (p *placer) atTop() bool { return p.y <= p.pg.top+0.01 }

func (p *placer) emit(o ...op) {
	p.pages[len(p.pages)-1] = append(p.pages[len(p.pages)-1], o...)
}

// newPage starts a page, with the table header of r when it has one.
func (p *placer) newPage(r *measured) {
	p.pages = append(p.pages, nil)
	p.y = p.pg.top
	if r != nil && r.header != nil {
		h := p.doc.measure([]*row{r.header})[0]
		p.drawLines(h, 0, h.n)
	}
}

// breakFor starts a new page when need mm do not fit below the current
// position but would fit on an empty page.
func (p *placer) breakFor(need float64, r *measured) {
	if !p.atTop() && p.y+need > p.bottom()+0.01 && need <= p.body() {
		p.newPage(r)
	}
}

// place puts row i at the current position, breaking pages as needed.
func (p *placer) place(i int) {
	m := p.rows[i]
	if !p.atTop() {
		p.y += m.before
	}
	if m.group != 0 && (i == 0 || p.rows[i-1].group != m.group) {
		p.breakFor(p.groupHeight(i), m)
	}
	if m.keepNext && i+1 < len(p.rows) {
		next := p.rows[i+1]
		p.breakFor(m.height()+m.after+next.before+next.minHeight(), m)
	}
	if m.box != nil || m.keep {
		p.breakFor(m.height(), m)
	}
	if m.box != nil {
		p.emit(m.box.draw(p.pg.left, p.y)...)
		p.y += m.box.h
	} else {
		p.placeLines(m)
	}
	p.y += m.after
}

// groupHeight is the height of the group that starts at row i, with the
// space between its rows.
func (p *placer) groupHeight(i int) float64 {
	h := p.rows[i].height()
	for j := i + 1; j < len(p.rows) && p.rows[j].group == p.rows[i].group; j++ {
		h += p.rows[j-1].after + p.rows[j].before + p.rows[j].height()
	}
	return h
}

// placeLines puts a text row's lines on as many pages as they need,
// leaving neither a single first line at the foot of a page nor a single
// last line at the head of the next.
func (p *placer) placeLines(m *measured) {
	for k := 0; k < m.n; {
		rem := m.n - k
		fit := int(math.Floor((p.bottom() - p.y - 2*m.padV + 0.01) / m.lh))
		least := 1 // lines that must stay at the foot of this page
		if k == 0 {
			least = 2
		}
		switch {
		case fit >= rem:
			fit = rem
		case rem-fit == 1 && fit-1 >= least:
			fit-- // carry two lines over rather than one
		case (fit < least || rem-fit == 1) && !p.atTop():
			p.newPage(m) // too few lines would stay, or one would go over
			continue
		}
		fit = max(fit, 1)
		p.drawLines(m, k, k+fit)
		k += fit
		if k < m.n {
			p.newPage(m)
		}
	}
}

// drawLines emits lines [from, to) of a text row at the current position
// and moves below them.
func (p *placer) drawLines(m *measured, from, to int) {
	h := float64(to-from)*m.lh + 2*m.padV
	for ci, c := range m.cells {
		x := p.pg.left + c.x
		if m.border || m.fill {
			p.emit(op{kind: opRect, x: x, y: p.y, w: c.w, h: h, fill: m.fill, border: m.border})
		}
		lines := m.lines[ci]
		for k := from; k < to && k < len(lines); k++ {
			y := p.y + m.padV + float64(k-from)*m.lh
			if k == 0 && c.label != "" {
				p.emit(op{kind: opText, x: x + c.pad, y: y, w: c.hang, h: m.lh, s: Sanitize(c.label), st: c.st, align: "L"})
			}
			align := c.st.align
			if align == "J" && lines[k].loose {
				align = "L"
			}
			p.emit(op{kind: opText, x: x + c.pad + c.hang, y: y, w: c.w - c.hang - 2*c.pad, h: m.lh, s: lines[k].s, st: c.st, align: align})
		}
	}
	p.y += h
}
