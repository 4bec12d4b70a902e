package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/widget"

	"github.com/partnerdesk/partnerdesk/model"
	"github.com/partnerdesk/partnerdesk/reports/excel"
)

// defaultsCard asks, once for the whole file, the values the mapped
// sheets do not say: the partners' category (inferred from their names
// by default), the agreements' kind and status, the partners' country.
// It is nil when the file says everything.
func (w *importWizard) defaultsCard() fyne.CanvasObject {
	d := &w.wb.Defaults
	var rows []fyne.CanvasObject
	if !w.mapped("categories", "category") {
		auto := tr("import.default.auto")
		opts := append([]string{auto}, labels(model.Categories)...)
		sel := widget.NewSelect(opts, func(v string) {
			d.Category = excel.Auto
			if v != auto {
				d.Category = string(fromLabel(model.Categories, v))
			}
		})
		initial := auto
		if d.Category != excel.Auto {
			initial = label(model.Category(d.Category))
		}
		sel.SetSelected(initial)
		fallback := widget.NewSelect(labels(model.Categories),
			func(v string) { d.Fallback = fromLabel(model.Categories, v) })
		fallback.SetSelected(label(d.Fallback))
		rows = append(rows, widget.NewLabel(tr("import.default.category")), sel,
			widget.NewLabel(tr("import.default.fallback")), fallback)
	}
	if !w.mapped("kind") {
		rows = append(rows, widget.NewLabel(tr("import.default.kind")),
			choice(tr("import.default.from_title"), model.AgreementKinds, &d.Kind))
	}
	if !w.mapped("status") {
		rows = append(rows, widget.NewLabel(tr("import.default.status")),
			choice(tr("import.default.from_dates"), model.StoredStatuses, &d.Status))
	}
	if !w.mapped("country") {
		from := tr("import.default.from_tax_id")
		sel := widget.NewSelect([]string{from, "KZ", "KG"}, func(v string) {
			d.Country = ""
			if v != from {
				d.Country = v
			}
		})
		initial := from
		if d.Country != "" {
			initial = d.Country
		}
		sel.SetSelected(initial)
		rows = append(rows, widget.NewLabel(tr("import.default.country")), sel)
	}
	if len(rows) == 0 {
		return nil
	}
	return widget.NewCard(tr("import.step_defaults"), tr("import.defaults_hint"),
		container.New(layout.NewFormLayout(), rows...))
}

// choice is a select of an enumeration's labels after a first option
// (the empty value) that writes the chosen code to v.
func choice[T interface {
	~string
	Key() string
}](first string, list []T, v *T) *widget.Select {
	sel := widget.NewSelect(append([]string{first}, labels(list)...), func(s string) {
		*v = ""
		if s != first {
			*v = fromLabel(list, s)
		}
	})
	initial := first
	if *v != "" {
		initial = label(*v)
	}
	sel.SetSelected(initial)
	return sel
}

// mapped reports whether any mapped sheet has a column for one of fields.
func (w *importWizard) mapped(fields ...excel.Field) bool {
	for _, m := range w.maps {
		for _, c := range m.Columns {
			for _, f := range fields {
				if c.Field == f {
					return true
				}
			}
		}
	}
	return false
}

// importExtensions are the files the import dialog offers: registers in
// every format the import reads (or explains, for .xls) and JSON.
var importExtensions = []string{".xlsx", ".xlsm", ".ods", ".csv", ".txt", ".xls", ".json", ".XLSX", ".XLSM", ".ODS",
	".CSV", ".TXT", ".XLS", ".JSON"}
