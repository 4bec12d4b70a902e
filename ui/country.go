package ui

import (
	"strings"

	"fyne.io/fyne/v2/widget"
)

// Countries are stored as ISO codes (KZ, KG) and shown with their names
// in the interface language: "KZ — Казахстан".

// countryOption is the code with the country's name, when we know it.
func countryOption(code string) string {
	if code == "" {
		return ""
	}
	key := "country." + code
	if name := cachedTr(key); name != key {
		return code + " — " + name
	}
	return code
}

// countryCode reads the code back from an option or from a typed code.
func countryCode(text string) string {
	code, _, _ := strings.Cut(strings.TrimSpace(text), " ")
	return strings.ToUpper(strings.TrimSpace(code))
}

// newCountryEntry offers the countries by name; any other code may be
// typed.
func newCountryEntry(codes []string) *widget.SelectEntry {
	opts := make([]string, len(codes))
	for i, c := range codes {
		opts[i] = countryOption(c)
	}
	return widget.NewSelectEntry(opts)
}
