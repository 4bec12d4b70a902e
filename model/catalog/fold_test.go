package catalog

import (
	"slices"
	"testing"
)

// slowAgreements answers a text query from the UTF-8 text only.
func slowAgreements(c *Catalog, text string) []string {
	words := Words(text)
	var out []string
	for _, a := range c.sortedAgreements(asort{}) {
		if len(words) == 0 || matchAll(lowerJoin(c.agreementTexts(a)...), words) {
			out = append(out, a.Number)
		}
	}
	return out
}

func numbers(list []*Agreement) []string {
	var out []string
	for _, a := range list {
		out = append(out, a.Number)
	}
	return out
}

var searchSeeds = []string{"практик", "ПРАКТИК", "сп-2025", "Әлеумет", "ЖШС «Ақ", "ақ бидай", "жолы", "llc", "LLC consulting",
	"0205", "Ош", "Ұлттық", "ЁЛКА", "  ", "é", "日本", "a\x00b", "сп-2026/00", "қ", "і"}

func TestFoldedSearchMatchesPlainSearch(t *testing.T) {
	c, _ := fixture(t, 60, 300)
	for _, q := range searchSeeds {
		got := numbers(c.Agreements(AgreementQuery{Text: q}))
		want := slowAgreements(c, q)
		if !slices.Equal(got, want) {
			t.Errorf("%q: folded search finds %d, plain search %d", q, len(got), len(want))
		}
	}
	// Still right after a change (the folded text is rebuilt).
	a := c.alist[0]
	s := a.Summary
	s.Title = "Совершенно новое название"
	c.PutAgreement(s)
	if got := numbers(c.Agreements(AgreementQuery{Text: "совершенно нов"})); !slices.Equal(got, []string{a.Number}) {
		t.Errorf("after a save: %v", got)
	}
}

func FuzzSearch(f *testing.F) {
	for _, s := range searchSeeds {
		f.Add(s)
	}
	c, _ := fixture(f, 15, 60)
	f.Fuzz(func(t *testing.T, q string) {
		got := numbers(c.Agreements(AgreementQuery{Text: q}))
		if want := slowAgreements(c, q); !slices.Equal(got, want) {
			t.Fatalf("%q: folded %v, plain %v", q, got, want)
		}
	})
}
