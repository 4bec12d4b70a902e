package pdf

import "strings"

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
