package excel

import (
	"context"
	"errors"
	"fmt"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/partnerdesk/partnerdesk/model"
	"github.com/partnerdesk/partnerdesk/model/store"
	"github.com/partnerdesk/partnerdesk/model/store/storetest"
	"github.com/partnerdesk/partnerdesk/reports/interchange"
	"github.com/partnerdesk/partnerdesk/reports/internal/snapshot"
)

// department returns a data file holding the one partner the messy
// register names without a tax ID.
func department(t *testing.T) *store.Store {
	t.Helper()
	s, err := store.Open(filepath.Join(t.TempDir(), "dept.db"), snapshot.StoreOptions())
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	p := storetest.FullPartner("ТОО «Сарыарқа Логистик»", "")
	if err := s.SavePartner(&p); err != nil {
		t.Fatal(err)
	}
	return s
}

func readFile(t *testing.T, name string) *interchange.Dataset {
	t.Helper()
	wb, err := OpenWorkbookFile(filepath.Join("testdata", name), DefaultLimits())
	if err != nil {
		t.Fatal(err)
	}
	defer wb.Close()
	maps := wb.GuessMappings()
	if len(maps) != 1 {
		t.Fatalf("%d sheets recognised, want 1: %+v", len(maps), maps)
	}
	d, err := wb.Read(context.Background(), maps, nil)
	if err != nil {
		t.Fatal(err)
	}
	return d
}

// state is everything a data file holds that an import could change.
func state(t *testing.T, s *store.Store) string {
	t.Helper()
	snap, err := snapshot.Take(s, snapshot.Options{Attachments: true})
	if err != nil {
		t.Fatal(err)
	}
	c, _ := s.Counts()
	return fmt.Sprintf("%+v %v", c, snap)
}

// A register kept by hand — a merged title row above Russian headers in
// their own order, text dates, real dates, a serial number, blank rows —
// with a bad BIN, an impossible date, unknown labels, a repeated number
// and a partner known nowhere without a category (inferred from its legal
// form, "ИП", and marked for review): every problem is reported with its
// row and column; an unknown kind is "other" with a warning, a missing one
// is read from the title ("Практика"); the preview
// changes nothing; the valid rows import as read.
func TestMessyRegister(t *testing.T) {
	s := department(t)
	before := state(t, s)
	plan, err := interchange.PlanImport(context.Background(), s, readFile(t, "messy.xlsx"), nil)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, p := range plan.Problems {
		got = append(got, fmt.Sprintf("%s %s%d %s", p.Sheet, p.Column, p.Row, p.Key))
	}
	want := []string{
		"Лист1 C7 err.bin_checksum", "Лист1 D9 xlsx.err.dup_number", "Лист1 E8 err.date_invalid",
		"Лист1 H11 xlsx.warn.kind_other", "Лист1 I11 err.unknown_value", "Лист1 B10 import.warn.category_guessed",
	}
	slices.Sort(got)
	slices.Sort(want)
	if !slices.Equal(got, want) {
		t.Errorf("problems:\n  %s\nwant:\n  %s", strings.Join(got, "\n  "), strings.Join(want, "\n  "))
	}
	if after := state(t, s); after != before {
		t.Fatal("the preview changed the data file")
	}
	if c := plan.AgreementCounts(); c.Add != 4 || c.Skip != 4 {
		t.Errorf("agreements %+v, want 4 to add and 4 skipped", c)
	}
	if _, err := interchange.Apply(context.Background(), s, plan, nil); err != nil {
		t.Fatal(err)
	}
	checkMessyImported(t, s)
}

func checkMessyImported(t *testing.T, s *store.Store) {
	t.Helper()
	for _, tc := range []struct {
		number, signed, until, partner string
		kind                           model.AgreementKind
		category                       model.Category
	}{
		{"К-2025/01", "01.09.2025", "31.08.2027", "ТОО «Сарыарқа Логистик»", model.KindPracticeBase, model.CategoryProfessional},
		{"К-2025/02", "05.09.2025", "01.02.2028", "Колледж «Болашақ»", model.KindMemorandum, model.CategoryEducational},
		{"К-2025/07", "10.09.2025", "", "Steppe Digital LLP", model.KindMemorandum, model.CategoryProfessional},
		{"К-2025/05", "03.09.2025", "", "ИП Неизвестный", model.KindPracticeBase, model.CategoryProfessional},
	} {
		a, err := s.AgreementByNumber(tc.number)
		if err != nil {
			t.Errorf("%s: %v", tc.number, err)
			continue
		}
		p, _ := s.Partner(a.PartnerIDs[0])
		if a.SignedOn.String() != tc.signed || a.ValidFrom != a.SignedOn || a.ValidUntil.String() != tc.until ||
			a.Kind != tc.kind || a.Status != model.StatusActive || p.Name != tc.partner || p.Category != tc.category {
			t.Errorf("%s: signed %v from %v until %v kind %s status %s partner %q %s", tc.number, a.SignedOn, a.ValidFrom, a.ValidUntil, a.Kind, a.Status, p.Name, p.Category)
		}
	}
	if p, err := txPartner(s, "KZ", "050740004819"); err != nil || p.Relation != model.RelationReal {
		t.Errorf("the new partner by its BIN: %+v, %v", p, err)
	}
	if c, _ := s.Counts(); c.Agreements != 4 || c.Partners != 4 {
		t.Errorf("counts %+v, want 4 partners and 4 agreements", c)
	}
	a, _ := s.AgreementByNumber("К-2025/05")
	if p, _ := s.Partner(a.PartnerIDs[0]); !p.Review {
		t.Errorf("the partner whose category was inferred is not marked for review: %+v", p)
	}
	if p, _ := txPartner(s, "KZ", "050740004819"); p.Review {
		t.Error("a partner whose category the file gave is marked for review")
	}
}

func txPartner(s *store.Store, country, tax string) (p model.Partner, err error) {
	err = s.View(func(tx *store.Tx) error { p, err = tx.PartnerByTaxID(country, tax); return err })
	return p, err
}

// Importing the same register again finds every number taken.
func TestImportTwice(t *testing.T) {
	s := department(t)
	d := readFile(t, "messy.xlsx")
	plan, err := interchange.PlanImport(context.Background(), s, d, nil)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := interchange.Apply(context.Background(), s, plan, nil); err != nil {
		t.Fatal(err)
	}
	again, err := interchange.PlanImport(context.Background(), s, readFile(t, "messy.xlsx"), nil)
	if err != nil {
		t.Fatal(err)
	}
	taken := 0
	for _, p := range again.Problems {
		if p.Key == "err.number_taken" {
			taken++
		}
	}
	if taken != 4 || again.AgreementCounts().Add != 0 {
		t.Errorf("%d numbers taken, %+v; want 4 and nothing to add", taken, again.AgreementCounts())
	}
}

// When the data file changes between the preview and Apply so that the
// plan no longer holds, Apply refuses and changes nothing.
func TestApplyAfterChange(t *testing.T) {
	s := department(t)
	plan, err := interchange.PlanImport(context.Background(), s, readFile(t, "messy.xlsx"), nil)
	if err != nil {
		t.Fatal(err)
	}
	p := storetest.FullPartner("Колледж «Болашақ»", "050740004819")
	if err := s.SavePartner(&p); err != nil {
		t.Fatal(err)
	}
	before := state(t, s)
	_, err = interchange.Apply(context.Background(), s, plan, nil)
	if !errors.Is(err, interchange.ErrChanged) {
		t.Fatalf("apply: %v, want ErrChanged", err)
	}
	if state(t, s) != before {
		t.Error("a refused Apply changed the data file")
	}
	if msg := interchange.ErrorText(err, "ru"); !strings.Contains(msg, "предпросмотр") {
		t.Errorf("message %q", msg)
	}
}

// Kazakh headers, an ISO date and a Russian status label.
func TestKazakhHeaders(t *testing.T) {
	s := department(t)
	plan, err := interchange.PlanImport(context.Background(), s, readFile(t, "messy_kk.xlsx"), nil)
	if err != nil {
		t.Fatal(err)
	}
	if len(plan.Problems) > 0 {
		t.Fatalf("problems: %v", plan.Problems)
	}
	if _, err := interchange.Apply(context.Background(), s, plan, nil); err != nil {
		t.Fatal(err)
	}
	a, err := s.AgreementByNumber("Ш-2025/01")
	if err != nil || a.SignedOn != model.MustDate("01.10.2025") || a.Title != "Тәжірибе" || a.Status != model.StatusActive {
		t.Errorf("%+v, %v", a, err)
	}
}
