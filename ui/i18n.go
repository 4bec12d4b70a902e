package ui

import (
	"encoding/json"
	"maps"
	"slices"
	"sync"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/lang"

	"github.com/partnerdesk/partnerdesk/assets"
	"github.com/partnerdesk/partnerdesk/model"
	"github.com/partnerdesk/partnerdesk/reports"
)

// tr translates a message key through Fyne's lang.L; kv are pairs of
// placeholder names and values: tr("err.too_long", "Max", "100").
func tr(key string, kv ...string) string {
	if len(kv) == 0 {
		return lang.L(key)
	}
	data := make(map[string]any, len(kv)/2)
	for i := 0; i+1 < len(kv); i += 2 {
		data[kv[i]] = kv[i+1]
	}
	return lang.L(key, data)
}

// label translates an enumeration value ("" for an empty one). Labels are
// cached until the language changes: table cells ask for them on every
// scroll.
func label(k reports.Keyed) string {
	key := k.Key()
	if key == "" || key[len(key)-1] == '.' {
		return ""
	}
	return cachedTr(key)
}

// cachedTr is tr without placeholders, cached until the language changes.
func cachedTr(key string) string {
	labelMu.Lock()
	defer labelMu.Unlock()
	if l, ok := labelCache[key]; ok {
		return l
	}
	l := lang.L(key)
	labelCache[key] = l
	return l
}

var (
	labelMu    sync.Mutex
	labelCache = map[string]string{}
)

// labels translates a list of enumeration values.
func labels[T reports.Keyed](list []T) []string {
	out := make([]string, len(list))
	for i, v := range list {
		out[i] = label(v)
	}
	return out
}

// fromLabel returns the value whose label is l, or the zero value.
func fromLabel[T reports.Keyed](list []T, l string) T {
	for _, v := range list {
		if label(v) == l {
			return v
		}
	}
	var zero T
	return zero
}

var (
	translationsLoaded bool
	sysLocale          fyne.Locale
)

// systemLocale asks Fyne for the system's locale once (each call logs an
// error where the locale is "C").
func systemLocale() fyne.Locale {
	if sysLocale == "" {
		sysLocale = lang.SystemLocale()
	}
	return sysLocale
}

// loadTranslations registers the embedded translation files with Fyne
// once; Fyne then picks the language closest to the system's.
func loadTranslations() {
	if translationsLoaded {
		return
	}
	translationsLoaded = true
	if err := lang.AddTranslationsFS(assets.I18n, assets.I18nDir); err != nil {
		fyne.LogError("loading translations", err)
	}
}

// systemLanguage returns the PartnerDesk language closest to the system's
// locale: ru, kk, ky or en.
func systemLanguage() string {
	l := systemLocale().LanguageString()
	for _, code := range model.Languages {
		if len(l) >= 2 && l[:2] == code {
			return code
		}
	}
	return "en"
}

// setLanguage makes code (ru, kk, ky or en; anything else means the
// system's language) the language of every string, and returns the code
// it chose. Fyne 2.7 picks translations by the system locale and has no
// call to choose another, so the chosen language's strings are registered
// under every locale Fyne could pick.
func setLanguage(code string) string {
	loadTranslations()
	if !slices.Contains(model.Languages, code) {
		code = systemLanguage()
	}
	tables, err := assets.Tables()
	if err != nil {
		fyne.LogError("reading translations", err)
		return code
	}
	// Keys the chosen language lacks fall back to English, not to
	// whatever language was registered before.
	merged := maps.Clone(tables["en"])
	maps.Copy(merged, tables[code])
	data, err := json.Marshal(merged)
	if err != nil {
		return code
	}
	sys := systemLocale()
	for _, loc := range []fyne.Locale{"en", "ru", "kk", "ky", sys, fyne.Locale(sys.LanguageString())} {
		if err := lang.AddTranslationsForLocale(data, loc); err != nil {
			fyne.LogError("registering translations", err)
		}
	}
	labelMu.Lock()
	clear(labelCache)
	labelMu.Unlock()
	return code
}
