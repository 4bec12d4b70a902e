package pdf

import "math"

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
