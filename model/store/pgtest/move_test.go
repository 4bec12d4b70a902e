package pgtest_test

import (
	"errors"
	"fmt"
	"math/rand/v2"
	"path/filepath"
	"reflect"
	"slices"
	"sort"
	"sync"
	"testing"
	"time"

	"github.com/partnerdesk/partnerdesk/model"
	"github.com/partnerdesk/partnerdesk/model/demo"
	"github.com/partnerdesk/partnerdesk/model/store"
	"github.com/partnerdesk/partnerdesk/model/store/pgtest"
	"github.com/partnerdesk/partnerdesk/model/store/storetest"
)

func demoStore(t testing.TB, partners, agreements int) *store.Store {
	t.Helper()
	s, err := store.Open(filepath.Join(t.TempDir(), "dept.db"), store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	d := demo.Generate(demo.Options{Seed: 7, Partners: partners, Agreements: agreements, Today: storetest.BenchToday})
	if err := s.AddNew(d, 2000, nil); err != nil {
		t.Fatal(err)
	}
	return s
}

// compareMoved checks n agreements of the file (all when n <= 0) field by
// field against the server's: everything equal but the IDs, which are
// new, and the partners, which must be the same by tax ID and name.
func compareMoved(t testing.TB, src, dst *store.Store, dept string, n int) int {
	t.Helper()
	partnersBy := func(s *store.Store) map[model.ID]model.Partner {
		list, err := s.Partners()
		if err != nil {
			t.Fatal(err)
		}
		m := map[model.ID]model.Partner{}
		for _, p := range list {
			m[p.ID] = p
		}
		return m
	}
	sp, dp := partnersBy(src), partnersBy(dst)
	sums, _ := src.Summaries()
	if n > 0 && n < len(sums) {
		r := rand.New(rand.NewPCG(1, 2))
		r.Shuffle(len(sums), func(i, j int) { sums[i], sums[j] = sums[j], sums[i] })
		sums = sums[:n]
	}
	for _, sm := range sums {
		a, _ := src.Agreement(sm.ID)
		b, err := dst.AgreementByNumber(a.Number)
		if err != nil {
			t.Fatalf("%s did not arrive: %v", a.Number, err)
		}
		if b.Department != dept {
			t.Errorf("%s: department %q, want %q", a.Number, b.Department, dept)
		}
		for i := range a.PartnerIDs {
			x, y := sp[a.PartnerIDs[i]], dp[b.PartnerIDs[i]]
			if x.TaxID != y.TaxID || x.Name != y.Name {
				t.Errorf("%s: partner %d is %s/%s, was %s/%s", a.Number, i, y.Name, y.TaxID, x.Name, x.TaxID)
			}
		}
		// Take the new IDs over, then everything else must be equal.
		a.ID, a.Department, a.PartnerIDs = b.ID, b.Department, b.PartnerIDs
		a.Responsibilities, a.Resources, a.Coordinators = b.Responsibilities, b.Resources, b.Coordinators
		if a.PredecessorID != 0 {
			a.PredecessorID = b.PredecessorID
		}
		if a.SuccessorID != 0 {
			a.SuccessorID = b.SuccessorID
		}
		for i := range a.Attachments {
			a.Attachments[i].ID = b.Attachments[i].ID
		}
		if !reflect.DeepEqual(utc(a), utc(b)) {
			t.Errorf("%s differs after the move:\nfile   %+v\nserver %+v", a.Number, a, b)
		}
		for i, att := range b.Attachments {
			if data, err := dst.AttachmentData(b.ID, att.ID); err != nil || int64(len(data)) != att.Size {
				t.Errorf("%s: attachment %d: %v", a.Number, i, err)
			}
		}
	}
	return len(sums)
}

func utc(a model.Agreement) model.Agreement {
	a.Created, a.Updated = a.Created.UTC(), a.Updated.UTC()
	a.Attachments = slices.Clone(a.Attachments)
	for i := range a.Attachments {
		a.Attachments[i].Added = a.Attachments[i].Added.UTC()
	}
	return a
}

func TestMoveFileFieldByField(t *testing.T) {
	db := pgtest.Need(t).NewDB(t, store.NumbersPerDepartment)
	db.AddDepartment(t, "econ", "Экономика")
	db.AddPerson(t, "econ", "econ", store.RoleSecretary)
	src := demoStore(t, 60, 240)
	dst := db.Open(t, "econ", store.Options{})
	rep, err := store.MoveFile(src, dst, "econ", false)
	if err != nil {
		t.Fatal(err)
	}
	want, _ := src.Counts()
	got, _ := dst.Counts()
	// The institution's own history stays with the file: the server has
	// its own institution.
	inst, _ := src.History(model.EntityInstitution, 0)
	if got.Partners != want.Partners || got.Agreements != want.Agreements || got.Attachments != want.Attachments ||
		rep.History != want.History-len(inst) || got.History != rep.History {
		t.Errorf("file %+v, server %+v, history moved %d", want, got, rep.History)
	}
	compareMoved(t, src, dst, "econ", 0)
	if err := dst.Check(); err != nil {
		t.Error(err)
	}
	// The same file again into the same department: every number clashes,
	// nothing moves.
	rep, err = store.MoveFile(src, dst, "econ", false)
	if err == nil || len(rep.Clashes) != want.Agreements || rep.Moved {
		t.Fatalf("a second move: %v, %d clashes", err, len(rep.Clashes))
	}
	again, _ := dst.Counts()
	if again != got {
		t.Errorf("the refused move changed the server: %+v → %+v", got, again)
	}
}

// BenchmarkLoad is the load test, run once whatever b.N is: 10,000
// partners and 50,000 agreements moved in from the demo file (timed,
// compared field by field on a sample), the open to first list, then 20
// clients saving at once. It takes minutes; figures in BENCHMARKS.md:
//
//	CGO_ENABLED=0 go test -run '^$' -bench Load -benchtime 1x -timeout 40m ./model/store/pgtest/
func BenchmarkLoad(b *testing.B) {
	db := pgtest.Need(b).NewDB(b, store.NumbersPerUniversity)
	for i := range 20 {
		db.AddPerson(b, fmt.Sprintf("c%02d", i), "office", store.RoleOffice)
	}
	src, err := store.Open(storetest.BenchFile(b, 10000, 50000), store.Options{ReadOnly: true})
	if err != nil {
		b.Fatal(err)
	}
	defer src.Close()
	office := db.Open(b, "office", store.Options{})
	start := time.Now()
	rep, err := store.MoveFile(src, office, "", false)
	if err != nil {
		b.Fatal(err)
	}
	moved := time.Since(start)
	sampled := compareMoved(b, src, office, "", 500)
	b.Logf("migrate-from: %d partners, %d agreements, %d attachments, %d history entries in %.1f s; %d agreements compared field by field",
		rep.Partners, rep.Agreements, rep.Attachments, rep.History, moved.Seconds(), sampled)
	b.ReportMetric(moved.Seconds(), "migrate-s")
	var opens []time.Duration
	for range 3 {
		start = time.Now()
		s, err := store.OpenURL(db.URL("c00"), store.Options{})
		if err != nil {
			b.Fatal(err)
		}
		if _, _, _, err := s.ListData(); err != nil {
			b.Fatal(err)
		}
		opens = append(opens, time.Since(start))
		s.Close()
	}
	b.Logf("open to first list: %v", opens)
	slices.Sort(opens)
	b.ReportMetric(float64(opens[1].Milliseconds()), "open-ms")
	p95 := loadClients(b, db, 20, 150)
	b.ReportMetric(p95, "save-p95-ms")
}

// loadClients runs clients that each save perSave times: most saves on
// agreements of their own share, one in ten on a small shared set where
// clients collide. Every acknowledged save must be there afterwards.
func loadClients(t testing.TB, db *pgtest.DB, clients, perClient int) float64 {
	s0 := db.Open(t, "office", store.Options{})
	sums, _ := s0.Summaries()
	hot := sums[:20]
	startRev := map[model.ID]uint64{}
	for _, sm := range hot {
		a, _ := s0.Agreement(sm.ID)
		startRev[a.ID] = a.Rev
	}
	type result struct {
		lat       []time.Duration
		own       map[model.ID]string // last acknowledged note per own agreement
		hotSaves  int
		conflicts int
		err       error
	}
	results := make([]result, clients)
	var wg sync.WaitGroup
	for c := range clients {
		wg.Add(1)
		go func() {
			defer wg.Done()
			res := &results[c]
			res.own = map[model.ID]string{}
			s, err := store.OpenURLWith(db.URL(fmt.Sprintf("c%02d", c)), store.Options{}, store.ServerOptions{MaxConns: 2})
			if err != nil {
				res.err = err
				return
			}
			defer s.Close()
			r := rand.New(rand.NewPCG(uint64(c), 9))
			for i := range perClient {
				var id model.ID
				isHot := i%10 == 0
				if isHot {
					id = hot[r.IntN(len(hot))].ID
				} else {
					id = sums[20+c+clients*r.IntN((len(sums)-40)/clients)].ID
				}
				a, err := s.Agreement(id)
				if err != nil {
					res.err = err
					return
				}
				note := fmt.Sprintf("c%02d-%d", c, i)
				a.Notes = note
				t0 := time.Now()
				err = s.SaveAgreement(&a)
				res.lat = append(res.lat, time.Since(t0))
				switch {
				case err == nil && isHot:
					res.hotSaves++
				case err == nil:
					res.own[id] = note
				case isHot && errorsIsConflict(err):
					res.conflicts++
				default:
					res.err = err
					return
				}
			}
		}()
	}
	wg.Wait()
	var all []time.Duration
	hotSaves, conflicts := 0, 0
	for c, res := range results {
		if res.err != nil {
			t.Fatalf("client %d: %v", c, res.err)
		}
		all = append(all, res.lat...)
		hotSaves += res.hotSaves
		conflicts += res.conflicts
		for id, note := range res.own {
			a, _ := s0.Agreement(id)
			if a.Notes != note {
				t.Errorf("client %d's last save of %d lost: %q, want %q", c, id, a.Notes, note)
			}
		}
	}
	revs := 0
	for id, rev := range startRev {
		a, _ := s0.Agreement(id)
		revs += int(a.Rev - rev)
	}
	if revs != hotSaves {
		t.Errorf("shared agreements: %d saves acknowledged, %d revisions added", hotSaves, revs)
	}
	sort.Slice(all, func(i, j int) bool { return all[i] < all[j] })
	pct := func(p float64) float64 { return float64(all[int(p*float64(len(all)-1))].Microseconds()) / 1000 }
	t.Logf("%d clients, %d saves: p50 %.1f ms, p95 %.1f ms, p99 %.1f ms, max %.1f ms; shared set: %d saved, %d refused as stale, 0 lost",
		clients, len(all), pct(0.5), pct(0.95), pct(0.99), pct(1), hotSaves, conflicts)
	return pct(0.95)
}

func errorsIsConflict(err error) bool {
	var ce *store.ConflictError
	return errorsAs(err, &ce)
}

func errorsAs(err error, target any) bool { return errors.As(err, target) }
