package pgtest_test

import (
	"context"
	"testing"

	"github.com/partnerdesk/partnerdesk/model/store"
	"github.com/partnerdesk/partnerdesk/model/store/pgtest"
	"github.com/partnerdesk/partnerdesk/model/store/storetest"
)

func TestMain(m *testing.M) { pgtest.Main(m) }

// TestContractPostgres runs the store contract on the server, as an
// office person (who may change everything) of the default department.
func TestContractPostgres(t *testing.T) {
	srv := pgtest.Need(t)
	storetest.Run(t, func(t *testing.T, opts store.Options) *store.Store {
		db := srv.NewDB(t, store.NumbersPerUniversity)
		// The contract names its user "secretary"; logins are server-wide,
		// and this one is an office person in each test's database.
		if err := db.Admin(t).AddPerson(context.Background(), opts.User, pgtest.Password, "office", store.RoleOffice); err != nil {
			t.Fatal(err)
		}
		s, err := store.OpenURL(srv.URL(db.Name, opts.User), opts)
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { s.Close() })
		return s
	})
}
