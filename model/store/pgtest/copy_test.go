package pgtest_test

import (
	"errors"
	"path/filepath"
	"reflect"
	"testing"

	"github.com/partnerdesk/partnerdesk/model"
	"github.com/partnerdesk/partnerdesk/model/demo"
	"github.com/partnerdesk/partnerdesk/model/store"
	"github.com/partnerdesk/partnerdesk/model/store/pgtest"
	"github.com/partnerdesk/partnerdesk/model/store/storetest"
)

// The last copy of the server is a sound data file that opens read-only
// with the same partners, agreements, institution and history, and
// refuses every change.
func TestSaveCopyOfServer(t *testing.T) {
	db := pgtest.Need(t).NewDB(t, store.NumbersPerUniversity)
	db.AddDepartment(t, "econ", "Экономика")
	db.AddPerson(t, "econ", "econ", store.RoleSecretary)
	d := demo.Generate(demo.Options{Seed: 3, Partners: 20, Agreements: 60, Today: storetest.BenchToday})
	if err := db.Open(t, "office", store.Options{}).AddNew(d, 500, nil); err != nil {
		t.Fatal(err)
	}
	econ := db.Open(t, "econ", store.Options{})
	path := filepath.Join(t.TempDir(), "copy.db")
	if err := econ.SaveCopy(path); err != nil {
		t.Fatal(err)
	}
	if err := econ.SaveCopy(path); err != nil { // a second copy replaces the first
		t.Fatal(err)
	}
	c, err := store.Open(path, store.Options{ReadOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close()
	if err := c.Check(); err != nil {
		t.Fatalf("the copy does not check: %v", err)
	}
	sin, sps, ssums, err := econ.ListData()
	if err != nil {
		t.Fatal(err)
	}
	cin, cps, csums, err := c.ListData()
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(sin, cin) || len(sps) != len(cps) || len(ssums) != len(csums) || len(csums) != 60 {
		t.Fatalf("the copy holds %d partners, %d agreements (server %d, %d); institution equal: %v",
			len(cps), len(csums), len(sps), len(ssums), reflect.DeepEqual(sin, cin))
	}
	for _, sm := range ssums {
		want, _ := econ.Agreement(sm.ID)
		got, err := c.Agreement(sm.ID)
		if err != nil || !reflect.DeepEqual(want, got) {
			t.Fatalf("agreement %s differs in the copy (%v)", sm.Number, err)
		}
	}
	if h, _ := c.History(model.EntityAgreement, ssums[0].ID); len(h) == 0 {
		t.Error("the copy has no history of the agreement")
	}
	a, _ := c.Agreement(ssums[0].ID)
	a.Title = "changed"
	if err := c.SaveAgreement(&a); !errors.Is(err, store.ErrReadOnly) {
		t.Errorf("a save in the copy: %v, want ErrReadOnly", err)
	}
}
