package store_test

import (
	"bufio"
	"fmt"
	"os"
	"strconv"
	"testing"
	"time"

	"github.com/partnerdesk/partnerdesk/model"
	"github.com/partnerdesk/partnerdesk/model/store"
	"github.com/partnerdesk/partnerdesk/model/store/storetest"
)

// The crash and lock tests start this test binary again as a child process
// with PARTNERDESK_TEST_CHILD set; TestMain runs the child's part instead
// of the tests.
func TestMain(m *testing.M) {
	switch os.Getenv("PARTNERDESK_TEST_CHILD") {
	case "":
		os.Exit(m.Run())
	case "hold":
		childHold(os.Getenv("PARTNERDESK_TEST_DB"))
	case "save":
		childSave(os.Getenv("PARTNERDESK_TEST_DB"))
	}
	os.Exit(0)
}

// childHold opens the file, says so, and keeps it open until killed.
func childHold(path string) {
	s, err := store.Open(path, store.Options{})
	if err != nil {
		fmt.Println("error:", err)
		os.Exit(1)
	}
	defer s.Close()
	fmt.Println("open")
	time.Sleep(time.Minute)
}

// childSave saves agreements in a loop and prints "id number" after each
// Update returns, i.e. once the save is acknowledged.
func childSave(path string) {
	s, err := store.Open(path, store.Options{Timeout: 5 * time.Second})
	if err != nil {
		fmt.Println("error:", err)
		os.Exit(1)
	}
	out := bufio.NewWriter(os.Stdout)
	var partner model.ID
	err = s.Update(func(tx *store.Tx) error {
		if p, err := tx.PartnerByTaxID("KZ", storetest.BIN1); err == nil {
			partner = p.ID
			return nil
		}
		p := storetest.FullPartner("Crash partner", storetest.BIN1)
		err := tx.SavePartner(&p)
		partner = p.ID
		return err
	})
	if err != nil {
		fmt.Println("error:", err)
		os.Exit(1)
	}
	start := time.Now().UnixNano()
	for i := 0; ; i++ {
		a := storetest.FullAgreement("CRASH-"+strconv.FormatInt(start, 36)+"-"+strconv.Itoa(i), partner)
		a.Notes = fmt.Sprintf("payload %d", i)
		if err := s.SaveAgreement(&a); err != nil {
			fmt.Println("error:", err)
			os.Exit(1)
		}
		fmt.Fprintf(out, "%d %s\n", a.ID, a.Number)
		out.Flush()
	}
}
