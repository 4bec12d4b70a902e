package pdf

// column is one column of a table.
type column struct {
	title string
	w     float64 // mm
	align string  // of the body cells: "L", "C" or "R"
}

// table returns a bordered table: a grey header row (a point smaller than
// the body), repeated at the top of every page the table continues on,
// and one row per record. A record row is never split across pages unless
// it is taller than a page.
func table(cols []column, records [][]string, size float64) []*row {
	head := &row{border: true, fill: true, keepNext: true, padV: 1}
	x := 0.0
	for _, c := range cols {
		head.cells = append(head.cells, cell{x: x, w: c.w, pad: 1, text: c.title, st: style{size: size - 1, bold: true, align: "C"}})
		x += c.w
	}
	rows := []*row{head}
	for _, rec := range records {
		r := &row{border: true, keep: true, padV: 1, header: head}
		x := 0.0
		for i, c := range cols {
			r.cells = append(r.cells, cell{x: x, w: c.w, pad: 1, text: rec[i], st: style{size: size, align: c.align}})
			x += c.w
		}
		rows = append(rows, r)
	}
	return rows
}

// fieldRows returns label–value pairs as a two-column table without a
// header; pairs with an empty value are left out.
func fieldRows(pairs [][2]string, labelW, valueW, size float64) []*row {
	var rows []*row
	for _, p := range pairs {
		if p[1] == "" {
			continue
		}
		rows = append(rows, &row{border: true, keep: true, padV: 1, cells: []cell{
			{x: 0, w: labelW, pad: 1, text: p[0], st: style{size: size, bold: true, align: "L"}},
			{x: labelW, w: valueW, pad: 1, text: p[1], st: style{size: size, align: "L"}},
		}})
	}
	return rows
}

// para1 returns a one-cell paragraph row across width w.
func para1(text string, w float64, st style, before, after float64) *row {
	return &row{before: before, after: after, cells: []cell{{w: w, text: text, st: st}}}
}
