package excel

import (
	"fmt"
	"strings"

	"github.com/partnerdesk/partnerdesk/model"
)

// Auto is the default category that is inferred from each partner's name.
const Auto = "auto"

// Defaults are the values an import uses for what a register does not
// say. The wizard asks for them once ("values for what the file does not
// say"); partnerctl takes them as --default FIELD=VALUE.
type Defaults struct {
	// Category of a partner the file names without one: a category code,
	// or Auto to infer it from the partner's legal form and name (and the
	// section it is listed under), falling back to Fallback.
	Category string
	// Fallback is the category of a partner whose name says nothing, with
	// Category Auto; "" leaves such a partner to be refused.
	Fallback model.Category
	// Kind of an agreement without a kind column; "" infers it from the
	// title, else "other".
	Kind model.AgreementKind
	// Status of an agreement without a status; "" derives it from the
	// dates (signed: active; not signed: draft).
	Status model.Status
	// Country of a partner without a country; "" guesses it from the shape
	// of the tax ID (12 digits: KZ, 14: KG).
	Country string
	// Lang is the language of titles made up for agreements without one.
	Lang string
}

// DefaultValues infers the category (professional when the name says
// nothing) and everything else from the file.
func DefaultValues() Defaults {
	return Defaults{Category: Auto, Fallback: model.CategoryProfessional, Lang: "ru"}
}

// DefaultFields lists the fields Set accepts.
var DefaultFields = []string{"category", "fallback", "kind", "status", "country", "lang"}

// Set sets one default from its field name and value (a code, or a label
// in any language): category=auto, category=educational, kind=memorandum,
// status=active, country=KG.
func (d *Defaults) Set(field, value string) error {
	value = strings.TrimSpace(value)
	bad := func() error { return fmt.Errorf("--default %s=%s: not a known value", field, value) }
	switch field {
	case "category", "fallback":
		if field == "category" && strings.EqualFold(value, Auto) {
			d.Category = Auto
			return nil
		}
		code, ok := lookup("category", value)
		if !ok {
			return bad()
		}
		if field == "fallback" {
			d.Fallback = model.Category(code)
		} else {
			d.Category = code
		}
	case "kind":
		code, ok := lookup("kind", value)
		if !ok {
			return bad()
		}
		d.Kind = model.AgreementKind(code)
	case "status":
		code, ok := lookup("status", value)
		if !ok || !model.Status(code).Valid() {
			return bad()
		}
		d.Status = storedStatus(model.Status(code), 1)
	case "country":
		if c := countryCode(value); model.ValidCountry(c) {
			d.Country = c
			return nil
		}
		return bad()
	case "lang":
		d.Lang = value
	default:
		return fmt.Errorf("--default %s: unknown field (known: %s)", field, strings.Join(DefaultFields, ", "))
	}
	return nil
}

// category returns the category of a partner named without one, and the
// word it was inferred from ("" when the user chose it).
func (d Defaults) category(name, section string, sectionCat model.Category) (model.Category, model.SubKind, string) {
	switch {
	case d.Category != Auto && d.Category != "":
		return model.Category(d.Category), "", ""
	case d.Category == "":
		return "", "", ""
	}
	if cat, sub, word, ok := InferCategory(name); ok {
		return cat, sub, word
	}
	if sectionCat != "" {
		return sectionCat, "", section
	}
	if d.Fallback != "" {
		return d.Fallback, "", "—"
	}
	return "", "", ""
}

// sectionRules name the category of the rows under a section row.
var sectionRules = []struct {
	words []string
	cat   model.Category
}{
	{[]string{"работодател", "предприяти", "организации бизнеса", "бизнес", "жұмыс беруші", "кәсіпорында", "иш берүүчү", "ишканала", "employers", "companies", "industry"}, model.CategoryProfessional},
	{[]string{"образовательн", "учебн", "школ", "колледж", "вуз", "білім беру", "мектеп", "оқу орында", "билим берүү", "окуу жайла", "education", "schools"}, model.CategoryEducational},
	{[]string{"государствен", "органы власти", "органы управления", "акимат", "мемлекеттік", "мамлекеттик", "әкімдік", "government", "authorities"}, model.CategoryPublicManagement},
	{[]string{"общественн", "нко", "некоммерческ", "қоғамдық", "коомдук", "фонд", "ngo", "civil"}, model.CategoryPublic},
}

// sectionCategory returns the category a section title names, or "".
func sectionCategory(title string) model.Category {
	n := " " + normLabel(title) + " "
	for _, r := range sectionRules {
		for _, w := range r.words {
			if strings.Contains(n, " "+w) {
				return r.cat
			}
		}
	}
	return ""
}
