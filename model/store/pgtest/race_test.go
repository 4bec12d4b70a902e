package pgtest_test

import (
	"errors"
	"testing"
	"time"

	"github.com/partnerdesk/partnerdesk/model"
	"github.com/partnerdesk/partnerdesk/model/demo"
	"github.com/partnerdesk/partnerdesk/model/store"
)

// heldOpen runs fn in an Update of s that, once fn has passed, waits until
// other has run and returned before it commits: the writes of fn reach the
// server after other's transaction is committed. It returns the Update's
// error and other's.
func heldOpen(t *testing.T, s *store.Store, fn func(*store.Tx) error, other func() error) (mine, theirs error) {
	t.Helper()
	passed := make(chan struct{})
	release := make(chan struct{})
	done := make(chan error, 1)
	go func() {
		done <- s.Update(func(tx *store.Tx) error {
			if err := fn(tx); err != nil {
				return err
			}
			close(passed)
			select {
			case <-release:
				return nil
			case <-time.After(20 * time.Second):
				return errors.New("the other save never came")
			}
		})
	}()
	select {
	case <-passed:
	case err := <-done:
		t.Fatalf("the first save failed early: %v", err)
	case <-time.After(20 * time.Second):
		t.Fatal("the first save never reached its commit")
	}
	theirs = other()
	close(release)
	select {
	case mine = <-done:
	case <-time.After(30 * time.Second):
		t.Fatal("the first save never ended")
	}
	return mine, theirs
}

// Two people save the same agreement at the same moment: the one whose
// write reaches the server second is refused and told who saved first,
// and nothing of theirs is written, history included.
func TestSavesRacingToTheServer(t *testing.T) {
	u := newUniversity(t, store.NumbersPerUniversity)
	mine, _ := u.econ.Agreement(u.econAgr.ID)
	theirs, _ := u.office.Agreement(u.econAgr.ID)
	mine.Title, theirs.Title = "Секретарь", "Офис"
	errMine, errTheirs := heldOpen(t, u.econ,
		func(tx *store.Tx) error { c := mine; return tx.SaveAgreement(&c) },
		func() error { return u.office.SaveAgreement(&theirs) })
	if errTheirs != nil {
		t.Fatalf("the office's save, which reached the server first: %v", errTheirs)
	}
	var ce *store.ConflictError
	if !errors.As(errMine, &ce) || ce.By != u.db.Login("office") {
		t.Fatalf("the save that came second: %v, want a conflict naming %s", errMine, u.db.Login("office"))
	}
	got, _ := u.econ.Agreement(u.econAgr.ID)
	if got.Title != "Офис" || got.Rev != theirs.Rev {
		t.Errorf("after the race: %q rev %d, want the office's (rev %d)", got.Title, got.Rev, theirs.Rev)
	}
	h, _ := u.econ.History(model.EntityAgreement, u.econAgr.ID)
	if len(h) != 2 || h[1].User != u.db.Login("office") {
		t.Errorf("history after the race: %+v", h)
	}
	if err := u.office.Check(); err != nil {
		t.Error(err)
	}
}

// The same for a diagnostic round, whose revision the server checks too.
func TestRoundSavesRacingToTheServer(t *testing.T) {
	u := newUniversity(t, store.NumbersPerUniversity)
	r := demo.Rounds(7, model.NewDate(2026, 11, 28), []model.ID{u.econAgr.ID})[0]
	if err := u.econ.SaveRound(&r); err != nil {
		t.Fatal(err)
	}
	mine, theirs := r, r
	mine.Title, theirs.Title = "Секретарь", "Офис"
	errMine, errTheirs := heldOpen(t, u.econ,
		func(tx *store.Tx) error { c := mine; return tx.SaveRound(&c) },
		func() error { return u.office.SaveRound(&theirs) })
	if errTheirs != nil {
		t.Fatalf("the office's save: %v", errTheirs)
	}
	if !errors.Is(errMine, store.ErrConflict) {
		t.Fatalf("the round saved second: %v, want a conflict", errMine)
	}
	if got, _ := u.econ.Round(r.ID); got.Title != "Офис" {
		t.Errorf("after the race the round is %q, want the office's", got.Title)
	}
}

// An agreement deleted on what its secretary read, while someone else
// renewed it: the deletion is refused rather than leaving the renewal
// pointing at an agreement that is gone.
func TestDeleteRacingARenewal(t *testing.T) {
	u := newUniversity(t, store.NumbersPerUniversity)
	next, _ := u.office.Agreement(u.econAgr.ID)
	next.ID, next.Rev, next.Number = 0, 0, "ЭК-2026/001"
	errMine, errTheirs := heldOpen(t, u.econ,
		func(tx *store.Tx) error { return tx.DeleteAgreement(u.econAgr.ID) },
		func() error { return u.office.Renew(u.econAgr.ID, &next) })
	if errTheirs != nil {
		t.Fatalf("the renewal: %v", errTheirs)
	}
	if !errors.Is(errMine, store.ErrConflict) {
		t.Fatalf("deleting the renewed agreement: %v, want a conflict", errMine)
	}
	if _, err := u.econ.Agreement(u.econAgr.ID); err != nil {
		t.Errorf("the renewed agreement is gone: %v", err)
	}
	if err := u.office.Check(); err != nil {
		t.Error(err)
	}
}
