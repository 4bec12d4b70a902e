package ui

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/storage"

	"github.com/partnerdesk/partnerdesk/model/store"
	"github.com/partnerdesk/partnerdesk/reports/excel"
	"github.com/partnerdesk/partnerdesk/reports/interchange"
)

// fileStore returns the concrete store the report packages work on (the
// app's file store, or the tests' in-memory one).
func (u *UI) fileStore() (*store.Store, error) {
	s, ok := u.store.(*store.Store)
	if !ok {
		return nil, errors.New("this store cannot make reports")
	}
	return s, nil
}

// exportRegister asks where to save the Excel register and writes it with
// a progress bar.
func (u *UI) exportRegister(o excel.Options) {
	name := fmt.Sprintf("%s-%s.xlsx", tr("doc.register_file"), u.today().ISO())
	u.saveFile(safeFileName(name), func(path string) {
		s, err := u.fileStore()
		if err != nil {
			u.showError(err)
			return
		}
		u.runWithProgress(tr("reports.excel"), func(ctx context.Context, progress func(int, int)) error {
			o.Progress, o.Today = progress, u.opts.Today()
			return excel.WriteRegister(ctx, s, path, o)
		}, func(err error) {
			if err != nil {
				u.showTransferError(err)
				return
			}
			u.offerOpen(tr("reports.excel_written"), path, true)
		})
	})
}

// exportJSON writes the whole data set as JSON.
func (u *UI) exportJSON() {
	u.saveFile(fmt.Sprintf("partnerdesk-%s.json", u.today().ISO()), func(path string) {
		s, err := u.fileStore()
		if err != nil {
			u.showError(err)
			return
		}
		u.runWithProgress(tr("reports.json"), func(ctx context.Context, progress func(int, int)) error {
			return interchange.WriteJSONFile(ctx, s, path, interchange.ExportOptions{Progress: progress})
		}, func(err error) {
			if err != nil {
				u.showTransferError(err)
				return
			}
			u.offerOpen(tr("reports.json_written"), path, false)
		})
	})
}

// showTransferError shows an export or import error, translated.
func (u *UI) showTransferError(err error) {
	if errors.Is(err, context.Canceled) {
		return
	}
	var p interchange.Problem
	var ps interchange.Problems
	if errors.As(err, &p) || errors.As(err, &ps) || errors.Is(err, interchange.ErrChanged) {
		u.showError(errors.New(interchange.ErrorText(err, u.lang)))
		return
	}
	u.showError(err)
}

// chooseImportFile asks for a register (.xlsx, .xlsm, .ods, .csv) or a JSON file to import
// (merge: true merges it instead) and starts the wizard.
func (u *UI) chooseImportFile(merge bool) {
	d := dialog.NewFileOpen(func(r fyne.URIReadCloser, err error) {
		if err != nil || r == nil {
			return
		}
		path := r.URI().Path()
		r.Close()
		u.rememberFolder(path)
		u.startImport(path, merge)
	}, u.win)
	d.SetFilter(storage.NewExtensionFileFilter(importExtensions))
	if l := u.folderURI(); l != nil {
		d.SetLocation(l)
	}
	d.Resize(fyne.NewSize(800, 560))
	d.Show()
}

// startImport reads the file (in the background) and opens the wizard on
// the column mapping (a workbook) or on the preview (JSON).
func (u *UI) startImport(path string, merge bool) {
	if strings.EqualFold(filepath.Ext(path), ".json") {
		var d *interchange.Dataset
		u.runWithProgress(tr("import.reading"), func(ctx context.Context, _ func(int, int)) error {
			f, err := os.Open(path)
			if err != nil {
				return err
			}
			defer f.Close()
			d, err = interchange.ReadJSON(f, filepath.Base(path), 0)
			return err
		}, func(err error) {
			if err != nil {
				u.showTransferError(err)
				return
			}
			w := &importWizard{u: u, path: path, merge: merge}
			w.plan(d)
		})
		return
	}
	var wb *excel.Workbook
	u.runWithProgress(tr("import.reading"), func(ctx context.Context, _ func(int, int)) error {
		var err error
		wb, err = excel.OpenWorkbookFile(path, excel.DefaultLimits())
		return err
	}, func(err error) {
		if err != nil {
			u.showTransferError(err)
			return
		}
		w := &importWizard{u: u, path: path, merge: merge, wb: wb}
		w.showMapping(wb.GuessMappings())
	})
}

// afterImport reloads the lists after records were added.
func (u *UI) afterImport() {
	if err := u.load(); err != nil {
		u.showError(err)
	}
	u.back()
}
