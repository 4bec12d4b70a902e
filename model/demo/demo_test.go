package demo

import (
	"reflect"
	"strings"
	"testing"

	"github.com/partnerdesk/partnerdesk/model"
	"github.com/partnerdesk/partnerdesk/model/store"
)

var today = model.MustDate("28.11.2026")

func TestGenerateIsReproducible(t *testing.T) {
	a := Generate(Options{Seed: 7, Partners: 50, Agreements: 200, Today: today})
	b := Generate(Options{Seed: 7, Partners: 50, Agreements: 200, Today: today})
	if !reflect.DeepEqual(a, b) {
		t.Fatal("same options gave different data")
	}
	c := Generate(Options{Seed: 8, Partners: 50, Agreements: 200, Today: today})
	if reflect.DeepEqual(a.Partners, c.Partners) {
		t.Fatal("another seed gave the same partners")
	}
}

func TestDemoDataCoversTheDomain(t *testing.T) {
	d := Generate(Options{Seed: 1, Partners: 300, Agreements: 1500, Today: today})
	s := store.OpenMemory(store.Options{})
	if err := s.AddNew(d, 500, nil); err != nil {
		t.Fatal(err)
	}
	if err := s.Check(); err != nil {
		t.Fatal(err)
	}
	partners, _ := s.Partners()
	cats, countries, relations := map[model.Category]int{}, map[string]int{}, map[model.Relation]int{}
	letters := ""
	for _, p := range partners {
		cats[p.Category]++
		countries[p.Country]++
		relations[p.Relation]++
		letters += p.Name
		if err := p.Validate(); err != nil {
			t.Fatalf("partner %s: %v", p.Name, err)
		}
	}
	if len(cats) != 5 || len(relations) != 2 || countries["KZ"] == 0 || countries["KG"] == 0 {
		t.Errorf("categories %v countries %v relations %v", cats, countries, relations)
	}
	for _, r := range "әғқңөұүі" {
		if !strings.ContainsRune(letters, r) {
			t.Errorf("no partner name has the letter %c", r)
		}
	}
	sums, _ := s.Summaries()
	statuses := map[model.Status]int{}
	tripartite, overdue := 0, 0
	for _, sm := range sums {
		statuses[sm.StatusOn(today, 90)]++
		if len(sm.PartnerIDs) > 2 {
			tripartite++
		}
		overdue += sm.OverdueOn(today)
	}
	for _, st := range model.Statuses {
		if statuses[st] == 0 {
			t.Errorf("no agreement is %s: %v", st, statuses)
		}
	}
	if tripartite == 0 || overdue == 0 {
		t.Errorf("tripartite %d overdue %d", tripartite, overdue)
	}
	if err := s.AddNew(d, 500, nil); err == nil {
		t.Error("demo data loaded twice into one file")
	}
}

func TestMakeBIN(t *testing.T) {
	for _, p := range []string{"99044000123", "00000000000", "12345678901"} {
		if b := MakeBIN(p); model.CheckTaxID("KZ", b) != "" {
			t.Errorf("MakeBIN(%s) = %s, invalid", p, b)
		}
	}
}
