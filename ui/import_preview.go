package ui

import (
	"context"
	"strconv"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/partnerdesk/partnerdesk/reports/interchange"
	"github.com/partnerdesk/partnerdesk/ui/widgets"
)

// showPreview is the last step: what will be added, filled in or left,
// every problem with its place in the file, the conflicts of a merge, and
// the button that applies it.
func (w *importWizard) showPreview() {
	p := w.plan_
	pc, ac := p.PartnerCounts(), p.AgreementCounts()
	counts := container.NewVBox(
		widgets.Bold(tr("import.summary")),
		widget.NewLabel(tr("import.count_agreements", w.countArgs(ac)...)),
		widget.NewLabel(tr("import.count_partners", w.countArgs(pc)...)),
	)
	if n := toReview(p.Problems); n > 0 {
		counts.Add(widget.NewLabel(tr("import.count_review", "Count", strconv.Itoa(n))))
	}
	problems := w.problemList(p.Problems)
	body := container.NewBorder(counts, nil, nil, nil, problems)
	errs := p.Errors()
	tabs := []*container.TabItem{container.NewTabItem(tr("import.problems_tab", "Errors", strconv.Itoa(errs),
		"Warnings", strconv.Itoa(len(p.Problems)-errs)), problems)}
	if w.merge && (pc.Conflict > 0 || ac.Conflict > 0) {
		tabs = append(tabs, container.NewTabItem(tr("import.conflicts_tab", "Count", strconv.Itoa(pc.Conflict+ac.Conflict)), w.conflictList()))
	}
	if len(p.Matches) > 0 {
		tabs = append(tabs, container.NewTabItem(tr("import.tab_matches", "Count", strconv.Itoa(len(p.Matches))), w.matchList()))
	}
	if pc.Add > 0 && !w.merge {
		tabs = append(tabs, container.NewTabItem(tr("import.tab_new_partners", "Count", strconv.Itoa(pc.Add)), w.newPartnerList()))
	}
	if len(tabs) > 1 {
		body = container.NewBorder(counts, nil, nil, nil, container.NewAppTabs(tabs...))
	}
	apply := widget.NewButtonWithIcon(w.applyLabel(ac), theme.ConfirmIcon(), w.apply)
	apply.Importance = widget.HighImportance
	if !p.Changes() {
		apply.Disable()
	}
	buttons := []fyne.CanvasObject{apply}
	if w.wb != nil {
		back := widget.NewButtonWithIcon(tr("action.back"), theme.NavigateBackIcon(), func() { w.showMapping(w.maps) })
		buttons = []fyne.CanvasObject{back, apply}
	}
	w.show(w.title("import.step_preview"), body, buttons...)
}

func (w *importWizard) countArgs(c interchange.Counts) []string {
	return []string{"Add", strconv.Itoa(c.Add), "Update", strconv.Itoa(c.Update), "Unchanged",
		strconv.Itoa(c.Unchanged + c.UseExisting),
		"Conflict", strconv.Itoa(c.Conflict), "Skip", strconv.Itoa(c.Skip)}
}

func (w *importWizard) applyLabel(ac interchange.Counts) string {
	if w.plan_.Errors() > 0 {
		return tr("import.apply_valid", "Count", strconv.Itoa(ac.Add+ac.Update), "Skip", strconv.Itoa(ac.Skip))
	}
	if w.merge {
		return tr("import.apply_merge")
	}
	return tr("import.apply", "Count", strconv.Itoa(ac.Add))
}

// problemList lists every problem with its place in the file.
func (w *importWizard) problemList(ps interchange.Problems) fyne.CanvasObject {
	if len(ps) == 0 {
		return widget.NewLabel(tr("import.no_problems"))
	}
	var l *widget.List
	heights := map[int]float32{}
	l = widget.NewList(func() int { return len(ps) },
		func() fyne.CanvasObject { return widgets.Wrapped("") },
		func(i widget.ListItemID, o fyne.CanvasObject) {
			lbl := o.(*widget.Label)
			lbl.SetText(ps[i].Text(w.u.lang))
			lbl.Importance = widget.DangerImportance
			if ps[i].Warning {
				lbl.Importance = widget.WarningImportance
			}
			lbl.Refresh()
			// A long message wraps: give its row the height it needs.
			if h := lbl.MinSize().Height; lbl.Size().Width > 0 && h != heights[i] {
				heights[i] = h
				l.SetItemHeight(i, h)
			}
		})
	return l
}

// conflictList lists the merge's conflicts, each with "take the file's
// values" (the data file's values stay otherwise).
func (w *importWizard) conflictList() fyne.CanvasObject {
	box := container.NewVBox()
	add := func(items []interchange.Item) {
		for i := range items {
			it := &items[i]
			if it.Action != interchange.ActionConflict {
				continue
			}
			var lines []string
			for _, c := range it.Conflicts {
				lines = append(lines, conflictText(c))
			}
			check := widget.NewCheck(tr("import.take_theirs"), func(b bool) { it.TakeTheirs = b })
			check.Checked = it.TakeTheirs
			box.Add(widget.NewCard(it.Label, "", container.NewVBox(widgets.Wrapped(strings.Join(lines, "\n")), check)))
		}
	}
	add(w.plan_.Partners)
	add(w.plan_.Agreements)
	all := widget.NewButton(tr("import.take_all"), func() {
		w.plan_.TakeTheirs()
		w.showPreview()
	})
	return container.NewBorder(container.NewHBox(all), nil, nil, nil, container.NewVScroll(box))
}

// apply takes the backup before an import, then applies the plan in one
// transaction.
func (w *importWizard) apply() {
	s, err := w.u.fileStore()
	if err != nil {
		w.u.showError(err)
		return
	}
	var res interchange.Result
	w.u.runWithProgress(tr("import.applying"), func(ctx context.Context, progress func(int, int)) error {
		if b := w.u.opts.Backups; b != nil {
			if err := b.BeforeImport(); err != nil {
				return err // no import without its backup
			}
		}
		var err error
		res, err = interchange.Apply(ctx, s, w.plan_, progress)
		return err
	}, func(err error) {
		if err != nil {
			w.u.showTransferError(err)
			return
		}
		if w.wb != nil {
			w.wb.Close()
		}
		w.u.afterImport()
		w.u.showWarning(tr("import.done", w.countArgs(res.Agreements)...))
	})
}

// conflictText says one conflicting field: ours, then the file's.
func conflictText(c interchange.Conflict) string {
	return tr("import.conflict", "Field", tr("field."+c.Field), "Ours", c.Ours, "Theirs", c.Theirs)
}

// toReview counts the partners the import will mark for review.
func toReview(ps interchange.Problems) int {
	n := 0
	for _, p := range ps {
		if strings.HasPrefix(p.Key, "import.warn.category_") {
			n++
		}
	}
	return n
}

// matchList lists every partner of the file found in the data file; a
// match by name can be rejected, and the preview made again.
func (w *importWizard) matchList() fyne.CanvasObject {
	box := container.NewVBox()
	for _, m := range w.plan_.Matches {
		key := "import.match"
		if m.ByTaxID {
			key = "import.match_by_tax"
		}
		line := widgets.Wrapped(tr(key, "Name", m.Name, "Where", m.Loc.String(), "Existing", m.Existing))
		if m.ByTaxID {
			box.Add(line)
			continue
		}
		name := m.Name
		check := widget.NewCheck(tr("import.match_reject"), func(b bool) {
			if w.rejected == nil {
				w.rejected = map[string]bool{}
			}
			w.rejected[name] = b
		})
		check.Checked = w.rejected[name]
		box.Add(container.NewBorder(nil, nil, nil, check, line))
	}
	again := widget.NewButtonWithIcon(tr("import.recheck"), theme.ViewRefreshIcon(), func() {
		w.data.Rejected = w.data.Rejected[:0]
		for n, on := range w.rejected {
			if on {
				w.data.Rejected = append(w.data.Rejected, n)
			}
		}
		w.plan(w.data)
	})
	return container.NewBorder(nil, container.NewHBox(again), nil, nil, container.NewVScroll(box))
}

// newPartnerList lists the partners the import will create, with where
// each is named in the file.
func (w *importWizard) newPartnerList() fyne.CanvasObject {
	var items []interchange.Item
	for _, it := range w.plan_.Partners {
		if it.Action == interchange.ActionAdd {
			items = append(items, it)
		}
	}
	return widget.NewList(func() int { return len(items) },
		func() fyne.CanvasObject { return widget.NewLabel("") },
		func(i widget.ListItemID, o fyne.CanvasObject) {
			o.(*widget.Label).SetText(items[i].Label + " — " + items[i].Loc.String())
		})
}
