package interchange

import (
	"context"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/partnerdesk/partnerdesk/model"
	"github.com/partnerdesk/partnerdesk/model/store"
	"github.com/partnerdesk/partnerdesk/reports/internal/snapshot"
)

// copyOf returns an in-memory copy of s made through the JSON format.
func copyOf(t *testing.T, s *store.Store) *store.Store {
	t.Helper()
	d, err := jsonBytes(exportJSON(t, s))
	if err != nil {
		t.Fatal(err)
	}
	c := store.OpenMemory(snapshot.StoreOptions())
	plan, err := PlanImport(context.Background(), c, d, nil)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := Apply(context.Background(), c, plan, nil); err != nil {
		t.Fatal(err)
	}
	return c
}

func change(t *testing.T, s *store.Store, fn func(tx *store.Tx) error) {
	t.Helper()
	if err := s.Update(fn); err != nil {
		t.Fatal(err)
	}
}

// otherDepartment is a copy of s in which one partner gained an English name,
// one agreement gained notes, one has another title (a conflict), and a
// partner and an agreement were added.
func otherDepartment(t *testing.T, s *store.Store) *store.Store {
	t.Helper()
	b := copyOf(t, s)
	change(t, b, func(tx *store.Tx) error {
		p, err := tx.PartnerByTaxID("KG", "01234567890123")
		if err != nil {
			return err
		}
		p.Names.EN = "Ala-Too Kurulush LLC"
		if err := tx.SavePartner(&p); err != nil {
			return err
		}
		a, err := tx.AgreementByNumber("ТЕСТ-2025/001")
		if err != nil {
			return err
		}
		a.Title = "Меморандум (редакция кафедры экономики)"
		if err := tx.SaveAgreement(&a); err != nil {
			return err
		}
		sums, _ := tx.Summaries()
		for _, sm := range sums {
			if c, _ := tx.Agreement(sm.ID); c.Notes == "" && c.Status == model.StatusActive {
				c.Notes = "Отмечено кафедрой экономики"
				if err := tx.SaveAgreement(&c); err != nil {
					return err
				}
				break
			}
		}
		n := model.Partner{Name: "ОФ «Жаңа Толқын»", Country: "KZ", Category: model.CategoryPublic, Relation: model.RelationPotential}
		if err := tx.SavePartner(&n); err != nil {
			return err
		}
		na := model.Agreement{Number: "ЭК-2026/001", Title: "Волонтёрская практика", Kind: model.KindMemorandum, PartnerIDs: []model.ID{n.ID},
			SignedOn: model.MustDate("01.10.2026"), ValidFrom: model.MustDate("01.10.2026"), Status: model.StatusActive}
		return tx.SaveAgreement(&na)
	})
	return b
}

// Merging another department's file adds what is new, fills in what is
// missing, leaves the rest, and lists the conflict; applied in one
// transaction, keeping our values unless asked otherwise.
func TestMergeJSON(t *testing.T) {
	a := snapshot.Filled(t, 20, 60)
	b := otherDepartment(t, a)
	d, err := jsonBytes(exportJSON(t, b))
	if err != nil {
		t.Fatal(err)
	}
	before, _ := snapshot.Take(a, snapshot.Options{})
	plan, err := PlanMerge(context.Background(), a, d, nil)
	if err != nil {
		t.Fatal(err)
	}
	if after, _ := snapshot.Take(a, snapshot.Options{}); len(snapshot.Diff(before, after, 1)) > 0 {
		t.Fatal("planning a merge changed the data file")
	}
	// The two partners of one name without tax IDs cannot be told from
	// each other: both are reported, and skipped with their agreements.
	pc, ac := plan.PartnerCounts(), plan.AgreementCounts()
	if pc != (Counts{Add: 1, Update: 1, Unchanged: 21, Skip: 2}) || ac != (Counts{Add: 1, Update: 1, Conflict: 1, Unchanged: 59, Skip: 2}) {
		t.Errorf("partners %+v, agreements %+v", pc, ac)
	}
	var keys []string
	for _, p := range plan.Problems {
		keys = append(keys, p.Key)
	}
	if want := []string{"xlsx.err.partner_ambiguous", "xlsx.err.partner_ambiguous", "xlsx.err.partner_invalid", "xlsx.err.partner_invalid"}; !slices.Equal(keys, want) {
		t.Errorf("problems %v", plan.Problems)
	}
	var conflict Item
	for _, it := range plan.Agreements {
		if it.Action == ActionConflict {
			conflict = it
		}
	}
	if conflict.Label != "ТЕСТ-2025/001" || len(conflict.Conflicts) != 1 || conflict.Conflicts[0].Field != "title" ||
		!strings.Contains(conflict.Conflicts[0].Theirs, "экономики") {
		t.Errorf("conflict %+v", conflict)
	}
	if _, err := Apply(context.Background(), a, plan, nil); err != nil {
		t.Fatal(err)
	}
	got, _ := a.AgreementByNumber("ТЕСТ-2025/001")
	p, _ := txPartnerByTax(a, "KG", "01234567890123")
	if got.Title != "Әлеуметтік серіктестік туралы меморандум" || p.Names.EN != "Ala-Too Kurulush LLC" {
		t.Errorf("title %q (ours kept?), English name %q (filled in?)", got.Title, p.Names.EN)
	}
	if _, err := a.AgreementByNumber("ЭК-2026/001"); err != nil {
		t.Errorf("new agreement: %v", err)
	}
	again, err := PlanMerge(context.Background(), a, d, nil)
	if err != nil {
		t.Fatal(err)
	}
	if ac := again.AgreementCounts(); ac.Add != 0 || ac.Update != 0 || ac.Conflict != 1 {
		t.Errorf("merging again: %+v, want only the conflict left", ac)
	}
	again.TakeTheirs()
	if _, err := Apply(context.Background(), a, again, nil); err != nil {
		t.Fatal(err)
	}
	if got, _ := a.AgreementByNumber("ТЕСТ-2025/001"); !strings.Contains(got.Title, "экономики") {
		t.Errorf("took theirs: title %q", got.Title)
	}
}

func txPartnerByTax(s *store.Store, country, tax string) (p model.Partner, err error) {
	err = s.View(func(tx *store.Tx) error { p, err = tx.PartnerByTaxID(country, tax); return err })
	return p, err
}

// The JSON file carries attachment metadata (not the bytes) and the
// renewal links by number.
func TestJSONCarriesMetadata(t *testing.T) {
	s := snapshot.Filled(t, 20, 200)
	data := string(exportJSON(t, s))
	for _, want := range []string{`"documents": [`, `"sha256": "`, `"relationship": [`, `"prior"`, `"scheme": "KZ-BIN"`, `"milestones": [`} {
		if !strings.Contains(data, want) {
			t.Errorf("the export has no %s", want)
		}
	}
}

// The example in docs/json-format.md is a valid file: it imports into an
// empty data file with only the two expected warnings.
func TestDocumentedExample(t *testing.T) {
	doc, err := os.ReadFile(filepath.Join("..", "..", "docs", "json-format.md"))
	if err != nil {
		t.Fatal(err)
	}
	_, rest, _ := strings.Cut(string(doc), "```json\n")
	example, _, _ := strings.Cut(rest, "```")
	d, err := jsonBytes([]byte(example))
	if err != nil {
		t.Fatal(err)
	}
	s := store.OpenMemory(snapshot.StoreOptions())
	plan, err := PlanImport(context.Background(), s, d, nil)
	if err != nil {
		t.Fatal(err)
	}
	var keys []string
	for _, p := range plan.Problems {
		keys = append(keys, p.Key)
	}
	if !slices.Equal(keys, []string{"xlsx.warn.attachments", "xlsx.warn.link_missing"}) || plan.Errors() != 0 {
		t.Errorf("problems %v", plan.Problems)
	}
	if c := plan.AgreementCounts(); c.Add != 1 || plan.Institution != ActionAdd {
		t.Errorf("plan %+v, institution %s", c, plan.Institution)
	}
}
