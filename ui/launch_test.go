package ui

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"github.com/partnerdesk/partnerdesk/model"
	"github.com/partnerdesk/partnerdesk/model/demo"
	"github.com/partnerdesk/partnerdesk/model/store"
	"github.com/partnerdesk/partnerdesk/model/store/backup"
	"github.com/partnerdesk/partnerdesk/model/store/storetest"
)

// A damaged data file is explained, not written to, and the newest good
// backup restores with one click; the damaged file is kept aside.
func TestLaunchRestoresDamagedFile(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "partnerdesk.db")
	st, err := store.Open(path, store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	if err := st.AddNew(demo.Generate(demo.Options{Seed: 4, Partners: 10, Agreements: 25, Today: testToday}), 100, nil); err != nil {
		t.Fatal(err)
	}
	if _, err := backup.New(path, backup.Options{}).Manual(st); err != nil {
		t.Fatal(err)
	}
	st.Close()
	garbage := []byte(strings.Repeat("not a database ", 5000))
	if err := os.WriteFile(path, garbage, 0o600); err != nil {
		t.Fatal(err)
	}

	a := test.NewTempApp(t)
	w := a.NewWindow("")
	closeStore := Launch(a, w, path, Options{Today: func() model.Date { return testToday }, Language: "en"})
	defer closeStore()
	got := strings.Join(texts(w.Content()), "\n")
	if !strings.Contains(got, "is damaged") || !strings.Contains(got, "25 agreements") {
		t.Fatalf("no diagnosis:\n%s", got)
	}
	if data, _ := os.ReadFile(path); string(data) != string(garbage) {
		t.Fatal("the damaged file was written to")
	}
	restore := findButton(w.Content(), "Restore the newest good backup")
	if restore == nil {
		t.Fatal("no restore button")
	}
	test.Tap(restore)
	if !contains(texts(w.Content()), "Dashboard") {
		t.Fatalf("the app did not open after the restore: %v", texts(w.Content()))
	}
	kept, _ := filepath.Glob(filepath.Join(dir, "partnerdesk.db.damaged-*"))
	if len(kept) != 1 {
		t.Fatalf("damaged file kept aside: %v", kept)
	}
	if data, _ := os.ReadFile(kept[0]); string(data) != string(garbage) {
		t.Error("the file kept aside is not the damaged one")
	}
}

// A sound file opens, the daily backup is taken in the background, and
// the backups section of Settings → Data lists both backups (the one taken by hand before and
// the daily one), each with its kind, its counts and a Restore button.
func TestLaunchOpensAndListsBackups(t *testing.T) {
	path := filepath.Join(t.TempDir(), "partnerdesk.db")
	st, err := store.Open(path, store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	if err := st.AddNew(demo.Generate(demo.Options{Seed: 5, Partners: 3, Agreements: 7, Today: testToday}), 100, nil); err != nil {
		t.Fatal(err)
	}
	if _, err := backup.New(path, backup.Options{}).Manual(st); err != nil {
		t.Fatal(err)
	}
	st.Close()
	a := test.NewTempApp(t)
	w := a.NewWindow("")
	w.Resize(fyne.NewSize(1280, 800))
	l := launch(a, w, path, Options{Today: func() model.Date { return testToday }, Language: "en"})
	defer l.close()
	if !contains(texts(w.Content()), "Dashboard") {
		t.Fatalf("not opened: %v", texts(w.Content()))
	}
	storetest.WaitTimeout(t, &l.u.busy, time.Minute) // the daily backup
	// The backups section of Settings → Data, built on its own: opening
	// the whole screen here would race with the list's loading, which
	// Fyne's test driver runs on the loading goroutine (the real app
	// runs it on the interface goroutine).
	box := l.u.backupsBox()
	storetest.WaitTimeout(t, &l.u.busy, time.Minute) // the list is read in the background
	var rows []string
	for _, s := range texts(box) {
		if strings.Contains(s, " · ") {
			rows = append(rows, s)
		}
	}
	if len(rows) != 2 {
		t.Fatalf("backups listed: %q\nsection: %q", rows, texts(box))
	}
	kinds := map[string]bool{}
	for _, r := range rows {
		if !strings.Contains(r, "3 partners, 7 agreements") {
			t.Errorf("row %q lacks the counts", r)
		}
		for _, k := range []string{"by hand", "daily"} {
			if strings.Contains(r, " · "+k+" · ") {
				kinds[k] = true
			}
		}
	}
	if !kinds["by hand"] || !kinds["daily"] {
		t.Errorf("rows %q: want one taken by hand and one daily", rows)
	}
	restores := 0
	for _, s := range texts(box) {
		if s == "Restore" {
			restores++
		}
	}
	if restores != 2 {
		t.Errorf("%d Restore buttons for 2 good backups", restores)
	}
}

// A file whose only damage is one changed record is named in the
// diagnosis, and one click takes the record back from the backup: the app
// opens with the record as it was.
func TestLaunchRepairsDamagedRecord(t *testing.T) {
	path := filepath.Join(t.TempDir(), "partnerdesk.db")
	st, err := store.Open(path, store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	if err := st.AddNew(demo.Generate(demo.Options{Seed: 4, Partners: 10, Agreements: 25, Today: testToday}), 100, nil); err != nil {
		t.Fatal(err)
	}
	want, err := st.Partner(1)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := backup.New(path, backup.Options{}).Manual(st); err != nil {
		t.Fatal(err)
	}
	st.Close()
	raw, _ := os.ReadFile(path)
	n := 0
	for off := 0; ; n++ {
		i := strings.Index(string(raw[off:]), `"tax_id":"`+want.TaxID)
		if i < 0 {
			break
		}
		raw[off+i+12] ^= 0x01 // one digit of the BIN changes
		off += i + 1
	}
	if n == 0 {
		t.Fatal("the partner's BIN is not in the file")
	}
	if err := os.WriteFile(path, raw, 0o600); err != nil {
		t.Fatal(err)
	}

	a := test.NewTempApp(t)
	w := a.NewWindow("")
	closeStore := Launch(a, w, path, Options{Today: func() model.Date { return testToday }, Language: "en"})
	got := strings.Join(texts(w.Content()), "\n")
	if !strings.Contains(got, "Only 1 record(s) are damaged") {
		t.Fatalf("no repair offered:\n%s", got)
	}
	repair := findButton(w.Content(), "Repair the damaged records")
	if repair == nil {
		t.Fatal("no repair button")
	}
	test.Tap(repair)
	if !contains(texts(w.Content()), "Dashboard") {
		t.Fatalf("the app did not open after the repair: %v", texts(w.Content()))
	}
	closeStore()
	if _, err := store.Inspect(path); err != nil {
		t.Fatalf("after the repair: %v", err)
	}
	st, err = store.Open(path, store.Options{ReadOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	if got, err := st.Partner(1); err != nil || got.TaxID != want.TaxID {
		t.Errorf("the repaired partner's BIN: %q %v, want %q", got.TaxID, err, want.TaxID)
	}
}
