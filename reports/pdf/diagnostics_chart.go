package pdf

import (
	"math"
	"strconv"

	"github.com/partnerdesk/partnerdesk/model"
	"github.com/partnerdesk/partnerdesk/reports"
)

// levelColours are the bar colours of the levels, darker for the first
// compared group (EG) and lighter for the second (CG); levels beyond the
// list repeat it.
var levelColours = [][2][3]int{
	{{214, 96, 77}, {244, 165, 130}},   // fragmented: red
	{{67, 147, 195}, {146, 197, 222}},  // complete: blue
	{{77, 146, 33}, {161, 215, 106}},   // summative: green
	{{128, 115, 172}, {178, 171, 210}}, // a fourth level: purple
}

func colour(series, groups int) [3]int {
	l, g := series/groups, series%groups
	c := levelColours[l%len(levelColours)]
	return c[min(g, 1)]
}

// barChart draws Figure 1 in the box (x, y, w, h): the indicators along
// the bottom, for each a cluster of bars, one per level and group, with
// its value above it; a scale on the left and a legend below.
func (d *doc) barChart(rep *reports.RoundReport, x, y, w, h float64) []op {
	names, values := rep.ChartSeries()
	cats := rep.Categories()
	if len(names) == 0 || len(cats) == 0 {
		return nil
	}
	top := 0.0
	for _, s := range values {
		for _, v := range s {
			top = math.Max(top, v)
		}
	}
	step := 10.0
	if top > 60 {
		step = 20
	}
	top = math.Max(step, math.Ceil(top/step)*step)
	cols := max(1, len(rep.Groups))
	legendRows := (len(names) + cols - 1) / cols
	axisW, catH, legendH := 9.0, 9.0, float64(legendRows)*4.5+2
	px, py, pw, ph := x+axisW, y+2, w-axisW, h-2-catH-legendH
	small := style{size: 7, align: "R"}
	var ops []op
	for v := 0.0; v <= top+1e-9; v += step {
		ly := py + ph - ph*v/top
		ops = append(ops, op{kind: opLine, x: px, y: ly, w: pw})
		ops = append(ops, text(x, ly-small.lineHeight()/2, axisW-1.5, strconv.Itoa(int(v)), small))
	}
	clusterW := pw / float64(len(cats))
	barW := clusterW * 0.84 / float64(len(names))
	sep := model.DecimalSep(rep.Lang)
	for c, cat := range cats {
		cx := px + float64(c)*clusterW + clusterW*0.08
		for k := range names {
			v := values[k][c]
			bh := ph * v / top
			bx := cx + float64(k)*barW
			ops = append(ops, op{kind: opRect, x: bx, y: py + ph - bh, w: barW * 0.92, h: bh, fill: true, rgb: colour(k, len(rep.Groups))})
			ops = append(ops, text(bx-1, py+ph-bh-2.8, barW*0.92+2, model.FormatPercent(v, sep), style{size: 5.5, align: "C"}))
		}
		for i, ln := range d.wrap(cat, clusterW-2, style{size: 7}) {
			if i < 2 {
				ops = append(ops, text(px+float64(c)*clusterW+1, py+ph+1+float64(i)*3.2, clusterW-2, ln.s, style{size: 7, align: "C"}))
			}
		}
	}
	ops = append(ops, op{kind: opLine, x: px, y: py, h: ph})
	ly := py + ph + catH + 1
	colW := w / float64(cols)
	for k, n := range names {
		lx, lyy := x+float64(k%cols)*colW, ly+float64(k/cols)*4.5
		ops = append(ops, op{kind: opRect, x: lx, y: lyy + 0.4, w: 3, h: 2.6, fill: true, rgb: colour(k, len(rep.Groups))})
		ops = append(ops, text(lx+4, lyy, colW-5, n, style{size: 7, align: "L"}))
	}
	return ops
}
