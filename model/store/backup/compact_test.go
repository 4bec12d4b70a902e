package backup

import (
	"os"
	"testing"

	"github.com/partnerdesk/partnerdesk/model"
	"github.com/partnerdesk/partnerdesk/model/demo"
	"github.com/partnerdesk/partnerdesk/model/store"
)

// TestSparseFileIsCompactedOnOpen deletes most agreements of a data file:
// the next open finds more than a third of it free, takes a backup,
// compacts it through a checked copy and opens the smaller file, which
// holds every remaining record as it was.
func TestSparseFileIsCompactedOnOpen(t *testing.T) {
	e := newEnv(t)
	d := demo.Generate(demo.Options{Seed: 5, Partners: 40, Agreements: 800, Today: model.MustDate("28.11.2026")})
	if err := e.st.AddNew(d, 200, nil); err != nil {
		t.Fatal(err)
	}
	sums, err := e.st.Summaries()
	if err != nil {
		t.Fatal(err)
	}
	err = e.st.Update(func(tx *store.Tx) error {
		for _, s := range sums[:700] {
			if err := tx.DeleteAgreement(s.ID); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	want := dump(t, e.st)
	share, _ := e.st.FreeShare()
	e.close()
	before, _ := os.Stat(e.path)
	st, diag := e.set.OpenOrDiagnose(store.Options{Now: e.clock.Now})
	if diag != nil {
		t.Fatal(diag)
	}
	e.st = st
	defer e.close()
	c, err := e.set.Compaction()
	if err != nil || c == nil {
		t.Fatalf("a file %.0f %% free (%d bytes) was not compacted: %v", share*100, before.Size(), err)
	}
	after, _ := os.Stat(e.path)
	t.Logf("compacted %d → %d bytes (%.0f %% was free) in %v", c.Before, c.After, share*100, c.Took)
	if c.After != after.Size() || c.After*3 > c.Before*2 || c.Backup.Kind != KindCompact {
		t.Errorf("compaction: %+v, file now %d bytes", c, after.Size())
	}
	if info := Inspect(c.Backup); info.Err != nil || info.Counts != want.Counts {
		t.Errorf("the backup before compacting: %+v", info)
	}
	if err := e.st.Check(); err != nil {
		t.Fatal(err)
	}
	sameRecords(t, dump(t, e.st), want)
	// Sequences survive: a new agreement gets a new ID.
	id := e.save()
	if id <= want.Agreements[len(want.Agreements)-1].ID {
		t.Errorf("a new agreement after compaction got ID %d", id)
	}
	// Now compact, the file is not sparse: nothing happens on open.
	e.close()
	e.st, diag = e.set.OpenOrDiagnose(store.Options{Now: e.clock.Now})
	if diag != nil {
		t.Fatal(diag)
	}
	if c, _ := e.set.Compaction(); c != nil {
		t.Errorf("a compact file was compacted again: %+v", c)
	}
}
