package main

import (
	"encoding/json"
	"os"
	"regexp"
	"slices"
	"strings"
	"testing"
)

// documentedKeys reads the keys of the table under a heading of
// docs/partnerctl-json.md.
func documentedKeys(t *testing.T, heading string) []string {
	t.Helper()
	doc, err := os.ReadFile("../../docs/partnerctl-json.md")
	if err != nil {
		t.Fatal(err)
	}
	_, section, ok := strings.Cut(string(doc), "## "+heading+"\n")
	if !ok {
		t.Fatalf("no section %q", heading)
	}
	section, _, _ = strings.Cut(section, "\n## ")
	var keys []string
	for _, line := range strings.Split(section, "\n") {
		cells := strings.Split(line, "|")
		if len(cells) < 3 || !strings.Contains(cells[1], "`") {
			continue
		}
		for _, m := range regexp.MustCompile("`([a-z_]+)`").FindAllStringSubmatch(cells[1], -1) {
			keys = append(keys, m[1])
		}
	}
	return keys
}

// The JSON of list has readable keys, each documented, and those a reader
// needs are there: read back by their documented names.
func TestListJSONKeysAreDocumented(t *testing.T) {
	db := demoFile(t)
	for _, c := range []struct {
		what, heading string
		always        []string
	}{
		{"agreements", "`list agreements --format json`", []string{"id", "number", "title", "kind", "partners", "current_term", "status", "stored_status", "days_left", "open_tasks", "overdue_tasks"}},
		{"partners", "`list partners --format json`", []string{"id", "name", "country", "category", "sector", "relation", "contacts", "tags", "agreements"}},
	} {
		documented := documentedKeys(t, c.heading)
		code, out, errOut := ctl(t, "list", c.what, "--format", "json", "--db", db, "--today", "28.11.2026")
		var rows []map[string]json.RawMessage
		if err := json.Unmarshal([]byte(out), &rows); code != 0 || err != nil || len(rows) == 0 {
			t.Fatalf("%s: %d %v %s", c.what, code, err, errOut)
		}
		for _, r := range rows {
			for k := range r {
				if !slices.Contains(documented, k) {
					t.Errorf("%s: key %q is not documented", c.what, k)
				}
			}
			for _, k := range c.always {
				if _, ok := r[k]; !ok {
					t.Errorf("%s: key %q missing in %s", c.what, k, r["id"])
				}
			}
		}
	}
	code, out, _ := ctl(t, "list", "partners", "--format", "json", "--db", db)
	var partners []struct {
		ID         uint64 `json:"id"`
		Name       string `json:"name"`
		TaxID      string `json:"tax_id"`
		Category   string `json:"category"`
		Agreements int    `json:"agreements"`
	}
	if err := json.Unmarshal([]byte(out), &partners); code != 0 || err != nil {
		t.Fatal(err)
	}
	total := 0
	for _, p := range partners {
		if p.ID == 0 || p.Name == "" || p.Category == "" {
			t.Errorf("partner %+v", p)
		}
		total += p.Agreements
	}
	if total < 150 {
		t.Errorf("partners have %d agreements in all, want at least the 150 agreements", total)
	}
}
