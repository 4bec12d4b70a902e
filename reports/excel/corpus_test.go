package excel

import (
	"context"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/partnerdesk/partnerdesk/model"
	"github.com/partnerdesk/partnerdesk/model/store"
	"github.com/partnerdesk/partnerdesk/reports/interchange"
	"github.com/partnerdesk/partnerdesk/reports/internal/snapshot"
)

var update = flag.Bool("update", false, "rewrite the expected results of the corpus (testdata/corpus/*.want)")

// corpusSeed holds the partners already in the data file when a register
// of the corpus is imported (to be matched), by file.
var corpusSeed = map[string][]model.Partner{
	"ru_name_matching.xlsx": {
		{Name: "ТОО «Казцинк»", Country: "KZ", Category: model.CategoryProfessional, Relation: model.RelationReal},
		{Name: "ТОО «Объединенная энергосервисная компания»", Country: "KZ", Category: model.CategoryProfessional, Relation: model.RelationReal},
		{Name: "АО «Согринская ТЭЦ»", Country: "KZ", TaxID: binOf("03024000521"), Category: model.CategoryProfessional, Relation: model.RelationReal},
		{Name: "КГУ «Школа-гимназия № 5»", Country: "KZ", Category: model.CategoryEducational, Relation: model.RelationReal},
	},
}

// binOf is the valid BIN the corpus generator makes from 11 digits.
func binOf(first11 string) string {
	for i := range 10 {
		p := first11[:10] + string(rune('0'+(int(first11[10]-'0')+i)%10))
		if d := model.BINCheckDigit(p); d >= 0 {
			return p + string(rune('0'+d))
		}
	}
	return ""
}

// TestCorpus imports every register of the corpus — kept by hand, in
// Russian, Kazakh, Kyrgyz or mixed, each shaped after a published
// register or form (testdata/corpus/SOURCES.md) — through the steps the
// wizard and partnerctl take (open, map the sheets, read with the
// default values, plan, apply what is valid), and compares what was
// mapped, every problem and warning with its cell, every match, the plan
// and what the data file then holds with testdata/corpus/NAME.want.
func TestCorpus(t *testing.T) {
	files, _ := filepath.Glob("testdata/corpus/*.xlsx")
	if len(files) < 12 {
		t.Fatalf("%d registers in the corpus, want at least 12", len(files))
	}
	for _, path := range files {
		name := filepath.Base(path)
		t.Run(name, func(t *testing.T) {
			got := importReport(t, path, corpusSeed[name])
			wantPath := strings.TrimSuffix(path, ".xlsx") + ".want"
			if *update {
				if err := os.WriteFile(wantPath, []byte(got), 0o644); err != nil {
					t.Fatal(err)
				}
			}
			want, err := os.ReadFile(wantPath)
			if err != nil {
				t.Fatal(err)
			}
			if got != string(want) {
				t.Errorf("%s differs from %s:\n%s", name, wantPath, lineDiff(string(want), got))
			}
		})
	}
}

// importReport imports a register into a new data file holding seed and
// describes what happened.
func importReport(t *testing.T, path string, seed []model.Partner) string {
	t.Helper()
	s, err := store.Open(filepath.Join(t.TempDir(), "dept.db"), snapshot.StoreOptions())
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	for _, p := range seed {
		if err := s.SavePartner(&p); err != nil {
			t.Fatal(err)
		}
	}
	var b strings.Builder
	d, maps := readCorpusFile(t, path)
	for _, m := range maps {
		fmt.Fprintln(&b, m.String())
	}
	plan, err := interchange.PlanImport(context.Background(), s, d, nil)
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range plan.Problems {
		kind := "problem"
		if p.Warning {
			kind = "warning"
		}
		fmt.Fprintf(&b, "%s: %s\n", kind, p.Text("en"))
	}
	for _, m := range plan.Matches {
		by := "name"
		if m.ByTaxID {
			by = "tax ID"
		}
		fmt.Fprintf(&b, "match: %s «%s» is «%s» (by %s)\n", m.Loc, m.Name, m.Existing, by)
	}
	fmt.Fprintf(&b, "plan: partners %+v; agreements %+v\n", plan.PartnerCounts(), plan.AgreementCounts())
	if _, err := interchange.Apply(context.Background(), s, plan, nil); err != nil {
		t.Fatal(err)
	}
	b.WriteString(dataFile(t, s))
	return b.String()
}

// readCorpusFile opens a register and reads it as the wizard and partnerctl
// do with the default values.
func readCorpusFile(t *testing.T, path string) (*interchange.Dataset, []Mapping) {
	t.Helper()
	wb, err := OpenWorkbookFile(path, DefaultLimits())
	if err != nil {
		t.Fatal(err)
	}
	defer wb.Close()
	maps, err := wb.AutoMappings("")
	if err != nil {
		t.Fatal(err)
	}
	d, err := wb.Read(context.Background(), maps, nil)
	if err != nil {
		t.Fatal(err)
	}
	return d, maps
}

// dataFile lists the agreements and partners a data file holds.
func dataFile(t *testing.T, s *store.Store) string {
	t.Helper()
	var b strings.Builder
	var lines []string
	as, err := s.Summaries()
	if err != nil {
		t.Fatal(err)
	}
	for _, a := range as {
		var names []string
		for _, id := range a.PartnerIDs {
			p, _ := s.Partner(id)
			names = append(names, p.Name)
		}
		lines = append(lines, fmt.Sprintf("agreement %s | signed %v | valid %v–%v | %s | %s | %q | %s",
			a.Number, a.SignedOn, a.ValidFrom, a.ValidUntil, a.Kind, a.Status, a.Title, strings.Join(names, " + ")))
	}
	ps, err := s.Partners()
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range ps {
		review := ""
		if p.Review {
			review = " | to review"
		}
		lines = append(lines, fmt.Sprintf("partner %s | %s %s | %s/%s%s", p.Name, p.Country, p.TaxID, p.Category, p.SubKind, review))
	}
	slices.Sort(lines)
	for _, l := range lines {
		b.WriteString(l + "\n")
	}
	return b.String()
}

// lineDiff shows the lines only one side has.
func lineDiff(want, got string) string {
	var out []string
	w, g := strings.Split(want, "\n"), strings.Split(got, "\n")
	for _, l := range w {
		if !slices.Contains(g, l) {
			out = append(out, "- "+l)
		}
	}
	for _, l := range g {
		if !slices.Contains(w, l) {
			out = append(out, "+ "+l)
		}
	}
	return strings.Join(out, "\n")
}
