package ui

import (
	"context"
	"errors"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/partnerdesk/partnerdesk/model"
	"github.com/partnerdesk/partnerdesk/model/catalog"
	"github.com/partnerdesk/partnerdesk/model/store"
)

// Changes that arrive close together are shown together: the lists are
// read again once the server has been quiet for changeQuiet, and at the
// latest changeMax after the first change, so that an import by a
// colleague reloads the lists once, not a thousand times.
const (
	changeQuiet = 400 * time.Millisecond
	changeMax   = 2 * time.Second
	// resubscribe is the wait before asking the server again for its
	// changes when it could not be asked (it was away).
	resubscribe = 5 * time.Second
)

// changeSource is a store that announces the changes other people make:
// the university's server. A data file on this computer has no other
// writers and is not watched.
type changeSource interface {
	Server() bool
	Subscribe(ctx context.Context) (<-chan store.Change, error)
}

// watchChanges follows the server's changes for as long as the window is
// open (or until the store is replaced), ending any earlier subscription.
// It is the one goroutine that does not go through runLater: it lives as
// long as the window, and settle must not wait for it; u.watching counts
// it, and closing the window ends it.
func (u *UI) watchChanges() {
	u.stopWatching()
	src, ok := u.store.(changeSource)
	if !ok || !src.Server() {
		return
	}
	post := u.opts.OnUI
	if post == nil {
		post = fyne.Do
	}
	ctx, cancel := context.WithCancel(context.Background())
	u.unwatch = cancel
	u.watching.Add(1)
	go u.watch(ctx, src, post)
}

// stopWatching ends the subscription to the server's changes, if any.
func (u *UI) stopWatching() {
	if u.unwatch != nil {
		u.unwatch()
		u.unwatch = nil
	}
}

// watch subscribes (again, while the server is away) and hands the
// changes to the interface goroutine in batches.
func (u *UI) watch(ctx context.Context, src changeSource, post func(func())) {
	defer u.watching.Done()
	for ctx.Err() == nil {
		changes, err := src.Subscribe(ctx)
		if err != nil {
			select {
			case <-ctx.Done():
			case <-time.After(resubscribe):
			}
			continue
		}
		for batch := range batches(changes) {
			if ctx.Err() != nil {
				break
			}
			post(func() { u.onChanges(batch) })
		}
	}
	// The store closes its channel when ctx ends: nothing is left running.
}

// batches groups the changes read from changes: a batch ends when none
// came for changeQuiet or changeMax after its first. It ends when changes
// is closed.
func batches(changes <-chan store.Change) func(yield func([]store.Change) bool) {
	return func(yield func([]store.Change) bool) {
		for first := range changes {
			batch := []store.Change{first}
			quiet := time.NewTimer(changeQuiet)
			latest := time.NewTimer(changeMax)
			open := true
			for open {
				select {
				case ch, ok := <-changes:
					if !ok {
						return
					}
					batch = append(batch, ch)
					quiet.Reset(changeQuiet)
				case <-quiet.C:
					open = false
				case <-latest.C:
					open = false
				}
			}
			quiet.Stop()
			latest.Stop()
			if !yield(batch) {
				return
			}
		}
	}
}

// onChanges reads the lists again after other people's changes, then
// shows them in the list on screen (keeping its search, filters, sort and
// scroll) and tells an open editor whose record changed.
func (u *UI) onChanges(batch []store.Change) {
	today, st := u.opts.Today(), u.store
	var in model.Institution
	var cat *catalog.Catalog
	u.runLater(func() error {
		i, ps, sums, err := st.ListData()
		if err != nil {
			return err
		}
		in, cat = i, catalog.New(ps, sums, today, i.Warning())
		return nil
	}, func(err error) {
		if err != nil || u.store != st {
			return // the server is away: the gap it leaves reloads again
		}
		u.inst, u.cat = in, cat
		if s, ok := u.currentScreen().(liveScreen); ok && u.page == nil {
			s.liveRefresh()
		}
		u.checkOpenRecord(batch)
	})
}

// checkOpenRecord tells the editor open, if any, when the batch may have
// changed its record.
func (u *UI) checkOpenRecord(batch []store.Change) {
	switch p := u.page.(type) {
	case *agreementEditor:
		if p.orig.ID != 0 && touches(batch, model.EntityAgreement, p.orig.ID) {
			p.checkChangedElsewhere()
		}
	case *partnerForm:
		if p.orig.ID != 0 && touches(batch, model.EntityPartner, p.orig.ID) {
			p.checkChangedElsewhere()
		}
	}
}

// touches reports whether a batch may have changed the record: it names
// it, or it reports a gap (changes that may have been missed).
func touches(batch []store.Change, entity model.Entity, id model.ID) bool {
	for _, ch := range batch {
		if ch.Action == "" || (ch.Entity == entity && ch.ID == id) {
			return true
		}
	}
	return false
}

// liveScreen is a screen that shows other people's changes where it
// stands, without going back to the top.
type liveScreen interface{ liveRefresh() }

func (s *agreementsScreen) liveRefresh() {
	s.yearOptions()
	s.cells = nil
	s.rows = s.u.cat.Agreements(s.q)
	_, total := s.u.cat.Len()
	s.table.keepCounted(len(s.rows), total, s.count, s.empty)
}

func (s *partnersScreen) liveRefresh() {
	s.rows = s.u.cat.Partners(s.q)
	total, _ := s.u.cat.Len()
	s.table.keepCounted(len(s.rows), total, s.count, s.empty)
}

func (d *dashboard) liveRefresh() { d.refresh() }

// keepCounted is reloadCounted staying where the user scrolled to.
func (lt *listTable) keepCounted(shown, total int, count *widget.Label, empty *emptyHint) {
	lt.showCounted(shown, total, count, empty)
	lt.table.Refresh()
}

// checkChangedElsewhere asks the store whether the agreement open in the
// editor changed since it was opened, and if so says by whom and when.
func (e *agreementEditor) checkChangedElsewhere() {
	var stored model.Agreement
	var by, at string
	id, st := e.orig.ID, e.u.store
	e.u.runLater(func() error {
		var err error
		if stored, err = st.Agreement(id); err != nil {
			return err
		}
		by, at = lastChange(st, model.EntityAgreement, id)
		return nil
	}, func(err error) {
		switch {
		case e.u.page != e:
		case errors.Is(err, store.ErrNotFound):
			e.notice.show(tr("together.deleted_elsewhere"))
		case err == nil && stored.Rev != e.orig.Rev:
			e.notice.show(tr("together.changed_by", "By", by, "At", at), e.reloadButton())
		}
	})
}

// reloadButton opens the stored version of the agreement in the editor,
// on the same tab.
func (e *agreementEditor) reloadButton() *widget.Button {
	return widget.NewButtonWithIcon(tr("together.reload"), theme.ViewRefreshIcon(), e.onReload)
}

func (e *agreementEditor) onReload() {
	tab := ""
	if i := e.appTabs.SelectedIndex(); i >= 0 {
		tab = e.tabs[i].key
	}
	e.u.openAgreement(e.orig.ID, tab)
}

// noticeBar is a plain line over an editor, with buttons at its end:
// "changed by …", "the server cannot be reached".
type noticeBar struct {
	box  *fyne.Container
	text *widget.Label // the line shown, nil before the first
}

func newNoticeBar() *noticeBar { return &noticeBar{box: container.NewVBox()} }

// show shows text with the buttons; no text hides the line.
func (b *noticeBar) show(text string, buttons ...fyne.CanvasObject) {
	if text == "" {
		b.box.Objects = nil
		b.box.Refresh()
		return
	}
	l := widget.NewLabel(text)
	l.Wrapping = fyne.TextWrapWord
	l.Importance = widget.WarningImportance
	b.text = l
	b.box.Objects = []fyne.CanvasObject{container.NewBorder(nil, nil, nil, container.NewHBox(buttons...), l)}
	b.box.Refresh()
}
