package ui

import (
	"image/color"
	"math"
	"strconv"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/partnerdesk/partnerdesk/model"
	"github.com/partnerdesk/partnerdesk/reports"
)

// levelColours are Figure 1's colours per level: darker for the first
// compared group (EG), lighter for the second (CG); the PDF uses the same.
var levelColours = [][2]color.NRGBA{
	{{214, 96, 77, 255}, {244, 165, 130, 255}},
	{{67, 147, 195, 255}, {146, 197, 222, 255}},
	{{77, 146, 33, 255}, {161, 215, 106, 255}},
	{{128, 115, 172, 255}, {178, 171, 210, 255}},
}

func seriesColour(k, groups int) color.Color {
	c := levelColours[(k/max(groups, 1))%len(levelColours)]
	return c[min(k%max(groups, 1), 1)]
}

// groupedBars lays out Figure 1: a cluster of bars per indicator, one bar
// per level and group, with its value above it, a scale on the left and
// the indicators' names below.
type groupedBars struct {
	values   [][]float64 // [series][category]
	top      float64
	steps    []float64
	bars     [][]*canvas.Rectangle
	vals     [][]*canvas.Text
	grid     []*canvas.Line
	gridText []*canvas.Text
	cats     []*widget.Label
}

const (
	chartAxisW = 36
	chartCatH  = 48
)

// newGroupedBarChart draws Figure 1 of a round with its legend.
func newGroupedBarChart(rep *reports.RoundReport) fyne.CanvasObject {
	names, values := rep.ChartSeries()
	g := &groupedBars{values: values}
	for _, s := range values {
		for _, v := range s {
			g.top = math.Max(g.top, v)
		}
	}
	step := 10.0
	if g.top > 60 {
		step = 20
	}
	g.top = math.Max(step, math.Ceil(g.top/step)*step)
	var objs []fyne.CanvasObject
	for v := 0.0; v <= g.top+1e-9; v += step {
		l := canvas.NewLine(theme.Color(theme.ColorNameSeparator))
		t := canvas.NewText(strconv.Itoa(int(v)), theme.Color(theme.ColorNameForeground))
		t.TextSize = theme.CaptionTextSize()
		t.Alignment = fyne.TextAlignTrailing
		g.steps, g.grid, g.gridText = append(g.steps, v), append(g.grid, l), append(g.gridText, t)
		objs = append(objs, l, t)
	}
	sep := model.DecimalSep(rep.Lang)
	for k := range values {
		var bars []*canvas.Rectangle
		var vals []*canvas.Text
		for _, v := range values[k] {
			b := canvas.NewRectangle(seriesColour(k, len(rep.Groups)))
			t := canvas.NewText(model.FormatPercent(v, sep), theme.Color(theme.ColorNameForeground))
			t.TextSize = theme.CaptionTextSize() * 0.9
			t.Alignment = fyne.TextAlignCenter
			bars, vals = append(bars, b), append(vals, t)
			objs = append(objs, b, t)
		}
		g.bars, g.vals = append(g.bars, bars), append(g.vals, vals)
	}
	for _, c := range rep.Categories() {
		l := widget.NewLabelWithStyle(c, fyne.TextAlignCenter, fyne.TextStyle{})
		l.Wrapping = fyne.TextWrapWord
		g.cats = append(g.cats, l)
		objs = append(objs, l)
	}
	var legend []fyne.CanvasObject
	for k, n := range names {
		sw := canvas.NewRectangle(seriesColour(k, len(rep.Groups)))
		sw.SetMinSize(fyne.NewSize(14, 14))
		legend = append(legend, container.NewHBox(container.NewCenter(sw), widget.NewLabel(n)))
	}
	return container.NewVBox(container.New(g, objs...),
		container.NewGridWithColumns(max(len(rep.Groups), 1), legend...))
}

func (g *groupedBars) MinSize([]fyne.CanvasObject) fyne.Size { return fyne.NewSize(600, 340) }

func (g *groupedBars) Layout(_ []fyne.CanvasObject, size fyne.Size) {
	px, py := float32(chartAxisW), float32(12)
	pw, ph := size.Width-px, size.Height-py-chartCatH
	y := func(v float64) float32 { return py + ph - ph*float32(v/g.top) }
	for i, v := range g.steps {
		g.grid[i].Position1, g.grid[i].Position2 = fyne.NewPos(px, y(v)), fyne.NewPos(px+pw, y(v))
		g.gridText[i].Move(fyne.NewPos(0, y(v)-9))
		g.gridText[i].Resize(fyne.NewSize(px-6, 18))
	}
	if len(g.cats) == 0 {
		return
	}
	clusterW := pw / float32(len(g.cats))
	barW := clusterW * 0.84 / float32(max(len(g.bars), 1))
	for c := range g.cats {
		cx := px + float32(c)*clusterW + clusterW*0.08
		for k := range g.bars {
			v := g.values[k][c]
			bx := cx + float32(k)*barW
			g.bars[k][c].Move(fyne.NewPos(bx, y(v)))
			g.bars[k][c].Resize(fyne.NewSize(barW*0.9, y(0)-y(v)))
			g.vals[k][c].Move(fyne.NewPos(bx-4, y(v)-16))
			g.vals[k][c].Resize(fyne.NewSize(barW*0.9+8, 14))
		}
		g.cats[c].Move(fyne.NewPos(px+float32(c)*clusterW, py+ph+2))
		g.cats[c].Resize(fyne.NewSize(clusterW, chartCatH))
	}
}
