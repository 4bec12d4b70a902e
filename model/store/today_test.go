package store_test

import (
	"testing"
	"time"

	"github.com/partnerdesk/partnerdesk/model"
	"github.com/partnerdesk/partnerdesk/model/store"
	"github.com/partnerdesk/partnerdesk/model/store/storetest"
)

// Tx.Today is the date SaveAgreement validates against: an agreement
// signed on it is accepted, one signed the day after is refused.
func TestTxToday(t *testing.T) {
	clock := &storetest.Clock{T: time.Date(2026, 3, 15, 12, 0, 0, 0, time.Local)}
	s := store.OpenMemory(store.Options{Now: clock.Now})
	var today model.Date
	err := s.Update(func(tx *store.Tx) error {
		today = tx.Today()
		p := storetest.FullPartner("Партнёр", storetest.BIN1)
		if err := tx.SavePartner(&p); err != nil {
			return err
		}
		a := storetest.FullAgreement("T-1", p.ID)
		a.SignedOn, a.ValidFrom = today, today
		if err := tx.SaveAgreement(&a); err != nil {
			return err
		}
		b := storetest.FullAgreement("T-2", p.ID)
		b.SignedOn, b.ValidFrom = today.AddDays(1), today.AddDays(1)
		if err := tx.SaveAgreement(&b); err == nil {
			t.Error("an agreement signed tomorrow was accepted")
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if today != model.MustDate("15.03.2026") {
		t.Errorf("Today = %v, want 15.03.2026", today)
	}
}
