package model

import (
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"
)

var emailCases = []struct {
	in string
	ok bool
}{
	{"aika.ava@bk.ru", true},
	{"skochkonbaeva@oshsu.kg", true},
	{"info@университет.kz", true},
	{"a@b", false},
	{"Aigul <a@b.kz>", false},
	{"a b@c.kz", false},
	{"@c.kz", false},
	{"a@.kz", false},
	{"a@kz.", false},
	{"", false},
}

func TestValidEmail(t *testing.T) {
	for _, c := range emailCases {
		if got := ValidEmail(c.in); got != c.ok {
			t.Errorf("ValidEmail(%q) = %v", c.in, got)
		}
	}
}

func FuzzValidEmail(f *testing.F) {
	for _, c := range emailCases {
		f.Add(c.in)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if ValidEmail(s) && (!strings.Contains(s, "@") || strings.ContainsAny(s, " <>")) {
			t.Fatalf("accepted %q", s)
		}
	})
}

var phoneCases = []struct {
	in string
	ok bool
}{
	{"+7 701 123 45 67", true},
	{"8 (7172) 70-95-00", true},
	{"+996 (312) 62-33-00", true},
	{"+7 727 244-12-12, 105", true},
	{"+7 727 244-12-12 доб. 105", true},
	{"1234", false},
	{"+7 701 abc", false},
	{"7+701", false},
	{"1234567890123456", false},
	{"+7 727 244-12-12, ", false},
	{"", false},
}

func TestValidPhone(t *testing.T) {
	for _, c := range phoneCases {
		if got := ValidPhone(c.in); got != c.ok {
			t.Errorf("ValidPhone(%q) = %v", c.in, got)
		}
	}
}

func FuzzValidPhone(f *testing.F) {
	for _, c := range phoneCases {
		f.Add(c.in)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if !ValidPhone(s) {
			return
		}
		digits := 0
		for _, r := range s {
			if r >= '0' && r <= '9' {
				digits++
			}
		}
		if digits < 5 {
			t.Fatalf("accepted %q with %d digits", s, digits)
		}
	})
}

var urlCases = []struct {
	in string
	ok bool
}{
	{"https://enu.kz", true},
	{"oshsu.kg", true},
	{"http://www.example.com/path?q=1", true},
	{"ftp://example.com", false},
	{"not a url", false},
	{"https://localhost", false},
	{"javascript:alert(1)", false},
}

func TestValidURL(t *testing.T) {
	for _, c := range urlCases {
		if got := ValidURL(c.in); got != c.ok {
			t.Errorf("ValidURL(%q) = %v", c.in, got)
		}
	}
}

func FuzzValidURL(f *testing.F) {
	for _, c := range urlCases {
		f.Add(c.in)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if ValidURL(s) && strings.ContainsAny(s, " \n") {
			t.Fatalf("accepted %q", s)
		}
	})
}

var textCases = []struct {
	in        string
	max       int
	multiline bool
	want      string
}{
	{"Әлеуметтік серіктестік", 100, false, ""},
	{"Социалдык өнөктөштүк", 20, false, ""},
	{"Социалдык өнөктөштүк!", 20, false, "err.too_long"},
	{"line\nbreak", 100, false, "err.control_chars"},
	{"line\nbreak\ttab", 100, true, ""},
	{"bell\a", 100, true, "err.control_chars"},
	{"c1\u0085", 100, true, "err.control_chars"},
	{"bad\xffutf8", 100, true, "err.bad_utf8"},
	{strings.Repeat("я", MaxText), MaxText, true, ""},
	{strings.Repeat("я", MaxText+1), MaxText, true, "err.too_long"},
}

func TestCheckText(t *testing.T) {
	for _, c := range textCases {
		if got := CheckText(c.in, c.max, c.multiline); got != c.want {
			t.Errorf("CheckText(%.20q, %d, %v) = %q, want %q", c.in, c.max, c.multiline, got, c.want)
		}
	}
}

// textFuzzSeeds add to textCases the invalid UTF-8 and the control
// characters a fuzzer rarely builds by itself.
var textFuzzSeeds = []string{
	"\xc2",               // truncated sequence
	"\xed\xa0\x80",       // an encoded surrogate
	"\xc0\xaf",           // overlong slash
	"ok\xf4\x90\x80\x80", // beyond U+10FFFF
	"csi\u009b31m",       // C1 control
	"del\x7f",            // DEL
	"nel\u0085line",      // next line, a C1 control too
	"\ufffe",             // a noncharacter
	"cr\rlf\n",
}

// wantText is what CheckText must answer, derived from the rules one at
// a time: invalid UTF-8 first, then any control character (C0, DEL, C1,
// U+FFFE/U+FFFF; line breaks and tabs only in multiline text), then
// length in characters.
func wantText(s string, max int, multiline bool) string {
	if !utf8.ValidString(s) {
		return "err.bad_utf8"
	}
	for _, r := range s {
		allowed := multiline && (r == '\n' || r == '\t' || r == '\r')
		if !allowed && (unicode.IsControl(r) || r == 0xfffe || r == 0xffff) {
			return "err.control_chars"
		}
	}
	if utf8.RuneCountInString(s) > max {
		return "err.too_long"
	}
	return ""
}

func FuzzCheckText(f *testing.F) {
	for _, c := range textCases {
		if len(c.in) < 200 {
			f.Add(c.in, c.multiline)
		}
	}
	for _, s := range textFuzzSeeds {
		f.Add(s, true)
		f.Add(s, false)
	}
	f.Fuzz(func(t *testing.T, s string, multiline bool) {
		if got, want := CheckText(s, 50, multiline), wantText(s, 50, multiline); got != want {
			t.Fatalf("CheckText(%q, 50, %v) = %q, want %q", s, multiline, got, want)
		}
	})
}

func TestCheckTextSeeds(t *testing.T) {
	want := map[string]string{
		"\xc2": "err.bad_utf8", "\xed\xa0\x80": "err.bad_utf8", "\xc0\xaf": "err.bad_utf8",
		"ok\xf4\x90\x80\x80": "err.bad_utf8", "csi\u009b31m": "err.control_chars", "del\x7f": "err.control_chars",
		"nel\u0085line": "err.control_chars", "\ufffe": "err.control_chars", "cr\rlf\n": "",
	}
	for _, s := range textFuzzSeeds {
		if got := CheckText(s, 50, true); got != want[s] {
			t.Errorf("CheckText(%q) = %q, want %q", s, got, want[s])
		}
	}
}

func TestValidPercent(t *testing.T) {
	for v, ok := range map[float64]bool{0: true, 100: true, 55.5: true, -0.1: false, 100.01: false} {
		if ValidPercent(v) != ok {
			t.Errorf("ValidPercent(%v) != %v", v, ok)
		}
	}
}
