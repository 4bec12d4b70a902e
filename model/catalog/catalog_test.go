package catalog

import (
	"slices"
	"strings"
	"testing"

	"github.com/partnerdesk/partnerdesk/model"
	"github.com/partnerdesk/partnerdesk/model/demo"
	"github.com/partnerdesk/partnerdesk/model/store"
)

var today = model.MustDate("28.11.2026")

func fixture(t testing.TB, partners, agreements int) (*Catalog, *store.Store) {
	t.Helper()
	s := store.OpenMemory(store.Options{})
	if err := s.AddNew(demo.Generate(demo.Options{Seed: 3, Partners: partners, Agreements: agreements, Today: today}), 1000, nil); err != nil {
		t.Fatal(err)
	}
	ps, _ := s.Partners()
	sums, _ := s.Summaries()
	return New(ps, sums, today, 90), s
}

func TestSearchAnyWord(t *testing.T) {
	p := []model.Partner{
		{ID: 1, Name: "«Қазақстан темір жолы» ҰК АҚ", ShortName: "ҚТЖ", TaxID: "020540003431", Country: "KZ", Category: model.CategoryProfessional, Relation: model.RelationReal,
			Contacts: []model.Contact{{Name: "Әйгерім Нұрланқызы", Email: "hr@railways.kz"}}},
		{ID: 2, Name: "Ош шаарындагы №5 орто мектеби", Country: "KG", Category: model.CategoryEducational, Relation: model.RelationPotential},
	}
	c := New(p, nil, today, 90)
	cases := map[string][]model.ID{
		"":              {1, 2},
		"темір":         {1},
		"ТЕМІР жолы":    {1},
		"қтж":           {1},
		"0205400":       {1},
		"нұрланқызы":    {1},
		"railways":      {1},
		"мектеби ош":    {2},
		"мектеби темір": nil,
		"kg":            {2},
	}
	for q, want := range cases {
		var got []model.ID
		for _, e := range c.Partners(PartnerQuery{Text: q}) {
			got = append(got, e.ID)
		}
		slices.Sort(got)
		if !slices.Equal(got, want) {
			t.Errorf("search %q = %v, want %v", q, got, want)
		}
	}
	if got := c.Partners(PartnerQuery{Relation: model.RelationPotential}); len(got) != 1 || got[0].ID != 2 {
		t.Errorf("relation filter %v", got)
	}
}

func TestCollationOrder(t *testing.T) {
	var ps []model.Partner
	for i, n := range []string{"Ясли", "Әлем", "Банк", "Алма", "Өрлеу", "Ғылым", "Zeta"} {
		ps = append(ps, model.Partner{ID: model.ID(i + 1), Name: n})
	}
	c := New(ps, nil, today, 90)
	var got []string
	for _, p := range c.Partners(PartnerQuery{}) {
		got = append(got, p.Name)
	}
	// Ә beside А, Ғ beside Г, Ө beside О: not all after Я as bytes would put them.
	want := []string{"Zeta", "Алма", "Әлем", "Банк", "Ғылым", "Өрлеу", "Ясли"}
	if !slices.Equal(got, want) {
		t.Errorf("order %v\nwant  %v", got, want)
	}
}

func TestNumbersSortNaturally(t *testing.T) {
	nums := []string{"СП-2026/10", "СП-2026/9", "СП-2025/100", "СП-2026/010"}
	slices.SortFunc(nums, func(a, b string) int { return strings.Compare(numberKey(a), numberKey(b)) })
	want := []string{"СП-2025/100", "СП-2026/9", "СП-2026/10", "СП-2026/010"}
	if !slices.Equal(nums, want) {
		t.Errorf("%v", nums)
	}
}

func TestKeptCurrentBySaves(t *testing.T) {
	c, s := fixture(t, 30, 100)
	p := c.Partners(PartnerQuery{Sort: PartnerByAgreements, Desc: true})[0]
	ids := c.AgreementsOf(p.ID)
	if len(ids) == 0 || p.Agreements != len(ids) {
		t.Fatalf("partner %s: %d agreements, count %d", p.Name, len(ids), p.Agreements)
	}
	renamed := p.Partner
	renamed.Name = "Переименованный партнёр"
	if err := s.SavePartner(&renamed); err != nil {
		t.Fatal(err)
	}
	c.PutPartner(renamed)
	rows := c.Agreements(AgreementQuery{Text: "переименованный"})
	if len(rows) != len(ids) {
		t.Errorf("search by the new name finds %d of %d agreements", len(rows), len(ids))
	}
	// Moving an agreement to another partner updates both counts.
	a, _ := s.Agreement(ids[0])
	other := c.Partners(PartnerQuery{Sort: PartnerByAgreements})[0] // fewest agreements
	before := other.Agreements
	a.PartnerIDs = []model.ID{other.ID}
	a.Responsibilities, a.Resources, a.Coordinators = nil, nil, nil
	if err := s.SaveAgreement(&a); err != nil {
		t.Fatal(err)
	}
	c.PutAgreement(model.Summarize(&a))
	if pp, _ := c.Partner(p.ID); pp.Agreements != len(ids)-1 {
		t.Errorf("old partner count %d", pp.Agreements)
	}
	if op, _ := c.Partner(other.ID); op.Agreements != before+1 {
		t.Errorf("new partner count %d, was %d", op.Agreements, before)
	}
	c.DeleteAgreement(a.ID)
	if _, ok := c.Agreement(a.ID); ok {
		t.Error("deleted agreement still listed")
	}
}

func TestAgreementFilters(t *testing.T) {
	c, _ := fixture(t, 50, 400)
	q := AgreementQuery{}
	all := c.Agreements(q)
	if len(all) != 400 {
		t.Fatalf("%d rows", len(all))
	}
	q.Statuses = []model.Status{model.StatusExpiring}
	for _, r := range c.Agreements(q) {
		if r.Status != model.StatusExpiring || r.DaysLeft < 0 || r.DaysLeft > 90 {
			t.Errorf("%s: %s, %d days", r.Number, r.Status, r.DaysLeft)
		}
	}
	q = AgreementQuery{Sort: AgreementByDaysLeft}
	rows := c.Agreements(q)
	for i := 1; i < len(rows); i++ {
		if !rows[i].End.IsZero() && (rows[i-1].End.IsZero() || rows[i-1].End > rows[i].End) {
			t.Fatalf("not sorted by end at %d: %s then %s", i, rows[i-1].End, rows[i].End)
		}
	}
	y := c.Years()[0]
	for _, r := range c.Agreements(AgreementQuery{Year: y}) {
		if r.SignedOn.Year() != y {
			t.Errorf("year filter let %s through", r.SignedOn)
		}
	}
}

func TestDashboard(t *testing.T) {
	c, _ := fixture(t, 50, 400)
	f := c.Dashboard()
	total := 0
	for _, n := range f.ByStatus {
		total += n
	}
	if total != 400 || f.Partners != 50 || f.Real+f.Potential != 50 {
		t.Errorf("totals %d %d %d+%d", total, f.Partners, f.Real, f.Potential)
	}
	if len(f.Expiring) != f.ByStatus[model.StatusExpiring] || len(f.Expired) != f.ByStatus[model.StatusExpired] {
		t.Error("lists and counts disagree")
	}
	for i := 1; i < len(f.Expiring); i++ {
		if f.Expiring[i-1].End > f.Expiring[i].End {
			t.Error("expiring not soonest first")
		}
	}
	if f.InForce != f.ByStatus[model.StatusActive]+f.ByStatus[model.StatusExpiring] {
		t.Error("in force")
	}
	for i, n := range f.Coverage {
		if n > f.InForce || n == 0 {
			t.Errorf("coverage of %s: %d of %d", model.Principles[i], n, f.InForce)
		}
	}
	if len(f.Overdue) == 0 {
		t.Error("no overdue")
	}
}
