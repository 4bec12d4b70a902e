package backup

import (
	"errors"
	"os"
	"path/filepath"
	"slices"
	"testing"
	"time"

	"github.com/partnerdesk/partnerdesk/model/store"
)

func TestRestoreBacksUpTheCurrentFileFirst(t *testing.T) {
	e := newEnv(t)
	first := e.save()
	b, err := e.set.Manual(e.st)
	if err != nil {
		t.Fatal(err)
	}
	e.clock.Advance(time.Hour)
	later := e.save()
	before := e.counts()
	// The store must be closed: Restore refuses while it is open.
	if _, err := e.set.Restore(b.Path); !errors.Is(err, store.ErrLocked) {
		t.Fatalf("Restore with the store open: %v", err)
	}
	e.close()
	current := sum(t, e.path)
	r, err := e.set.Restore(b.Path)
	if err != nil {
		t.Fatal(err)
	}
	if r.Damaged || r.From.Path != b.Path || r.Saved == "" {
		t.Fatalf("restored: %+v", r)
	}
	// The replaced file is a verified backup of kind restore, byte for byte.
	saved, _ := e.set.At(r.Saved)
	if saved.Kind != KindRestore || sum(t, r.Saved) != current || Inspect(saved).Counts != before {
		t.Errorf("the replaced file was not kept: %+v", saved)
	}
	if sum(t, e.path) != held(t, b.Path) {
		t.Error("the data file is not the backup")
	}
	e.open()
	defer e.close()
	if _, err := e.st.Agreement(first); err != nil {
		t.Errorf("agreement of the backup: %v", err)
	}
	if _, err := e.st.Agreement(later); !errors.Is(err, store.ErrNotFound) {
		t.Errorf("agreement saved after the backup: %v", err)
	}
	if names := files(t, e.set.Dir()); len(names) != 2 {
		t.Errorf("backup folder: %v", names)
	}
}

func TestRestoreRefusesADamagedBackup(t *testing.T) {
	e := newEnv(t)
	e.save()
	b, err := e.set.Manual(e.st)
	if err != nil {
		t.Fatal(err)
	}
	e.close()
	raw, _ := os.ReadFile(b.Path)
	if err := os.WriteFile(b.Path, raw[:len(raw)/2], 0o600); err != nil {
		t.Fatal(err)
	}
	before := sum(t, e.path)
	if _, err := e.set.Restore(b.Path); !errors.Is(err, store.ErrDamaged) {
		t.Fatalf("Restore of a damaged backup: %v", err)
	}
	if sum(t, e.path) != before {
		t.Error("the data file changed")
	}
	if names := files(t, e.set.Dir()); !slices.Equal(names, []string{ourName(b)}) {
		t.Errorf("backup folder: %v", names)
	}
}

func ourName(b Backup) string {
	return filepath.Base(b.Path)
}

func TestRestoreIntoAMissingFile(t *testing.T) {
	e := newEnv(t)
	e.save()
	b, err := e.set.Manual(e.st)
	if err != nil {
		t.Fatal(err)
	}
	e.close()
	if err := os.Remove(e.path); err != nil {
		t.Fatal(err)
	}
	r, err := e.set.Restore(b.Path)
	if err != nil || r.Saved != "" {
		t.Fatalf("restore without a data file: %+v %v", r, err)
	}
	if sum(t, e.path) != held(t, b.Path) {
		t.Error("the data file is not the backup")
	}
}

func TestListInfoAndNewestGood(t *testing.T) {
	e := newEnv(t)
	e.save()
	old, _ := e.set.Manual(e.st)
	e.clock.Advance(time.Hour)
	e.save()
	newest, _ := e.set.Manual(e.st)
	e.close()
	infos, err := e.set.ListInfo()
	if err != nil || len(infos) != 2 || infos[0].Path != newest.Path || infos[0].Counts.Agreements != 2 || infos[1].Counts.Agreements != 1 {
		t.Fatalf("ListInfo: %+v %v", infos, err)
	}
	// The newest backup goes bad on disk: the older one is the newest good.
	if err := os.Truncate(newest.Path, 2*4096); err != nil {
		t.Fatal(err)
	}
	good, ok, err := e.set.NewestGood()
	if !ok || err != nil || good.Path != old.Path {
		t.Fatalf("NewestGood: %+v %v %v", good, ok, err)
	}
}
