package model

import (
	"slices"
	"strconv"
	"strings"
)

// RegisterLayout is a register of the user's own: the columns chosen, in
// their order, saved under a name with the institution's settings.
type RegisterLayout struct {
	Name    string   `json:"name"`
	Columns []string `json:"columns"`
	// PerPartner prints one row per partner instead of joining the
	// partners of an agreement with "; ".
	PerPartner bool `json:"per_partner,omitempty"`
	// Kinds keeps agreements of these kinds; empty keeps all.
	Kinds []AgreementKind `json:"kinds,omitempty"`
}

// LayoutColumns lists the columns a register layout may hold, as stable
// codes (their headers are translated as "layout.col.<code>").
var LayoutColumns = []string{
	"seq", "number", "signed_on", "number_date", "kind", "title", "subject",
	"partners", "parties", "tax_ids", "address", "country_city",
	"term", "valid_from", "valid_until", "status",
	"programmes", "programme_codes", "practice_kind", "practice_places",
	"students", "mentor", "coordinator", "responsible_unit", "notes",
}

// Names of the layouts every data file has; a saved layout may not take
// one of them.
var PresetLayoutNames = []string{"full", "practice-bases", "dual-training", "memoranda"}

// MaxLayoutColumns bounds the columns of a layout (a printed A4 page
// holds no more).
const MaxLayoutColumns = 16

func init() {
	Messages["err.layout_preset_name"] = "This name belongs to a built-in layout: choose another."
	Messages["err.layout_column"] = "Unknown column {{.Value}}."
	Messages["err.layout_columns"] = "Choose between 1 and {{.Max}} columns, each once."
}

// Validate checks the layout's name, columns and kinds.
func (l *RegisterLayout) Validate() error {
	var c checker
	c.text("name", l.Name, true, MaxShort, false)
	if slices.Contains(PresetLayoutNames, strings.ToLower(strings.TrimSpace(l.Name))) {
		c.add("name", "err.layout_preset_name")
	}
	seen := map[string]bool{}
	if len(l.Columns) == 0 || len(l.Columns) > MaxLayoutColumns {
		c.add("columns", "err.layout_columns", "Max", strconv.Itoa(MaxLayoutColumns))
	}
	for i, col := range l.Columns {
		field := "columns[" + strconv.Itoa(i) + "]"
		switch {
		case !slices.Contains(LayoutColumns, col):
			c.add(field, "err.layout_column", "Value", col)
		case seen[col]:
			c.add(field, "err.layout_columns", "Max", strconv.Itoa(MaxLayoutColumns))
		}
		seen[col] = true
	}
	for i, k := range l.Kinds {
		if !k.Valid() {
			c.add("kinds["+strconv.Itoa(i)+"]", "err.unknown_value", "Value", string(k))
		}
	}
	return c.err()
}
