// Package layouts makes the printable registers: the presets people are
// asked to hand in (practice bases, dual training, memoranda) and the
// layouts users save, as a table of translated headers and text rows that
// the Excel and PDF writers lay out on A4 landscape pages. The full
// register (every column, read back by the importer) is not one of them:
// the excel package writes it.
package layouts

import (
	"errors"
	"fmt"
	"strings"

	"github.com/partnerdesk/partnerdesk/assets"
	"github.com/partnerdesk/partnerdesk/model"
)

// Full is the name of the complete register.
const Full = "full"

// presets are the built-in printable layouts.
var presets = []model.RegisterLayout{
	{Name: "practice-bases", Columns: []string{
		"seq", "partners", "tax_ids", "address", "number_date", "term", "programmes",
		"practice_places", "coordinator", "status",
	}, Kinds: []model.AgreementKind{model.KindPracticeBase, model.KindDualTraining, model.KindSocialPartnership}},
	{Name: "dual-training", Columns: []string{
		"seq", "partners", "tax_ids", "number_date", "programmes", "students", "mentor", "term", "status",
	}, Kinds: []model.AgreementKind{model.KindDualTraining, model.KindPracticeBase}},
	{Name: "memoranda", Columns: []string{
		"seq", "kind", "parties", "country_city", "title", "signed_on", "valid_until", "coordinator", "status", "notes",
	}, Kinds: []model.AgreementKind{model.KindMemorandum, model.KindSocialPartnership, model.KindResearchCodesign,
		model.KindGraduateEmployment, model.KindOther}},
}

// Presets returns the built-in printable layouts (not the full register).
func Presets() []model.RegisterLayout {
	out := make([]model.RegisterLayout, len(presets))
	for i, p := range presets {
		out[i] = p
		out[i].Columns = append([]string(nil), p.Columns...)
		out[i].Kinds = append([]model.AgreementKind(nil), p.Kinds...)
	}
	return out
}

// Names returns "full", the presets' names, then the saved layouts'.
func Names(saved []model.RegisterLayout) []string {
	out := []string{Full}
	for _, p := range presets {
		out = append(out, p.Name)
	}
	for _, l := range saved {
		out = append(out, l.Name)
	}
	return out
}

// Describe returns the one-line description of a layout in lang: what a
// preset is for, or the columns of a saved layout.
func Describe(lang string, l model.RegisterLayout) string {
	if l.Name == Full || isPreset(l.Name) {
		return assets.T(lang, "layout.desc."+l.Name, nil)
	}
	heads := make([]string, len(l.Columns))
	for i, c := range l.Columns {
		heads[i] = ColumnHeader(lang, c)
	}
	return assets.T(lang, "layout.desc.custom", map[string]string{"Columns": strings.Join(heads, ", ")})
}

// Title returns the layout's name for people: a preset's translated name,
// or the name a saved layout was given.
func Title(lang, name string) string {
	if name == Full || isPreset(name) {
		return assets.T(lang, "layout.name."+name, nil)
	}
	return name
}

// ColumnHeader returns a column's header in lang.
func ColumnHeader(lang, code string) string { return assets.T(lang, "layout.col."+code, nil) }

func isPreset(name string) bool {
	for _, p := range presets {
		if p.Name == name {
			return true
		}
	}
	return false
}

// ErrUnknown is returned by Find for a name that is neither a preset nor
// a saved layout.
var ErrUnknown = errors.New("no such register layout")

// Find returns the preset or the saved layout (one of saved) of that
// name, a saved one's compared without regard to case, as the store
// compares them. The full register is no layout: callers check for Full
// first.
func Find(saved []model.RegisterLayout, name string) (model.RegisterLayout, error) {
	for _, p := range Presets() {
		if p.Name == name {
			return p, nil
		}
	}
	for _, l := range saved {
		if strings.EqualFold(strings.TrimSpace(l.Name), strings.TrimSpace(name)) {
			return l, nil
		}
	}
	return model.RegisterLayout{}, fmt.Errorf("%w %q", ErrUnknown, name)
}
