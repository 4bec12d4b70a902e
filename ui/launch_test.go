package ui

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"

	"github.com/partnerdesk/partnerdesk/model"
	"github.com/partnerdesk/partnerdesk/model/demo"
	"github.com/partnerdesk/partnerdesk/model/store"
	"github.com/partnerdesk/partnerdesk/model/store/backup"
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
	if err := demo.Load(st, demo.Generate(demo.Options{Seed: 4, Partners: 10, Agreements: 25, Today: testToday}), 100, nil); err != nil {
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

// A sound file opens and Settings lists its backups (the daily one runs in
// the background after the window shows).
func TestLaunchOpensAndListsBackups(t *testing.T) {
	path := filepath.Join(t.TempDir(), "partnerdesk.db")
	st, _ := store.Open(path, store.Options{})
	in := demo.Institution()
	st.SaveInstitution(&in)
	if _, err := backup.New(path, backup.Options{}).Manual(st); err != nil {
		t.Fatal(err)
	}
	st.Close()
	a := test.NewTempApp(t)
	w := a.NewWindow("")
	closeStore := Launch(a, w, path, Options{Today: func() model.Date { return testToday }, Language: "en"})
	defer closeStore()
	if !contains(texts(w.Content()), "Dashboard") {
		t.Fatalf("not opened: %v", texts(w.Content()))
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
	if err := demo.Load(st, demo.Generate(demo.Options{Seed: 4, Partners: 10, Agreements: 25, Today: testToday}), 100, nil); err != nil {
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
