// Package storetest is the contract every PartnerDesk store obeys, run
// against the bbolt file store and the in-memory store alike.
package storetest

import (
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"maps"
	"reflect"
	"slices"
	"testing"
	"time"

	"github.com/partnerdesk/partnerdesk/model"
	"github.com/partnerdesk/partnerdesk/model/store"
)

// Opener returns a new, empty store for one test, using the options given.
// With opts.ReadOnly it returns an empty store opened read-only (for a
// file: created, closed and opened again read-only).
type Opener func(t *testing.T, opts store.Options) *store.Store

// Real BINs (their check digits are right).
const (
	BIN1 = "971240001315"
	BIN2 = "940140000385"
	BIN3 = "020240000555"
)

// Run runs the contract tests. Run them under -race too: several cases
// read and write from many goroutines at once.
func Run(t *testing.T, open Opener) {
	tests := map[string]func(*testing.T, *store.Store, *Clock){
		"PartnerRoundTrip":          testPartnerRoundTrip,
		"AgreementRoundTrip":        testAgreementRoundTrip,
		"InstitutionRoundTrip":      testInstitutionRoundTrip,
		"InvalidSaveChangesNothing": testInvalidSave,
		"UniqueTaxID":               testUniqueTaxID,
		"UniqueNumber":              testUniqueNumber,
		"MissingPartner":            testMissingPartner,
		"PartnerInUse":              testPartnerInUse,
		"StaleRevision":             testStaleRevision,
		"History":                   testHistory,
		"Attachments":               testAttachments,
		"AtomicUpdate":              testAtomicUpdate,
		"Summaries":                 testSummaries,
		"Renew":                     testRenew,
		"DeleteAgreement":           testDeleteAgreement,
		"NotFound":                  testNotFound,
		"ConcurrentSaves":           testConcurrentSaves,
		"ReadersSeeWholeTxs":        testReadersSeeWholeTransactions,
		"ReadTxRefusesWrites":       testReadTxRefusesWrites,
	}
	maps.Copy(tests, roundTests)
	for _, name := range slices.Sorted(maps.Keys(tests)) {
		t.Run(name, func(t *testing.T) {
			clock := &Clock{T: time.Date(2026, 11, 28, 9, 30, 0, 0, time.UTC)}
			s := open(t, store.Options{Now: clock.Now, User: "secretary"})
			tests[name](t, s, clock)
			if err := s.Check(); err != nil {
				t.Errorf("Check after the test: %v", err)
			}
		})
	}
	t.Run("ClosedStore", func(t *testing.T) { testClosedStore(t, open) })
	t.Run("ReadOnlyOpen", func(t *testing.T) { testReadOnlyOpen(t, open) })
}

func mustSavePartner(t *testing.T, s *store.Store, name, taxID string) model.Partner {
	t.Helper()
	p := FullPartner(name, taxID)
	if err := s.SavePartner(&p); err != nil {
		t.Fatalf("SavePartner(%s): %v", name, err)
	}
	return p
}

func mustSaveAgreement(t *testing.T, s *store.Store, number string, partners ...model.ID) model.Agreement {
	t.Helper()
	a := FullAgreement(number, partners...)
	if err := s.SaveAgreement(&a); err != nil {
		t.Fatalf("SaveAgreement(%s): %v", number, err)
	}
	return a
}

func testPartnerRoundTrip(t *testing.T, s *store.Store, clock *Clock) {
	want := FullPartner("«Қазақстан темір жолы» ҰК АҚ", " 971 240 001 315 ")
	p := want
	if err := s.SavePartner(&p); err != nil {
		t.Fatal(err)
	}
	if p.ID == 0 || p.Rev != 1 || !p.Created.Equal(clock.T) || !p.Updated.Equal(clock.T) {
		t.Errorf("bookkeeping not set: id %d rev %d created %v", p.ID, p.Rev, p.Created)
	}
	if p.TaxID != BIN1 {
		t.Errorf("tax ID not normalised: %q", p.TaxID)
	}
	got, err := s.Partner(p.ID)
	if err != nil {
		t.Fatal(err)
	}
	want.ID, want.Rev, want.Created, want.Updated, want.TaxID = p.ID, 1, clock.T, clock.T, BIN1
	assertEqual(t, got, want)

	clock.Advance(time.Hour)
	got.Relation, got.Contacts = model.RelationPotential, got.Contacts[:1]
	if err := s.SavePartner(&got); err != nil {
		t.Fatal(err)
	}
	again, _ := s.Partner(p.ID)
	if again.Rev != 2 || again.Relation != model.RelationPotential || len(again.Contacts) != 1 ||
		!again.Created.Equal(want.Created) || !again.Updated.Equal(clock.T) {
		t.Errorf("update not stored: %+v", again)
	}
	byTax, err := txPartnerByTaxID(s, "KZ", BIN1)
	if err != nil || byTax.ID != p.ID {
		t.Errorf("PartnerByTaxID = %d, %v", byTax.ID, err)
	}
	all, _ := s.Partners()
	if len(all) != 1 || all[0].ID != p.ID {
		t.Errorf("Partners() = %d records", len(all))
	}
}

func txPartnerByTaxID(s *store.Store, country, tax string) (p model.Partner, err error) {
	err = s.View(func(tx *store.Tx) error { p, err = tx.PartnerByTaxID(country, tax); return err })
	return p, err
}

func assertEqual[T any](t *testing.T, got, want T) {
	t.Helper()
	if !reflect.DeepEqual(normalizeTimes(got), normalizeTimes(want)) {
		t.Errorf("round trip differs:\n got %+v\nwant %+v", got, want)
	}
}

// normalizeTimes strips monotonic clock readings and locations, which a
// decoded time does not carry.
func normalizeTimes[T any](v T) T {
	rv := reflect.ValueOf(&v).Elem()
	walkTimes(rv)
	return v
}

func walkTimes(v reflect.Value) {
	switch v.Kind() {
	case reflect.Struct:
		if tm, ok := v.Interface().(time.Time); ok {
			if v.CanSet() {
				v.Set(reflect.ValueOf(tm.UTC().Round(0)))
			}
			return
		}
		for i := range v.NumField() {
			walkTimes(v.Field(i))
		}
	case reflect.Slice:
		for i := range v.Len() {
			walkTimes(v.Index(i))
		}
	}
}

func testAgreementRoundTrip(t *testing.T, s *store.Store, clock *Clock) {
	p1 := mustSavePartner(t, s, "Партнёр 1", BIN1)
	p2 := mustSavePartner(t, s, "Партнёр 2", BIN2)
	want := FullAgreement("СП-2025/001", p1.ID, p2.ID)
	a := want
	if err := s.SaveAgreement(&a); err != nil {
		t.Fatal(err)
	}
	got, err := s.Agreement(a.ID)
	if err != nil {
		t.Fatal(err)
	}
	want.ID, want.Rev, want.Created, want.Updated = a.ID, 1, clock.T, clock.T
	assertEqual(t, got, want)
	byNum, err := s.AgreementByNumber(" сп-2025/001")
	if err != nil || byNum.ID != a.ID {
		t.Errorf("AgreementByNumber = %d, %v", byNum.ID, err)
	}
	ids, _ := s.AgreementIDsOf(p2.ID)
	if !slices.Equal(ids, []model.ID{a.ID}) {
		t.Errorf("AgreementIDsOf = %v", ids)
	}
	// Principles come back as all seven, in order, even when fewer are given.
	a.Principles = []model.PrincipleAssessment{{Principle: model.PrincipleOpenness, Assessment: model.AssessMet}}
	if err := s.SaveAgreement(&a); err != nil {
		t.Fatal(err)
	}
	got, _ = s.Agreement(a.ID)
	if len(got.Principles) != 7 || got.Principles[6].Assessment != model.AssessMet || got.Principles[0].Assessment != model.AssessNotAssessed {
		t.Errorf("principles %+v", got.Principles)
	}
}

func testInstitutionRoundTrip(t *testing.T, s *store.Store, _ *Clock) {
	in, err := s.Institution()
	if err != nil || !in.IsZero() {
		t.Fatalf("new store: %+v %v", in, err)
	}
	want := model.Institution{
		Names:     model.Names{RU: "Евразийский национальный университет им. Л.Н. Гумилева", KK: "Л.Н. Гумилев атындағы Еуразия ұлттық университеті", KY: "Л.Н. Гумилев атындагы Евразия улуттук университети", EN: "L.N. Gumilyov Eurasian National University"},
		ShortName: "ЕНУ", Country: "KZ", TaxID: BIN3, Address: "Астана, ул. Сатпаева, 2", Department: "Кафедра социальной педагогики",
		Signatory: model.Person{Name: "Сыдыков Е.Б.", Position: "Ректор"}, City: "Астана",
		NumberPattern: "СП-{yyyy}/{nnn}", WarningDays: 60, Logo: []byte{0x89, 'P', 'N', 'G'},
	}
	in = want
	if err := s.SaveInstitution(&in); err != nil {
		t.Fatal(err)
	}
	got, _ := s.Institution()
	assertEqual(t, got, want)
	bad := want
	bad.TaxID = "123"
	if err := s.SaveInstitution(&bad); err == nil {
		t.Error("bad BIN saved")
	}
}

func testInvalidSave(t *testing.T, s *store.Store, _ *Clock) {
	before, _ := s.Counts()
	p := FullPartner("", "971240001316")
	err := s.SavePartner(&p)
	v, ok := model.AsValidation(err)
	if !ok || len(v.For("name")) != 1 || len(v.For("tax_id")) != 1 || v.For("tax_id")[0].Key != "err.bin_checksum" {
		t.Fatalf("want name and tax_id problems, got %v", err)
	}
	if p.ID != 0 {
		t.Error("failed save assigned an ID")
	}
	after, _ := s.Counts()
	if after != before {
		t.Errorf("counts changed: %+v → %+v", before, after)
	}
}

func testUniqueTaxID(t *testing.T, s *store.Store, _ *Clock) {
	first := mustSavePartner(t, s, "Первый", BIN1)
	dup := FullPartner("Второй", BIN1)
	err := s.SavePartner(&dup)
	if v, ok := model.AsValidation(err); !ok || v[0].Key != "err.taxid_taken" || v[0].Args["Other"] != "Первый" {
		t.Fatalf("duplicate BIN: %v", err)
	}
	// The same digits in another country are another number.
	other := FullPartner("Другой", "97124000131")
	other.Country = "UZ"
	if err := s.SavePartner(&other); err != nil {
		t.Fatal(err)
	}
	// Changing the BIN frees the old one.
	first.TaxID = BIN2
	if err := s.SavePartner(&first); err != nil {
		t.Fatal(err)
	}
	dup = FullPartner("Второй", BIN1)
	if err := s.SavePartner(&dup); err != nil {
		t.Fatalf("freed BIN refused: %v", err)
	}
	// Saving a partner again with its own BIN is fine.
	if err := s.SavePartner(&dup); err != nil {
		t.Fatal(err)
	}
}

func testUniqueNumber(t *testing.T, s *store.Store, _ *Clock) {
	p := mustSavePartner(t, s, "П", BIN1)
	mustSaveAgreement(t, s, "СП-2025/001", p.ID)
	dup := FullAgreement("сп-2025/001 ", p.ID)
	err := s.SaveAgreement(&dup)
	if v, ok := model.AsValidation(err); !ok || v[0].Field != "number" || v[0].Key != "err.number_taken" {
		t.Fatalf("duplicate number: %v", err)
	}
}

func testMissingPartner(t *testing.T, s *store.Store, _ *Clock) {
	p := mustSavePartner(t, s, "П", BIN1)
	a := FullAgreement("1", p.ID, 999)
	err := s.SaveAgreement(&a)
	if v, ok := model.AsValidation(err); !ok || v[0].Field != "partner_ids[1]" || v[0].Key != "err.partner_missing" {
		t.Fatalf("missing partner: %v", err)
	}
}

func testPartnerInUse(t *testing.T, s *store.Store, _ *Clock) {
	p := mustSavePartner(t, s, "Занятый", BIN1)
	a := mustSaveAgreement(t, s, "СП-1", p.ID)
	mustSaveAgreement(t, s, "СП-2", p.ID)
	err := s.DeletePartner(p.ID)
	var inUse *store.InUseError
	if !errors.As(err, &inUse) || !errors.Is(err, store.ErrInUse) || !slices.Equal(inUse.Numbers, []string{"СП-1", "СП-2"}) {
		t.Fatalf("delete in use: %v", err)
	}
	if _, err := s.Partner(p.ID); err != nil {
		t.Fatal("refused delete removed the partner")
	}
	// Moving both agreements to another partner frees it.
	q := mustSavePartner(t, s, "Другой", BIN2)
	a.PartnerIDs = []model.ID{q.ID}
	a.Responsibilities, a.Resources, a.Coordinators = nil, nil, nil
	if err := s.SaveAgreement(&a); err != nil {
		t.Fatal(err)
	}
	b, _ := s.AgreementByNumber("СП-2")
	if err := s.DeleteAgreement(b.ID); err != nil {
		t.Fatal(err)
	}
	if err := s.DeletePartner(p.ID); err != nil {
		t.Fatalf("free partner: %v", err)
	}
	if _, err := txPartnerByTaxID(s, "KZ", BIN1); !errors.Is(err, store.ErrNotFound) {
		t.Error("deleted partner's BIN still indexed")
	}
}

func testStaleRevision(t *testing.T, s *store.Store, _ *Clock) {
	p := mustSavePartner(t, s, "П", BIN1)
	stale := p
	p.City = "Алматы"
	if err := s.SavePartner(&p); err != nil {
		t.Fatal(err)
	}
	stale.City = "Шымкент"
	if err := s.SavePartner(&stale); !errors.Is(err, store.ErrConflict) {
		t.Fatalf("stale save: %v", err)
	}
	got, _ := s.Partner(p.ID)
	if got.City != "Алматы" {
		t.Errorf("stale save overwrote: %s", got.City)
	}
	a := mustSaveAgreement(t, s, "1", p.ID)
	staleA := a
	if err := s.SaveAgreement(&a); err != nil {
		t.Fatal(err)
	}
	if err := s.SaveAgreement(&staleA); !errors.Is(err, store.ErrConflict) {
		t.Fatalf("stale agreement save: %v", err)
	}
}

func testHistory(t *testing.T, s *store.Store, clock *Clock) {
	p := mustSavePartner(t, s, "П", BIN1)
	clock.Advance(time.Minute)
	p.Name, p.Website = "П (новое имя)", ""
	if err := s.SavePartner(&p); err != nil {
		t.Fatal(err)
	}
	clock.Advance(time.Minute)
	if err := s.DeletePartner(p.ID); err != nil {
		t.Fatal(err)
	}
	h, err := s.History(model.EntityPartner, p.ID)
	if err != nil {
		t.Fatal(err)
	}
	if len(h) != 3 {
		t.Fatalf("%d entries: %+v", len(h), h)
	}
	if h[0].Action != model.ActionCreated || h[1].Action != model.ActionUpdated || h[2].Action != model.ActionDeleted {
		t.Errorf("actions %s %s %s", h[0].Action, h[1].Action, h[2].Action)
	}
	if !slices.Equal(h[1].Fields, []string{"name", "website"}) || h[2].Note != "П (новое имя)" || h[1].User != "secretary" {
		t.Errorf("entry %+v / %+v", h[1], h[2])
	}
	if !h[2].At.Equal(clock.T) || !h[0].At.Before(h[1].At) {
		t.Errorf("times %v %v %v", h[0].At, h[1].At, h[2].At)
	}
}

func testAttachments(t *testing.T, s *store.Store, _ *Clock) {
	p := mustSavePartner(t, s, "П", BIN1)
	a := mustSaveAgreement(t, s, "1", p.ID)
	data := []byte("%PDF-1.4 signed copy")
	att, err := s.AddAttachment(a.ID, "Подписанный экземпляр.pdf", "application/pdf", data)
	if err != nil {
		t.Fatal(err)
	}
	if sum := sha256.Sum256(data); att.Size != int64(len(data)) || att.SHA256 != hex.EncodeToString(sum[:]) || att.AddedBy != "secretary" {
		t.Errorf("metadata %+v", att)
	}
	got, err := s.AttachmentData(a.ID, att.ID)
	if err != nil || string(got) != string(data) {
		t.Fatalf("data %q %v", got, err)
	}
	// A save from an editor that never saw the attachment keeps it.
	if err := s.SaveAgreement(&a); !errors.Is(err, store.ErrConflict) {
		t.Fatalf("adding an attachment must bump the revision: %v", err)
	}
	fresh, _ := s.Agreement(a.ID)
	fresh.Attachments = nil
	fresh.Title = "Новое название"
	if err := s.SaveAgreement(&fresh); err != nil {
		t.Fatal(err)
	}
	fresh, _ = s.Agreement(a.ID)
	if len(fresh.Attachments) != 1 || fresh.Attachments[0].Name != "Подписанный экземпляр.pdf" {
		t.Fatalf("attachments after save: %+v", fresh.Attachments)
	}
	sums, _ := s.Summaries()
	if sums[0].Attachments != 1 {
		t.Error("summary does not count the attachment")
	}
	if err := s.RemoveAttachment(a.ID, att.ID); err != nil {
		t.Fatal(err)
	}
	if _, err := s.AttachmentData(a.ID, att.ID); !errors.Is(err, store.ErrNotFound) {
		t.Errorf("removed attachment still readable: %v", err)
	}
	if _, err := s.AddAttachment(a.ID, "huge.bin", "", make([]byte, store.MaxAttachment+1)); !errors.Is(err, store.ErrTooLarge) {
		t.Errorf("huge attachment: %v", err)
	}
	c, _ := s.Counts()
	if c.Attachments != 0 {
		t.Errorf("%d attachment blobs left", c.Attachments)
	}
}

func testAtomicUpdate(t *testing.T, s *store.Store, _ *Clock) {
	before, _ := s.Counts()
	boom := errors.New("boom")
	err := s.Update(func(tx *store.Tx) error {
		p := FullPartner("Временный", BIN1)
		if err := tx.SavePartner(&p); err != nil {
			return err
		}
		a := FullAgreement("X-1", p.ID)
		if err := tx.SaveAgreement(&a); err != nil {
			return err
		}
		return boom
	})
	if !errors.Is(err, boom) {
		t.Fatal(err)
	}
	// A batch whose second record is invalid stores nothing either.
	err = s.Update(func(tx *store.Tx) error {
		good, bad := FullPartner("Хороший", BIN1), FullPartner("Плохой", "1")
		if err := tx.SavePartner(&good); err != nil {
			return err
		}
		return tx.SavePartner(&bad)
	})
	if _, ok := model.AsValidation(err); !ok {
		t.Fatalf("batch: %v", err)
	}
	after, _ := s.Counts()
	if after != before {
		t.Errorf("failed transactions left records: %+v → %+v", before, after)
	}
	if _, err := txPartnerByTaxID(s, "KZ", BIN1); !errors.Is(err, store.ErrNotFound) {
		t.Error("failed transaction left an index entry")
	}
	// The IDs the failed transactions used are free again or skipped, never shared.
	p := mustSavePartner(t, s, "После", BIN1)
	if p.ID == 0 {
		t.Error("no ID")
	}
}

func testSummaries(t *testing.T, s *store.Store, _ *Clock) {
	p := mustSavePartner(t, s, "П", BIN1)
	a := mustSaveAgreement(t, s, "СП-7", p.ID)
	sums, err := s.Summaries()
	if err != nil || len(sums) != 1 {
		t.Fatalf("%d summaries, %v", len(sums), err)
	}
	got := sums[0]
	if got.ID != a.ID || got.Number != "СП-7" || got.PrinciplesMet() != 4 || len(got.OpenDue) != 2 || got.Coordinator != "Сулейменова Ж.А." {
		t.Errorf("summary %+v", got)
	}
	today := model.MustDate("28.11.2026")
	if got.OverdueOn(today) != 1 || got.StatusOn(today, 90) != model.StatusActive {
		t.Errorf("overdue %d status %s", got.OverdueOn(today), got.StatusOn(today, 90))
	}
	a.Responsibilities[1].Status, a.Responsibilities[1].CompletedOn = model.TaskDone, today
	if err := s.SaveAgreement(&a); err != nil {
		t.Fatal(err)
	}
	sums, _ = s.Summaries()
	if sums[0].OverdueOn(today) != 0 {
		t.Error("summary not updated by save")
	}
}

func testRenew(t *testing.T, s *store.Store, _ *Clock) {
	p := mustSavePartner(t, s, "П", BIN1)
	old := mustSaveAgreement(t, s, "СП-2023/001", p.ID)
	next := FullAgreement("СП-2026/001", p.ID)
	next.ValidFrom, next.ValidUntil = model.MustDate("01.09.2026"), model.MustDate("31.08.2029")
	if err := s.Renew(old.ID, &next); err != nil {
		t.Fatal(err)
	}
	o, _ := s.Agreement(old.ID)
	n, _ := s.Agreement(next.ID)
	if o.Status != model.StatusRenewed || o.SuccessorID != n.ID || n.PredecessorID != o.ID {
		t.Errorf("links: old %s→%d, new ←%d", o.Status, o.SuccessorID, n.PredecessorID)
	}
	again := FullAgreement("СП-2026/002", p.ID)
	if err := s.Renew(old.ID, &again); err == nil {
		t.Error("renewed twice")
	}
	if err := s.DeleteAgreement(n.ID); err != nil {
		t.Fatal(err)
	}
	o, _ = s.Agreement(old.ID)
	if o.SuccessorID != 0 {
		t.Error("deleted successor still linked")
	}
}

func testDeleteAgreement(t *testing.T, s *store.Store, _ *Clock) {
	p := mustSavePartner(t, s, "П", BIN1)
	a := mustSaveAgreement(t, s, "СП-9", p.ID)
	if _, err := s.AddAttachment(a.ID, "scan.png", "image/png", []byte{1, 2, 3}); err != nil {
		t.Fatal(err)
	}
	if err := s.DeleteAgreement(a.ID); err != nil {
		t.Fatal(err)
	}
	if _, err := s.Agreement(a.ID); !errors.Is(err, store.ErrNotFound) {
		t.Error("still there")
	}
	c, _ := s.Counts()
	if c.Agreements != 0 || c.Attachments != 0 {
		t.Errorf("counts %+v", c)
	}
	mustSaveAgreement(t, s, "СП-9", p.ID) // the number is free again
	h, _ := s.History(model.EntityAgreement, a.ID)
	if len(h) < 2 || h[len(h)-1].Action != model.ActionDeleted || h[len(h)-1].Note != "СП-9" {
		t.Errorf("history %+v", h)
	}
}

func testNotFound(t *testing.T, s *store.Store, _ *Clock) {
	if _, err := s.Partner(42); !errors.Is(err, store.ErrNotFound) {
		t.Error(err)
	}
	if _, err := s.Agreement(42); !errors.Is(err, store.ErrNotFound) {
		t.Error(err)
	}
	if _, err := s.AgreementByNumber("нет"); !errors.Is(err, store.ErrNotFound) {
		t.Error(err)
	}
	if err := s.DeletePartner(42); !errors.Is(err, store.ErrNotFound) {
		t.Error(err)
	}
	ghost := FullPartner("Призрак", "")
	ghost.ID = 42
	if err := s.SavePartner(&ghost); !errors.Is(err, store.ErrNotFound) {
		t.Error(err)
	}
}
