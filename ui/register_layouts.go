package ui

import (
	"context"
	"fmt"
	"io"
	"slices"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/partnerdesk/partnerdesk/model"
	"github.com/partnerdesk/partnerdesk/reports/excel"
	"github.com/partnerdesk/partnerdesk/reports/layouts"
	"github.com/partnerdesk/partnerdesk/reports/pdf"
	"github.com/partnerdesk/partnerdesk/ui/widgets"
)

// headerChoices are the header languages a printed register offers: the
// register's language alone, or two or three lines.
var headerChoices = append([]string{""}, layouts.Bilingual...)

// layoutPicker chooses the register's layout (with a line on what it is
// for), its header languages and whether partners share a row.
type layoutPicker struct {
	u          *UI
	layouts    []model.RegisterLayout // full, the presets, the saved ones
	choose     *widget.Select
	desc       *widget.Label
	headers    *widget.Select
	perPartner *widget.Check
	pdfButton  *widget.Button
}

func newLayoutPicker(u *UI) *layoutPicker {
	p := &layoutPicker{u: u, desc: widgets.Wrapped("")}
	heads := make([]string, len(headerChoices))
	for i, h := range headerChoices {
		langs, _ := layouts.ParseLangs(h)
		names := make([]string, len(langs))
		for j, l := range langs {
			names[j] = tr("lang." + l)
		}
		heads[i] = tr("ui.layout.headers") + ": " + strings.Join(names, " + ")
	}
	heads[0] = tr("ui.layout.headers") + ": " + tr("doc.language")
	p.headers = widgets.NewSelect(heads, nil)
	p.headers.SetSelectedIndex(0)
	p.perPartner = widget.NewCheck(tr("ui.layout.per_partner"), nil)
	p.choose = widgets.NewSelect(nil, nil)
	p.choose.OnChanged = func(string) { p.changed() }
	p.reload("")
	return p
}

// reload reads the saved layouts and selects the one named (or full).
func (p *layoutPicker) reload(name string) {
	saved, err := p.u.store.RegisterLayouts()
	if err != nil {
		p.u.showError(err)
	}
	p.layouts = append(append([]model.RegisterLayout{{Name: layouts.Full}}, layouts.Presets()...), saved...)
	titles := make([]string, len(p.layouts))
	sel := 0
	for i, l := range p.layouts {
		titles[i] = layoutTitle(l.Name)
		if l.Name == name {
			sel = i
		}
	}
	p.choose.SetOptions(titles)
	p.choose.SetSelectedIndex(sel)
}

func layoutTitle(name string) string {
	if name == layouts.Full || slices.ContainsFunc(layouts.Presets(),
		func(l model.RegisterLayout) bool { return l.Name == name }) {
		t := []rune(tr("layout.name." + name))
		return strings.ToUpper(string(t[:1])) + string(t[1:])
	}
	return name
}

// changed shows what the layout is for; the full register has no header
// or partner choices.
func (p *layoutPicker) changed() {
	l, full := p.selected()
	if full || slices.Contains(model.PresetLayoutNames, l.Name) {
		p.desc.SetText(tr("layout.desc." + l.Name))
	} else {
		heads := make([]string, len(l.Columns))
		for i, c := range l.Columns {
			heads[i] = tr("layout.col." + c)
		}
		p.desc.SetText(tr("layout.desc.custom", "Columns", strings.Join(heads, ", ")))
	}
	p.perPartner.SetChecked(l.PerPartner)
	ws := []fyne.Disableable{p.headers, p.perPartner}
	if p.pdfButton != nil {
		ws = append(ws, p.pdfButton)
	}
	for _, w := range ws {
		if full {
			w.Disable()
		} else {
			w.Enable()
		}
	}
}

// selected returns the chosen layout, and whether it is the full register.
func (p *layoutPicker) selected() (model.RegisterLayout, bool) {
	l := p.layouts[max(p.choose.SelectedIndex(), 0)]
	return l, l.Name == layouts.Full
}

// options returns the printed register's options from the form.
func (p *layoutPicker) options(o excel.Options) layouts.Options {
	lo := layouts.Options{Langs: []string{o.Lang}, From: o.From, To: o.To, Statuses: o.Statuses,
		Today: p.u.opts.Today()}
	if h := headerChoices[max(p.headers.SelectedIndex(), 0)]; h != "" {
		lo.Langs, _ = layouts.ParseLangs(h)
	}
	per := p.perPartner.Checked
	lo.PerPartner = &per
	return lo
}

// view is the picker's part of the form; pdf prints the chosen layout.
func (p *layoutPicker) view(pdfOptions func() excel.Options) fyne.CanvasObject {
	p.pdfButton = widget.NewButtonWithIcon(tr("ui.layout.pdf"), theme.DocumentPrintIcon(), func() {
		l, _ := p.selected()
		p.u.writeLayout(l, p.options(pdfOptions()), true)
	})
	edit := widget.NewButtonWithIcon(tr("ui.layout.edit"), theme.DocumentCreateIcon(), p.edit)
	p.changed()
	return container.NewVBox(widgets.Heading("ui.layout.label"), container.NewBorder(nil, nil, nil, edit, p.choose),
		p.desc,
		widgets.NewColumns(2, p.headers, p.perPartner))
}

// pdf is the button that prints the chosen layout as a PDF.
func (p *layoutPicker) pdf() *widget.Button { return p.pdfButton }

// export writes the register in the chosen layout; the full register
// goes through exportRegister.
func (p *layoutPicker) export(o excel.Options) {
	l, full := p.selected()
	if full {
		p.u.exportRegister(o)
		return
	}
	p.u.writeLayout(l, p.options(o), false)
}

// writeLayout asks where to save the register in layout l and writes it
// as a workbook, or as a PDF.
func (u *UI) writeLayout(l model.RegisterLayout, o layouts.Options, asPDF bool) {
	ext := ".xlsx"
	if asPDF {
		ext = ".pdf"
	}
	name := fmt.Sprintf("%s-%s-%s%s", tr("doc.register_file"), l.Name, u.today().ISO(), ext)
	u.saveFile(safeFileName(name), func(path string) {
		s, err := u.fileStore()
		if err != nil {
			u.showError(err)
			return
		}
		u.runWithProgress(tr("reports.excel"), func(ctx context.Context, _ func(int, int)) error {
			if !asPDF {
				return excel.WriteLayout(ctx, s, path, l, o)
			}
			t, err := layouts.Build(ctx, s, l, o)
			if err != nil {
				return err
			}
			return pdf.WriteFile(s, path, func(w io.Writer) error {
				return pdf.LayoutRegister(w, t, pdf.Options{Lang: o.Langs[0], Today: o.Today})
			})
		}, func(err error) {
			if err != nil {
				u.showTransferError(err)
				return
			}
			u.offerOpen(tr("reports.excel_written"), path, true)
		})
	})
}
