package widgets

import (
	"image/color"
	"strconv"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// Bar is one bar of a bar chart.
type Bar struct {
	Label string
	Value int
}

// BarChart draws, under the (translated) title, horizontal bars with canvas rectangles: a label on the
// left, the bar scaled to the largest value (or to max when set), and the
// value on the right.
func BarChart(title string, bars []Bar, max int, fill color.Color) fyne.CanvasObject {
	for _, b := range bars {
		if b.Value > max {
			max = b.Value
		}
	}
	rows := container.NewVBox(Bold(title))
	// Every row keeps the same room for its value, so that the bars share
	// one scale (a "5" beside a "10" would otherwise get a longer track).
	row := &chartRowLayout{valueW: widget.NewLabel(strconv.Itoa(max)).MinSize().Width + theme.Padding()}
	for _, b := range bars {
		name := widget.NewLabel(b.Label)
		name.Truncation = fyne.TextTruncateEllipsis
		rect := canvas.NewRectangle(fill)
		rect.CornerRadius = 3
		frac := float32(0)
		if max > 0 {
			frac = float32(b.Value) / float32(max)
		}
		value := widget.NewLabel(strconv.Itoa(b.Value))
		track := container.New(&barLayout{frac: frac}, rect)
		rows.Add(container.New(row, name, track, value))
	}
	return rows
}

// barLayout gives its one object frac of the available width, vertically
// centred at 60% of the row height.
type barLayout struct{ frac float32 }

func (l *barLayout) Layout(objs []fyne.CanvasObject, size fyne.Size) {
	h := size.Height * 0.6
	w := size.Width * l.frac
	if l.frac > 0 && w < 2 {
		w = 2
	}
	objs[0].Resize(fyne.NewSize(w, h))
	objs[0].Move(fyne.NewPos(0, (size.Height-h)/2))
}

func (l *barLayout) MinSize([]fyne.CanvasObject) fyne.Size {
	return fyne.NewSize(60, theme.TextSize()*1.6)
}

// chartRowLayout puts a label in the first 42% of the row, the bar in the
// middle and the value, in valueW, at the end.
type chartRowLayout struct{ valueW float32 }

func (l *chartRowLayout) Layout(objs []fyne.CanvasObject, size fyne.Size) {
	valueW := max(l.valueW, objs[2].MinSize().Width+theme.Padding())
	labelW := size.Width * 0.42
	objs[0].Resize(fyne.NewSize(labelW, size.Height))
	objs[0].Move(fyne.NewPos(0, 0))
	objs[1].Resize(fyne.NewSize(size.Width-labelW-valueW, size.Height))
	objs[1].Move(fyne.NewPos(labelW, 0))
	objs[2].Resize(fyne.NewSize(valueW, size.Height))
	objs[2].Move(fyne.NewPos(size.Width-valueW, 0))
}

func (l *chartRowLayout) MinSize(objs []fyne.CanvasObject) fyne.Size {
	h := objs[0].MinSize().Height
	return fyne.NewSize(180, h)
}
