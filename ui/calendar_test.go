package ui

import (
	"reflect"
	"testing"

	"github.com/partnerdesk/partnerdesk/model/store"
	"github.com/partnerdesk/partnerdesk/reports/ics"
)

// The calendar the interface exports, read through the interface's Store,
// holds the same events as one read in a single transaction.
func TestCalendarReadsEveryAgreement(t *testing.T) {
	u, s := newTestUI(t, "kk")
	withDemo(t, u, s, 10, 40)
	got, err := ics.Events(u.store, "kk", testToday)
	if err != nil {
		t.Fatal(err)
	}
	var want []ics.Event
	if err := s.View(func(tx *store.Tx) (err error) { want, err = ics.Events(tx, "kk", testToday); return err }); err != nil {
		t.Fatal(err)
	}
	if len(got) == 0 || !reflect.DeepEqual(got, want) {
		t.Errorf("%d events through the store's methods, %d in one transaction", len(got), len(want))
	}
}
