package pdf

import (
	"bytes"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/partnerdesk/partnerdesk/model"
)

var sanitizeCases = []struct{ in, want string }{
	{"", ""},
	{"Plain ASCII, 100%.", "Plain ASCII, 100%."},
	{"Әлеуметтік серіктестік: ә ғ қ ң ө ұ ү һ і", "Әлеуметтік серіктестік: ә ғ қ ң ө ұ ү һ і"},
	{"Өнөктөштүк жөнүндө № 5 — «₸ 100» ₽ €", "Өнөктөштүк жөнүндө № 5 — «₸ 100» ₽ €"},
	{"line\r\nbreaks\rand\ttabs", "line\nbreaks\nand tabs"},
	{"emoji 😀 and 👍🏽", "emoji ? and ??"},
	{"family 👨‍👩‍👧", "family ???"},
	{"❤️ flag 🇰🇿", "? flag ??"},
	{"zero\u200bwidth\ufeff soft\u00adhyphen", "zerowidth softhyphen"},
	{"no\u00a0break space", "no\u00a0break space"},
	{"bell\a nul\x00 esc\x1b del\x7f", "bell nul esc del"},
	{"bad \xff\xfe bytes", "bad ?? bytes"},
	{"CJK 中文 and Thai ไทย", "CJK ?? and Thai ???"},
	{"para\u2029sep\u2028line\u0085next", "para\nsep\nline\nnext"},
}

func TestSanitize(t *testing.T) {
	for _, c := range sanitizeCases {
		if got := Sanitize(c.in); got != c.want {
			t.Errorf("Sanitize(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}

func TestDrawable(t *testing.T) {
	for _, r := range "АӘБВГҒДЕЁЖЗИЙКҚЛМНҢОӨПРСТУҰҮФХҺЦЧШЩЪЫІЬЭЮЯаәғқңөұүһіё«»—№₸₽" {
		if !Drawable(r) {
			t.Errorf("the font should draw %q (U+%04X)", r, r)
		}
	}
	for _, r := range []rune{0x1F600, 0x4E2D, 0x10FFFF, -1, 0xD800} {
		if Drawable(r) {
			t.Errorf("the font should not draw U+%04X", r)
		}
	}
}

// FuzzSanitize: the result is valid UTF-8 of line breaks and drawable
// characters only, and sanitizing it again changes nothing.
func FuzzSanitize(f *testing.F) {
	for _, c := range sanitizeCases {
		f.Add(c.in)
	}
	f.Fuzz(func(t *testing.T, s string) {
		out := Sanitize(s)
		if !utf8.ValidString(out) {
			t.Fatalf("invalid UTF-8 %q", out)
		}
		for _, r := range out {
			if r != '\n' && !Drawable(r) {
				t.Fatalf("undrawable %U in %q", r, out)
			}
		}
		if again := Sanitize(out); again != out {
			t.Fatalf("not idempotent: %q then %q", out, again)
		}
	})
}

// FuzzMemorandum prints a memorandum whose user texts are the fuzz input:
// it must never fail or panic.
func FuzzMemorandum(f *testing.F) {
	for _, c := range sanitizeCases {
		f.Add(c.in)
	}
	f.Add(strings.Repeat("Ұзынсөзбірдебоссызжәнеоныңсоңыжоқ", 40))
	f.Add(strings.Repeat("\n", 300))
	f.Fuzz(func(t *testing.T, s string) {
		d := fuzzMemo(s)
		var b bytes.Buffer
		if err := Memorandum(&b, &d, opts("kk", "")); err != nil {
			t.Fatal(err)
		}
		if !bytes.HasPrefix(b.Bytes(), []byte("%PDF-")) {
			t.Fatal("not a PDF")
		}
	})
}

// fuzzMemo is a small memorandum with s in every kind of user text.
func fuzzMemo(s string) MemoData {
	p := model.Partner{ID: 1, Name: s, Country: "KZ", Signatory: model.Person{Name: s, Position: s}}
	return MemoData{
		Institution: model.Institution{Names: model.Names{KK: s}, City: s, Signatory: model.Person{Name: s}},
		Partners:    []model.Partner{p},
		Agreement: model.Agreement{
			Number: s, Title: s, Subject: s, Kind: model.KindMemorandum, PartnerIDs: []model.ID{1},
			Place: s, TerminationReason: s, Status: model.StatusTerminated, TerminatedOn: testToday,
			Programmes:       []model.Programme{{Code: s, Name: s}},
			Responsibilities: []model.Responsibility{{Party: model.PartnerParty(1), Description: s, Owner: s}, {Party: model.Party(s), Description: s}},
			Resources:        []model.Resource{{Party: model.PartyJoint, Description: s, Unit: s, Quantity: 1.5, Value: 1e6, Currency: s}},
			Coordinators:     []model.Coordinator{{Party: model.PartyInstitution, Name: s, Email: s}},
			Principles:       []model.PrincipleAssessment{{Principle: model.PrincipleOpenness, Assessment: model.AssessMet, Evidence: s}},
		},
	}
}
