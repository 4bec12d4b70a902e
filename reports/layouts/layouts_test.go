package layouts

import (
	"context"
	"errors"
	"reflect"
	"strings"
	"testing"

	"github.com/partnerdesk/partnerdesk/model"
	"github.com/partnerdesk/partnerdesk/model/store"
	"github.com/partnerdesk/partnerdesk/reports/internal/snapshot"
)

// build lays out a register from the store, as the app and partnerctl
// do.
func build(t *testing.T, s *store.Store, l model.RegisterLayout, o Options) *Table {
	t.Helper()
	o.Today = snapshot.Today
	tab, err := Build(context.Background(), s, l, o)
	if err != nil {
		t.Fatal(err)
	}
	return tab
}

// A register read from one read transaction is the one read from the
// store's own methods.
func TestBuildFromStoreOrTransaction(t *testing.T) {
	s := snapshot.Filled(t, 20, 30)
	l := Presets()[0]
	fromStore := build(t, s, l, Options{Langs: []string{"kk", "ru"}})
	var fromTx *Table
	err := s.View(func(tx *store.Tx) (err error) {
		fromTx, err = Build(context.Background(), tx, l, Options{Langs: []string{"kk", "ru"}, Today: snapshot.Today})
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	if fromStore.Agreements == 0 || !reflect.DeepEqual(fromStore, fromTx) {
		t.Errorf("from the store %d agreements, %d rows; from a transaction %d, %d", fromStore.Agreements, len(fromStore.Rows), fromTx.Agreements, len(fromTx.Rows))
	}
}

// Find returns presets by name and saved layouts by name in any case,
// and refuses a name that is neither.
func TestFind(t *testing.T) {
	saved := []model.RegisterLayout{{Name: "Кафедра", Columns: []string{"seq", "number"}}}
	if l, err := Find(saved, "memoranda"); err != nil || l.Name != "memoranda" || len(l.Columns) == 0 {
		t.Errorf("preset: %+v, %v", l, err)
	}
	if l, err := Find(saved, " кафедра "); err != nil || l.Name != "Кафедра" {
		t.Errorf("saved: %+v, %v", l, err)
	}
	if _, err := Find(saved, "other"); !errors.Is(err, ErrUnknown) || !strings.Contains(err.Error(), `"other"`) {
		t.Errorf("unknown: %v", err)
	}
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
