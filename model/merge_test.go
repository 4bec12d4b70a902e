package model

import (
	"slices"
	"testing"
)

// Two versions of an agreement merge field by field: the fields taken
// from one, the rest from the other.
func TestTakeFields(t *testing.T) {
	theirs := Agreement{ID: 7, Rev: 3, Number: "СП-1", Title: "Их название", Notes: "их заметки", PartnerIDs: []ID{1}}
	mine := Agreement{ID: 7, Rev: 2, Number: "СП-1", Title: "Моё название", Notes: "мои заметки", PartnerIDs: []ID{1, 2}}
	diff := ChangedFields(&theirs, &mine)
	if !slices.Equal(diff, []string{"title", "partner_ids", "notes"}) {
		t.Fatalf("fields that differ: %v", diff)
	}
	merged := theirs
	TakeFields(&merged, &mine, []string{"title", "partner_ids", "no_such_field"})
	if merged.Title != "Моё название" || merged.Notes != "их заметки" || len(merged.PartnerIDs) != 2 || merged.Rev != 3 {
		t.Errorf("merged: %+v", merged)
	}
	if got := FieldValue(&mine, "notes"); got != "мои заметки" {
		t.Errorf("FieldValue(notes) = %v", got)
	}
	if got, ok := FieldValue(mine, "valid_until").(Date); !ok || !got.IsZero() {
		t.Errorf("FieldValue(valid_until) = %v", got)
	}
	if FieldValue(&mine, "nothing") != nil || FieldValue(3, "x") != nil {
		t.Error("FieldValue of an unknown field is not nil")
	}
}
