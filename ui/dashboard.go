package ui

import (
	"fmt"
	"strconv"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/partnerdesk/partnerdesk/model"
	"github.com/partnerdesk/partnerdesk/model/catalog"
	"github.com/partnerdesk/partnerdesk/ui/widgets"
)

// dashboard is the start screen: counts, what ends soon, what is overdue,
// and two charts.
type dashboard struct {
	u    *UI
	root *fyne.Container
	figs catalog.Figures

	expiring, expired, overdue *widget.List
}

func newDashboard(u *UI) screen {
	d := &dashboard{u: u, root: container.NewStack()}
	d.expiring = d.agreementList(func() []*catalog.Agreement { return d.figs.Expiring }, "", d.endText)
	d.expired = d.agreementList(func() []*catalog.Agreement { return d.figs.Expired }, "", d.endText)
	d.overdue = d.agreementList(func() []*catalog.Agreement { return d.figs.Overdue }, "tab.responsibilities",
		func(a *catalog.Agreement) string {
			return tr("dash.overdue_count", "Count", strconv.Itoa(a.Overdue))
		})
	return d
}

func (d *dashboard) view() fyne.CanvasObject { return d.root }

func (d *dashboard) refresh() {
	d.u.today()
	d.figs = d.u.cat.Dashboard()
	d.root.Objects = []fyne.CanvasObject{d.build()}
	d.root.Refresh()
}

func (d *dashboard) build() fyne.CanvasObject {
	f := &d.figs
	cards := container.NewGridWithColumns(4,
		card(tr("dash.partners"), strconv.Itoa(f.Partners),
			tr("dash.real_potential", "Real", strconv.Itoa(f.Real), "Potential", strconv.Itoa(f.Potential))),
		card(tr("dash.agreements"), strconv.Itoa(f.Agreements), d.statusLine()),
		card(tr("dash.expiring"), strconv.Itoa(len(f.Expiring)),
			tr("dash.within_days", "Days", strconv.Itoa(d.u.inst.Warning()))),
		card(tr("dash.overdue"), strconv.Itoa(len(f.Overdue)), tr("dash.overdue_hint")),
	)
	var byCat, partnersByCat, byStatus, coverage []widgets.Bar
	for _, c := range model.Categories {
		byCat = append(byCat, widgets.Bar{Label: tr(c.ShortKey()), Value: f.ByCategory[c]})
		partnersByCat = append(partnersByCat, widgets.Bar{Label: tr(c.ShortKey()), Value: f.PartnersByCategory[c]})
	}
	for _, st := range model.Statuses {
		byStatus = append(byStatus, widgets.Bar{Label: label(st), Value: f.ByStatus[st]})
	}
	for i, p := range model.Principles {
		coverage = append(coverage, widgets.Bar{Label: label(p), Value: f.Coverage[i]})
	}
	charts := container.NewGridWithColumns(2,
		widgets.BarChart(tr("dash.chart_partners"), partnersByCat, 0, theme.Color(theme.ColorNameSuccess)),
		widgets.BarChart(tr("dash.chart_status"), byStatus, 0, theme.Color(theme.ColorNameHyperlink)),
		widgets.BarChart(tr("dash.chart_categories"), byCat, 0, theme.Color(theme.ColorNamePrimary)),
		widgets.BarChart(tr("dash.principles_in_force", "Total", strconv.Itoa(f.InForce)), coverage, f.InForce,
			theme.Color(theme.ColorNameWarning)),
	)
	lists := container.NewGridWithColumns(3,
		d.listBox(tr("dash.list_expiring"), d.expiring, len(f.Expiring)),
		d.listBox(tr("dash.list_expired"), d.expired, len(f.Expired)),
		d.listBox(tr("dash.list_overdue"), d.overdue, len(f.Overdue)),
	)
	export := widget.NewButtonWithIcon(tr("menu.export_calendar"), theme.CalendarIcon(), d.u.onExportCalendar)
	top := container.NewBorder(nil, nil, widget.NewLabelWithStyle(tr("nav.dashboard"), fyne.TextAlignLeading, fyne.TextStyle{Bold: true}), export)
	if f.Agreements == 0 {
		hint := widget.NewLabel(tr("dash.empty_now"))
		hint.Wrapping = fyne.TextWrapWord
		return container.NewBorder(container.NewVBox(top, cards, hint), nil, nil, nil)
	}
	return container.NewVScroll(container.NewVBox(top, cards, widget.NewSeparator(), charts, widget.NewSeparator(),
		lists))
}

func (d *dashboard) statusLine() string {
	var parts []string
	for _, s := range []model.Status{model.StatusActive, model.StatusDraft, model.StatusExpired} {
		parts = append(parts, fmt.Sprintf("%s: %d", label(s), d.figs.ByStatus[s]))
	}
	return strings.Join(parts, " · ")
}

func card(title, value, detail string) fyne.CanvasObject {
	v := widget.NewLabelWithStyle(value, fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	v.SizeName = theme.SizeNameHeadingText
	det := widget.NewLabel(detail)
	det.Wrapping = fyne.TextWrapWord
	t := widget.NewLabel(title)
	t.Wrapping = fyne.TextWrapWord
	return widget.NewCard("", "", container.NewVBox(t, v, det))
}

func (d *dashboard) listBox(title string, l *widget.List, n int) fyne.CanvasObject {
	var body fyne.CanvasObject = l
	if n == 0 {
		body = widget.NewLabel(tr("dash.none"))
	}
	return container.NewBorder(widgets.Bold(title), nil, nil, nil, widgets.MinHeight(280, body))
}

// agreementList lists agreements as "number — partner" with a detail on
// the right; tapping one opens it on the given tab.
func (d *dashboard) agreementList(items func() []*catalog.Agreement, tab string,
	detail func(*catalog.Agreement) string) *widget.List {
	l := widget.NewList(
		func() int { return len(items()) },
		func() fyne.CanvasObject {
			name := widget.NewLabel("")
			name.Truncation = fyne.TextTruncateEllipsis
			return container.NewBorder(nil, nil, nil, widget.NewLabel(""), name)
		},
		func(id widget.ListItemID, o fyne.CanvasObject) {
			a := items()[id]
			row := o.(*fyne.Container)
			row.Objects[0].(*widget.Label).SetText(a.Number + " — " + strings.Join(a.Partners, "; "))
			row.Objects[1].(*widget.Label).SetText(detail(a))
		},
	)
	l.OnSelected = func(id widget.ListItemID) {
		l.UnselectAll()
		a := items()[id]
		d.u.goTo("agreements", func() { d.u.openAgreement(a.ID, tab) })
	}
	return l
}

func (d *dashboard) endText(a *catalog.Agreement) string {
	if a.DaysLeft < 0 {
		return tr("dash.ended_ago", "Date", a.End.String(), "Days", strconv.Itoa(-a.DaysLeft))
	}
	return tr("dash.ends_in", "Date", a.End.String(), "Days", strconv.Itoa(a.DaysLeft))
}
