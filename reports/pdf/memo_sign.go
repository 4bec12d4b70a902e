package pdf

import "strings"

// logoRow returns the institution's logo centred above the header, or nil
// when there is none (or it is not an image gofpdf can read).
func (m *memo) logoRow() *row {
	w, h, ok := m.doc.addLogo(m.d.Institution.Logo, 18, 60)
	if !ok {
		return nil
	}
	full := m.doc.pg.width()
	return &row{after: 2, box: &box{h: h, draw: func(x, y float64) []op {
		return []op{{kind: opImage, s: logoName, x: x + (full-w)/2, y: y, w: w, h: h}}
	}}}
}

// signer is one party's signature block.
type signer struct {
	names    []string // the party's name in each printed language, repeats dropped
	position string
	person   string
}

// signers returns the signature blocks: the institution's, then each
// partner's.
func (m *memo) signers() []signer {
	in := &m.d.Institution
	out := []signer{{names: m.namesIn(in.Names.In), position: in.Signatory.Position, person: in.Signatory.Name}}
	for i := range m.d.Partners {
		p := &m.d.Partners[i]
		out = append(out, signer{names: m.namesIn(p.NameIn), position: p.Signatory.Position, person: p.Signatory.Name})
	}
	return out
}

// namesIn returns name(lang) for each printed language, without repeats.
func (m *memo) namesIn(name func(lang string) string) []string {
	var out []string
	for _, lang := range m.langs {
		if n := name(lang); n != "" && (len(out) == 0 || out[len(out)-1] != n) {
			out = append(out, n)
		}
	}
	return out
}

// signatureRows lays the signature blocks out two abreast, all in one
// group so that they share a page with the heading and the last clause.
// The signature lines of two blocks side by side are level.
func (m *memo) signatureRows() []*row {
	sig := m.signers()
	const gap = 10
	bw := (m.doc.pg.width() - gap) / 2
	var rows []*row
	for i := 0; i < len(sig); i += 2 {
		pair := sig[i:min(i+2, len(sig))]
		var ops []op
		headH := 0.0
		for j, s := range pair {
			o, h := m.signatureHead(s, float64(j)*(bw+gap), bw)
			ops = append(ops, o...)
			headH = max(headH, h)
		}
		footH := 0.0
		for j := range pair {
			o, h := m.signatureFoot(float64(j)*(bw+gap), headH+10)
			ops = append(ops, o...)
			footH = h
		}
		rows = append(rows, &row{before: 6, group: groupSignatures, box: &box{h: headH + 10 + footH, draw: func(x, y float64) []op {
			out := make([]op, len(ops))
			for k, o := range ops {
				o.x += x
				o.y += y
				out[k] = o
			}
			return out
		}}})
	}
	return rows
}

// sigSize is the font size of the signature blocks.
func (m *memo) sigSize() float64 {
	if len(m.langs) > 1 {
		return 9
	}
	return 10
}

// signatureHead sets a party's name, its signatory's position and name at
// offset x (from the row's top left corner) in width w, and returns the
// ops and their height.
func (m *memo) signatureHead(s signer, x, w float64) ([]op, float64) {
	bold := style{size: m.sigSize(), bold: true, align: "L"}
	plain := style{size: m.sigSize(), align: "L"}
	var ops []op
	y := 0.0
	put := func(s string, st style) {
		for _, l := range m.doc.wrap(Sanitize(s), w, st) {
			ops = append(ops, text(x, y, w, l.s, st))
			y += st.lineHeight()
		}
	}
	for _, n := range s.names {
		put(n, bold)
	}
	y += 1
	put(s.position, plain)
	put(s.person, plain)
	return ops, y
}

// signatureFoot draws the signature line with "(signature)" under it and
// the stamp place, at offset (x, y), and returns the ops and their height.
func (m *memo) signatureFoot(x, y float64) ([]op, float64) {
	const lineW = 60
	plain := style{size: m.sigSize(), align: "L"}
	small := style{size: 7, align: "C"}
	ops := []op{
		{kind: opLine, x: x, y: y, w: lineW},
		text(x, y+0.5, lineW, m.joined("pdf.signature"), small),
		text(x+4, y+0.5+small.lineHeight()+2, lineW, m.joined("pdf.stamp"), plain),
	}
	return ops, 0.5 + small.lineHeight() + 2 + plain.lineHeight()
}

// joined is key translated into every printed language, joined by " / ".
func (m *memo) joined(key string) string {
	var parts []string
	for _, lang := range m.langs {
		if s := tr(lang, key); len(parts) == 0 || parts[len(parts)-1] != s {
			parts = append(parts, s)
		}
	}
	return strings.Join(parts, " / ")
}
