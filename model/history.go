package model

import (
	"encoding/json"
	"reflect"
	"strings"
	"time"
)

// Entity names the kind of record a history entry is about.
type Entity string

// Record kinds that have a history.
const (
	EntityInstitution Entity = "institution"
	EntityPartner     Entity = "partner"
	EntityAgreement   Entity = "agreement"
)

// Action is what happened to a record.
type Action string

// History actions.
const (
	ActionCreated           Action = "created"
	ActionUpdated           Action = "updated"
	ActionDeleted           Action = "deleted"
	ActionAttachmentAdded   Action = "attachment_added"
	ActionAttachmentRemoved Action = "attachment_removed"
	ActionImported          Action = "imported"
	ActionRestored          Action = "restored"
)

// Key is the translation key of a's label.
func (a Action) Key() string { return "action." + string(a) }

// HistoryEntry records one change to one record: what, when and by which
// operating-system user. The store appends one in the same transaction as
// the change.
type HistoryEntry struct {
	At       time.Time `json:"at"`
	User     string    `json:"user"`
	Entity   Entity    `json:"entity"`
	EntityID ID        `json:"entity_id"`
	Action   Action    `json:"action"`
	// Fields lists the JSON names of the top-level fields that changed.
	Fields []string `json:"fields,omitempty"`
	// Note is a short free text: the number of a deleted agreement, the
	// name of an attachment, the file an import came from.
	Note string `json:"note,omitempty"`
}

// bookkeeping fields change on every save and say nothing to the user.
var bookkeeping = map[string]bool{"rev": true, "created": true, "updated": true, "id": true}

// ChangedFields returns the JSON names of the top-level fields that differ
// between two values of the same struct type, in declaration order. Rev,
// ID, Created and Updated are ignored.
func ChangedFields(old, new any) []string {
	ov, nv := reflect.Indirect(reflect.ValueOf(old)), reflect.Indirect(reflect.ValueOf(new))
	if ov.Type() != nv.Type() || ov.Kind() != reflect.Struct {
		return nil
	}
	var out []string
	t := ov.Type()
	for i := range t.NumField() {
		name := jsonName(t.Field(i))
		if bookkeeping[name] || name == "-" {
			continue
		}
		if !equalJSON(ov.Field(i).Interface(), nv.Field(i).Interface()) {
			out = append(out, name)
		}
	}
	return out
}

// equalJSON compares by encoding, so that a nil and an empty slice, which
// store identically, count as equal.
func equalJSON(a, b any) bool {
	if reflect.DeepEqual(a, b) {
		return true
	}
	x, err1 := json.Marshal(a)
	y, err2 := json.Marshal(b)
	if err1 != nil || err2 != nil {
		return false
	}
	norm := func(s string) string {
		if s == "null" || s == "[]" || s == "{}" || s == `""` || s == "0" || s == "false" {
			return ""
		}
		return s
	}
	return norm(string(x)) == norm(string(y))
}

func jsonName(f reflect.StructField) string {
	tag := f.Tag.Get("json")
	name, _, _ := strings.Cut(tag, ",")
	if name == "" {
		return strings.ToLower(f.Name)
	}
	return name
}
