package excel

import (
	"context"
	"strings"
	"testing"

	"github.com/partnerdesk/partnerdesk/model/store"
	"github.com/partnerdesk/partnerdesk/reports/interchange"
	"github.com/partnerdesk/partnerdesk/reports/internal/snapshot"
)

// readRegister opens a register and reads every recognised sheet.
func readRegister(t testing.TB, path string) (*interchange.Dataset, []Mapping) {
	t.Helper()
	wb, err := OpenWorkbookFile(path, DefaultLimits())
	if err != nil {
		t.Fatal(err)
	}
	defer wb.Close()
	maps := wb.GuessMappings()
	d, err := wb.Read(context.Background(), maps, nil)
	if err != nil {
		t.Fatal(err)
	}
	return d, maps
}

// A register exported by PartnerDesk imports into an empty data file with
// nothing lost: every partner and agreement field, compared by tax ID and
// number. Only attachments (their bytes are not in a register; the
// register says only whether a scan is attached) and what differs between
// data files by nature (IDs, revisions, time stamps) are left out. The
// institution's settings are not in a register either.
func TestRegisterRoundTrip(t *testing.T) {
	for _, lang := range []string{"ru", "kk", "ky", "en"} {
		t.Run(lang, func(t *testing.T) {
			src := snapshot.Filled(t, 40, 160)
			d, maps := readRegister(t, export(t, src, Options{Lang: lang}))
			if len(maps) != 8 {
				t.Errorf("recognised %d sheets, want 8: %+v", len(maps), maps)
			}
			dst := store.OpenMemory(snapshot.StoreOptions())
			plan, err := interchange.PlanImport(context.Background(), dst, d, nil)
			if err != nil {
				t.Fatal(err)
			}
			if len(plan.Problems) > 0 {
				t.Fatalf("problems:\n%v", plan.Problems)
			}
			if _, err := interchange.Apply(context.Background(), dst, plan, nil); err != nil {
				t.Fatal(err)
			}
			want, _ := snapshot.Take(src, snapshot.Options{})
			got, _ := snapshot.Take(dst, snapshot.Options{})
			if diffs := snapshot.Diff(want, got, 5); len(diffs) > 0 {
				t.Errorf("records differ after the round trip:\n%s", strings.Join(diffs, "\n"))
			}
		})
	}
}
