package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"github.com/partnerdesk/partnerdesk/assets"
	"github.com/partnerdesk/partnerdesk/model"
	"github.com/partnerdesk/partnerdesk/model/catalog"
	"github.com/partnerdesk/partnerdesk/model/store"
	"github.com/partnerdesk/partnerdesk/reports/excel"
	"github.com/partnerdesk/partnerdesk/reports/ics"
	"github.com/partnerdesk/partnerdesk/reports/interchange"
)

// listedAgreement is what a program reads from `list agreements --format
// json`, by the names docs/partnerctl-json.md gives.
type listedAgreement struct {
	ID       model.ID `json:"id"`
	Number   string   `json:"number"`
	Title    string   `json:"title"`
	Kind     string   `json:"kind"`
	Partners []struct {
		ID    model.ID `json:"id"`
		Name  string   `json:"name"`
		TaxID string   `json:"tax_id"`
	} `json:"partners"`
	SignedOn    string `json:"signed_on"`
	ValidFrom   string `json:"valid_from"`
	ValidUntil  string `json:"valid_until"`
	AutoRenew   bool   `json:"auto_renew"`
	CurrentTerm struct {
		Start       string `json:"start"`
		End         string `json:"end"`
		Renewals    int    `json:"renewals"`
		OriginalEnd string `json:"original_end"`
	} `json:"current_term"`
	Status       string `json:"status"`
	StoredStatus string `json:"stored_status"`
	DaysLeft     *int   `json:"days_left"`
	OpenTasks    int    `json:"open_tasks"`
	OverdueTasks int    `json:"overdue_tasks"`
}

// registerRow is one row of the register's Agreements sheet.
type registerRow struct{ start, end, status, days, renewals string }

// readRegister reads the Agreements sheet by its columns' fields.
func readRegister(t *testing.T, path string) map[string]registerRow {
	t.Helper()
	f, err := excelize.OpenFile(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	col := map[excel.Field]int{}
	for i, fi := range excel.Fields(excel.SheetAgreements) {
		col[fi.Field] = i
	}
	rows, err := f.GetRows(excel.SheetAgreements.Name("ru"))
	if err != nil {
		t.Fatal(err)
	}
	out := map[string]registerRow{}
	get := func(r []string, field excel.Field) string {
		if i := col[field]; i < len(r) {
			return r[i]
		}
		return ""
	}
	for _, r := range rows[1:] {
		out[get(r, "number")] = registerRow{get(r, "term_from"), get(r, "term_until"), get(r, "status"), get(r, "days_left"), get(r, "renewals")}
	}
	return out
}

// everywhere is what each place shows, for one data file and day.
type everywhere struct {
	db, day  string
	today    model.Date
	register map[string]registerRow
	listed   []listedAgreement
	cat      *catalog.Catalog
	ends     map[model.ID]string // agreement → end of term in the calendar
	// interchange is the current term of each contract of the JSON export.
	interchange map[string]interchange.CurrentTerm
	statusOf    map[string]model.Status
}

// gather makes demo data and reads it back from every place.
func gather(t *testing.T, day string) *everywhere {
	e := &everywhere{day: day, today: model.MustDate(day), db: filepath.Join(t.TempDir(), "demo.db"), statusOf: map[string]model.Status{}}
	if code, _, errOut := ctl(t, "demo", "--db", e.db, "--seed", "1", "--partners", "40", "--agreements", "400", "--today", day); code != 0 {
		t.Fatalf("demo: %s", errOut)
	}
	reg := filepath.Join(t.TempDir(), "reg.xlsx")
	if code, _, errOut := ctl(t, "export", "register", "--db", e.db, "--out", reg, "--today", day); code != 0 {
		t.Fatalf("export: %s", errOut)
	}
	e.register = readRegister(t, reg)
	js := filepath.Join(t.TempDir(), "all.json")
	if code, _, errOut := ctl(t, "export", "json", "--db", e.db, "--out", js, "--today", day); code != 0 {
		t.Fatalf("export json: %s", errOut)
	}
	e.interchange = readInterchange(t, js)
	code, out, errOut := ctl(t, "list", "agreements", "--format", "json", "--db", e.db, "--today", day)
	if err := json.Unmarshal([]byte(out), &e.listed); code != 0 || err != nil {
		t.Fatalf("list: %d %v %s", code, err, errOut)
	}
	for _, st := range model.Statuses {
		e.statusOf[assets.T("ru", st.Key(), nil)] = st
	}
	s, err := store.Open(e.db, store.Options{ReadOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	err = s.View(func(tx *store.Tx) error {
		ps, err := tx.Partners()
		if err != nil {
			return err
		}
		sums, err := tx.Summaries()
		if err != nil {
			return err
		}
		e.cat = catalog.New(ps, sums, e.today, model.DefaultWarningDays)
		events, err := ics.Events(tx, "ru", e.today)
		e.ends = map[model.ID]string{}
		for _, ev := range events {
			var id model.ID
			var end string
			if ok, _ := parseEndUID(ev.UID, &id, &end); ok {
				e.ends[id] = ev.Date.String()
			}
		}
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return e
}

// The register, the agreements list, the dashboard, the calendar, the JSON
// export and partnerctl list and show all show the same current term, status and days
// left for every demo agreement: they share model.CurrentTerm. Auto-renewed
// agreements whose signed term ended show their renewed term, never an
// end in the past while in force.
func TestOneCurrentTermEverywhere(t *testing.T) {
	e := gather(t, "28.11.2026")
	if len(e.listed) != 400 || len(e.register) != 400 {
		t.Fatalf("%d listed, %d in the register", len(e.listed), len(e.register))
	}
	renewed, byStatus := 0, map[model.Status]int{}
	for _, l := range e.listed {
		byStatus[e.check(t, l)]++
		if l.CurrentTerm.Renewals > 0 {
			renewed++
			checkShow(t, e.db, e.day, l)
		}
	}
	if len(e.ends) < 200 {
		t.Errorf("only %d term ends in the calendar", len(e.ends))
	}
	if renewed < 5 {
		t.Errorf("only %d renewed agreements in the demo data: the test shows little", renewed)
	}
	fig := e.cat.Dashboard()
	for _, st := range model.Statuses {
		if fig.ByStatus[st] != byStatus[st] {
			t.Errorf("%s: dashboard %d, register %d", st, fig.ByStatus[st], byStatus[st])
		}
	}
}

// check compares one listed agreement with the register, the catalog and
// the calendar, and returns its status in the register.
func (e *everywhere) check(t *testing.T, l listedAgreement) model.Status {
	t.Helper()
	r, ok := e.register[l.Number]
	if !ok {
		t.Fatalf("%s is listed but not in the register", l.Number)
	}
	status := e.statusOf[r.status]
	inForce := status == model.StatusActive || status == model.StatusExpiring
	if r.end != dmy(l.CurrentTerm.End) || r.start != dmy(l.CurrentTerm.Start) || string(status) != l.Status {
		t.Errorf("%s: register %s–%s %s, list %s–%s %s", l.Number, r.start, r.end, status, l.CurrentTerm.Start, l.CurrentTerm.End, l.Status)
	}
	if r.days != "" && (l.DaysLeft == nil || r.days != strconv.Itoa(*l.DaysLeft)) || r.days == "" && inForce && l.DaysLeft != nil {
		t.Errorf("%s: register %q days left, list %v", l.Number, r.days, l.DaysLeft)
	}
	if want := strconv.Itoa(l.CurrentTerm.Renewals); r.renewals != want && (r.renewals != "" || want != "0") {
		t.Errorf("%s: %s renewals in the register, %s in the list", l.Number, r.renewals, want)
	}
	if a, ok := e.cat.Agreement(l.ID); !ok || a.End.ISO() != l.CurrentTerm.End || a.Term.Start.ISO() != l.CurrentTerm.Start || string(a.Status) != l.Status {
		t.Errorf("%s: catalog %+v, list %+v", l.Number, a, l)
	}
	if ct := e.interchange[l.Number]; ct.StartDate != l.CurrentTerm.Start || ct.EndDate != l.CurrentTerm.End || ct.Renewals != l.CurrentTerm.Renewals || ct.AsOf != e.today.ISO() {
		t.Errorf("%s: JSON export %+v, list %+v", l.Number, ct, l.CurrentTerm)
	}
	if end, ok := e.ends[l.ID]; ok && end != dmy(l.CurrentTerm.End) {
		t.Errorf("%s: calendar end %s, list %s", l.Number, end, l.CurrentTerm.End)
	}
	if inForce && l.CurrentTerm.End != "" && l.CurrentTerm.End < e.today.ISO() {
		t.Errorf("%s: in force, but its term ended %s", l.Number, l.CurrentTerm.End)
	}
	return status
}

// checkShow compares `show NUMBER` (text and JSON) with the list.
func checkShow(t *testing.T, db, day string, l listedAgreement) {
	t.Helper()
	_, text, _ := ctl(t, "show", l.Number, "--db", db, "--today", day)
	term := "Term:        " + dmy(l.CurrentTerm.Start) + " – " + dmy(l.CurrentTerm.End)
	if !strings.Contains(text, term) || !strings.Contains(text, "renewed "+strconv.Itoa(l.CurrentTerm.Renewals)+" times") {
		t.Errorf("%s: show says\n%s\nwant %q", l.Number, text, term)
	}
	_, js, _ := ctl(t, "show", l.Number, "--db", db, "--today", day, "--format", "json")
	var shown listedAgreement
	if err := json.Unmarshal([]byte(js), &shown); err != nil {
		t.Fatal(err)
	}
	if shown.CurrentTerm != l.CurrentTerm || shown.Status != l.Status || *shown.DaysLeft != *l.DaysLeft || shown.ValidUntil != l.ValidUntil {
		t.Errorf("%s: show %+v, list %+v", l.Number, shown, l)
	}
}

// readInterchange reads the current term of every contract of a JSON
// export, by contract id (the agreement number).
func readInterchange(t *testing.T, path string) map[string]interchange.CurrentTerm {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	var doc struct {
		Contracts []struct {
			ID          string                  `json:"id"`
			CurrentTerm interchange.CurrentTerm `json:"currentTerm"`
		} `json:"contracts"`
	}
	if err := json.Unmarshal(b, &doc); err != nil {
		t.Fatal(err)
	}
	out := map[string]interchange.CurrentTerm{}
	for _, c := range doc.Contracts {
		out[c.ID] = c.CurrentTerm
	}
	return out
}

// parseEndUID reads the agreement ID of a calendar event for the end of a
// term (agreement-<id>-end-<date>@partnerdesk).
func parseEndUID(uid string, id *model.ID, end *string) (bool, error) {
	rest, ok := strings.CutPrefix(uid, "agreement-")
	if !ok {
		return false, nil
	}
	num, date, ok := strings.Cut(rest, "-end-")
	if !ok {
		return false, nil
	}
	v, err := model.ParseID(num)
	*id, *end = v, strings.TrimSuffix(date, "@partnerdesk")
	return err == nil, err
}

// dmy turns an ISO date into dd.mm.yyyy.
func dmy(iso string) string {
	d, err := model.ParseDate(iso)
	if err != nil {
		return "?" + iso
	}
	return d.String()
}
