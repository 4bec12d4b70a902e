package ui

import (
	"context"
	"fmt"
	"path/filepath"
	"strconv"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/partnerdesk/partnerdesk/reports/excel"
	"github.com/partnerdesk/partnerdesk/reports/interchange"
	"github.com/partnerdesk/partnerdesk/ui/widgets"
)

// importWizard imports or merges a register or a JSON file in steps: map
// the columns (workbooks), preview every problem and what will change,
// then apply everything valid in one transaction (after a verified
// backup).
type importWizard struct {
	u     *UI
	path  string
	merge bool
	wb    *excel.Workbook // nil for JSON
	maps  []excel.Mapping
	plan_ *interchange.Plan
	data  *interchange.Dataset
	// rejected holds the names whose match with a partner of the data
	// file the user rejected.
	rejected map[string]bool
	root     *fyne.Container
	next     *widget.Button
}

func (w *importWizard) view() fyne.CanvasObject { return w.root }
func (w *importWizard) dirty() bool             { return false }
func (w *importWizard) save() bool              { return false }
func (w *importWizard) flash(string)            {}

func (w *importWizard) title(stepKey string) fyne.CanvasObject {
	key := "import.title"
	if w.merge {
		key = "import.title_merge"
	}
	return container.NewVBox(
		widgets.Bold(tr(key, "File", filepath.Base(w.path))),
		widget.NewLabel(tr(stepKey)),
	)
}

func (w *importWizard) cancel() {
	if w.wb != nil {
		w.wb.Close()
	}
	w.u.back()
}

func (w *importWizard) show(top, body fyne.CanvasObject, buttons ...fyne.CanvasObject) {
	cancel := widget.NewButtonWithIcon(tr("action.cancel"), theme.CancelIcon(), w.cancel)
	bar := container.NewHBox(append([]fyne.CanvasObject{cancel}, buttons...)...)
	w.root = container.NewBorder(top, bar, nil, nil, body)
	w.u.open(w)
}

// showMapping is step 1 for a workbook: which column is which field.
func (w *importWizard) showMapping(maps []excel.Mapping) {
	w.maps = maps
	w.next = widget.NewButtonWithIcon(tr("import.preview"), theme.NavigateNextIcon(), w.readAndPlan)
	w.next.Importance = widget.HighImportance
	list := container.NewVBox()
	if card := w.defaultsCard(); card != nil {
		list.Add(card)
	}
	for i := range w.maps {
		list.Add(w.mappingCard(i))
	}
	if len(w.maps) == 0 {
		list.Add(widgets.Wrapped(tr("import.no_sheet")))
	}
	list.Add(w.addSheetBox())
	w.updateNext()
	w.show(w.title("import.step_columns"), container.NewVScroll(container.NewPadded(list)), w.next)
}

// mappingCard shows one sheet's columns with a choice of field each.
func (w *importWizard) mappingCard(i int) fyne.CanvasObject {
	m := &w.maps[i]
	fields := excel.Fields(m.Kind)
	var names []string
	var codes []excel.Field
	names, codes = append(names, tr("import.not_imported")), append(codes, "")
	for _, f := range fields {
		if !f.Derived {
			names, codes = append(names, f.Header(w.u.lang)), append(codes, f.Field)
		}
	}
	rows := container.NewVBox()
	missing := widget.NewLabel("")
	missing.Importance = widget.DangerImportance
	missing.Wrapping = fyne.TextWrapWord
	showMissing := func() {
		var list []string
		for _, f := range m.Missing() {
			list = append(list, f.Header(w.u.lang))
		}
		missing.SetText("")
		if len(list) > 0 {
			missing.SetText(tr("import.missing", "Fields", strings.Join(list, ", ")))
		}
	}
	for _, c := range m.Columns {
		col := c
		sel := widgets.NewSelect(names, nil)
		sel.SetSelectedIndex(0) // not imported, unless a field matches
		for k, code := range codes {
			if code == col.Field {
				sel.SetSelectedIndex(k)
			}
		}
		sel.OnChanged = func(string) {
			m.Set(col.Index, codes[max(sel.SelectedIndex(), 0)])
			w.showMapping(w.maps) // another column may have lost the field
		}
		head := widget.NewLabel(col.Letter + ": " + col.Header)
		head.Truncation = fyne.TextTruncateEllipsis
		rows.Add(widgets.NewColumns(2, head, sel))
	}
	showMissing()
	title := fmt.Sprintf("%s — %s", m.Sheet, m.Kind.Name(w.u.lang))
	sub := tr("import.header_row", "Row", strconv.Itoa(m.HeaderRow))
	return widget.NewCard(title, sub, container.NewVBox(missing, rows))
}

// addSheetBox lets the user map a sheet the guess did not recognise.
func (w *importWizard) addSheetBox() fyne.CanvasObject {
	var sheets []string
	for _, s := range w.wb.Sheets() {
		sheets = append(sheets, s.Name)
	}
	kinds := excel.SheetKinds
	var kindNames []string
	for _, k := range kinds {
		kindNames = append(kindNames, k.Name(w.u.lang))
	}
	sheet := widgets.NewSelect(sheets, nil)
	kind := widgets.NewSelect(kindNames, nil)
	add := widget.NewButtonWithIcon(tr("import.add_sheet"), theme.ContentAddIcon(), func() {
		if sheet.Selected == "" || kind.SelectedIndex() < 0 {
			return
		}
		m, err := w.wb.GuessMapping(sheet.Selected, kinds[kind.SelectedIndex()])
		if err != nil {
			w.u.showTransferError(err)
			return
		}
		w.showMapping(append(w.maps, m))
	})
	return widget.NewCard(tr("import.other_sheet"), "", widgets.NewColumns(3, sheet, kind, add))
}

func (w *importWizard) updateNext() {
	ok := len(w.maps) > 0
	for _, m := range w.maps {
		if len(m.Missing()) > 0 {
			ok = false
		}
	}
	if ok {
		w.next.Enable()
	} else {
		w.next.Disable()
	}
}

// readAndPlan reads the mapped sheets and makes the plan.
func (w *importWizard) readAndPlan() {
	var d *interchange.Dataset
	w.u.runWithProgress(tr("import.reading"), func(ctx context.Context, progress func(int, int)) error {
		var err error
		d, err = w.wb.Read(ctx, w.maps, progress)
		return err
	}, func(err error) {
		if err != nil {
			w.u.showTransferError(err)
			return
		}
		w.plan(d)
	})
}

// plan works out what importing (or merging) the data set will do.
func (w *importWizard) plan(d *interchange.Dataset) {
	w.data = d
	s, err := w.u.fileStore()
	if err != nil {
		w.u.showError(err)
		return
	}
	var p *interchange.Plan
	w.u.runWithProgress(tr("import.checking"), func(ctx context.Context, progress func(int, int)) error {
		var err error
		if w.merge {
			p, err = interchange.PlanMerge(ctx, s, d, progress)
		} else {
			p, err = interchange.PlanImport(ctx, s, d, progress)
		}
		return err
	}, func(err error) {
		if err != nil {
			w.u.showTransferError(err)
			return
		}
		w.plan_ = p
		w.showPreview()
	})
}
