package storetest

import (
	"errors"
	"fmt"
	"runtime"
	"sync"
	"testing"
	"time"

	"github.com/partnerdesk/partnerdesk/model"
	"github.com/partnerdesk/partnerdesk/model/store"
)

// deadline bounds every wait of the concurrency cases: a store that
// deadlocks fails the test instead of hanging it.
const deadline = 2 * time.Minute

// WaitTimeout waits for wg, failing the test when that takes longer than
// d (a deadlock, or a goroutine that never ends).
func WaitTimeout(t testing.TB, wg *sync.WaitGroup, d time.Duration) {
	t.Helper()
	done := make(chan struct{})
	go func() { wg.Wait(); close(done) }()
	select {
	case <-done:
	case <-time.After(d):
		t.Fatalf("goroutines still running after %v", d)
	}
}

// testConcurrentSaves: N goroutines save partners at once; every save is
// there afterwards, each with its own ID, and history has one entry each.
func testConcurrentSaves(t *testing.T, s *store.Store, _ *Clock) {
	const workers, each = 8, 6
	var wg sync.WaitGroup
	errs := make(chan error, workers*each)
	for w := range workers {
		wg.Go(func() {
			for i := range each {
				p := FullPartner(fmt.Sprintf("Партнёр %d-%d", w, i), "")
				if err := s.SavePartner(&p); err != nil {
					errs <- err
				}
			}
		})
	}
	WaitTimeout(t, &wg, deadline)
	close(errs)
	for err := range errs {
		t.Error(err)
	}
	list, err := s.Partners()
	if err != nil {
		t.Fatal(err)
	}
	ids := map[model.ID]bool{}
	names := map[string]bool{}
	for _, p := range list {
		ids[p.ID], names[p.Name] = true, true
	}
	if len(list) != workers*each || len(ids) != workers*each || len(names) != workers*each {
		t.Errorf("%d partners, %d IDs, %d names after %d saves", len(list), len(ids), len(names), workers*each)
	}
	if c, _ := s.Counts(); c.History != workers*each {
		t.Errorf("%d history entries after %d saves", c.History, workers*each)
	}
}

// testReadersSeeWholeTransactions: a writer adds a partner and an
// agreement naming it in one transaction, again and again; readers
// running meanwhile always see both or neither, and a read transaction
// sees the same data from its start to its end (a snapshot) however many
// transactions commit meanwhile.
func testReadersSeeWholeTransactions(t *testing.T, s *store.Store, _ *Clock) {
	const writes, readers = 40, 3
	stop := make(chan struct{})
	var wg sync.WaitGroup
	problems := make(chan string, readers*4)
	report := func(format string, args ...any) {
		select {
		case problems <- fmt.Sprintf(format, args...):
		default:
		}
	}
	for range readers {
		wg.Go(func() { readWholeTransactions(s, stop, report) })
	}
	for i := range writes {
		err := s.Update(func(tx *store.Tx) error {
			p := FullPartner(fmt.Sprintf("Партнёр %d", i), "")
			if err := tx.SavePartner(&p); err != nil {
				return err
			}
			a := FullAgreement(fmt.Sprintf("СП-%d", i), p.ID)
			return tx.SaveAgreement(&a)
		})
		if err != nil {
			t.Fatal(err)
		}
		runtime.Gosched()
	}
	close(stop)
	WaitTimeout(t, &wg, deadline)
	close(problems)
	for p := range problems {
		t.Error(p)
	}
	if c, _ := s.Counts(); c.Partners != writes || c.Agreements != writes {
		t.Errorf("after %d transactions: %+v", writes, c)
	}
}

// readWholeTransactions reads until stop closes, reporting what a
// reader must never see.
func readWholeTransactions(s *store.Store, stop <-chan struct{}, report func(string, ...any)) {
	for reads := 0; ; reads++ {
		select {
		case <-stop:
			if reads > 0 {
				return
			}
		default:
		}
		err := s.View(func(tx *store.Tx) error {
			first := tx.Counts()
			if first.Partners != first.Agreements {
				report("half a transaction: %+v", first)
			}
			sums, err := tx.Summaries()
			if err != nil {
				return err
			}
			for _, sum := range sums {
				if _, err := tx.Partner(sum.PartnerIDs[0]); err != nil {
					report("agreement %s names partner %d: %v", sum.Number, sum.PartnerIDs[0], err)
				}
			}
			time.Sleep(time.Millisecond) // let the writer commit meanwhile
			if again := tx.Counts(); again != first || len(sums) != first.Agreements {
				report("not a snapshot: %+v then %+v, %d summaries", first, again, len(sums))
			}
			return nil
		})
		if err != nil {
			report("read: %v", err)
		}
	}
}

// testReadTxRefusesWrites: every change attempted inside View is refused
// with ErrReadOnly and changes nothing, on every backend.
func testReadTxRefusesWrites(t *testing.T, s *store.Store, _ *Clock) {
	p := mustSavePartner(t, s, "П", BIN1)
	free := mustSavePartner(t, s, "Свободный", BIN2)
	a := mustSaveAgreement(t, s, "СП-1", p.ID)
	att, err := s.AddAttachment(a.ID, "scan.pdf", "application/pdf", []byte("%PDF"))
	if err != nil {
		t.Fatal(err)
	}
	a, _ = s.Agreement(a.ID)
	before, _ := s.Counts()
	writes := map[string]func(*store.Tx) error{
		"SaveInstitution": func(tx *store.Tx) error {
			in := model.Institution{Names: model.Names{RU: "Колледж"}, Country: "KZ", TaxID: BIN3}
			return tx.SaveInstitution(&in)
		},
		"SavePartner new":      func(tx *store.Tx) error { q := FullPartner("Новый", ""); return tx.SavePartner(&q) },
		"SavePartner existing": func(tx *store.Tx) error { q := p; q.City = "Алматы"; return tx.SavePartner(&q) },
		"DeletePartner":        func(tx *store.Tx) error { return tx.DeletePartner(free.ID) },
		"SaveAgreement":        func(tx *store.Tx) error { b := a; b.Title = "Другое"; return tx.SaveAgreement(&b) },
		"DeleteAgreement":      func(tx *store.Tx) error { return tx.DeleteAgreement(a.ID) },
		"Renew": func(tx *store.Tx) error {
			n := FullAgreement("СП-2", p.ID)
			return tx.Renew(a.ID, &n)
		},
		"AddAttachment": func(tx *store.Tx) error {
			_, err := tx.AddAttachment(a.ID, "x.pdf", "application/pdf", []byte("x"))
			return err
		},
		"RemoveAttachment": func(tx *store.Tx) error { return tx.RemoveAttachment(a.ID, att.ID) },
	}
	for name, write := range writes {
		if err := s.View(write); !errors.Is(err, store.ErrReadOnly) {
			t.Errorf("%s inside View: %v, want ErrReadOnly", name, err)
		}
	}
	after, _ := s.Counts()
	got, _ := s.Agreement(a.ID)
	if after != before || got.Rev != a.Rev || got.Title != a.Title {
		t.Errorf("refused writes changed the store: %+v → %+v, rev %d → %d", before, after, a.Rev, got.Rev)
	}
}
