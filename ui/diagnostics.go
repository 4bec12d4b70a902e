package ui

import (
	"fmt"
	"io"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/partnerdesk/partnerdesk/model"
	"github.com/partnerdesk/partnerdesk/model/store"
	"github.com/partnerdesk/partnerdesk/reports/pdf"
	"github.com/partnerdesk/partnerdesk/ui/widgets"
)

// roundStore is what the Diagnostics screen needs from the data file,
// besides Store. The bbolt store and its in-memory twin satisfy it.
type roundStore interface {
	Rounds() ([]model.Round, error)
	SaveRound(r *model.Round) error
	DeleteRound(id model.ID) error
	DiagnosticScale() (model.Scale, error)
	SaveDiagnosticScale(sc model.Scale) error
}

var _ roundStore = (*store.Store)(nil)

// diagnosticsScreen lists the diagnostic rounds: what the students gained
// from partnership, as the paper's "Findings" measure it. A round opens in
// its editor (diagnostics_editor.go) with the paper's views.
type diagnosticsScreen struct {
	u      *UI
	root   *fyne.Container
	rounds []model.Round
	list   *widget.List
}

func newDiagnosticsScreen(u *UI) screen {
	return &diagnosticsScreen{u: u, root: container.NewStack()}
}

func (s *diagnosticsScreen) view() fyne.CanvasObject { return s.root }

// rs returns the store's rounds, or nil when the store cannot keep them.
func (u *UI) rs() roundStore {
	rs, _ := u.store.(roundStore)
	return rs
}

func (s *diagnosticsScreen) refresh() {
	s.rounds = nil
	if rs := s.u.rs(); rs != nil {
		var err error
		if s.rounds, err = rs.Rounds(); err != nil {
			s.u.showError(err)
		}
	}
	newBtn := widget.NewButtonWithIcon(tr("diag.action.new"), theme.ContentAddIcon(), s.create)
	newBtn.Importance = widget.HighImportance
	s.u.disableIfReadOnly(newBtn)
	scale := widget.NewButtonWithIcon(tr("diag.action.scale"), theme.SettingsIcon(), s.u.openScaleEditor)
	top := container.NewVBox(widgets.Heading("diag.title"), widgets.Wrapped(tr("diag.subtitle")),
		container.NewHBox(newBtn, scale))
	var body fyne.CanvasObject
	if len(s.rounds) == 0 {
		body = widgets.Wrapped(tr("diag.empty"))
	} else {
		s.list = widget.NewList(func() int { return len(s.rounds) }, s.newRow, s.updateRow)
		s.list.OnSelected = func(id widget.ListItemID) {
			s.list.UnselectAll()
			s.open(s.rounds[id])
		}
		body = s.list
	}
	s.root.Objects = []fyne.CanvasObject{container.NewBorder(top, nil, nil, nil, body)}
	s.root.Refresh()
}

// roundRow is one row of the rounds list, keeping its own widgets.
type roundRow struct {
	*fyne.Container
	date, stage, groups, title *widget.Label
}

func (s *diagnosticsScreen) newRow() fyne.CanvasObject {
	r := &roundRow{date: widget.NewLabel("00.00.0000"), stage: widget.NewLabel("Констатирующий"),
		groups: widget.NewLabel("EG 50, CG 50"), title: widget.NewLabel("")}
	r.title.Truncation = fyne.TextTruncateEllipsis
	r.title.TextStyle.Bold = true
	left := container.NewHBox(r.date, widgets.MinWidth(150, r.stage), widgets.MinWidth(130, r.groups))
	r.Container = container.NewBorder(nil, nil, left, nil, r.title)
	return r
}

func (s *diagnosticsScreen) updateRow(id widget.ListItemID, o fyne.CanvasObject) {
	r := o.(*roundRow)
	rd := s.rounds[id]
	r.date.SetText(rd.Date.String())
	r.stage.SetText(label(rd.Stage))
	r.groups.SetText(groupsText(&rd))
	r.title.SetText(rd.Title)
}

// groupsText is "EG 50, CG 50".
func groupsText(r *model.Round) string {
	var parts []string
	for _, g := range r.Groups {
		parts = append(parts, fmt.Sprintf("%s %d", g.Name, g.Students))
	}
	return strings.Join(parts, ", ")
}

func (s *diagnosticsScreen) create() {
	rs := s.u.rs()
	if rs == nil {
		return
	}
	scale, err := rs.DiagnosticScale()
	if err != nil {
		s.u.showError(err)
		return
	}
	s.open(model.NewRound(scale, s.u.today()))
}

func (s *diagnosticsScreen) open(r model.Round) {
	e := newRoundEditor(s.u, r, s.rounds)
	s.u.open(e)
}

// saveRoundPDF asks where to save the round's report and writes it.
func (u *UI) saveRoundPDF(r model.Round) {
	u.savePDFAs(r.Label(), tr("diag.pdf.title"), func(w io.Writer) error { return u.writeRoundPDF(r, w) })
}

// writeRoundPDF writes the report of r (as edited, saved or not) in the
// interface's language.
func (u *UI) writeRoundPDF(r model.Round, w io.Writer) error {
	d := pdf.RoundData{Round: r, Numbers: map[model.ID]string{}}
	var err error
	if d.Institution, err = u.store.Institution(); err != nil {
		return err
	}
	for _, id := range r.AgreementIDs {
		if a, err := u.store.Agreement(id); err == nil {
			d.Numbers[id] = a.Number
		}
	}
	return pdf.RoundReport(w, &d, pdf.Options{Lang: u.lang, Today: u.opts.Today()})
}

// openRound opens the round with the ID (as text) on the named tab, for
// Options.Start.
func (u *UI) openRound(id, tab string) {
	s, ok := u.currentScreen().(*diagnosticsScreen)
	if !ok {
		return
	}
	for _, r := range s.rounds {
		if r.ID.String() == id {
			s.open(r)
			if e, ok := u.page.(*roundEditor); ok && tab != "" {
				e.showTab(tab)
			}
			return
		}
	}
}
