package excel

import (
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/partnerdesk/partnerdesk/assets"
	"github.com/partnerdesk/partnerdesk/model"
)

var dateCases = []struct {
	in   string
	want string // dd.mm.yyyy, "" for none, "bad" for a problem
}{
	{"01.09.2025", "01.09.2025"}, {" 1.9.2025 ", "01.09.2025"}, {"01/09/2025", "01.09.2025"},
	{"2025-09-01", "01.09.2025"}, {"01.09.2025 г.", "01.09.2025"}, {"01.09.2025ж.", "01.09.2025"},
	{"01.09.25", "01.09.2025"}, {"01.09.2025 0:00:00", "01.09.2025"}, {"2025-09-01T00:00:00", "01.09.2025"},
	{"45901", "01.09.2025"}, {"45901.75", "01.09.2025"}, {"", ""}, {"  ", ""},
	{"31.02.2025", "bad"}, {"2025", "bad"}, {"1.5", "bad"}, {"-45901", "bad"}, {"NaN", "bad"},
	{"1e300", "bad"}, {"сентябрь", "bad"}, {"01.09", "bad"}, {"99999999", "bad"},
}

func TestParseDate(t *testing.T) {
	for _, tc := range dateCases {
		d, key := parseDate(tc.in, false)
		got := d.String()
		if key != "" {
			got = "bad"
		}
		if got != tc.want {
			t.Errorf("parseDate(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
	if d, _ := parseDate("44439", true); d.String() != "01.09.2025" {
		t.Errorf("1904 system: %v", d)
	}
}

func FuzzParseDate(f *testing.F) {
	for _, tc := range dateCases {
		f.Add(tc.in)
	}
	f.Fuzz(func(t *testing.T, s string) {
		d, key := parseDate(s, false)
		if key != "" || d.IsZero() {
			return
		}
		if !d.Valid() {
			t.Fatalf("parseDate(%q) = invalid %d", s, d)
		}
		if again, key := parseDate(d.String(), false); key != "" || again != d {
			t.Fatalf("parseDate(%q) = %v, which reads back as %v (%s)", s, d, again, key)
		}
	})
}

var numberCases = []struct {
	in   string
	want int
	ok   bool
}{
	{"12", 12, true}, {" 1 200 ", 1200, true}, {"1\u00a0200", 1200, true}, {"12.0", 12, true},
	{"1.2E+3", 1200, true}, {"", 0, true}, {"12,5", 0, false}, {"-1", 0, false}, {"abc", 0, false},
	{"1e10", 0, false}, {"NaN", 0, false}, {"Inf", 0, false},
}

func TestParseInt(t *testing.T) {
	for _, tc := range numberCases {
		n, key := parseInt(tc.in)
		if n != tc.want || (key == "") != tc.ok {
			t.Errorf("parseInt(%q) = %d, %q", tc.in, n, key)
		}
	}
	if v, key := parseNumber("12,5"); v != 12.5 || key != "" {
		t.Errorf("parseNumber(12,5) = %v %q", v, key)
	}
}

func FuzzParseNumber(f *testing.F) {
	for _, tc := range numberCases {
		f.Add(tc.in)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if n, key := parseInt(s); key == "" && (n < 0 || n > 1e9) {
			t.Fatalf("parseInt(%q) = %d", s, n)
		}
		parseNumber(s)
	})
}

var taxCases = []struct{ in, country, want string }{
	{"050740004819", "KZ", "050740004819"}, {"50740004819", "KZ", "050740004819"}, {"50740004819", "", "050740004819"},
	{"5.0740004819E+10", "", "050740004819"}, {"050 740 004 819", "KZ", "050740004819"}, {"1234567890123", "KG", "01234567890123"},
	{"1234567890123", "", "01234567890123"}, {"50740004819", "KG", "50740004819"}, {"—", "", ""}, {" DE 123 ", "DE", "DE 123"},
	{"50740004819.0", "", "050740004819"},
}

func TestParseTaxID(t *testing.T) {
	for _, tc := range taxCases {
		if got := parseTaxID(tc.in, tc.country); got != tc.want {
			t.Errorf("parseTaxID(%q, %q) = %q, want %q", tc.in, tc.country, got, tc.want)
		}
	}
}

func FuzzParseTaxID(f *testing.F) {
	for _, tc := range taxCases {
		f.Add(tc.in, tc.country)
	}
	f.Fuzz(func(t *testing.T, s, country string) {
		got := parseTaxID(s, country)
		if got != strings.TrimSpace(got) {
			t.Fatalf("parseTaxID(%q) = %q: surrounding space", s, got)
		}
		if again := parseTaxID(got, country); again != got && utf8.ValidString(s) {
			t.Fatalf("parseTaxID not stable: %q → %q → %q", s, got, again)
		}
	})
}

// Every category, kind, status, … is found from its code and from its
// label in each language; no label is shared by two values.
func TestLookupLabels(t *testing.T) {
	for prefix, codes := range enumCodes() {
		for _, code := range codes {
			if got, ok := lookup(prefix, code); !ok || got != code {
				t.Errorf("%s %q: %q %v", prefix, code, got, ok)
			}
			for _, lang := range model.Languages {
				label := assets.T(lang, prefix+"."+code, nil)
				if got, ok := lookup(prefix, "  "+strings.ToUpper(label)+" "); !ok || got != code {
					t.Errorf("%s %s label %q: %q %v", prefix, lang, label, got, ok)
				}
			}
		}
	}
	if got, _ := lookup("category", "3"); got != string(model.CategoryProfessional) {
		t.Errorf("category 3 = %q", got)
	}
	for _, s := range []string{"Общественность", "общественность.", "«Общественность»"} {
		if got, ok := lookup("category", s); !ok || got != string(model.CategoryPublic) {
			t.Errorf("%q = %q", s, got)
		}
	}
	if _, ok := lookup("category", "Спонсоры"); ok {
		t.Error("an unknown category was found")
	}
}

func FuzzLookupCategory(f *testing.F) {
	for _, c := range model.Categories {
		f.Add(string(c))
		f.Add(assets.T("ru", c.Key(), nil))
	}
	f.Add("3")
	f.Fuzz(func(t *testing.T, s string) {
		code, ok := lookup("category", s)
		if ok && !model.Category(code).Valid() {
			t.Fatalf("lookup(%q) = %q, not a category", s, code)
		}
	})
}

func TestYesNoAndYears(t *testing.T) {
	for in, want := range map[string]bool{"Да": true, "нет": false, "Иә": true, "Жоқ": false, "Ооба": true, "Жок": false, "Yes": true, "no": false, "+": true, "1": true, "0": false} {
		if got, ok := yesNo(in); !ok || got != want {
			t.Errorf("yesNo(%q) = %v %v", in, got, ok)
		}
	}
	for in, want := range map[string]int{"2025/2026": 2025, "2025-2026": 2025, "2025/26": 2025, "2025": 2025, " 2025 / 2026 ": 2025} {
		if got, key := parseYear(in); got != want || key != "" {
			t.Errorf("parseYear(%q) = %d %q", in, got, key)
		}
	}
	for _, in := range []string{"2025/2027", "1812", "год", ""} {
		if _, key := parseYear(in); key == "" {
			t.Errorf("parseYear(%q) accepted", in)
		}
	}
}

func FuzzProgramme(f *testing.F) {
	f.Add("6B07101", "Транспорт, транспортная техника и технологии")
	f.Add("", "Педагогика — и психология")
	f.Add("550100", "— странное название")
	f.Fuzz(func(t *testing.T, code, name string) {
		code, name = strings.Join(strings.Fields(code), " "), strings.Join(strings.Fields(name), " ")
		if name == "" || strings.Contains(code, "—") || strings.Contains(code+name, "\n") {
			return
		}
		p := model.Programme{Code: code, Name: name}
		if got := parseProgramme(formatProgramme(p)); got != p {
			t.Fatalf("%+v → %q → %+v", p, formatProgramme(p), got)
		}
	})
}
