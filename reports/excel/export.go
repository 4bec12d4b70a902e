package excel

import (
	"context"
	"fmt"
	"io"
	"slices"
	"strconv"

	"github.com/xuri/excelize/v2"

	"github.com/partnerdesk/partnerdesk/model"
	"github.com/partnerdesk/partnerdesk/model/store"
	"github.com/partnerdesk/partnerdesk/reports"
)

// Options choose what a register holds.
type Options struct {
	// Lang is the language of headers and labels: ru (the default), kk,
	// ky or en.
	Lang string
	// From and To bound the report period: agreements in force at any
	// time within it are listed. Either may be zero (open).
	From, To model.Date
	// Statuses keeps agreements whose status today is one of these
	// (derived statuses expiring and expired included); empty keeps all.
	Statuses []model.Status
	// Categories keeps agreements with at least one partner of these
	// categories; empty keeps all.
	Categories []model.Category
	// Today is the day statuses and days left are worked out for; default
	// the current date.
	Today model.Date
	// Progress, when not nil, is called with the agreements written so
	// far and their number.
	Progress func(done, total int)
}

func (o Options) withDefaults() Options {
	if !slices.Contains(model.Languages, o.Lang) {
		o.Lang = "ru"
	}
	if o.Today.IsZero() {
		o.Today = model.Today()
	}
	return o
}

// filtered reports whether any filter is set.
func (o Options) filtered() bool {
	return !o.From.IsZero() || !o.To.IsZero() || len(o.Statuses) > 0 || len(o.Categories) > 0
}

// WriteRegister writes the register workbook to path: into a temporary
// file in the same folder (mode 0644) renamed over path once complete, so
// path is never left half-written. It refuses the data file as path.
func WriteRegister(ctx context.Context, s *store.Store, path string, o Options) error {
	if err := s.CheckTarget(path); err != nil {
		return err
	}
	return store.WriteFileAtomic(path, 0o644, func(w io.Writer) error { return ExportRegister(ctx, s, w, o) })
}

// ExportRegister writes the register workbook to w, reading the data file
// in one read transaction and streaming agreements one at a time. ctx
// cancels it (the caller then discards w).
func ExportRegister(ctx context.Context, s *store.Store, w io.Writer, o Options) error {
	o = o.withDefaults()
	return s.View(func(tx *store.Tx) error {
		x, err := newExporter(tx, o)
		if err != nil {
			return err
		}
		f := excelize.NewFile()
		defer f.Close()
		defer x.close()
		if err := x.write(ctx, f); err != nil {
			return err
		}
		// excelize's Write makes the whole zip in memory, then copies it
		// to w; registerZip writes it to w as it goes instead, so the
		// buffer excelize passes stays empty.
		f.SetZipWriter(func(io.Writer) excelize.ZipWriter { return newRegisterZip(w, x.joined) })
		if err := f.Write(io.Discard); err != nil {
			return fmt.Errorf("writing the workbook: %w", err)
		}
		return nil
	})
}

// exporter holds what the sheets are written from.
type exporter struct {
	tx       *store.Tx
	o        Options
	in       model.Institution
	partners map[model.ID]*model.Partner
	listed   []*model.Partner // partners for the Partners sheet
	numbers  map[model.ID]string
	included map[model.ID]bool   // agreements in the register
	active   map[model.ID]int    // agreements in force per partner
	seqKey   map[model.ID]string // "№ 17" for partners a name and no tax ID cannot tell apart
	stats    *stats
	st       *styles
	joined   map[string]*joinedSheet // the table sheets' rows, by part name
	labels   map[reports.Keyed]string
}

// close stops the compressors of sheets not finished (after an error).
func (x *exporter) close() {
	for _, s := range x.joined {
		_ = s.rows.close()
	}
}

func newExporter(tx *store.Tx, o Options) (*exporter, error) {
	x := &exporter{tx: tx, o: o, partners: map[model.ID]*model.Partner{}, numbers: map[model.ID]string{},
		included: map[model.ID]bool{}, active: map[model.ID]int{}, stats: newStats(), joined: map[string]*joinedSheet{},
		labels: map[reports.Keyed]string{}}
	var err error
	if x.in, err = tx.Institution(); err != nil {
		return nil, err
	}
	all, err := tx.Partners()
	if err != nil {
		return nil, err
	}
	for i := range all {
		x.partners[all[i].ID] = &all[i]
	}
	sums, err := tx.Summaries()
	if err != nil {
		return nil, err
	}
	onList := map[model.ID]bool{}
	for i := range sums {
		sm := &sums[i]
		x.numbers[sm.ID] = sm.Number
		status := sm.StatusOn(o.Today, x.in.Warning())
		if status == model.StatusActive || status == model.StatusExpiring {
			for _, id := range sm.PartnerIDs {
				x.active[id]++
			}
		}
		if !x.keep(sm, status) {
			continue
		}
		x.included[sm.ID] = true
		x.stats.add(sm, status, x.partners)
		for _, id := range sm.PartnerIDs {
			onList[id] = true
		}
	}
	for i := range all {
		if !o.filtered() || onList[all[i].ID] {
			x.listed = append(x.listed, &all[i])
		}
	}
	x.seqKey = seqKeys(x.listed)
	tx.ReleaseMemory()
	return x, nil
}

// seqKeys gives the partners that have no tax ID and share a name with
// another listed partner a key that tells them apart: their number on the
// Partners sheet, written where the tax ID would be.
func seqKeys(listed []*model.Partner) map[model.ID]string {
	names := map[string]int{}
	for _, p := range listed {
		for _, n := range partnerNames(p) {
			names[n]++
		}
	}
	keys := map[model.ID]string{}
	for i, p := range listed {
		if p.TaxID != "" {
			continue
		}
		for _, n := range partnerNames(p) {
			if names[n] > 1 {
				keys[p.ID] = "№ " + strconv.Itoa(i+1)
				break
			}
		}
	}
	return keys
}

// partnerNames returns the distinct normalised names of a partner.
func partnerNames(p *model.Partner) []string {
	var out []string
	for _, n := range []string{p.Name, p.Names.RU, p.Names.KK, p.Names.KY, p.Names.EN} {
		if n = normLabel(n); n != "" && !slices.Contains(out, n) {
			out = append(out, n)
		}
	}
	return out
}

// keep applies the filters to one agreement.
func (x *exporter) keep(sm *model.Summary, status model.Status) bool {
	o := x.o
	if len(o.Statuses) > 0 && !slices.Contains(o.Statuses, status) {
		return false
	}
	if len(o.Categories) > 0 && !slices.ContainsFunc(sm.PartnerIDs, func(id model.ID) bool {
		p := x.partners[id]
		return p != nil && slices.Contains(o.Categories, p.Category)
	}) {
		return false
	}
	start := sm.ValidFrom
	if start.IsZero() {
		start = sm.SignedOn
	}
	end := sm.EndOn(o.Today)
	return (o.To.IsZero() || start.IsZero() || start <= o.To) && (o.From.IsZero() || end.IsZero() || end >= o.From)
}

// write fills the workbook.
func (x *exporter) write(ctx context.Context, f *excelize.File) error {
	var err error
	if x.st, err = newStyles(f); err != nil {
		return err
	}
	if err := x.properties(f); err != nil {
		return err
	}
	sheets, err := x.sheets(f)
	if err != nil {
		return err
	}
	if err := x.writePartners(sheets[SheetPartners], sheets[SheetContacts]); err != nil {
		return err
	}
	if err := x.writeAgreements(ctx, sheets); err != nil {
		return err
	}
	if err := x.writeTotals(sheets[SheetIndicators]); err != nil {
		return err
	}
	for _, kind := range SheetKinds {
		if w := sheets[kind]; w != nil {
			if err := w.finish(f); err != nil {
				return err
			}
			x.joined["xl/worksheets/sheet"+strconv.Itoa(w.sw.SheetID)+".xml"].ref = w.usedRange()
		}
	}
	if err := x.writeSummary(f, SheetSummary.Name(x.o.Lang)); err != nil {
		return err
	}
	return x.writeDiagnostics(f)
}

// sheets creates the workbook's sheets in order and a stream writer for
// each but the summary, which is written cell by cell.
func (x *exporter) sheets(f *excelize.File) (map[SheetKind]*sheetWriter, error) {
	sheets := map[SheetKind]*sheetWriter{}
	for i, kind := range SheetKinds {
		name := kind.Name(x.o.Lang)
		var err error
		if i == 0 {
			err = f.SetSheetName("Sheet1", name)
		} else {
			_, err = f.NewSheet(name)
		}
		if err != nil {
			return nil, err
		}
		if err := x.page(f, name, Fields(kind)); err != nil {
			return nil, err
		}
		if kind == SheetSummary {
			continue
		}
		if sheets[kind], err = x.newSheetWriter(f, kind, name); err != nil {
			return nil, err
		}
	}
	return sheets, nil
}

// writeAgreements streams the agreements into their sheets.
func (x *exporter) writeAgreements(ctx context.Context, sheets map[SheetKind]*sheetWriter) error {
	total, done := len(x.included), 0
	if err := ctx.Err(); err != nil {
		return err
	}
	if x.o.Progress != nil {
		x.o.Progress(0, total)
	}
	return x.tx.ForEachAgreement(func(a *model.Agreement) error {
		if !x.included[a.ID] {
			return nil
		}
		done++
		x.stats.addOutcomes(a.Outcomes)
		if err := x.agreementRows(a, done, sheets); err != nil {
			return err
		}
		if x.o.Progress != nil && (done%256 == 0 || done == total) {
			x.o.Progress(done, total)
		}
		if done%2048 == 0 {
			x.tx.ReleaseMemory() // the records read so far
		}
		return ctx.Err()
	})
}
