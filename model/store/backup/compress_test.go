package backup

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/partnerdesk/partnerdesk/model"
	"github.com/partnerdesk/partnerdesk/model/demo"
	"github.com/partnerdesk/partnerdesk/model/store"
	"github.com/partnerdesk/partnerdesk/model/store/storetest"
)

// demoEnv is an env whose file holds demo data (attachments included).
func demoEnv(t *testing.T) *env {
	t.Helper()
	e := newEnv(t)
	d := demo.Generate(demo.Options{Seed: 3, Partners: 30, Agreements: 90, Today: model.MustDate("28.11.2026")})
	if err := e.st.AddNew(d, 30, nil); err != nil {
		t.Fatal(err)
	}
	return e
}

func dump(t *testing.T, st *store.Store) storetest.Dump {
	t.Helper()
	d, err := storetest.TakeDump(st)
	if err != nil {
		t.Fatal(err)
	}
	return d
}

// sameRecords compares two dumps record by record through their JSON.
func sameRecords(t *testing.T, got, want storetest.Dump) {
	t.Helper()
	js := func(v any) string {
		b, err := json.Marshal(v)
		if err != nil {
			t.Fatal(err)
		}
		return string(b)
	}
	if got.Counts != want.Counts || len(got.Agreements) != len(want.Agreements) || len(got.Partners) != len(want.Partners) {
		t.Fatalf("counts %+v, want %+v", got.Counts, want.Counts)
	}
	for i := range want.Partners {
		if js(got.Partners[i]) != js(want.Partners[i]) {
			t.Errorf("partner %d differs:\n%s\n%s", want.Partners[i].ID, js(got.Partners[i]), js(want.Partners[i]))
		}
	}
	for i := range want.Agreements {
		if js(got.Agreements[i]) != js(want.Agreements[i]) {
			t.Errorf("agreement %s differs:\n%s\n%s", want.Agreements[i].Number, js(got.Agreements[i]), js(want.Agreements[i]))
		}
	}
	for _, part := range []struct {
		name      string
		got, want any
	}{{"institution", got.Institution, want.Institution}, {"history", got.History, want.History}, {"attachments", got.Attachments, want.Attachments}} {
		if js(part.got) != js(part.want) {
			t.Errorf("%s differs", part.name)
		}
	}
}

// TestCompressedBackupRoundTrip: data file → compressed backup → restore
// gives every record back, field for field; the backup is named .db.zst,
// is far smaller than the file, and is listed without decompressing.
func TestCompressedBackupRoundTrip(t *testing.T) {
	e := demoEnv(t)
	want := dump(t, e.st)
	b, err := e.set.Manual(e.st)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.HasSuffix(b.Path, "-manual.db.zst") {
		t.Errorf("backup name %s", filepath.Base(b.Path))
	}
	data, _ := os.Stat(e.path)
	if b.Size <= 0 || b.Size*4 > data.Size() {
		t.Errorf("compressed backup %d bytes, data file %d: want at most a quarter", b.Size, data.Size())
	}
	infos, err := e.set.ListInfo()
	if err != nil || len(infos) != 1 || infos[0].Err != nil || infos[0].Counts != want.Counts || infos[0].Schema != store.SchemaVersion {
		t.Fatalf("ListInfo: %+v %v", infos, err)
	}
	// Change everything after the backup, then go back.
	e.save()
	e.close()
	if _, err := e.set.Restore(b.Path); err != nil {
		t.Fatal(err)
	}
	e.open()
	defer e.close()
	if err := e.st.Check(); err != nil {
		t.Fatal(err)
	}
	sameRecords(t, dump(t, e.st), want)
}

// TestUncompressedBackupsStillRestore: a backup written before backups
// were compressed (a plain copy of the data file) is listed, checked and
// restored as before, and File → Back up to a ".db" name still writes one.
func TestUncompressedBackupsStillRestore(t *testing.T) {
	e := demoEnv(t)
	want := dump(t, e.st)
	if err := os.MkdirAll(e.set.Dir(), 0o700); err != nil {
		t.Fatal(err)
	}
	old := filepath.Join(e.set.Dir(), nameFor(e.path, e.clock.Now(), KindDaily))
	n, counts, err := TakeTo(e.st, old)
	if err != nil || counts != want.Counts {
		t.Fatal(counts, err)
	}
	if fi, _ := os.Stat(old); fi.Size() != n {
		t.Errorf("plain backup: %d bytes, %d written", fi.Size(), n)
	}
	e.clock.Advance(time.Minute)
	e.save()
	e.close()
	infos, err := e.set.ListInfo()
	if err != nil || len(infos) != 1 || infos[0].Err != nil || infos[0].Counts != want.Counts {
		t.Fatalf("ListInfo: %+v %v", infos, err)
	}
	if _, err := e.set.Restore(old); err != nil {
		t.Fatal(err)
	}
	e.open()
	defer e.close()
	sameRecords(t, dump(t, e.st), want)
}

// TestDamagedCompressedBackupIsRefused: a compressed backup with a
// flipped byte in its data fails its check and is not restored.
func TestDamagedCompressedBackupIsRefused(t *testing.T) {
	e := demoEnv(t)
	b, err := e.set.Manual(e.st)
	if err != nil {
		t.Fatal(err)
	}
	e.close()
	raw, _ := os.ReadFile(b.Path)
	raw[len(raw)/2] ^= 0x10
	if err := os.WriteFile(b.Path, raw, 0o600); err != nil {
		t.Fatal(err)
	}
	if info := Inspect(b); info.Err == nil {
		t.Fatal("a damaged compressed backup passed its check")
	}
	if _, ok, _ := e.set.NewestGood(); ok {
		t.Error("NewestGood chose the damaged backup")
	}
	before := sum(t, e.path)
	if _, err := e.set.Restore(b.Path); err == nil {
		t.Fatal("a damaged compressed backup was restored")
	}
	if sum(t, e.path) != before {
		t.Error("the data file changed")
	}
}
