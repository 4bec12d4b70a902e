package interchange

import (
	"context"
	"testing"

	"github.com/partnerdesk/partnerdesk/model"
	"github.com/partnerdesk/partnerdesk/model/store"
	"github.com/partnerdesk/partnerdesk/reports/internal/snapshot"
)

// Names are compared without quotes, punctuation, case, ё, Latin
// look-alikes and legal forms, but a name that matches one partner with
// its legal form is that partner, not an ambiguity among the partners of
// that name with other legal forms.
func TestPartnerNameMatching(t *testing.T) {
	for _, tc := range []struct{ a, b string }{
		{"ТОО «Казцинк»", "Казцинк ТОО"}, {"ТОО «Казцинк»", `тоо "КАЗЦИНК"`}, {"ТОО «Казцинк»", "ТOO «Kазцинк»"},
		{"ТОО «Объединенная компания»", "ТОО «Объединённая компания»"}, {"КГУ «Школа-гимназия № 5»", "КГУ „Школа-гимназия №5“"},
		{"Товарищество с ограниченной ответственностью «Алем»", "ТОО «Алем»"},
	} {
		if normName(tc.a) != normName(tc.b) {
			t.Errorf("%q and %q: %q ≠ %q", tc.a, tc.b, normName(tc.a), normName(tc.b))
		}
	}
	s := store.OpenMemory(snapshot.StoreOptions())
	defer s.Close()
	var ids []model.ID
	for _, n := range []string{"Silk Road Logistics Ltd", "Silk Road Logistics LLP", "Silk Road Logistics GmbH"} {
		p := model.Partner{Name: n, Country: "DE", Category: model.CategoryProfessional, Relation: model.RelationReal}
		if err := s.SavePartner(&p); err != nil {
			t.Fatal(err)
		}
		ids = append(ids, p.ID)
	}
	d := &Dataset{Agreements: []*AgreementRecord{{
		Agreement: model.Agreement{Number: "M-1", Title: "Memorandum", Kind: model.KindMemorandum, Status: model.StatusDraft},
		Partners:  []PartnerRef{{Index: -1, Name: "Silk Road Logistics LLP"}},
		Origin:    &CellOrigin{},
	}}}
	p, err := PlanImport(context.Background(), s, d, nil)
	if err != nil {
		t.Fatal(err)
	}
	if len(p.Problems) != 0 || len(p.Matches) != 1 || p.Matches[0].ID != ids[1] {
		t.Errorf("problems %v, matches %+v, want the LLP (%d)", p.Problems, p.Matches, ids[1])
	}
}
