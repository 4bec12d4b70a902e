package model

import (
	"slices"
	"strings"
)

// DocText is an agreement's free text that goes into its documents,
// written in one more language than the main fields (Title, Subject,
// Place), which hold the Russian text.
type DocText struct {
	Title   string `json:"title,omitempty"`
	Subject string `json:"subject,omitempty"`
	Place   string `json:"place,omitempty"`
}

// IsZero reports whether no text is set.
func (t DocText) IsZero() bool { return t == DocText{} }

// MainTextLang is the language of an agreement's main text fields and of
// a responsibility's Description: Russian, the language of the register
// in both countries. Records written before texts per language existed
// hold whatever was typed there; documents print it for any language that
// has no text of its own, with a warning first.
const MainTextLang = "ru"

// DocLanguages returns the languages an institution's documents are
// written in: Russian and the state language (Kazakh in Kazakhstan,
// Kyrgyz in Kyrgyzstan; English elsewhere).
func DocLanguages(country string) []string {
	switch country {
	case "KG":
		return []string{"ru", "ky"}
	case "KZ", "":
		return []string{"ru", "kk"}
	}
	return []string{"ru", "en"}
}

// TextIn returns the agreement's title, subject and place in lang: the
// language's own text where it is set, the main text otherwise.
func (a *Agreement) TextIn(lang string) DocText {
	main := DocText{Title: a.Title, Subject: a.Subject, Place: a.Place}
	if lang == MainTextLang {
		return main
	}
	own := a.Texts[lang]
	return DocText{Title: or(own.Title, main.Title), Subject: or(own.Subject, main.Subject), Place: or(own.Place, main.Place)}
}

// DescriptionIn returns the responsibility's description in lang, the
// main description when lang has none.
func (r *Responsibility) DescriptionIn(lang string) string {
	if lang == MainTextLang {
		return r.Description
	}
	return or(r.Descriptions[lang], r.Description)
}

func or(s, fallback string) string {
	if strings.TrimSpace(s) != "" {
		return s
	}
	return fallback
}

// MissingTexts returns the JSON names of the agreement's document fields
// (title, subject, place, responsibilities) that have text in the main
// language but none of their own in lang: a document in lang would print
// the main text there.
func (a *Agreement) MissingTexts(lang string) []string {
	if lang == MainTextLang {
		return nil
	}
	own := a.Texts[lang]
	var out []string
	for _, f := range []struct{ name, main, own string }{
		{"title", a.Title, own.Title}, {"subject", a.Subject, own.Subject}, {"place", a.Place, own.Place},
	} {
		if strings.TrimSpace(f.main) != "" && strings.TrimSpace(f.own) == "" {
			out = append(out, f.name)
		}
	}
	for i := range a.Responsibilities {
		r := &a.Responsibilities[i]
		if strings.TrimSpace(r.Description) != "" && strings.TrimSpace(r.Descriptions[lang]) == "" {
			out = append(out, "responsibilities")
			break
		}
	}
	return out
}

// Has reports whether the name in lang itself is set (no fallback).
func (n Names) Has(lang string) bool { return n.Exact(lang) != "" }

// docTexts checks the texts in other languages: known language codes and
// the same limits as the main fields.
func (c *checker) docTexts(a *Agreement) {
	for lang := range a.Texts {
		if lang == MainTextLang || !slices.Contains(Languages, lang) {
			c.add("texts", "err.unknown_value", "Value", lang)
		}
	}
	for _, lang := range Languages {
		t, f := a.Texts[lang], textFields[lang]
		c.text(f[0], t.Title, false, MaxName, false)
		c.text(f[1], t.Subject, false, MaxText, true)
		c.text(f[2], t.Place, false, MaxShort, false)
	}
	for i := range a.Responsibilities {
		r := &a.Responsibilities[i]
		for lang := range r.Descriptions {
			if lang == MainTextLang || !slices.Contains(Languages, lang) {
				c.add(idx("responsibilities", i, "descriptions"), "err.unknown_value", "Value", lang)
			}
		}
		c.in("responsibilities", i, func() {
			for _, lang := range Languages {
				c.text(descriptionField[lang], r.Descriptions[lang], false, MaxText, true)
			}
		})
	}
}

// Field paths of the texts in each language, made once.
var (
	textFields       = map[string][3]string{}
	descriptionField = map[string]string{}
)

func init() {
	for _, lang := range Languages {
		textFields[lang] = [3]string{"texts." + lang + ".title", "texts." + lang + ".subject", "texts." + lang + ".place"}
		descriptionField[lang] = "descriptions." + lang
	}
}
