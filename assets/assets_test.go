package assets

import (
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/partnerdesk/partnerdesk/model"
)

var placeholder = regexp.MustCompile(`\{\{\.[A-Za-z]+\}\}`)

// Every key exists in every language, with the same placeholders, and no
// translation is empty.
func TestTranslationsComplete(t *testing.T) {
	tables, err := Tables()
	if err != nil {
		t.Fatal(err)
	}
	en := tables["en"]
	if len(en) == 0 {
		t.Fatal("no English translations")
	}
	for _, lang := range model.Languages {
		tab := tables[lang]
		for key, text := range en {
			got, ok := tab[key]
			switch {
			case !ok:
				t.Errorf("%s: missing %q", lang, key)
			case strings.TrimSpace(got) == "":
				t.Errorf("%s: %q is empty", lang, key)
			case !slices.Equal(sorted(placeholder.FindAllString(got, -1)), sorted(placeholder.FindAllString(text, -1))):
				t.Errorf("%s: %q has placeholders %v, English has %v", lang, key, placeholder.FindAllString(got, -1), placeholder.FindAllString(text, -1))
			}
		}
		for key := range tab {
			if _, ok := en[key]; !ok {
				t.Errorf("%s: %q is not in English", lang, key)
			}
		}
	}
}

func sorted(s []string) []string { slices.Sort(s); return s }

func TestT(t *testing.T) {
	if got := T("ru", "err.too_long", map[string]string{"Max": "100"}); got != "Слишком длинно: не более 100 символов." {
		t.Errorf("got %q", got)
	}
	if got := T("xx", "status.active", nil); got != "Active" {
		t.Errorf("fallback to English: %q", got)
	}
	if got := T("ru", "no.such.key", nil); got != "no.such.key" {
		t.Errorf("fallback to key: %q", got)
	}
}

func TestFontsEmbedded(t *testing.T) {
	if len(FontRegular) < 100000 || len(FontBold) < 100000 || !strings.Contains(FontLicence, "SIL Open Font License") {
		t.Error("fonts or licence missing")
	}
}

// The principles' help texts in the translation files are the model's
// definitions (the model carries English and Russian for partnerctl and
// the reports).
func TestPrincipleHelpMatchesModel(t *testing.T) {
	for _, p := range model.Principles {
		for _, lang := range []string{"en", "ru"} {
			if got := T(lang, p.HelpKey(), nil); got != p.Definition(lang) {
				t.Errorf("%s %s:\n file  %q\n model %q", lang, p, got, p.Definition(lang))
			}
		}
	}
}

// Every validation message key of the model is translated.
func TestModelMessagesTranslated(t *testing.T) {
	tables, _ := Tables()
	for key, text := range model.Messages {
		if tables["en"][key] != text {
			t.Errorf("en %s: file %q, model %q", key, tables["en"][key], text)
		}
	}
}
