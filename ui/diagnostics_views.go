package ui

import (
	"image/color"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/partnerdesk/partnerdesk/model"
	"github.com/partnerdesk/partnerdesk/reports"
	"github.com/partnerdesk/partnerdesk/ui/widgets"
)

// viewOf builds one of the editor's view tabs from the round as edited.
func (e *roundEditor) viewOf(id string) fyne.CanvasObject {
	numbers := map[model.ID]string{}
	for _, aid := range e.r.AgreementIDs {
		numbers[aid] = e.u.cat.NumberOf(aid)
	}
	rep := reports.NewRoundReport(&e.r, e.u.lang, numbers)
	switch id {
	case tabTable1:
		return container.NewVBox(widgets.Bold(rep.T("diag.table1")), table1View(rep),
			widgets.Wrapped(rep.T("diag.table1_note")), widgets.Wrapped(tr("diag.help_percent")),
			definitionsView("diag.levels_help", e.r.Scale.Levels, e.u.lang), definitionsView("diag.indicators_help",
				e.r.Scale.Indicators, e.u.lang))
	case tabByIndicator:
		return container.NewVBox(widgets.Bold(rep.T("diag.by_indicator")),
			gridView(rep.ByIndicatorHead, rep.ByIndicatorRows, 2))
	case tabChart:
		return container.NewVBox(widgets.Bold(rep.T("diag.chart")), newGroupedBarChart(rep))
	case tabTests:
		return testsView(rep)
	case tabChange:
		return e.changeView()
	}
	return container.NewVBox()
}

// definitionsView lists the items' names with their definitions, the
// help text of the scale.
func definitionsView(titleKey string, items []model.ScaleItem, lang string) fyne.CanvasObject {
	var rows [][]string
	for _, it := range items {
		rows = append(rows, []string{it.Names.In(lang), it.Help.In(lang)})
	}
	objs := []fyne.CanvasObject{widgets.Heading(titleKey)}
	for _, r := range rows {
		objs = append(objs, tableRow(cellLabel(r[0], true, fyne.TextAlignLeading), []fyne.CanvasObject{cellLabel(r[1], false, fyne.TextAlignLeading)}))
	}
	return container.NewVBox(objs...)
}

// cellLabel is one cell of a table view: a label on a background.
func cellLabel(text string, head bool, align fyne.TextAlign) fyne.CanvasObject {
	l := widget.NewLabelWithStyle(text, align, fyne.TextStyle{Bold: head})
	l.Wrapping = fyne.TextWrapWord
	bg := canvas.NewRectangle(color.Transparent)
	if head {
		bg.FillColor = theme.Color(theme.ColorNameInputBackground)
	}
	bg.StrokeColor = theme.Color(theme.ColorNameSeparator)
	bg.StrokeWidth = 1
	return container.NewStack(bg, l)
}

// table1View lays out the paper's Table 1: each level's heading spans its
// groups' columns.
func table1View(rep *reports.RoundReport) fyne.CanvasObject {
	var levels []fyne.CanvasObject
	for _, lv := range rep.Table1Head[0][1:] {
		levels = append(levels, cellLabel(lv, true, fyne.TextAlignCenter))
	}
	first := cellLabel(rep.Table1Head[0][0], true, fyne.TextAlignLeading)
	rows := []fyne.CanvasObject{tableRow(first, levels)}
	var groups []fyne.CanvasObject
	for _, g := range rep.Table1Head[1][1:] {
		groups = append(groups, cellLabel(g, true, fyne.TextAlignCenter))
	}
	rows = append(rows, tableRow(cellLabel("", true, fyne.TextAlignLeading), groups))
	for _, r := range rep.Table1Rows {
		var cells []fyne.CanvasObject
		for _, v := range r[1:] {
			cells = append(cells, cellLabel(v, false, fyne.TextAlignCenter))
		}
		rows = append(rows, tableRow(cellLabel(r[0], false, fyne.TextAlignLeading), cells))
	}
	return container.NewVBox(rows...)
}

// gridView is a table with a header row: the first column wide, the next
// text-1 columns text, the rest numbers.
func gridView(head []string, rows [][]string, text int) fyne.CanvasObject {
	line := func(cells []string, isHead bool) fyne.CanvasObject {
		var objs []fyne.CanvasObject
		for i, c := range cells[1:] {
			align := fyne.TextAlignTrailing
			if isHead || i+1 < text {
				align = fyne.TextAlignCenter
			}
			objs = append(objs, cellLabel(c, isHead, align))
		}
		return tableRow(cellLabel(cells[0], isHead, fyne.TextAlignLeading), objs)
	}
	out := []fyne.CanvasObject{line(head, true)}
	for _, r := range rows {
		out = append(out, line(r, false))
	}
	return container.NewVBox(out...)
}

// testsView shows the chi-square tests, their conclusions and cautions.
func testsView(rep *reports.RoundReport) fyne.CanvasObject {
	objs := []fyne.CanvasObject{widgets.Bold(rep.TestsTitle())}
	if rep.TestsRows == nil {
		return container.NewVBox(objs...)
	}
	objs = append(objs, gridView(rep.TestsHead, rep.TestsRows, 1))
	for _, tst := range rep.Tests {
		l := widgets.Wrapped("• " + rep.Sentence(tst))
		if tst.Significant() {
			l.TextStyle.Bold = true
		}
		objs = append(objs, l)
	}
	for _, n := range rep.Notes {
		objs = append(objs, widgets.Wrapped(n))
	}
	return container.NewVBox(objs...)
}

// changeView compares the round with an earlier one the user picks, group
// by group (groups are matched by name).
func (e *roundEditor) changeView() fyne.CanvasObject {
	var names []string
	for _, o := range e.others {
		names = append(names, o.Date.String()+" — "+o.Label())
	}
	result := container.NewVBox()
	pick := widgets.NewSelect(names, nil)
	pick.OnChanged = func(string) {
		result.Objects = e.changeOf(&e.others[pick.SelectedIndex()])
		result.Refresh()
	}
	top := container.NewVBox(widgets.Heading("diag.compare_with"), pick)
	if len(names) == 0 {
		return container.NewVBox(top, widgets.Wrapped(tr("diag.no_change")))
	}
	// Preselect the latest earlier round with a group of the same name.
	for i := len(e.others) - 1; i >= 0; i-- {
		if e.others[i].Date < e.r.Date && len(e.changeOf(&e.others[i])) > 1 {
			pick.SetSelectedIndex(i)
			break
		}
	}
	return container.NewVBox(top, result)
}

// changeOf returns the change tables of the groups other shares with the
// round; other is "before" when it is earlier.
func (e *roundEditor) changeOf(other *model.Round) []fyne.CanvasObject {
	var objs []fyne.CanvasObject
	for ga, g := range e.r.Groups {
		gb := -1
		for i, og := range other.Groups {
			if og.Name == g.Name {
				gb = i
			}
		}
		if gb < 0 {
			continue
		}
		var rep reports.ChangeReport
		if other.Date <= e.r.Date {
			rep = reports.NewChangeReport(other, gb, &e.r, ga, e.u.lang)
		} else {
			rep = reports.NewChangeReport(&e.r, ga, other, gb, e.u.lang)
		}
		objs = append(objs, widgets.Bold(rep.Title), gridView(rep.Head, rep.Rows, 2))
		for _, s := range rep.Sentences {
			objs = append(objs, widgets.Wrapped("• "+s))
		}
	}
	if len(objs) == 0 {
		objs = append(objs, widgets.Wrapped(tr("diag.no_change")))
	}
	return objs
}
