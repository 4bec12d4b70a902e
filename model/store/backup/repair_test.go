package backup

import (
	"bytes"
	"errors"
	"os"
	"slices"
	"strings"
	"testing"

	"github.com/partnerdesk/partnerdesk/model"
	"github.com/partnerdesk/partnerdesk/model/store"
	"github.com/partnerdesk/partnerdesk/model/store/storetest"
)

// flipIn flips one bit in the middle of every stored copy of text in the
// file (stale copies in free pages included) and reports how many it hit.
func flipIn(t *testing.T, path, text string) int {
	t.Helper()
	raw, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	n := 0
	for off := 0; ; {
		i := bytes.Index(raw[off:], []byte(text))
		if i < 0 {
			break
		}
		raw[off+i+len(text)/2] ^= 0x02
		off += i + len(text)
		n++
	}
	if err := os.WriteFile(path, raw, 0o600); err != nil {
		t.Fatal(err)
	}
	return n
}

// TestRepairTakesDamagedRecordsBackFromBackups flips a bit in a partner's
// tax ID, an agreement's number and a summary: the start-up diagnosis
// names them and offers the repair; Repair takes the two records back from
// the backup, rebuilds the summary, keeps a copy of the damaged file, and
// leaves every other record, including one saved after the backup, as it
// was.
func TestRepairTakesDamagedRecordsBackFromBackups(t *testing.T) {
	e := newEnv(t)
	p := storetest.FullPartner("ТОО «Сенім»", storetest.BIN1)
	if err := e.st.SavePartner(&p); err != nil {
		t.Fatal(err)
	}
	a := storetest.FullAgreement("СП-2026/77", p.ID)
	a.Title = "Практика студентов по программе «Цифровая грамотность»"
	if err := e.st.SaveAgreement(&a); err != nil {
		t.Fatal(err)
	}
	if _, err := e.set.Manual(e.st); err != nil {
		t.Fatal(err)
	}
	later := e.save() // after the backup: not in it, not damaged
	want := dump(t, e.st)
	e.close()
	if flipIn(t, e.path, storetest.BIN1) == 0 || flipIn(t, e.path, "Цифровая грамотность") == 0 {
		t.Fatal("the records were not found in the file")
	}
	_, d := e.set.OpenOrDiagnose(store.Options{Now: e.clock.Now})
	if d == nil || d.Problem != ProblemDamaged || !slices.Contains(d.Choices, ChoiceRepair) {
		t.Fatalf("diagnosis of a file with damaged records: %+v", d)
	}
	names := strings.Join(d.Details, "\n")
	for _, want := range []string{"partner 1 \"ТОО «Сенім»\"", "agreement 1 \"СП-2026/77\""} {
		if !strings.Contains(names, want) {
			t.Errorf("the diagnosis does not name %s:\n%s", want, names)
		}
	}
	r, err := e.set.Repair()
	if err != nil {
		t.Fatal(err)
	}
	if len(r.Problems) > 0 || r.Aside == "" {
		t.Fatalf("after the repair: %+v", r)
	}
	fields := map[string][]string{}
	for _, rec := range r.Records {
		t.Logf("repaired %s from %s, fields %v", rec.Record, rec.From, rec.Fields)
		if rec.Missing {
			t.Errorf("%s: not found in the backup", rec.Record)
		}
		fields[rec.Record.Kind] = rec.Fields
	}
	if !slices.Equal(fields["partner"], []string{"tax_id"}) || !slices.Contains(fields["agreement"], "title") {
		t.Errorf("changed fields: %v", fields)
	}
	if info, err := store.Inspect(r.Aside); !errors.Is(err, store.ErrDamaged) {
		t.Errorf("the copy kept aside is not the damaged file: %+v %v", info, err)
	}
	e.open()
	defer e.close()
	got := dump(t, e.st)
	// The repair adds one history entry per restored record.
	got.History, want.History = nil, nil
	got.Counts.History, want.Counts.History = 0, 0
	sameRecords(t, got, want)
	if _, err := e.st.Agreement(later); err != nil {
		t.Errorf("the agreement saved after the backup: %v", err)
	}
	h, _ := e.st.History(model.EntityAgreement, a.ID)
	if len(h) == 0 || h[len(h)-1].Action != model.ActionRestored {
		t.Errorf("history of the repaired agreement: %+v", h)
	}
}
