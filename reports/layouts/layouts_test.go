package layouts

import (
	"context"
	"strings"
	"testing"

	"github.com/partnerdesk/partnerdesk/model"
	"github.com/partnerdesk/partnerdesk/model/store"
	"github.com/partnerdesk/partnerdesk/reports/internal/snapshot"
)

func build(t *testing.T, s *store.Store, l model.RegisterLayout, o Options) *Table {
	t.Helper()
	o.Today = snapshot.Today
	var tab *Table
	if err := s.View(func(tx *store.Tx) (err error) { tab, err = Build(context.Background(), tx, l, o); return err }); err != nil {
		t.Fatal(err)
	}
	return tab
}

// rowsOf returns the rows of the agreement with the given number (in the
// layout's "number" column, the second).
func rowsOf(tab *Table, number string) [][]string {
	for i, r := range tab.Rows {
		if r[1] == number {
			end := i + 1
			for end < len(tab.Rows) && tab.Rows[end][0] == "" {
				end++
			}
			return tab.Rows[i:end]
		}
	}
	return nil
}

// TestPartnersJoinedOrPerRow prints the tripartite test agreement with its
// partners joined, then one row per partner; the count of students, the
// mentor of each partner and the bilingual headers follow.
func TestPartnersJoinedOrPerRow(t *testing.T) {
	s := snapshot.Filled(t, 20, 30)
	l := model.RegisterLayout{Name: "test", Columns: []string{"seq", "number", "partners", "tax_ids", "students", "mentor", "status"}}
	tab := build(t, s, l, Options{Langs: []string{"ky", "ru", "en"}})
	if got := tab.Columns[4].Header; strings.Join(got, "|") != "Студенттердин саны|Число студентов|Students" {
		t.Errorf("headers %q", got)
	}
	if !strings.HasPrefix(tab.Heading[1][1], "Реестр: test. По состоянию на 28.11.2026") {
		t.Errorf("Russian heading %q", tab.Heading[1][1])
	}
	rows := rowsOf(tab, "ТЕСТ-2025/001")
	if len(rows) != 1 || rows[0][2] != "АО «Қазақстан темір жолы» (кыр.); ОсОО «Ала-Тоо Курулуш»" || rows[0][4] != "25" || rows[0][5] != "Нұрланқызы Ә." {
		t.Fatalf("joined: %q", rows)
	}
	l.PerPartner = true
	tab = build(t, s, l, Options{Langs: []string{"ru"}})
	rows = rowsOf(tab, "ТЕСТ-2025/001")
	if len(rows) != 2 || rows[1][2] != "ОсОО «Ала-Тоо Курулуш»" || rows[1][3] != "01234567890123" || rows[1][4] != "" || rows[0][5] != "Нұрланқызы Ә." || rows[1][5] != "" {
		t.Fatalf("one row per partner: %q", rows)
	}
}

func TestParseLangs(t *testing.T) {
	for in, want := range map[string]string{"kk": "kk", "kk+ru": "kk ru", "ky+ru+en": "ky ru en", "ru+kk": "", "de": ""} {
		got, ok := ParseLangs(in)
		if strings.Join(got, " ") != want || ok != (want != "") {
			t.Errorf("%s: %q %v", in, got, ok)
		}
	}
}

func TestDescriptions(t *testing.T) {
	for _, lang := range []string{"ru", "kk", "ky", "en"} {
		for _, l := range append([]model.RegisterLayout{{Name: Full}}, Presets()...) {
			if d := Describe(lang, l); strings.HasPrefix(d, "layout.") || len(d) < 20 {
				t.Errorf("%s %s: %q", lang, l.Name, d)
			}
		}
		for _, c := range model.LayoutColumns {
			if h := ColumnHeader(lang, c); strings.HasPrefix(h, "layout.") {
				t.Errorf("%s: no header for %s", lang, c)
			}
		}
	}
	if d := Describe("ru", model.RegisterLayout{Name: "Мой", Columns: []string{"seq", "students"}}); d != "Свой макет: № п/п, Число студентов." {
		t.Errorf("custom: %q", d)
	}
}
