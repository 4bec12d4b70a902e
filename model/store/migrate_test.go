package store_test

import (
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"reflect"
	"strconv"
	"strings"
	"testing"

	bolt "go.etcd.io/bbolt"

	"github.com/partnerdesk/partnerdesk/model/store"
	"github.com/partnerdesk/partnerdesk/model/store/storetest"
)

// fixtures returns the schema fixtures in testdata by format version. Each
// was made by the release that introduced its format (internal/mkfixture)
// and is never regenerated.
func fixtures(t *testing.T) map[int]string {
	t.Helper()
	paths, err := filepath.Glob(filepath.Join("testdata", "schema-*.db"))
	if err != nil {
		t.Fatal(err)
	}
	out := map[int]string{}
	for _, p := range paths {
		v, err := strconv.Atoi(strings.TrimSuffix(strings.TrimPrefix(filepath.Base(p), "schema-"), ".db"))
		if err != nil {
			t.Fatalf("fixture %s: %v", p, err)
		}
		out[v] = p
	}
	for v := 1; v <= store.SchemaVersion; v++ {
		if out[v] == "" {
			t.Errorf("no fixture for format %d: run go generate ./model/store with the release that introduced it", v)
		}
	}
	return out
}

func copyFile(t *testing.T, src, dst string) {
	t.Helper()
	in, err := os.Open(src)
	if err != nil {
		t.Fatal(err)
	}
	defer in.Close()
	out, err := os.OpenFile(dst, os.O_CREATE|os.O_WRONLY|os.O_TRUNC, 0o600)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := io.Copy(out, in); err != nil {
		t.Fatal(err)
	}
	if err := out.Close(); err != nil {
		t.Fatal(err)
	}
}

// TestFixturesMigrateWithEveryRecord opens a copy of each schema fixture
// read-write, which migrates it to the current format (with a backup
// first), and compares every record with the fixture's dump. A future
// migration that changes records adjusts the expected dump here, in code,
// and says why.
func TestFixturesMigrateWithEveryRecord(t *testing.T) {
	for version, path := range fixtures(t) {
		t.Run(fmt.Sprintf("format_%d", version), func(t *testing.T) {
			if info, err := store.Inspect(path); err != nil || info.Schema != version {
				t.Fatalf("fixture %s: format %d, %v", path, info.Schema, err)
			}
			var want storetest.Dump
			raw, err := os.ReadFile(strings.TrimSuffix(path, ".db") + ".json")
			if err != nil {
				t.Fatal(err)
			}
			if err := json.Unmarshal(raw, &want); err != nil {
				t.Fatal(err)
			}
			work := filepath.Join(t.TempDir(), "partnerdesk.db")
			copyFile(t, path, work)
			var hooked []int
			s, err := store.Open(work, store.Options{BeforeMigrate: func(from, to int) error {
				hooked = append(hooked, from, to)
				return nil
			}})
			if err != nil {
				t.Fatal(err)
			}
			defer s.Close()
			if version < store.SchemaVersion && !reflect.DeepEqual(hooked, []int{version, store.SchemaVersion}) {
				t.Errorf("BeforeMigrate calls %v", hooked)
			}
			if version == store.SchemaVersion && hooked != nil {
				t.Errorf("BeforeMigrate called for a current file: %v", hooked)
			}
			if err := s.Check(); err != nil {
				t.Fatal(err)
			}
			got, err := storetest.TakeDump(s)
			if err != nil {
				t.Fatal(err)
			}
			want.Schema = store.SchemaVersion
			compareDumps(t, got, want)
		})
	}
}

// compareDumps compares two dumps record by record, through their JSON
// form (the form the store keeps them in).
func compareDumps(t *testing.T, got, want storetest.Dump) {
	t.Helper()
	js := func(v any) string {
		b, err := json.Marshal(v)
		if err != nil {
			t.Fatal(err)
		}
		return string(b)
	}
	if got.Counts != want.Counts || got.Schema != want.Schema {
		t.Errorf("counts %+v format %d, want %+v format %d", got.Counts, got.Schema, want.Counts, want.Schema)
	}
	if js(got.Institution) != js(want.Institution) {
		t.Errorf("institution differs:\n%s\n%s", js(got.Institution), js(want.Institution))
	}
	if len(got.Partners) != len(want.Partners) || len(got.Agreements) != len(want.Agreements) {
		t.Fatalf("%d partners, %d agreements; want %d, %d", len(got.Partners), len(got.Agreements), len(want.Partners), len(want.Agreements))
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
	if js(got.History) != js(want.History) {
		t.Error("history differs")
	}
	if js(got.Attachments) != js(want.Attachments) {
		t.Errorf("attachments differ: %v, want %v", got.Attachments, want.Attachments)
	}
	n := 0
	for _, h := range got.History {
		n += len(h)
	}
	if n != got.Counts.History {
		t.Errorf("the dump holds %d history entries of %d", n, got.Counts.History)
	}
}

// TestNewerFixtureIsRefused marks a copy of the newest fixture as written
// by a later format: read-write and read-only opens refuse it with a
// message that says what to do, and leave every byte as it was.
func TestNewerFixtureIsRefused(t *testing.T) {
	work := filepath.Join(t.TempDir(), "partnerdesk.db")
	copyFile(t, fixtures(t)[store.SchemaVersion], work)
	db, err := bolt.Open(work, 0o600, nil)
	if err != nil {
		t.Fatal(err)
	}
	next := strconv.Itoa(store.SchemaVersion + 1)
	if err := db.Update(func(tx *bolt.Tx) error { return tx.Bucket([]byte("meta")).Put([]byte("schema"), []byte(next)) }); err != nil {
		t.Fatal(err)
	}
	db.Close()
	before := fileSum(t, work)
	for _, ro := range []bool{false, true} {
		_, err := store.Open(work, store.Options{ReadOnly: ro})
		var newer *store.NewerSchemaError
		if !errors.As(err, &newer) || !strings.Contains(err.Error(), "Install the newer version") || !strings.Contains(err.Error(), "was not changed") {
			t.Errorf("open (read-only %v): %v", ro, err)
		}
	}
	if info, err := store.Inspect(work); !errors.Is(err, store.ErrNewerSchema) || info.Schema != store.SchemaVersion+1 {
		t.Errorf("Inspect: %+v %v", info, err)
	}
	if fileSum(t, work) != before {
		t.Error("the newer file was changed")
	}
}
