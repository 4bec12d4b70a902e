package backup

import (
	"errors"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/partnerdesk/partnerdesk/model/store"
	"github.com/partnerdesk/partnerdesk/model/store/storetest"
)

func TestNamesRoundTripAndRejectOthers(t *testing.T) {
	at := time.Date(2026, 11, 28, 4, 30, 15, 123e6, time.UTC)
	name := nameFor("/x/partnerdesk.db", at, KindImport)
	if name != "partnerdesk-2026-11-28T043015.123Z-import.db" || strings.ContainsAny(name, `:\/*?"<>|`) {
		t.Fatalf("name %q", name)
	}
	got, k, ok := parseName("/y/partnerdesk.db", name)
	if !ok || !got.Equal(at) || k != KindImport {
		t.Fatalf("parse: %v %v %v", got, k, ok)
	}
	for _, other := range []string{
		"partnerdesk.db",
		"partnerdesk-old.db",
		"partnerdesk-old-2026-11-28T043015.123Z-daily.db",
		"partnerdesk-2026-11-28T043015.123Z-weekly.db",
		"partnerdesk-2026-11-28T043015.123Z-daily.db.bak",
		".partnerdesk-2026-11-28T043015.123Z-daily.db.123.tmp",
		"partnerdesk-2026-13-28T043015.123Z-daily.db",
		"register-2026-11-28T043015.123Z-daily.db",
	} {
		if _, _, ok := parseName("partnerdesk.db", other); ok {
			t.Errorf("%q taken for a backup of partnerdesk.db", other)
		}
	}
	if _, _, ok := parseName("partnerdesk-old.db", "partnerdesk-old-2026-11-28T043015.123Z-daily.db"); !ok {
		t.Error("backups of partnerdesk-old.db not recognised")
	}
}

func TestTakeWritesAVerifiedPrivateCopy(t *testing.T) {
	e := newEnv(t)
	defer e.close()
	e.save()
	e.save()
	b, err := e.set.Take(e.st, KindManual)
	if err != nil {
		t.Fatal(err)
	}
	if filepath.Dir(b.Path) != filepath.Join(filepath.Dir(e.path), "backups") || b.Kind != KindManual || !b.Time.Equal(e.clock.T) {
		t.Errorf("backup %+v", b)
	}
	st, err := os.Stat(b.Path)
	if err != nil || st.Mode().Perm() != 0o600 || st.Size() != b.Size {
		t.Fatalf("backup file: %v %v", st, err)
	}
	info := Inspect(b)
	if info.Err != nil || info.Counts != e.counts() || info.Schema != store.SchemaVersion {
		t.Fatalf("backup reads back as %+v, want %+v", info, e.counts())
	}
	if names := files(t, e.set.Dir()); len(names) != 1 {
		t.Errorf("backup folder holds %v, want the backup only", names)
	}
	// A second backup in the same millisecond gets its own name.
	b2, err := e.set.Take(e.st, KindManual)
	if err != nil || b2.Path == b.Path {
		t.Fatalf("second backup: %v %v", b2.Path, err)
	}
}

// Backups taken while another goroutine saves are each a whole, checked
// state of the file: between what the file held before and after the
// backup, with every agreement's partner in it.
func TestTakeWhileSaving(t *testing.T) {
	e := newEnv(t)
	defer e.close()
	e.save()
	stop := make(chan struct{})
	saved := make(chan struct{}, 1)
	errs := make(chan error, 1)
	var wg sync.WaitGroup
	wg.Go(func() {
		for n := 0; ; n++ {
			select {
			case <-stop:
				return
			default:
			}
			if err := saveTwo(e.st, n); err != nil {
				errs <- err
				return
			}
			select {
			case saved <- struct{}{}:
			default:
			}
		}
	})
	var taken []Info
	last := 0
	for range 5 {
		// At least one save between two backups.
		for e.counts().Agreements <= last {
			select {
			case <-saved:
			case err := <-errs:
				t.Fatal(err)
			case <-time.After(time.Minute):
				t.Fatal("no save for a minute")
			}
		}
		before := e.counts()
		b, err := e.set.Take(e.st, KindManual)
		if err != nil {
			t.Fatal(err)
		}
		after := e.counts()
		info := Inspect(b)
		if info.Err != nil {
			t.Fatalf("backup %s: %v", b.Path, info.Err)
		}
		c := info.Counts
		if c.Partners < before.Partners || c.Partners > after.Partners || c.Agreements < before.Agreements || c.Agreements > after.Agreements {
			t.Errorf("backup holds %+v; the file held %+v before and %+v after", c, before, after)
		}
		taken = append(taken, info)
		last = c.Agreements
	}
	close(stop)
	storetest.WaitTimeout(t, &wg, time.Minute)
	select {
	case err := <-errs:
		t.Fatal(err)
	default:
	}
	for i := 1; i < len(taken); i++ {
		if taken[i].Counts.Agreements <= taken[i-1].Counts.Agreements {
			t.Errorf("backup %d holds %d agreements, backup %d before it %d: saves in between are missing", i, taken[i].Counts.Agreements, i-1, taken[i-1].Counts.Agreements)
		}
	}
	if names := files(t, e.set.Dir()); len(names) != len(taken) {
		t.Errorf("backup folder holds %v, want %d backups", names, len(taken))
	}
}

// saveTwo adds a partner and an agreement naming it in one transaction,
// returning the error instead of failing the test (it runs in a
// goroutine).
func saveTwo(st *store.Store, n int) error {
	return st.Update(func(tx *store.Tx) error {
		p := storetest.FullPartner("Сохранение "+strconv.Itoa(n), "")
		if err := tx.SavePartner(&p); err != nil {
			return err
		}
		a := storetest.FullAgreement("СС-"+strconv.Itoa(n), p.ID)
		return tx.SaveAgreement(&a)
	})
}

func TestFailingBackupIsDeletedAndReported(t *testing.T) {
	e := newEnv(t)
	defer e.close()
	e.save()
	testHookWritten = func(tmp string) {
		// Damage the copy between writing and checking.
		if err := os.Truncate(tmp, 3*4096); err != nil {
			t.Fatal(err)
		}
	}
	defer func() { testHookWritten = nil }()
	_, err := e.set.Take(e.st, KindDaily)
	var ve *VerifyError
	if !errors.As(err, &ve) || !errors.Is(err, store.ErrDamaged) {
		t.Fatalf("Take of a copy that goes bad: %v", err)
	}
	if names := files(t, e.set.Dir()); len(names) != 0 {
		t.Errorf("failed backup left %v behind", names)
	}
}

func TestDailyOncePerLocalDay(t *testing.T) {
	e := newEnv(t)
	defer e.close()
	if _, took, err := e.set.Daily(e.st); took || err != nil {
		t.Fatalf("daily backup of an empty file: %v %v", took, err)
	}
	e.save()
	e.clock.T = time.Date(2026, 11, 28, 0, 30, 0, 0, almaty) // 27.11 19:30 UTC
	b1, took, err := e.set.Daily(e.st)
	if !took || err != nil {
		t.Fatalf("first daily: %v %v", took, err)
	}
	e.clock.T = time.Date(2026, 11, 28, 23, 50, 0, 0, almaty) // 28.11 18:50 UTC
	if b, took, err := e.set.Daily(e.st); took || err != nil || b.Path != b1.Path {
		t.Fatalf("second daily on the same local day: %v %v", took, err)
	}
	e.clock.T = time.Date(2026, 11, 29, 0, 10, 0, 0, almaty) // still 28.11 in UTC
	if _, took, err := e.set.Daily(e.st); !took || err != nil {
		t.Fatalf("daily on the next local day: %v %v", took, err)
	}
	// Other kinds do not count as today's daily backup.
	e.clock.Advance(24 * time.Hour)
	if _, err := e.set.BeforeImport(e.st); err != nil {
		t.Fatal(err)
	}
	if _, took, _ := e.set.Daily(e.st); !took {
		t.Error("an import backup stood in for the daily one")
	}
}

func TestCleanTempRemovesOnlyOurLeftovers(t *testing.T) {
	e := newEnv(t)
	defer e.close()
	e.save()
	if err := os.MkdirAll(e.set.Dir(), 0o700); err != nil {
		t.Fatal(err)
	}
	ours := []string{
		filepath.Join(e.set.Dir(), ".partnerdesk-2026-11-28T043015.123Z-daily.db.4711.tmp"),
		filepath.Join(filepath.Dir(e.path), ".partnerdesk.db.815.tmp"),
	}
	theirs := []string{
		filepath.Join(e.set.Dir(), ".register-2026-11-28T043015.123Z-daily.db.4711.tmp"),
		filepath.Join(e.set.Dir(), "notes.txt"),
		filepath.Join(filepath.Dir(e.path), ".register.xlsx.99.tmp"),
	}
	for _, p := range append(ours, theirs...) {
		if err := os.WriteFile(p, []byte("half"), 0o600); err != nil {
			t.Fatal(err)
		}
	}
	if list, _ := e.set.List(); len(list) != 0 {
		t.Fatalf("List shows temporary files: %v", list)
	}
	_, took, err := e.set.Daily(e.st)
	if !took || err != nil {
		t.Fatal(took, err)
	}
	for _, p := range ours {
		if _, err := os.Stat(p); !errors.Is(err, os.ErrNotExist) {
			t.Errorf("leftover %s not removed", p)
		}
	}
	for _, p := range theirs {
		if _, err := os.Stat(p); err != nil {
			t.Errorf("%s removed: %v", p, err)
		}
	}
}

func TestBeforeMigrateCopiesTheUnchangedFile(t *testing.T) {
	e := newEnv(t)
	e.save()
	e.close()
	before := sum(t, e.path)
	// store.Open calls the hook with the file open and unchanged.
	e.open()
	defer e.close()
	if err := e.set.BeforeMigrate(1, 2); err != nil {
		t.Fatal(err)
	}
	list, _ := e.set.List()
	if len(list) != 1 || list[0].Kind != KindUpgrade || sum(t, list[0].Path) != before {
		t.Fatalf("upgrade backup: %+v", list)
	}
	// A backup that cannot be written stops the migration.
	bad := New(filepath.Join(t.TempDir(), "x.db"), Options{})
	if err := os.WriteFile(bad.Dir(), nil, 0o600); err != nil {
		t.Fatal(err)
	}
	if err := bad.BeforeMigrate(1, 2); err == nil {
		t.Error("BeforeMigrate without a backup folder succeeded")
	}
}

// FuzzParseName: whatever files lie in the backup folder, parsing their
// names never panics, and a name taken for a backup is exactly the name
// that backup gets.
func FuzzParseName(f *testing.F) {
	f.Add("partnerdesk-2026-11-28T043015.123Z-daily.db")
	f.Add("partnerdesk-2026-11-28T043015.123Z-upgrade.db")
	f.Add(".partnerdesk-2026-11-28T043015.123Z-daily.db.1.tmp")
	f.Add("partnerdesk.db.damaged-2026-11-28T093015")
	f.Fuzz(func(t *testing.T, name string) {
		at, k, ok := parseName("/data/partnerdesk.db", name)
		if ok && nameFor("/data/partnerdesk.db", at, k) != name {
			t.Fatalf("%q parsed as %v %s, which is named %q", name, at, k, nameFor("/data/partnerdesk.db", at, k))
		}
	})
}
