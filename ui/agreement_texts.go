package ui

import (
	"slices"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"

	"github.com/partnerdesk/partnerdesk/model"
	"github.com/partnerdesk/partnerdesk/ui/widgets"
)

// docTextInputs are the title, place and subject in one document
// language; Russian's are the agreement's main fields.
type docTextInputs struct {
	lang                  string
	title, place, subject *widget.Entry
}

// docLangs returns the document languages the editor offers side by side:
// Russian and the institution's state language, and any other language the
// agreement already has a text in.
func docTextLangs(in *model.Institution, a *model.Agreement) []string {
	langs := model.DocLanguages(in.Country)
	for _, l := range model.Languages {
		if _, ok := a.Texts[l]; ok && !slices.Contains(langs, l) {
			langs = append(langs, l)
		}
	}
	for i := range a.Responsibilities {
		for l := range a.Responsibilities[i].Descriptions {
			if !slices.Contains(langs, l) && slices.Contains(model.Languages, l) {
				langs = append(langs, l)
			}
		}
	}
	return langs
}

// newDocTexts makes the inputs of every language but Russian (whose
// inputs the terms tab has already).
func (t *termsTab) newDocTexts(a *model.Agreement) {
	t.texts = []*docTextInputs{{lang: model.MainTextLang, title: t.title, place: t.place, subject: t.subject}}
	for _, l := range docTextLangs(&t.e.u.inst, a) {
		if l == model.MainTextLang {
			continue
		}
		own := a.Texts[l]
		in := &docTextInputs{lang: l, title: rowEntry(own.Title, "", t.e.changed),
			place: rowEntry(own.Place, "", t.e.changed), subject: t.text(4, own.Subject)}
		t.texts = append(t.texts, in)
	}
}

// langLabel is a field's label with the language it is written in.
func langLabel(fieldKey, lang string) string {
	return tr(fieldKey) + " · " + tr("lang."+lang)
}

// textRow lays out one field (title, place or subject) in every document
// language side by side.
func (t *termsTab) textRow(field string, input func(*docTextInputs) *widget.Entry) fyne.CanvasObject {
	var objs []fyne.CanvasObject
	for _, in := range t.texts {
		path := field
		if in.lang != model.MainTextLang {
			path = "texts." + in.lang + "." + field
		}
		objs = append(objs, t.e.fs.labelled(path, langLabel("field."+field, in.lang), input(in)))
	}
	return widgets.NewColumns(len(objs), objs...)
}

// collectTexts writes the texts in other languages into a.
func (t *termsTab) collectTexts(a *model.Agreement) {
	a.Texts = nil
	for _, in := range t.texts[1:] {
		dt := model.DocText{Title: strings.TrimSpace(in.title.Text), Place: strings.TrimSpace(in.place.Text),
			Subject: strings.TrimSpace(in.subject.Text)}
		if dt.IsZero() {
			continue
		}
		if a.Texts == nil {
			a.Texts = map[string]model.DocText{}
		}
		a.Texts[in.lang] = dt
	}
	// Texts in languages the editor does not show are kept.
	for l, dt := range t.e.orig.Texts {
		if !slices.ContainsFunc(t.texts, func(in *docTextInputs) bool { return in.lang == l }) {
			if a.Texts == nil {
				a.Texts = map[string]model.DocText{}
			}
			a.Texts[l] = dt
		}
	}
}
