package main

import (
	"encoding/json"
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

// The register, the agreements list, the dashboard, the calendar and
// partnerctl list and show all show the same current term, status and days
// left for every demo agreement: they share model.CurrentTerm. Auto-renewed
// agreements whose signed term ended show their renewed term, never an
// end in the past while in force.
func TestOneCurrentTermEverywhere(t *testing.T) {
	const day = "28.11.2026"
	today := model.MustDate(day)
	db := filepath.Join(t.TempDir(), "demo.db")
	if code, _, errOut := ctl(t, "demo", "--db", db, "--seed", "1", "--partners", "40", "--agreements", "400", "--today", day); code != 0 {
		t.Fatalf("demo: %s", errOut)
	}
	reg := filepath.Join(t.TempDir(), "reg.xlsx")
	if code, _, errOut := ctl(t, "export", "register", "--db", db, "--out", reg, "--today", day); code != 0 {
		t.Fatalf("export: %s", errOut)
	}
	register := readRegister(t, reg)
	code, out, errOut := ctl(t, "list", "agreements", "--format", "json", "--db", db, "--today", day)
	var listed []listedAgreement
	if err := json.Unmarshal([]byte(out), &listed); code != 0 || err != nil {
		t.Fatalf("list: %d %v %s", code, err, errOut)
	}
	if len(listed) != 400 || len(register) != 400 {
		t.Fatalf("%d listed, %d in the register", len(listed), len(register))
	}

	s, err := store.Open(db, store.Options{ReadOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	var cat *catalog.Catalog
	var ends map[model.ID]string // agreement → end date in the calendar
	err = s.View(func(tx *store.Tx) error {
		ps, err := tx.Partners()
		if err != nil {
			return err
		}
		sums, err := tx.Summaries()
		if err != nil {
			return err
		}
		cat = catalog.New(ps, sums, today, model.DefaultWarningDays)
		events, err := ics.Events(tx, "ru", today)
		ends = map[model.ID]string{}
		for _, e := range events {
			var id model.ID
			var end string
			if n, _ := parseEndUID(e.UID, &id, &end); n {
				ends[id] = e.Date.String()
			}
		}
		return err
	})
	if err != nil {
		t.Fatal(err)
	}

	renewed, byStatus := 0, map[model.Status]int{}
	statusOf := map[string]model.Status{}
	for _, st := range model.Statuses {
		statusOf[assets.T("ru", st.Key(), nil)] = st
	}
	for _, l := range listed {
		r, ok := register[l.Number]
		if !ok {
			t.Fatalf("%s is listed but not in the register", l.Number)
		}
		where := l.Number
		status := statusOf[r.status]
		byStatus[status]++
		// register == list
		if r.end != dmy(l.CurrentTerm.End) || r.start != dmy(l.CurrentTerm.Start) || string(status) != l.Status {
			t.Errorf("%s: register %s–%s %s, list %s–%s %s", where, r.start, r.end, status, l.CurrentTerm.Start, l.CurrentTerm.End, l.Status)
		}
		if r.days != "" && (l.DaysLeft == nil || r.days != strconv.Itoa(*l.DaysLeft)) {
			t.Errorf("%s: register %s days left, list %v", where, r.days, l.DaysLeft)
		}
		if r.days == "" && (status == model.StatusActive || status == model.StatusExpiring) && l.DaysLeft != nil {
			t.Errorf("%s: no days left in the register, %d in the list", where, *l.DaysLeft)
		}
		if want := strconv.Itoa(l.CurrentTerm.Renewals); r.renewals != want && (r.renewals != "" || want != "0") {
			t.Errorf("%s: %s renewals in the register, %s in the list", where, r.renewals, want)
		}
		// list == catalog (the app's lists and dashboard)
		a, ok := cat.Agreement(l.ID)
		if !ok || a.End.ISO() != l.CurrentTerm.End || a.Term.Start.ISO() != l.CurrentTerm.Start || string(a.Status) != l.Status {
			t.Errorf("%s: catalog %+v, list %+v", where, a, l)
		}
		// list == calendar (in-force agreements whose term ends within the year or later)
		if end, ok := ends[l.ID]; ok && end != dmy(l.CurrentTerm.End) {
			t.Errorf("%s: calendar end %s, list %s", where, end, l.CurrentTerm.End)
		}
		if (status == model.StatusActive || status == model.StatusExpiring) && l.CurrentTerm.End != "" && l.CurrentTerm.End < today.ISO() {
			t.Errorf("%s: in force, but its term ended %s", where, l.CurrentTerm.End)
		}
		if l.CurrentTerm.Renewals > 0 {
			renewed++
			checkShow(t, db, day, l)
		}
	}
	if renewed < 5 {
		t.Errorf("only %d renewed agreements in the demo data: the test shows little", renewed)
	}
	fig := cat.Dashboard()
	for _, st := range model.Statuses {
		if fig.ByStatus[st] != byStatus[st] {
			t.Errorf("%s: dashboard %d, register %d", st, fig.ByStatus[st], byStatus[st])
		}
	}
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
