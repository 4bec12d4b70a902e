package interchange

import (
	"bytes"
	"encoding/json"
	"slices"

	"github.com/partnerdesk/partnerdesk/model"
)

// Conflict is a field that holds different values here (Ours) and in the
// imported file (Theirs). Field is the field's JSON name in the data
// file's records ("valid_until", "contacts"); the values are shortened
// JSON text.
type Conflict struct {
	Field  string `json:"field"`
	Ours   string `json:"ours"`
	Theirs string `json:"theirs"`
}

// ignoredFields are not compared when merging: bookkeeping, and what a
// file cannot carry (attachment bytes) or carries otherwise (renewal
// links travel as numbers).
var ignoredFields = map[string]bool{
	"id": true, "rev": true, "created": true, "updated": true,
	"attachments": true, "predecessor_id": true, "successor_id": true,
}

// diff compares two records of the same type field by field. A field set
// only in theirs is filled in; one set only in ours is kept; one set in
// both with different values is a conflict. It returns the merged record
// as JSON (conflicts resolved by takeTheirs), the fields filled in and
// the conflicts.
func diff(ours, theirs any, takeTheirs bool) (merged []byte, fills []string, conflicts []Conflict, err error) {
	o, err := fieldsOf(ours)
	if err != nil {
		return nil, nil, nil, err
	}
	t, err := fieldsOf(theirs)
	if err != nil {
		return nil, nil, nil, err
	}
	keys := make([]string, 0, len(t))
	for k := range t {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	for _, k := range keys {
		tv, ov := t[k], o[k]
		if ignoredFields[k] || isEmptyJSON(k, tv) || bytes.Equal(ov, tv) || equalJSONValue(ov, tv) {
			continue
		}
		if isEmptyJSON(k, ov) {
			fills = append(fills, k)
			o[k] = tv
			continue
		}
		conflicts = append(conflicts, Conflict{Field: k, Ours: Shorten(string(ov)), Theirs: Shorten(string(tv))})
		if takeTheirs {
			o[k] = tv
		}
	}
	merged, err = json.Marshal(o)
	return merged, fills, conflicts, err
}

func fieldsOf(v any) (map[string]json.RawMessage, error) {
	raw, err := json.Marshal(v)
	if err != nil {
		return nil, err
	}
	var m map[string]json.RawMessage
	err = json.Unmarshal(raw, &m)
	return m, err
}

// isEmptyJSON reports whether a field's JSON value says "nothing": null,
// "", 0, false, [], {}, or a principle checklist with nothing assessed.
func isEmptyJSON(field string, v json.RawMessage) bool {
	switch string(bytes.TrimSpace(v)) {
	case "", "null", `""`, "0", "false", "[]", "{}":
		return true
	}
	if field == "principles" {
		var list []model.PrincipleAssessment
		if json.Unmarshal(v, &list) == nil {
			for _, pa := range list {
				if (pa.Assessment != model.AssessNotAssessed && pa.Assessment != "") || pa.Evidence != "" {
					return false
				}
			}
			return true
		}
	}
	return false
}

// equalJSONValue compares two JSON values after decoding, so that key
// order and spacing do not matter.
func equalJSONValue(a, b json.RawMessage) bool {
	var x, y any
	if json.Unmarshal(a, &x) != nil || json.Unmarshal(b, &y) != nil {
		return false
	}
	xa, _ := json.Marshal(x)
	ya, _ := json.Marshal(y)
	return bytes.Equal(xa, ya)
}
