package interchange

import (
	"context"
	"path/filepath"
	"strings"
	"testing"

	"github.com/partnerdesk/partnerdesk/model/store"
	"github.com/partnerdesk/partnerdesk/reports/internal/snapshot"
)

func boltStore(t *testing.T, name string) *store.Store {
	t.Helper()
	s, err := store.Open(filepath.Join(t.TempDir(), name), snapshot.StoreOptions())
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	return s
}

// Keeping the preview's own transaction writes exactly what applying the
// plan writes (records and history); with problems, or when the caller
// declines, it writes nothing.
func TestPlanAndKeep(t *testing.T) {
	ctx := context.Background()
	data := exportJSON(t, snapshot.Filled(t, 40, 200))
	d, err := jsonBytes(data)
	if err != nil {
		t.Fatal(err)
	}
	applied := boltStore(t, "applied.db")
	p, err := PlanImport(ctx, applied, d, nil)
	if err != nil {
		t.Fatal(err)
	}
	res, err := Apply(ctx, applied, p, nil)
	if err != nil {
		t.Fatal(err)
	}

	kept := boltStore(t, "kept.db")
	declined, ok, err := PlanAndKeep(ctx, kept, d, ModeImport, nil, func(*Plan) bool { return false })
	if err != nil || ok || declined.AgreementCounts().Add != len(d.Agreements) {
		t.Fatalf("declined: kept %v, err %v, plan %+v", ok, err, declined.AgreementCounts())
	}
	if c, _ := kept.Counts(); c != (store.Counts{}) {
		t.Fatalf("a declined plan wrote %+v", c)
	}
	q, ok, err := PlanAndKeep(ctx, kept, d, ModeImport, nil, func(*Plan) bool { return true })
	if err != nil || !ok {
		t.Fatalf("kept %v, err %v", ok, err)
	}
	if q.Result() != res {
		t.Errorf("kept result %+v, applied %+v", q.Result(), res)
	}
	want, _ := snapshot.Take(applied, snapshot.Options{})
	got, _ := snapshot.Take(kept, snapshot.Options{})
	if diffs := snapshot.Diff(want, got, 5); len(diffs) > 0 || len(want) == 0 {
		t.Errorf("kept and applied differ (%d records):\n%s", len(want), strings.Join(diffs, "\n"))
	}
	ca, _ := applied.Counts()
	ck, _ := kept.Counts()
	if ca != ck || ck.History == 0 {
		t.Errorf("counts kept %+v, applied %+v", ck, ca)
	}

	// The same file again (a kept dataset is spent: read it again): every
	// number is taken, nothing is kept even if the caller would.
	if len(d.Agreements) != 0 {
		t.Errorf("a kept dataset still holds %d agreements", len(d.Agreements))
	}
	if d, err = jsonBytes(data); err != nil {
		t.Fatal(err)
	}
	called := false
	again, ok, err := PlanAndKeep(ctx, kept, d, ModeImport, nil, func(*Plan) bool { called = true; return true })
	if err != nil || ok || !called || again.Errors() == 0 {
		t.Fatalf("again: kept %v, called %v, err %v, %d errors", ok, called, err, again.Errors())
	}
	if c, _ := kept.Counts(); c != ck {
		t.Errorf("a plan with problems wrote: %+v, was %+v", c, ck)
	}
}
