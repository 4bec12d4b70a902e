package pdf

import (
	"bytes"
	"fmt"
	"io"
	"slices"
	"time"

	"github.com/jung-kurt/gofpdf"

	"github.com/partnerdesk/partnerdesk/assets"
	"github.com/partnerdesk/partnerdesk/model"
)

// Options say how a document is printed. The zero value prints in Russian,
// dated now.
type Options struct {
	// Lang is the language of the fixed text: ru, kk, ky or en (default ru).
	Lang string
	// Bilingual, when set, prints a memorandum in two columns: "kk+ru"
	// (Kazakh left, Russian right) or "ky+ru" (Kyrgyz left). Lang is then
	// ignored for the memorandum's text. The partner card and the register
	// are printed in Lang only.
	Bilingual string
	// Today is the day statuses are derived on (the register, the partner
	// card); default model.Today().
	Today model.Date
	// Created is the creation and modification date written into the PDF
	// (default time.Now()). Fix it, and the same data give byte-identical
	// files.
	Created time.Time
}

// BilingualLayouts are the accepted values of Options.Bilingual.
var BilingualLayouts = []string{"kk+ru", "ky+ru"}

// check validates o and fills in the defaults.
func (o Options) check() (Options, error) {
	if o.Lang == "" {
		o.Lang = "ru"
	}
	if !slices.Contains(model.Languages, o.Lang) {
		return o, fmt.Errorf("unknown language %q: use one of %v", o.Lang, model.Languages)
	}
	if o.Bilingual != "" && !slices.Contains(BilingualLayouts, o.Bilingual) {
		return o, fmt.Errorf("unknown bilingual layout %q: use one of %v", o.Bilingual, BilingualLayouts)
	}
	if o.Today.IsZero() {
		o.Today = model.Today()
	}
	if o.Created.IsZero() {
		o.Created = time.Now()
	}
	return o, nil
}

// langs returns the languages of the columns: one, or left and right.
func (o Options) langs() []string {
	if o.Bilingual == "" {
		return []string{o.Lang}
	}
	return []string{o.Bilingual[:2], o.Bilingual[3:]}
}

const family = "noto"

// A4 pages in millimetres.
var (
	portrait  = page{w: 210, h: 297, left: 25, right: 15, top: 15, bottom: 20}
	landscape = page{w: 297, h: 210, left: 12, right: 12, top: 12, bottom: 16}
)

// doc is one PDF being made.
type doc struct {
	f    *gofpdf.Fpdf
	pg   page
	o    Options
	font style // the font last set, to skip repeated SetFont calls
}

// newDoc starts a PDF with the shipped fonts. gofpdf parses the fonts
// anew for each document: it has no way to share parsed fonts. Each
// document gets its own copy of the font files, because gofpdf's subsetter
// appends padding to slices of them in place (utf8FontFile.
// generateChecksum): on the shared bytes that is a data race between
// documents printed at once, and with the GUI, which draws with the same
// font.
func newDoc(o Options, pg page) *doc {
	orient := "P"
	if pg.w > pg.h {
		orient = "L"
	}
	f := gofpdf.New(orient, "mm", "A4", "")
	f.AddUTF8FontFromBytes(family, "", bytes.Clone(assets.FontRegular))
	f.AddUTF8FontFromBytes(family, "B", bytes.Clone(assets.FontBold))
	f.SetAutoPageBreak(false, 0)
	f.SetMargins(pg.left, pg.top, pg.right)
	f.SetCellMargin(0)
	f.SetCatalogSort(true)
	f.SetCreationDate(o.Created)
	f.SetModificationDate(o.Created)
	f.SetCreator("PartnerDesk", true)
	f.SetDrawColor(90, 90, 90)
	f.SetLineWidth(0.2)
	return &doc{f: f, pg: pg, o: o}
}

// meta sets the document's title and author.
func (d *doc) meta(title, author string) {
	d.f.SetTitle(Sanitize(title), true)
	d.f.SetAuthor(Sanitize(author), true)
}

func (d *doc) setFont(st style) {
	if d.font == st {
		return
	}
	d.font = st
	bold := ""
	if st.bold {
		bold = "B"
	}
	d.f.SetFont(family, bold, st.size)
}

// opKind says what an op draws.
type opKind uint8

const (
	opText opKind = iota
	opRect
	opLine
	opImage
)

// op is one drawing operation, in page coordinates (mm from the top left).
type op struct {
	kind         opKind
	x, y, w, h   float64 // for a line: from (x, y) to (x+w, y+h)
	s            string  // text, or the registered image's name
	st           style
	align        string
	fill, border bool
	rgb          [3]int // fill colour of a rectangle; zero means the table grey
}

// render draws the pages, each with the footer footer returns for page n
// of total, and writes the PDF to w.
func (d *doc) render(w io.Writer, pages [][]op, footer func(n, total int) []op) error {
	for i, ops := range pages {
		d.f.AddPage()
		for _, o := range ops {
			d.draw(o)
		}
		if footer != nil {
			for _, o := range footer(i+1, len(pages)) {
				d.draw(o)
			}
		}
	}
	if err := d.f.Error(); err != nil {
		return err
	}
	return d.f.Output(w)
}

func (d *doc) draw(o op) {
	f := d.f
	switch o.kind {
	case opText:
		d.setFont(o.st)
		f.SetXY(o.x, o.y)
		f.CellFormat(o.w, o.h, o.s, "", 0, o.align, false, 0, "")
	case opRect:
		mode := "D"
		switch {
		case o.fill && o.border:
			mode = "FD"
		case o.fill:
			mode = "F"
		}
		if o.rgb != [3]int{} {
			f.SetFillColor(o.rgb[0], o.rgb[1], o.rgb[2])
		} else {
			f.SetFillColor(236, 236, 236)
		}
		f.Rect(o.x, o.y, o.w, o.h, mode)
	case opLine:
		f.Line(o.x, o.y, o.x+o.w, o.y+o.h)
	case opImage:
		f.ImageOptions(o.s, o.x, o.y, o.w, o.h, false, gofpdf.ImageOptions{}, 0, "")
	}
}

// text returns a text op of one line.
func text(x, y, w float64, s string, st style) op {
	return op{kind: opText, x: x, y: y, w: w, h: st.lineHeight(), s: Sanitize(s), st: st, align: st.align}
}

// footerOps returns a footer line with left and right text.
func (d *doc) footerOps(left, right string) []op {
	st := style{size: 8, align: "L"}
	y := d.pg.h - d.pg.bottom + 6
	w := d.pg.width()
	ops := []op{{kind: opLine, x: d.pg.left, y: y - 1.5, w: w}}
	ops = append(ops, text(d.pg.left, y, w, left, st))
	st.align = "R"
	return append(ops, text(d.pg.left, y, w, right, st))
}

// t translates a key into lang.
func tr(lang, key string, kv ...string) string {
	if len(kv) == 0 {
		return assets.T(lang, key, nil)
	}
	args := make(map[string]string, len(kv)/2)
	for i := 0; i+1 < len(kv); i += 2 {
		args[kv[i]] = kv[i+1]
	}
	return assets.T(lang, key, args)
}
