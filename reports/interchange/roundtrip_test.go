package interchange

import (
	"bytes"
	"context"
	"strings"
	"testing"

	"github.com/partnerdesk/partnerdesk/model/store"
	"github.com/partnerdesk/partnerdesk/reports/internal/snapshot"
)

func exportJSON(t testing.TB, s *store.Store) []byte {
	t.Helper()
	var b bytes.Buffer
	if err := ExportJSON(context.Background(), s, &b, ExportOptions{}); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

// Export the demo data to JSON, import it into an empty file: every
// partner and agreement comes back identical, except attachment bytes,
// which the format does not carry (and which the import reports).
func TestJSONRoundTrip(t *testing.T) {
	src := snapshot.Filled(t, 40, 200)
	data := exportJSON(t, src)
	d, err := jsonBytes(data)
	if err != nil {
		t.Fatal(err)
	}
	dst := store.OpenMemory(snapshot.StoreOptions())
	plan, err := PlanImport(context.Background(), dst, d, nil)
	if err != nil {
		t.Fatal(err)
	}
	if plan.Errors() != 0 {
		t.Fatalf("problems:\n%v", plan.Problems)
	}
	warnings := len(plan.Problems)
	if warnings == 0 || !strings.Contains(plan.Problems[0].Error(), "attachment") {
		t.Errorf("expected warnings about attachments, got %v", plan.Problems)
	}
	if c, _ := dst.Counts(); c.Agreements != 0 {
		t.Fatalf("the preview wrote %d agreements", c.Agreements)
	}
	res, err := Apply(context.Background(), dst, plan, nil)
	if err != nil {
		t.Fatal(err)
	}
	if res.Agreements.Add != len(d.Agreements) || res.Partners.Add != len(d.Partners) {
		t.Errorf("result %+v, want all %d partners and %d agreements added", res, len(d.Partners), len(d.Agreements))
	}
	want, err := snapshot.Take(src, snapshot.Options{})
	if err != nil {
		t.Fatal(err)
	}
	got, err := snapshot.Take(dst, snapshot.Options{})
	if err != nil {
		t.Fatal(err)
	}
	if diffs := snapshot.Diff(want, got, 5); len(diffs) > 0 {
		t.Errorf("records differ after the round trip:\n%s", strings.Join(diffs, "\n"))
	}
	if len(want) != 247 {
		t.Errorf("snapshot has %d records, want 247", len(want))
	}
	in1, _ := src.Institution()
	in2, _ := dst.Institution()
	if in1.Names != in2.Names || in1.TaxID != in2.TaxID {
		t.Errorf("institution %+v, want %+v", in2, in1)
	}
}
