package model

import (
	"strings"
	"testing"
)

var numberCases = []struct {
	pattern  string
	on       string
	existing []string
	want     string
}{
	{"СП-{yyyy}/{nnn}", "01.09.2026", nil, "СП-2026/001"},
	{"СП-{yyyy}/{nnn}", "01.09.2026", []string{"СП-2026/001", "сп-2026/007", "СП-2025/044", "X-1"}, "СП-2026/008"},
	{"СП-{yyyy}/{nnn}", "01.09.2027", []string{"СП-2026/001"}, "СП-2027/001"},
	{"{n}-{yy}/{mm}", "15.03.2026", []string{"9-26/03", "10-26/03", "11-26/04"}, "11-26/03"},
	{"МОУ № {nnnn}", "15.03.2026", []string{"МОУ № 0999"}, "МОУ № 1000"},
	{"{nn}", "15.03.2026", []string{"99"}, "100"},
	{"broken {yyyy}", "15.03.2026", nil, "СП-2026/001"},
	{"a.b*{n}", "15.03.2026", []string{"aXb*5", "a.b*2"}, "a.b*3"},
}

func TestSuggestNumber(t *testing.T) {
	for _, c := range numberCases {
		if got := SuggestNumber(c.pattern, MustDate(c.on), c.existing); got != c.want {
			t.Errorf("SuggestNumber(%q, %s, %v) = %q, want %q", c.pattern, c.on, c.existing, got, c.want)
		}
	}
}

func TestCheckPattern(t *testing.T) {
	for p, want := range map[string]string{
		"СП-{yyyy}/{nnn}": "", "{n}": "", "СП-{yyyy}": "err.pattern_counter",
		"{n}/{n}": "err.pattern_counter", "{x}-{n}": "err.pattern_placeholder", "{nnn": "err.pattern_placeholder",
		"a\nb{n}": "err.control_chars",
	} {
		if got, _ := CheckPattern(p); got != want {
			t.Errorf("CheckPattern(%q) = %q, want %q", p, got, want)
		}
	}
}

func FuzzSuggestNumber(f *testing.F) {
	for _, c := range numberCases {
		f.Add(c.pattern, strings.Join(c.existing, "\n"))
	}
	f.Fuzz(func(t *testing.T, pattern, existing string) {
		on := MustDate("15.03.2026")
		list := strings.Split(existing, "\n")
		got := SuggestNumber(pattern, on, list)
		if got == "" {
			t.Fatal("empty suggestion")
		}
		for _, e := range list {
			if NormalizeNumber(e) == NormalizeNumber(got) {
				t.Fatalf("suggested %q which is already used", got)
			}
		}
	})
}

func TestNormalizeNumber(t *testing.T) {
	if NormalizeNumber("  сп-2026/001 ") != NormalizeNumber("СП-2026/001") {
		t.Error("case and spaces must not make numbers distinct")
	}
	if NormalizeNumber("A  1") != "A 1" {
		t.Error(NormalizeNumber("A  1"))
	}
}

func TestChangedFields(t *testing.T) {
	a, b := goodPartner(), goodPartner()
	b.Rev, b.Name, b.Contacts[0].Phone = 7, "Новое имя", "+7 700 000 00 00"
	b.Tags = []string{}
	got := ChangedFields(&a, &b)
	if strings.Join(got, ",") != "name,contacts" {
		t.Errorf("ChangedFields = %v", got)
	}
}
