package pgtest_test

import (
	"context"
	"errors"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgconn"

	"github.com/partnerdesk/partnerdesk/model"
	"github.com/partnerdesk/partnerdesk/model/store"
	"github.com/partnerdesk/partnerdesk/model/store/pgtest"
	"github.com/partnerdesk/partnerdesk/model/store/storetest"
)

// university is a server with two departments, a secretary of each, an
// auditor and the office, and one agreement in each department.
type university struct {
	db                *pgtest.DB
	office, econ, law *store.Store
	auditor           *store.Store
	partner           model.Partner
	econAgr, lawAgr   model.Agreement
}

func newUniversity(t *testing.T, numbers string) *university {
	t.Helper()
	db := pgtest.Need(t).NewDB(t, numbers)
	db.AddDepartment(t, "econ", "Экономика")
	db.AddDepartment(t, "law", "Право")
	db.AddPerson(t, "econ", "econ", store.RoleSecretary)
	db.AddPerson(t, "law", "law", store.RoleSecretary)
	db.AddPerson(t, "audit", "office", store.RoleAuditor)
	u := &university{db: db}
	u.office = db.Open(t, "office", store.Options{})
	u.econ = db.Open(t, "econ", store.Options{})
	u.law = db.Open(t, "law", store.Options{})
	u.auditor = db.Open(t, "audit", store.Options{})
	u.partner = storetest.FullPartner("ТОО «Партнёр»", storetest.BIN1)
	if err := u.econ.SavePartner(&u.partner); err != nil {
		t.Fatal(err)
	}
	u.econAgr = storetest.FullAgreement("ЭК-2025/001", u.partner.ID)
	if err := u.econ.SaveAgreement(&u.econAgr); err != nil {
		t.Fatal(err)
	}
	u.lawAgr = storetest.FullAgreement("ПР-2025/001", u.partner.ID)
	if err := u.law.SaveAgreement(&u.lawAgr); err != nil {
		t.Fatal(err)
	}
	return u
}

func wantRefused(t *testing.T, what string, err error, key string) {
	t.Helper()
	var pe *store.PermissionError
	if !errors.As(err, &pe) || !errors.Is(err, store.ErrNotAllowed) || pe.Key != key {
		t.Fatalf("%s: got %v, want a refusal %s", what, err, key)
	}
}

func TestSecretaryChangesOnlyHerDepartment(t *testing.T) {
	u := newUniversity(t, store.NumbersPerUniversity)
	if u.econAgr.Department != "econ" || u.lawAgr.Department != "law" {
		t.Fatalf("new agreements belong to %q and %q, want their secretaries' departments", u.econAgr.Department, u.lawAgr.Department)
	}
	a, err := u.econ.Agreement(u.lawAgr.ID)
	if err != nil {
		t.Fatal(err) // she sees it
	}
	a.Title = "Изменено экономистом"
	err = u.econ.SaveAgreement(&a)
	wantRefused(t, "a secretary saving another department's agreement", err, "server.refused_agreement")
	if msg := err.Error(); !strings.Contains(msg, "«law»") || !strings.Contains(msg, "partnership office") {
		t.Errorf("the refusal does not say who may change it: %s", msg)
	}
	wantRefused(t, "deleting it", u.econ.DeleteAgreement(u.lawAgr.ID), "server.refused_agreement")
	_, err = u.econ.AddAttachment(u.lawAgr.ID, "скан.pdf", "application/pdf", []byte("%PDF"))
	wantRefused(t, "attaching to it", err, "server.refused_agreement")
	mine, _ := u.econ.Agreement(u.econAgr.ID)
	mine.Department = "law"
	wantRefused(t, "moving her agreement to another department", u.econ.SaveAgreement(&mine), "server.refused_agreement")
	mine, _ = u.econ.Agreement(u.econAgr.ID)
	mine.Title = "Своё — можно"
	if err := u.econ.SaveAgreement(&mine); err != nil {
		t.Fatalf("her own agreement: %v", err)
	}
	// The office changes anything.
	a, _ = u.office.Agreement(u.lawAgr.ID)
	a.Notes = "Проверено офисом"
	if err := u.office.SaveAgreement(&a); err != nil {
		t.Fatal(err)
	}
	got, _ := u.office.Agreement(u.lawAgr.ID)
	if got.Title != u.lawAgr.Title || got.Notes != "Проверено офисом" {
		t.Errorf("the law agreement was changed by the refused saves: %+v", got.Title)
	}
	// Deleting partners is the office's.
	wantRefused(t, "a secretary deleting a partner", u.econ.DeletePartner(u.partner.ID), "server.refused_office_only")
}

// The server, not the client, enforces the departments: statements sent
// straight to the database as the secretary change nothing.
func TestRowLevelSecurityBindsRawSQL(t *testing.T) {
	u := newUniversity(t, store.NumbersPerUniversity)
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	c, err := pgx.Connect(ctx, u.db.URL("econ"))
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close(ctx)
	tag, err := c.Exec(ctx, `UPDATE partnerdesk.agreements SET doc = doc || '{"title":"x"}' WHERE id = $1`, u.lawAgr.ID)
	if err != nil || tag.RowsAffected() != 0 {
		t.Errorf("UPDATE of the law agreement as the economics secretary: %v, %d rows", err, tag.RowsAffected())
	}
	tag, err = c.Exec(ctx, `DELETE FROM partnerdesk.agreements WHERE id = $1`, u.lawAgr.ID)
	if err != nil || tag.RowsAffected() != 0 {
		t.Errorf("DELETE: %v, %d rows", err, tag.RowsAffected())
	}
	_, err = c.Exec(ctx, `UPDATE partnerdesk.agreements SET department = 'law' WHERE id = $1`, u.econAgr.ID)
	wantCode(t, "moving her own agreement into law", err, "42501")
	_, err = c.Exec(ctx, `INSERT INTO partnerdesk.agreements (id, rev, department, doc) VALUES (9999, 1, 'law', '{}')`)
	wantCode(t, "INSERT into law", err, "42501")
	_, err = c.Exec(ctx, `INSERT INTO partnerdesk.history (seq, entity, entity_id, db_user, doc) VALUES (9999, 'a', 1, 'someone_else', '{}')`)
	wantCode(t, "history in another's name", err, "42501")
	_, err = c.Exec(ctx, `DELETE FROM partnerdesk.history`)
	wantCode(t, "deleting history", err, "42501")

	a, err := pgx.Connect(ctx, u.db.URL("audit"))
	if err != nil {
		t.Fatal(err)
	}
	defer a.Close(ctx)
	_, err = a.Exec(ctx, `UPDATE partnerdesk.partners SET name = 'x'`)
	wantCode(t, "auditor UPDATE", err, "42501")
	_, err = a.Exec(ctx, `SELECT partnerdesk.add_person('intruder', 'x', 'office', 'office')`)
	wantCode(t, "auditor adding people", err, "42501")
	var n int
	if err := a.QueryRow(ctx, `SELECT count(*) FROM partnerdesk.agreements`).Scan(&n); err != nil || n != 2 {
		t.Errorf("the auditor reads %d agreements (%v), want 2", n, err)
	}
	// The owner and superusers are refused by the app.
	if _, err := store.OpenURL(u.db.S.AdminURL(u.db.Name), store.Options{}); err == nil || !strings.Contains(err.Error(), "superuser") {
		t.Errorf("opening as the superuser: %v", err)
	}
}

func wantCode(t *testing.T, what string, err error, code string) {
	t.Helper()
	var pe *pgconn.PgError
	if !errors.As(err, &pe) || pe.Code != code {
		t.Errorf("%s: got %v, want SQLSTATE %s", what, err, code)
	}
}

func TestAuditorChangesNothing(t *testing.T) {
	u := newUniversity(t, store.NumbersPerUniversity)
	p, _ := u.auditor.Partner(u.partner.ID)
	p.Name = "Аудитор"
	wantRefused(t, "auditor saving a partner", u.auditor.SavePartner(&p), "server.refused_auditor")
	np := storetest.FullPartner("Новый", storetest.BIN2)
	wantRefused(t, "auditor adding a partner", u.auditor.SavePartner(&np), "server.refused_auditor")
	a, _ := u.auditor.Agreement(u.econAgr.ID)
	a.Title = "Аудитор"
	wantRefused(t, "auditor saving an agreement", u.auditor.SaveAgreement(&a), "server.refused_auditor")
	wantRefused(t, "auditor deleting", u.auditor.DeleteAgreement(u.econAgr.ID), "server.refused_auditor")
	in := model.Institution{Names: model.Names{RU: "Университет"}, Country: "KZ"}
	wantRefused(t, "auditor saving the institution", u.auditor.SaveInstitution(&in), "server.refused_auditor")
	c, _ := u.office.Counts()
	if c.Partners != 1 || c.Agreements != 2 {
		t.Errorf("counts changed: %+v", c)
	}
}

// Every role sees every agreement of the university, with its department.
func TestEveryRoleSeesTheUniversity(t *testing.T) {
	u := newUniversity(t, store.NumbersPerUniversity)
	for name, s := range map[string]*store.Store{"office": u.office, "econ": u.econ, "law": u.law, "auditor": u.auditor} {
		_, partners, sums, err := s.ListData()
		if err != nil {
			t.Fatal(err)
		}
		depts := map[string]bool{}
		for _, sm := range sums {
			depts[sm.Department] = true
		}
		if len(partners) != 1 || len(sums) != 2 || !depts["econ"] || !depts["law"] {
			t.Errorf("%s sees %d partners, %d agreements of %v", name, len(partners), len(sums), depts)
		}
	}
}

func TestStaleSaveSaysWhoChangedIt(t *testing.T) {
	u := newUniversity(t, store.NumbersPerUniversity)
	mine, _ := u.econ.Agreement(u.econAgr.ID)
	theirs, _ := u.office.Agreement(u.econAgr.ID)
	theirs.Title = "Офис успел раньше"
	if err := u.office.SaveAgreement(&theirs); err != nil {
		t.Fatal(err)
	}
	mine.Title = "Секретарь позже"
	err := u.econ.SaveAgreement(&mine)
	var ce *store.ConflictError
	if !errors.As(err, &ce) || !errors.Is(err, store.ErrConflict) || ce.By != u.db.Login("office") {
		t.Fatalf("stale save: %v, want a conflict naming %s", err, u.db.Login("office"))
	}
	got, _ := u.econ.Agreement(u.econAgr.ID)
	if got.Title != "Офис успел раньше" {
		t.Errorf("the newer save was overwritten: %q", got.Title)
	}
	h, _ := u.econ.History(model.EntityAgreement, u.econAgr.ID)
	if len(h) != 2 || h[0].User != u.db.Login("econ") || h[1].User != u.db.Login("office") {
		t.Errorf("history users: %+v", h)
	}
}

func TestNumbersPerDepartment(t *testing.T) {
	u := newUniversity(t, store.NumbersPerDepartment)
	same := storetest.FullAgreement("ЭК-2025/001", u.partner.ID)
	if err := u.law.SaveAgreement(&same); err != nil {
		t.Fatalf("law reusing economics' number: %v", err)
	}
	again := storetest.FullAgreement("эк-2025/001", u.partner.ID)
	err := u.econ.SaveAgreement(&again)
	if v, ok := model.AsValidation(err); !ok || v[0].Key != "err.number_taken" {
		t.Fatalf("a repeated number within economics: %v", err)
	}
	got, err := u.law.AgreementByNumber("ЭК-2025/001")
	if err != nil || got.ID != same.ID {
		t.Errorf("law's own ЭК-2025/001: %d, %v", got.ID, err)
	}
	// Back to one numbering for the university: refused while they clash.
	if err := u.db.Admin(t).SetNumbering(context.Background(), store.NumbersPerUniversity); err == nil {
		t.Error("switching to university-wide numbers despite a clash")
	}
	if err := u.office.Check(); err != nil {
		t.Error(err)
	}
}

func TestUniversityNumbersClash(t *testing.T) {
	u := newUniversity(t, store.NumbersPerUniversity)
	same := storetest.FullAgreement("ЭК-2025/001", u.partner.ID)
	err := u.law.SaveAgreement(&same)
	if v, ok := model.AsValidation(err); !ok || v[0].Key != "err.number_taken" {
		t.Fatalf("a number of another department: %v", err)
	}
}

// A client older or newer than the server's schema reads but refuses to
// write, saying why.
func TestSchemaVersionMismatch(t *testing.T) {
	u := newUniversity(t, store.NumbersPerUniversity)
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	c, err := pgx.Connect(ctx, u.db.S.AdminURL(u.db.Name))
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close(ctx)
	for _, v := range []int{store.ServerSchemaVersion + 1, store.ServerSchemaVersion - 1} {
		if _, err := c.Exec(ctx, `UPDATE partnerdesk.meta SET value = $1 WHERE key = 'schema'`, strconv.Itoa(v)); err != nil {
			t.Fatal(err)
		}
		s := u.db.Open(t, "office", store.Options{})
		var sm *store.SchemaMismatchError
		if !errors.As(s.WriteRefusal(), &sm) || sm.Server != v {
			t.Fatalf("server schema %d: refusal %v", v, s.WriteRefusal())
		}
		if _, err := s.Agreement(u.econAgr.ID); err != nil {
			t.Errorf("reading with schema %d: %v", v, err)
		}
		p, _ := s.Partner(u.partner.ID)
		p.Name = "Не сохранится"
		err := s.SavePartner(&p)
		if !errors.As(err, &sm) {
			t.Errorf("saving with server schema %d: %v", v, err)
		}
		want := "newer"
		if v < store.ServerSchemaVersion {
			want = "older"
		}
		if err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("the refusal does not say the server is %s: %v", want, err)
		}
	}
}

// Without an sslmode the connection insists on TLS with the server's
// certificate checked against its name.
func TestTLSByDefault(t *testing.T) {
	if got := store.DefaultTLS("postgres://anna@db.univ.kz/partnerdesk"); !strings.Contains(got, "sslmode=verify-full") {
		t.Errorf("DefaultTLS = %s", got)
	}
	if got := store.DefaultTLS("postgres://anna@db.univ.kz/partnerdesk?sslmode=disable"); strings.Contains(got, "verify-full") {
		t.Errorf("an explicit sslmode was overridden: %s", got)
	}
	u := pgtest.Need(t).NewDB(t, store.NumbersPerUniversity)
	plain := strings.TrimSuffix(u.URL("office"), "?sslmode=disable")
	if _, err := store.OpenURL(plain, store.Options{}); err == nil {
		t.Error("a server without TLS was accepted with the default settings")
	}
}

func TestUnknownDepartment(t *testing.T) {
	u := newUniversity(t, store.NumbersPerUniversity)
	a := storetest.FullAgreement("ОФ-1", u.partner.ID)
	a.Department = "physics"
	err := u.office.SaveAgreement(&a)
	if v, ok := model.AsValidation(err); !ok || v[0].Key != "err.unknown_department" || !strings.Contains(err.Error(), "«physics»") {
		t.Errorf("an agreement of an unknown department: %v", err)
	}
	if err := u.db.Admin(t).AddPerson(context.Background(), u.db.Prefix+"x", pgtest.Password, "physics", store.RoleSecretary); err == nil || !strings.Contains(err.Error(), "«physics»") {
		t.Errorf("a person of an unknown department: %v", err)
	}
}
