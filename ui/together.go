package ui

import (
	"context"
	"time"

	"fyne.io/fyne/v2"

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

// onChanges shows other people's changes: in the catalog (the records
// named read again, or everything after a gap or a large batch), in the
// list on screen (keeping its search, filters, sort and scroll) and in an
// open editor whose record changed.
func (u *UI) onChanges(batch []store.Change) {
	if !patchable(batch) {
		u.reloadAll(batch)
		return
	}
	st := u.store
	var p patch
	u.runLater(func() error { return p.read(st, batch) }, func(err error) {
		if err != nil || u.store != st {
			return // the server is away: the gap it leaves reloads everything
		}
		p.apply(u.cat)
		u.showChanges(batch)
	})
}

// reloadAll reads the lists again from the store.
func (u *UI) reloadAll(batch []store.Change) {
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
			return
		}
		u.inst, u.cat = in, cat
		u.showChanges(batch)
	})
}

// showChanges shows the catalog's new state on screen.
func (u *UI) showChanges(batch []store.Change) {
	if s, ok := u.currentScreen().(liveScreen); ok && u.page == nil {
		s.liveRefresh()
	}
	u.checkOpenRecord(batch)
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
