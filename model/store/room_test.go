package store_test

import (
	"os"
	"path/filepath"
	"strconv"
	"testing"

	"github.com/partnerdesk/partnerdesk/model/store"
	"github.com/partnerdesk/partnerdesk/model/store/storetest"
)

// TestRoomKeepsLargeTransaction: a data file opened with room for one
// large transaction (as partnerctl opens it to import) keeps every record
// of it, passes its check and opens as usual afterwards, and is not made
// as long as the room it was given (16 MiB, as without room).
func TestRoomKeepsLargeTransaction(t *testing.T) {
	path := filepath.Join(t.TempDir(), "partnerdesk.db")
	s, err := store.Open(path, store.Options{Room: 512 << 20})
	if err != nil {
		t.Fatal(err)
	}
	p := storetest.FullPartner("П", storetest.BIN1)
	if err := s.SavePartner(&p); err != nil {
		t.Fatal(err)
	}
	const n = 3000 // megabytes of records: without room, bbolt maps the file anew several times
	err = s.Update(func(tx *store.Tx) error {
		for i := range n {
			a := storetest.FullAgreement("СП-"+strconv.Itoa(i), p.ID)
			if err := tx.SaveAgreement(&a); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	st, err := os.Stat(path)
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("%d agreements: %.1f MiB", n, float64(st.Size())/(1<<20))
	if st.Size() > 32<<20 {
		t.Errorf("file is %d MiB long: grown for its room", st.Size()>>20)
	}
	s, err = store.Open(path, store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if err := s.Check(); err != nil {
		t.Fatalf("check: %v", err)
	}
	c, err := s.Counts()
	if err != nil {
		t.Fatal(err)
	}
	if c.Agreements != n || c.Partners != 1 {
		t.Errorf("counts %+v, want %d agreements and 1 partner", c, n)
	}
}
