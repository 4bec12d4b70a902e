package ui

import (
	"testing"
	"time"

	"github.com/partnerdesk/partnerdesk/model"
	"github.com/partnerdesk/partnerdesk/model/store"
	"github.com/partnerdesk/partnerdesk/model/store/storetest"
)

// liveBench opens the agreements list over the 10,000-partner,
// 50,000-agreement file and returns a change to one of its agreements.
func liveBench(b *testing.B) (*UI, []store.Change) {
	u := benchUI(b)
	u.goTo("agreements", nil)
	sums, err := u.store.Summaries()
	if err != nil {
		b.Fatal(err)
	}
	return u, []store.Change{{Entity: model.EntityAgreement, ID: sums[len(sums)/2].ID, Action: model.ActionUpdated}}
}

// BenchmarkLiveChangeOne shows one agreement changed by someone else in
// the list at 50,000 agreements: read it, put it in the catalog, redraw
// the list where it stands.
func BenchmarkLiveChangeOne(b *testing.B) {
	u, batch := liveBench(b)
	b.ReportAllocs()
	for b.Loop() {
		u.onChanges(batch)
		storetest.WaitTimeout(b, &u.busy, time.Minute)
	}
}

// BenchmarkLiveReloadAll is the same after a gap (or an import): the whole
// catalog read again.
func BenchmarkLiveReloadAll(b *testing.B) {
	u, _ := liveBench(b)
	b.ReportAllocs()
	for b.Loop() {
		u.onChanges([]store.Change{{}})
		storetest.WaitTimeout(b, &u.busy, time.Minute)
	}
}
