package interchange

import (
	"context"
	"testing"

	"github.com/partnerdesk/partnerdesk/model"
	"github.com/partnerdesk/partnerdesk/model/store"
	"github.com/partnerdesk/partnerdesk/reports/internal/snapshot"
)

// The texts per document language (title, subject, place, obligations)
// survive an export to JSON and an import into another file.
func TestJSONCarriesTexts(t *testing.T) {
	src := snapshot.Filled(t, 5, 10)
	_, _, sums, err := src.ListData()
	if err != nil || len(sums) == 0 {
		t.Fatal(err)
	}
	a, err := src.Agreement(sums[0].ID)
	if err != nil {
		t.Fatal(err)
	}
	a.Texts = map[string]model.DocText{"kk": {Title: "Практика туралы меморандум", Subject: "Тәжірибе", Place: "Астана"}}
	a.Responsibilities = append(a.Responsibilities, model.Responsibility{Party: model.PartyInstitution, Description: "Направить студентов",
		Status: model.TaskPlanned, Descriptions: map[string]string{"kk": "Студенттерді жіберу"}})
	if err := src.SaveAgreement(&a); err != nil {
		t.Fatal(err)
	}
	d, err := jsonBytes(exportJSON(t, src))
	if err != nil {
		t.Fatal(err)
	}
	dst := store.OpenMemory(snapshot.StoreOptions())
	plan, err := PlanImport(context.Background(), dst, d, nil)
	if err != nil || plan.Errors() != 0 {
		t.Fatalf("%v %v", err, plan.Problems)
	}
	if _, err := Apply(context.Background(), dst, plan, nil); err != nil {
		t.Fatal(err)
	}
	got, err := dst.AgreementByNumber(a.Number)
	if err != nil {
		t.Fatal(err)
	}
	last := got.Responsibilities[len(got.Responsibilities)-1]
	if got.Texts["kk"] != a.Texts["kk"] || last.Descriptions["kk"] != "Студенттерді жіберу" {
		t.Errorf("imported %+v / %+v", got.Texts, last.Descriptions)
	}
}
