package interchange

import (
	"bytes"
	"compress/gzip"
	"context"
	"errors"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/partnerdesk/partnerdesk/model/store"
	"github.com/partnerdesk/partnerdesk/reports/internal/snapshot"
)

func testFile(t testing.TB, name string) []byte {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("testdata", name))
	if err != nil {
		t.Fatal(err)
	}
	if strings.HasSuffix(name, ".gz") {
		zr, err := gzip.NewReader(bytes.NewReader(b))
		if err != nil {
			t.Fatal(err)
		}
		if b, err = io.ReadAll(zr); err != nil {
			t.Fatal(err)
		}
	}
	return b
}

// Files that are not interchange data are refused as a whole with a
// clear message.
func TestReadJSONRefuses(t *testing.T) {
	for _, tc := range []struct{ file, key, path string }{
		{"nested.json.gz", "xlsx.err.json_depth", ""},
		{"bad_utf8.json", "xlsx.err.utf8", ""},
		{"other_format.json", "xlsx.err.json_format", "format"},
		{"newer.json", "xlsx.err.json_version", "version"},
		{"truncated.json", "xlsx.err.json_syntax", ""},
		{"wrong_type.json", "xlsx.err.json_type", "contracts.practicePlaces"},
	} {
		t.Run(tc.file, func(t *testing.T) {
			data := testFile(t, tc.file)
			start := time.Now()
			_, err := jsonBytes(data)
			took := time.Since(start)
			var p Problem
			if !errors.As(err, &p) || p.Key != tc.key || p.Path != tc.path {
				t.Fatalf("error %#v, want %s at %q", err, tc.key, tc.path)
			}
			t.Logf("refused in %v: %v", took.Round(time.Millisecond), p)
		})
	}
	if _, err := ReadJSON(bytes.NewReader(testFile(t, "huge_string.json.gz")), "", 1<<20); err == nil || !strings.Contains(err.Error(), "larger than 1 MiB") {
		t.Errorf("over the limit: %v", err)
	}
}

// A 64 MiB name is read but not imported: the record is too long for the
// data file, and nothing is written.
func TestHugeString(t *testing.T) {
	d, err := jsonBytes(testFile(t, "huge_string.json.gz"))
	if err != nil {
		t.Fatal(err)
	}
	s := store.OpenMemory(snapshot.StoreOptions())
	plan, err := PlanImport(context.Background(), s, d, nil)
	if err != nil {
		t.Fatal(err)
	}
	if len(plan.Problems) != 1 || plan.Problems[0].Key != "err.too_long" || plan.Problems[0].Path != "parties[0].name" {
		t.Errorf("problems %v", plan.Problems)
	}
	if plan.Changes() {
		t.Error("the plan would change the data file")
	}
}

func FuzzReadJSON(f *testing.F) {
	f.Add([]byte(`{"format":"partnerdesk-interchange","version":1,"parties":[{"id":"P1","name":"ТОО","address":{"countryCode":"KZ"},"details":{"category":"public","relation":"real"}}],"contracts":[{"id":"К-1","title":"Т","kind":"other","status":"active","dateSigned":"2025-01-01","period":{"startDate":"2025-01-01"},"parties":[{"id":"P1"}],"milestones":[{"title":"x","party":"P1","status":"planned","dueDate":"01.02.2025"}]}]}`))
	for _, name := range []string{"bad_utf8.json", "other_format.json", "newer.json", "truncated.json", "wrong_type.json"} {
		f.Add(testFile(f, name))
	}
	s := store.OpenMemory(snapshot.StoreOptions())
	f.Fuzz(func(t *testing.T, data []byte) {
		d, err := jsonBytes(data)
		if err != nil {
			var p Problem
			if !errors.As(err, &p) {
				t.Fatalf("error without a message key: %v", err)
			}
			return
		}
		plan, err := PlanImport(context.Background(), s, d, nil)
		if err != nil {
			t.Fatalf("plan: %v", err)
		}
		if c, _ := s.Counts(); c.Partners+c.Agreements != 0 {
			t.Fatal("the preview wrote to the data file")
		}
		if _, err := Apply(context.Background(), s, plan, nil); err != nil {
			t.Fatalf("apply of a fresh plan: %v", err)
		}
		s.Update(func(tx *store.Tx) error { return clear(tx) })
	})
}

// clear deletes every agreement and partner.
func clear(tx *store.Tx) error {
	sums, err := tx.Summaries()
	if err != nil {
		return err
	}
	for _, sm := range sums {
		if err := tx.DeleteAgreement(sm.ID); err != nil {
			return err
		}
	}
	ps, err := tx.Partners()
	if err != nil {
		return err
	}
	for _, p := range ps {
		if err := tx.DeletePartner(p.ID); err != nil {
			return err
		}
	}
	return nil
}
