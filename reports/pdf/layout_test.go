package pdf

import (
	"strconv"
	"strings"
	"testing"
)

func testDoc() *doc { return newDoc(Options{Created: testCreated}, portrait) }

var body = style{size: 10, align: "J"}

func TestWrap(t *testing.T) {
	d := testDoc()
	long := strings.Repeat("Әлеуметтіксеріктестік", 12)
	text := "Бір екі үш " + long + " төрт\n\nбес"
	lines := d.wrap(text, 40, body)
	var words []string
	for _, l := range lines {
		d.setFont(body)
		if w := d.f.GetStringWidth(l.s); w > 40+1e-9 {
			t.Errorf("line %q is %.1f mm wide, more than 40", l.s, w)
		}
		words = append(words, l.s)
	}
	strip := strings.NewReplacer(" ", "", "\n", "")
	if got := strip.Replace(strings.Join(words, "")); got != strip.Replace(text) {
		t.Errorf("text changed: %q", got)
	}
	if lines[len(lines)-2].s != "" || lines[len(lines)-1].s != "бес" || !lines[len(lines)-1].loose {
		t.Errorf("the blank line or the last paragraph went wrong: %+v", lines[len(lines)-3:])
	}
	if d.wrap(" \n ", 40, body) != nil {
		t.Error("blank text gave lines")
	}
}

// filler is a box of height h.
func filler(h float64) *row {
	return &row{box: &box{h: h, draw: func(x, y float64) []op { return nil }}}
}

// paragraph returns a row of text of n lines.
func paragraph(d *doc, n int) *row {
	var lines []string
	for i := range n {
		lines = append(lines, "строка "+strconv.Itoa(i+1))
	}
	return &row{cells: []cell{{w: d.pg.width(), text: strings.Join(lines, "\n"), st: body}}}
}

// linesPerPage counts the text ops on each page.
func linesPerPage(pages [][]op) []int {
	var out []int
	for _, ops := range pages {
		n := 0
		for _, o := range ops {
			if o.kind == opText {
				n++
			}
		}
		out = append(out, n)
	}
	return out
}

func TestOrphansAndWidows(t *testing.T) {
	d := testDoc()
	lh := body.lineHeight()
	bodyH := d.pg.h - d.pg.top - d.pg.bottom
	cases := []struct {
		name  string
		room  float64 // lines that fit below the filler
		lines int
		want  []int
	}{
		{"fits", 5.5, 5, []int{5}},
		{"one line left: none", 1.5, 5, []int{0, 5}},
		{"split", 3.5, 6, []int{3, 3}},
		{"one would go over: two", 4.5, 5, []int{3, 2}},
		{"two lines, one fits", 1.5, 2, []int{0, 2}},
		{"three lines, two fit: all go", 2.5, 3, []int{0, 3}},
	}
	for _, c := range cases {
		rows := []*row{filler(bodyH - c.room*lh), paragraph(d, c.lines)}
		if got := linesPerPage(d.layout(rows)); !equalInts(got, c.want) {
			t.Errorf("%s: lines per page %v, want %v", c.name, got, c.want)
		}
	}
}

func TestKeepTogether(t *testing.T) {
	d := testDoc()
	lh := body.lineHeight()
	bodyH := d.pg.h - d.pg.top - d.pg.bottom
	heading := paragraph(d, 1)
	heading.keepNext = true
	rows := []*row{filler(bodyH - 2.5*lh), heading, paragraph(d, 4)}
	if got := linesPerPage(d.layout(rows)); !equalInts(got, []int{0, 5}) {
		t.Errorf("a heading stayed alone at the foot of a page: %v", got)
	}
	a, b := paragraph(d, 3), paragraph(d, 3)
	a.group, b.group = 7, 7
	rows = []*row{filler(bodyH - 4.5*lh), a, b}
	if got := linesPerPage(d.layout(rows)); !equalInts(got, []int{0, 6}) {
		t.Errorf("a group was split: %v", got)
	}
	a, b = paragraph(d, 3), paragraph(d, 3)
	a.group, b.group, a.after, b.before = 7, 7, 3, 4
	rows = []*row{filler(bodyH - 6*lh - 5), a, b}
	if got := linesPerPage(d.layout(rows)); !equalInts(got, []int{0, 6}) {
		t.Errorf("a group that fits only without the space between its rows was split: %v", got)
	}
	big := paragraph(d, 3)
	big.keep = true
	rows = []*row{filler(bodyH - 2.5*lh), big}
	if got := linesPerPage(d.layout(rows)); !equalInts(got, []int{0, 3}) {
		t.Errorf("a kept row was split: %v", got)
	}
}

func TestTableHeaderRepeats(t *testing.T) {
	d := testDoc()
	cols := []column{{"Номер", 40, "L"}, {"Наименование", 130, "L"}}
	var recs [][]string
	for i := range 120 {
		recs = append(recs, []string{strconv.Itoa(i + 1), "Договор о базе практики"})
	}
	pages := d.layout(table(cols, recs, 9))
	if len(pages) < 3 {
		t.Fatalf("%d pages", len(pages))
	}
	next := 1
	for i, ops := range pages {
		var texts []string
		for _, o := range ops {
			if o.kind == opText {
				texts = append(texts, o.s)
			}
		}
		if len(texts) < 4 || texts[0] != "Номер" || texts[1] != "Наименование" {
			t.Fatalf("page %d does not start with the header: %q", i+1, texts[:min(4, len(texts))])
		}
		for j := 2; j < len(texts); j += 2 {
			if texts[j] != strconv.Itoa(next) {
				t.Fatalf("page %d: record %q, want %d", i+1, texts[j], next)
			}
			next++
		}
	}
	if next != 121 {
		t.Errorf("%d records printed", next-1)
	}
}

func equalInts(a, b []int) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}
