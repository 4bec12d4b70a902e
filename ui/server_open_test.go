package ui

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"

	"github.com/partnerdesk/partnerdesk/model"
	"github.com/partnerdesk/partnerdesk/model/demo"
	"github.com/partnerdesk/partnerdesk/model/store"
	"github.com/partnerdesk/partnerdesk/model/store/pgtest"
)

// The app opens the university's server from a postgres:// URL (as --db
// or PARTNERDESK_DB give it) and shows its data; the server's refusals
// read in the interface's language.
func TestLaunchServer(t *testing.T) {
	db := pgtest.Need(t).NewDB(t, store.NumbersPerUniversity)
	db.AddDepartment(t, "econ", "Экономика")
	db.AddPerson(t, "econ", "econ", store.RoleSecretary)
	office := db.Open(t, "office", store.Options{})
	if err := office.AddNew(demo.Generate(demo.Options{Seed: 4, Partners: 10, Agreements: 25, Today: testToday}), 100, nil); err != nil {
		t.Fatal(err)
	}
	a := test.NewTempApp(t)
	w := a.NewWindow("")
	closeStore := Launch(a, w, db.URL("econ"), Options{Today: func() model.Date { return testToday }, Language: "en"})
	defer closeStore()
	if !contains(texts(w.Content()), "Dashboard") {
		t.Fatalf("the server was not opened: %v", texts(w.Content()))
	}

	s := db.Open(t, "econ", store.Options{})
	sums, _ := s.Summaries()
	ag, _ := s.Agreement(sums[0].ID)
	ag.Title = "Чужое"
	err := s.SaveAgreement(&ag)
	setLanguage("ru")
	defer setLanguage("en")
	if got := errorText(err); !strings.Contains(got, "офис партнёрства") || !strings.Contains(got, "«office»") {
		t.Errorf("the refusal in Russian: %q", got)
	}
}

func TestLaunchServerUnreachable(t *testing.T) {
	a := test.NewTempApp(t)
	w := a.NewWindow("")
	closeStore := Launch(a, w, "postgres://nobody@127.0.0.1:1/partnerdesk?sslmode=disable&connect_timeout=2", Options{Language: "en"})
	defer closeStore()
	if got := strings.Join(texts(w.Content()), "\n"); !strings.Contains(got, "127.0.0.1") {
		t.Errorf("no word of the unreachable server:\n%s", got)
	}
}
