package model

import (
	"encoding/json"
	"slices"
	"testing"
)

// A record written before texts per language existed reads as before: its
// single title, subject and place serve every language, and every other
// language is reported as missing them.
func TestOldRecordTextsFallBack(t *testing.T) {
	var a Agreement
	old := `{"id":1,"number":"СП-2025/001","title":"Меморандум","subject":"Практика","place":"Астана","kind":"memorandum","status":"active",
		"responsibilities":[{"party":"institution","description":"Направить студентов","status":"planned"}]}`
	if err := json.Unmarshal([]byte(old), &a); err != nil {
		t.Fatal(err)
	}
	if got := a.TextIn("kk"); got != (DocText{Title: "Меморандум", Subject: "Практика", Place: "Астана"}) {
		t.Errorf("kk text of an old record: %+v", got)
	}
	if got := a.MissingTexts("kk"); !slices.Equal(got, []string{"title", "subject", "place", "responsibilities"}) {
		t.Errorf("missing in kk: %q", got)
	}
	if got := a.MissingTexts("ru"); got != nil {
		t.Errorf("missing in ru: %q", got)
	}
}

// Texts per language are used where set, stored and validated.
func TestTextsPerLanguage(t *testing.T) {
	a := Agreement{Title: "Меморандум", Subject: "Практика", Place: "Астана",
		Texts:            map[string]DocText{"kk": {Title: "Меморандум (қаз.)", Subject: "Тәжірибе", Place: "Астана қаласы"}},
		Responsibilities: []Responsibility{{Party: PartyInstitution, Description: "Направить", Descriptions: map[string]string{"kk": "Жіберу"}}}}
	if got := a.TextIn("kk"); got.Title != "Меморандум (қаз.)" || got.Place != "Астана қаласы" {
		t.Errorf("kk: %+v", got)
	}
	if got := a.TextIn("ky"); got.Title != "Меморандум" {
		t.Errorf("ky falls back: %+v", got)
	}
	if got := a.Responsibilities[0].DescriptionIn("kk"); got != "Жіберу" {
		t.Errorf("kk description %q", got)
	}
	if got := a.MissingTexts("kk"); len(got) != 0 {
		t.Errorf("missing in kk: %q", got)
	}
	b, _ := json.Marshal(&a)
	var back Agreement
	if err := json.Unmarshal(b, &back); err != nil || back.Texts["kk"] != a.Texts["kk"] || back.Responsibilities[0].Descriptions["kk"] != "Жіберу" {
		t.Errorf("round trip: %s", b)
	}
	a.Texts["de"] = DocText{Title: "x"}
	a.Texts["kk"] = DocText{Title: "a\x00b"}
	v, _ := AsValidation(a.Validate(MustDate("28.11.2026")))
	var fields []string
	for _, fe := range v {
		fields = append(fields, fe.Field)
	}
	if !slices.Contains(fields, "texts") || !slices.Contains(fields, "texts.kk.title") {
		t.Errorf("problems %q", fields)
	}
}
