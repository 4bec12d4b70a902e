package interchange

import (
	"context"
	"reflect"
	"strings"
	"testing"

	"github.com/partnerdesk/partnerdesk/model/store"
	"github.com/partnerdesk/partnerdesk/reports/internal/snapshot"
)

// Diagnostic rounds travel through the JSON file: exported with their
// scale, groups, counts and students' results, imported into an empty
// file linked to the same agreements, and left alone when imported again.
func TestRoundsJSONRoundTrip(t *testing.T) {
	src := snapshot.Filled(t, 10, 30)
	data := exportJSON(t, src)
	if !strings.Contains(string(data), `"diagnostics": [`) || !strings.Contains(string(data), `"stage": "formative"`) {
		t.Fatal("the export has no diagnostics")
	}
	d, err := jsonBytes(data)
	if err != nil {
		t.Fatal(err)
	}
	dst := store.OpenMemory(snapshot.StoreOptions())
	plan, err := PlanImport(context.Background(), dst, d, nil)
	if err != nil || plan.Errors() != 0 {
		t.Fatalf("%v %v", err, plan.Problems)
	}
	if c := plan.RoundCounts(); c.Add != 3 {
		t.Fatalf("plan %+v", c)
	}
	res, err := Apply(context.Background(), dst, plan, nil)
	if err != nil || res.Rounds.Add != 3 {
		t.Fatalf("apply %+v %v", res, err)
	}
	want, _ := src.Rounds()
	got, _ := dst.Rounds()
	for i := range want {
		w, g := want[i], got[i]
		if len(w.AgreementIDs) != len(g.AgreementIDs) {
			t.Errorf("round %d: agreements %v, want %v", i, g.AgreementIDs, w.AgreementIDs)
		}
		for j := range w.AgreementIDs {
			a1, _ := src.Agreement(w.AgreementIDs[j])
			a2, _ := dst.Agreement(g.AgreementIDs[j])
			if a1.Number != a2.Number {
				t.Errorf("round %d links %s, want %s", i, a2.Number, a1.Number)
			}
		}
		w.ID, w.Rev, w.AgreementIDs, w.Created, w.Updated = 0, 0, nil, g.Created, g.Updated
		g.ID, g.Rev, g.AgreementIDs = 0, 0, nil
		if !reflect.DeepEqual(w, g) {
			t.Errorf("round %d differs:\n got %+v\nwant %+v", i, g, w)
		}
	}
	again, err := PlanImport(context.Background(), dst, d, nil)
	if err != nil {
		t.Fatal(err)
	}
	if c := again.RoundCounts(); c.Unchanged != 3 || c.Add != 0 {
		t.Errorf("second import: %+v", c)
	}
}

// A round naming an agreement the file does not hold is skipped with a
// problem at its JSON path.
func TestRoundWithUnknownAgreement(t *testing.T) {
	src := snapshot.Filled(t, 10, 30)
	data := strings.Replace(string(exportJSON(t, src)), `"agreements": [`, `"agreements": ["NO-SUCH-1", `, 1)
	d, err := jsonBytes([]byte(data))
	if err != nil {
		t.Fatal(err)
	}
	plan, err := PlanImport(context.Background(), store.OpenMemory(snapshot.StoreOptions()), d, nil)
	if err != nil {
		t.Fatal(err)
	}
	found := false
	for _, p := range plan.Problems {
		found = found || p.Key == "err.agreement_missing" && strings.HasPrefix(p.Path, "diagnostics[") && p.Value == "NO-SUCH-1"
	}
	if !found || plan.RoundCounts().Skip != 1 {
		t.Errorf("problems %v, rounds %+v", plan.Problems, plan.RoundCounts())
	}
}
