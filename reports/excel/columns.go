package excel

import (
	"github.com/partnerdesk/partnerdesk/assets"
	"github.com/partnerdesk/partnerdesk/model"
)

// SheetKind says what a worksheet of a register holds.
type SheetKind string

// The sheets of a register, in the workbook's order.
const (
	SheetAgreements       SheetKind = "agreements"
	SheetPartners         SheetKind = "partners"
	SheetResponsibilities SheetKind = "responsibilities"
	SheetPrinciples       SheetKind = "principles"
	SheetIndicators       SheetKind = "indicators"
	SheetSummary          SheetKind = "summary"
	SheetContacts         SheetKind = "contacts"
	SheetCoordinators     SheetKind = "coordinators"
	SheetResources        SheetKind = "resources"
)

// SheetKinds lists the sheets in the workbook's order.
var SheetKinds = []SheetKind{
	SheetAgreements, SheetPartners, SheetResponsibilities, SheetPrinciples, SheetIndicators,
	SheetSummary, SheetContacts, SheetCoordinators, SheetResources,
}

// Key is the translation key of the sheet's name.
func (k SheetKind) Key() string { return "xlsx.sheet." + string(k) }

// Name returns the sheet's name in lang.
func (k SheetKind) Name(lang string) string { return assets.T(lang, k.Key(), nil) }

// Field is the meaning of a register column: a stable code.
type Field string

// cellStyle is how a column's cells look and what they hold.
type cellStyle int

const (
	styleText   cellStyle = iota // wrapped text
	styleDate                    // a date, dd.mm.yyyy
	styleInt                     // a whole number
	styleNum                     // a number with decimals
	stylePct                     // a percentage
	styleCenter                  // short centred text (yes/no, counts)
)

// FieldInfo describes one column of a sheet kind for the column mapping
// step of an import.
type FieldInfo struct {
	Field Field
	// Key is the translation key of the column's header; Args fill its
	// placeholders.
	Key  string
	Args map[string]string
	// Derived columns (days left, principles met, …) are written for
	// reading and ignored on import.
	Derived bool
	// Required columns must be mapped for an import.
	Required bool
	width    float64
	style    cellStyle
	extra    bool // carries details for re-import; not printed
}

// Header returns the column's header in lang; evidence columns of the
// Principles sheet name their principle.
func (fi FieldInfo) Header(lang string) string {
	if _, ok := fi.Args["Principle"]; ok {
		p := model.Principle(string(fi.Field)[2:])
		return assets.T(lang, fi.Key, map[string]string{"Principle": assets.T(lang, p.Key(), nil)})
	}
	return assets.T(lang, fi.Key, fi.Args)
}

func fi(f Field, width float64, st cellStyle) FieldInfo {
	return FieldInfo{Field: f, Key: "xlsx.col." + string(f), width: width, style: st}
}

func derived(f Field, width float64, st cellStyle) FieldInfo {
	x := fi(f, width, st)
	x.Derived = true
	return x
}

// extra marks the columns after the ones a ministry asks for: they let a
// register be imported back with nothing lost, are shown on screen and
// left out of the print area.
func extra(list ...FieldInfo) []FieldInfo {
	for i := range list {
		list[i].extra = true
	}
	return list
}

func required(f Field, width float64, st cellStyle) FieldInfo {
	x := fi(f, width, st)
	x.Required = true
	return x
}

// Fields of the Agreements sheet: those the ministry asks for, then what
// the register needs to rebuild the records.
var agreementFields = append([]FieldInfo{
	derived("seq", 5, styleCenter), required("number", 14, styleText), fi("signed_on", 12, styleDate),
	fi("partners", 26, styleText), fi("tax_ids", 15.5, styleText), fi("categories", 18.5, styleText),
	fi("kind", 17, styleText), fi("title", 24, styleText), derived("term_from", 12, styleDate),
	derived("term_until", 12, styleDate), derived("days_left", 9, styleInt), fi("status", 11, styleText),
	fi("auto_renew", 16.5, styleCenter), derived("renewals", 10, styleInt), fi("levels", 22, styleText), fi("forms", 22, styleText),
	fi("programmes", 22, styleText), fi("practice_places", 10, styleInt), fi("coordinator", 17, styleText),
	derived("principles_met", 11, styleCenter), derived("attachment", 11, styleCenter),
}, extra(
	fi("valid_from", 12, styleDate), fi("valid_until", 12, styleDate), fi("renewal_months", 11, styleInt), fi("place", 14, styleText), fi("model", 18, styleText),
	fi("subject", 40, styleText), fi("terminated_on", 12, styleDate), fi("termination_reason", 24, styleText),
	fi("renews", 16, styleText), fi("renewed_by", 16, styleText), fi("notes", 30, styleText),
)...)

var partnerFields = append([]FieldInfo{
	derived("seq", 5, styleCenter), required("name", 32, styleText), fi("category", 20, styleText),
	fi("sub_kind", 20, styleText), fi("relation", 13, styleText), fi("country", 8, styleCenter),
	fi("region", 16, styleText), fi("tax_id", 15, styleText), fi("address", 30, styleText),
	fi("main_contact", 30, styleText), derived("active_agreements", 12, styleInt),
}, extra(
	fi("short_name", 14, styleText), fi("city", 14, styleText), fi("website", 22, styleText),
	fi("name_ru", 30, styleText), fi("name_kk", 30, styleText), fi("name_ky", 30, styleText), fi("name_en", 30, styleText),
	fi("signatory", 24, styleText), fi("signatory_position", 22, styleText), fi("notes", 30, styleText), fi("tags", 18, styleText),
)...)

var contactFields = []FieldInfo{
	required("partner", 36, styleText), fi("tax_id", 15, styleText), required("person", 26, styleText),
	fi("position", 22, styleText), fi("phone", 18, styleText), fi("email", 24, styleText), fi("notes", 30, styleText),
}

var responsibilityFields = []FieldInfo{
	required("number", 16, styleText), required("party", 30, styleText), required("description", 44, styleText),
	fi("owner", 22, styleText), fi("due", 12, styleDate), fi("task_status", 14, styleText),
	derived("overdue", 13, styleCenter), fi("done_on", 13, styleDate), fi("evidence", 30, styleText),
}

var indicatorFields = []FieldInfo{
	required("number", 16, styleText), required("year", 11, styleCenter), fi("placed", 14, styleInt),
	fi("graduates", 14, styleInt), fi("employed", 15, styleInt), derived("employment_pct", 15, stylePct),
	fi("retained", 15, styleInt), fi("assessed", 15, styleInt), fi("events", 14, styleInt),
}

var coordinatorFields = []FieldInfo{
	required("number", 16, styleText), required("party", 30, styleText), required("person", 26, styleText),
	fi("position", 22, styleText), fi("phone", 18, styleText), fi("email", 24, styleText),
}

var resourceFields = []FieldInfo{
	required("number", 16, styleText), required("party", 30, styleText), required("resource", 40, styleText),
	fi("quantity", 10, styleNum), fi("unit", 8, styleCenter), fi("value", 14, styleNum), fi("currency", 9, styleCenter),
}

// principleFields has the agreement number, one assessment column per
// principle, then one evidence column per principle.
var principleFields = func() []FieldInfo {
	out := []FieldInfo{required("number", 16, styleText)}
	for _, p := range model.Principles {
		out = append(out, FieldInfo{Field: assessField(p), Key: p.Key(), width: 14, style: styleText})
	}
	for _, p := range model.Principles {
		out = append(out, FieldInfo{Field: evidenceField(p), Key: "xlsx.col.evidence_of", Args: map[string]string{"Principle": ""}, width: 20, style: styleText})
	}
	return out
}()

func assessField(p model.Principle) Field   { return Field("p_" + string(p)) }
func evidenceField(p model.Principle) Field { return Field("e_" + string(p)) }

// Fields returns the columns of a sheet kind, in the order the register
// writes them; nil for the summary, which is not imported.
func Fields(kind SheetKind) []FieldInfo {
	switch kind {
	case SheetAgreements:
		return agreementFields
	case SheetPartners:
		return partnerFields
	case SheetResponsibilities:
		return responsibilityFields
	case SheetPrinciples:
		return principleFields
	case SheetIndicators:
		return indicatorFields
	case SheetContacts:
		return contactFields
	case SheetCoordinators:
		return coordinatorFields
	case SheetResources:
		return resourceFields
	}
	return nil
}
