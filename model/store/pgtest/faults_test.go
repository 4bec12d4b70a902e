package pgtest_test

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/partnerdesk/partnerdesk/model"
	"github.com/partnerdesk/partnerdesk/model/store"
	"github.com/partnerdesk/partnerdesk/model/store/pgtest"
	"github.com/partnerdesk/partnerdesk/model/store/storetest"
)

func TestNotifications(t *testing.T) {
	u := newUniversity(t, store.NumbersPerUniversity)
	ctx, cancel := context.WithCancel(context.Background())
	changes, err := u.econ.Subscribe(ctx)
	if err != nil {
		t.Fatal(err)
	}
	a, _ := u.law.Agreement(u.lawAgr.ID)
	a.Title = "Изменено на кафедре права"
	if err := u.law.SaveAgreement(&a); err != nil {
		t.Fatal(err)
	}
	select {
	case ch := <-changes:
		want := store.Change{Entity: model.EntityAgreement, ID: a.ID, Action: model.ActionUpdated, User: u.db.Login("law")}
		if ch != want {
			t.Errorf("got %+v, want %+v", ch, want)
		}
	case <-time.After(10 * time.Second):
		t.Fatal("no notification within 10 s")
	}
	cancel()
	select {
	case _, open := <-changes:
		for open {
			_, open = <-changes
		}
	case <-time.After(10 * time.Second):
		t.Fatal("the channel stayed open after the context ended")
	}
}

// Two imports bring the same partner (by tax ID) at the same time, each
// with agreements, in one transaction each: one wins, the other fails
// whole, and nothing of the loser remains.
func TestConcurrentImportsSameTaxID(t *testing.T) {
	u := newUniversity(t, store.NumbersPerUniversity)
	ready := make(chan struct{}, 2)
	release := make(chan struct{})
	importer := func(s *store.Store, tag string) error {
		first := true
		return s.Update(func(tx *store.Tx) error {
			// Each import looks the tax ID up first, as an import does:
			// both find it free, and both go on to add the partner.
			if _, err := tx.PartnerByTaxID("KZ", storetest.BIN2); first && !errors.Is(err, store.ErrNotFound) {
				return fmt.Errorf("looking the tax ID up: %w", err)
			}
			if first {
				first = false
				ready <- struct{}{}
				select {
				case <-release:
				case <-time.After(20 * time.Second):
					return errors.New("the other import never came")
				}
			}
			p := storetest.FullPartner("Импорт "+tag, storetest.BIN2)
			if err := tx.SavePartner(&p); err != nil {
				return err
			}
			for i := range 3 {
				a := storetest.FullAgreement(fmt.Sprintf("%s-%d", tag, i), p.ID)
				if err := tx.SaveAgreement(&a); err != nil {
					return err
				}
			}
			return nil
		})
	}
	errs := make([]error, 2)
	var wg sync.WaitGroup
	for i, s := range []*store.Store{u.econ, u.law} {
		wg.Add(1)
		go func() { defer wg.Done(); errs[i] = importer(s, []string{"ЭК-И", "ПР-И"}[i]) }()
	}
	for range 2 {
		select {
		case <-ready:
		case <-time.After(20 * time.Second):
			t.Fatal("the imports did not start")
		}
	}
	close(release)
	wg.Wait()
	if (errs[0] == nil) == (errs[1] == nil) {
		t.Fatalf("want exactly one import to win: %v / %v", errs[0], errs[1])
	}
	loser := 1
	if errs[0] != nil {
		loser = 0
	}
	if v, ok := model.AsValidation(errs[loser]); !ok || v[0].Key != "err.taxid_taken" {
		t.Errorf("the losing import: %v, want the tax ID taken", errs[loser])
	}
	c, _ := u.office.Counts()
	if c.Partners != 2 || c.Agreements != 5 {
		t.Errorf("after the imports: %+v, want 2 partners and 5 agreements", c)
	}
	for i := range 3 {
		if _, err := u.office.AgreementByNumber(fmt.Sprintf("%s-%d", []string{"ЭК-И", "ПР-И"}[loser], i)); !errors.Is(err, store.ErrNotFound) {
			t.Errorf("an agreement of the losing import is there: %v", err)
		}
	}
	if err := u.office.Check(); err != nil {
		t.Error(err)
	}
}

// saver saves agreements one by one until it fails, returning the numbers
// whose saves were acknowledged.
func saver(s *store.Store, partner model.ID, prefix string, started chan<- struct{}) (acked []string, err error) {
	for i := 0; ; i++ {
		a := storetest.FullAgreement(fmt.Sprintf("%s-%d", prefix, i), partner)
		if err := s.SaveAgreement(&a); err != nil {
			return acked, err
		}
		acked = append(acked, a.Number)
		if i == 20 {
			close(started)
		}
	}
}

func TestServerKilledDuringSaves(t *testing.T) {
	srv := pgtest.Need(t)
	db := srv.NewDB(t, store.NumbersPerUniversity)
	s := db.Open(t, "office", store.Options{})
	p := storetest.FullPartner("Партнёр", storetest.BIN1)
	if err := s.SavePartner(&p); err != nil {
		t.Fatal(err)
	}
	started := make(chan struct{})
	done := make(chan struct{})
	var acked []string
	var saveErr error
	go func() { defer close(done); acked, saveErr = saver(s, p.ID, "KILL", started) }()
	waitOrFail(t, started, "saves to start")
	// The import: one transaction of 3000 agreements, killed mid-way.
	s2 := db.Open(t, "office", store.Options{})
	importDone := make(chan error, 1)
	go func() {
		importDone <- s2.Update(func(tx *store.Tx) error {
			for i := range 3000 {
				a := storetest.FullAgreement(fmt.Sprintf("IMPORT-%d", i), p.ID)
				if err := tx.SaveAgreement(&a); err != nil {
					return err
				}
			}
			return nil
		})
	}()
	time.Sleep(300 * time.Millisecond)
	if err := srv.Kill(); err != nil {
		t.Fatal(err)
	}
	waitOrFail(t, done, "the saves to fail")
	var importErr error
	select {
	case importErr = <-importDone:
	case <-time.After(30 * time.Second):
		t.Fatal("the import did not end")
	}
	if !errors.Is(saveErr, store.ErrServerUnreachable) {
		t.Errorf("the save cut by the kill says %v, want that the server cannot be reached", saveErr)
	}
	if err := srv.Restart(); err != nil {
		t.Fatal(err)
	}
	after := db.Open(t, "office", store.Options{})
	for _, n := range acked {
		if _, err := after.AgreementByNumber(n); err != nil {
			t.Fatalf("acknowledged save %s lost: %v", n, err)
		}
	}
	sums, _ := after.Summaries()
	imported := 0
	for _, sm := range sums {
		if strings.HasPrefix(sm.Number, "IMPORT-") {
			imported++
		}
	}
	if imported != 0 && imported != 3000 {
		t.Errorf("the killed import left %d of 3000 agreements", imported)
	}
	if importErr == nil && imported != 3000 {
		t.Errorf("the import was acknowledged but %d agreements are there", imported)
	}
	if extra := len(sums) - imported - len(acked); extra < 0 || extra > 1 {
		t.Errorf("%d saves acknowledged, %d stored", len(acked), len(sums)-imported)
	}
	if err := after.Check(); err != nil {
		t.Error(err)
	}
	t.Logf("%d saves acknowledged before the kill; import: %d agreements, %v", len(acked), imported, importErr)
}

func waitOrFail(t *testing.T, ch <-chan struct{}, what string) {
	t.Helper()
	select {
	case <-ch:
	case <-time.After(60 * time.Second):
		t.Fatalf("waited 60 s for %s", what)
	}
}

// proxy forwards loopback TCP connections to the server until stopped.
type proxy struct {
	l     net.Listener
	mu    sync.Mutex
	conns []net.Conn
}

func startProxy(t *testing.T, target string) *proxy {
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	p := &proxy{l: l}
	go func() {
		for {
			c, err := l.Accept()
			if err != nil {
				return
			}
			s, err := net.DialTimeout("tcp", target, 5*time.Second)
			if err != nil {
				c.Close()
				continue
			}
			p.mu.Lock()
			p.conns = append(p.conns, c, s)
			p.mu.Unlock()
			go func() { io.Copy(s, c); s.Close() }()
			go func() { io.Copy(c, s); c.Close() }()
		}
	}()
	t.Cleanup(p.stop)
	return p
}

func (p *proxy) stop() {
	p.l.Close()
	p.mu.Lock()
	defer p.mu.Unlock()
	for _, c := range p.conns {
		c.Close()
	}
}

// The connection is cut mid-save: the app is told, and the save happened
// or did not — saving the same agreement again never makes two.
func TestConnectionCutMidSave(t *testing.T) {
	srv := pgtest.Need(t)
	db := srv.NewDB(t, store.NumbersPerUniversity)
	px := startProxy(t, fmt.Sprintf("127.0.0.1:%d", srv.Port))
	url := strings.Replace(db.URL("office"), fmt.Sprintf(":%d/", srv.Port), fmt.Sprintf(":%d/", px.l.Addr().(*net.TCPAddr).Port), 1)
	s, err := store.OpenURL(url, store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	p := storetest.FullPartner("Партнёр", storetest.BIN1)
	if err := s.SavePartner(&p); err != nil {
		t.Fatal(err)
	}
	started := make(chan struct{})
	done := make(chan struct{})
	var acked []string
	var saveErr error
	go func() { defer close(done); acked, saveErr = saver(s, p.ID, "CUT", started) }()
	waitOrFail(t, started, "saves to start")
	px.stop()
	waitOrFail(t, done, "the cut save to fail")
	if !errors.Is(saveErr, store.ErrServerUnreachable) {
		t.Errorf("the cut save says %v, want that the server cannot be reached", saveErr)
	}
	direct := db.Open(t, "office", store.Options{})
	inFlight := fmt.Sprintf("CUT-%d", len(acked))
	// The app saves the agreement again once the server is back.
	again := storetest.FullAgreement(inFlight, p.ID)
	err = direct.SaveAgreement(&again)
	if v, ok := model.AsValidation(err); err != nil && (!ok || v[0].Key != "err.number_taken") {
		t.Fatalf("saving again: %v", err)
	}
	sums, _ := direct.Summaries()
	count := map[string]int{}
	for _, sm := range sums {
		count[sm.Number]++
	}
	for _, n := range acked {
		if count[n] != 1 {
			t.Errorf("acknowledged %s stored %d times", n, count[n])
		}
	}
	if count[inFlight] != 1 {
		t.Errorf("the cut save %s is stored %d times after saving again", inFlight, count[inFlight])
	}
	t.Logf("%d saves acknowledged; the cut one had landed: %v", len(acked), err != nil)
}
