package ui

import (
	"strings"
	"testing"

	"github.com/partnerdesk/partnerdesk/model/store"
)

// A record that fails its checksum is named in the message, in the
// interface's language, with what to do.
func TestDamagedRecordMessage(t *testing.T) {
	defer setLanguage("en")
	setLanguage("ru")
	err := &store.RecordError{Path: "/x/partnerdesk.db", Record: store.RecordRef{Bucket: "agreements", Kind: "agreement", ID: 42, Name: "СП-2026/77"}}
	got := errorText(err)
	if !strings.Contains(got, "соглашение 42 «СП-2026/77»") || !strings.Contains(got, "резервной копии") {
		t.Errorf("message: %s", got)
	}
}
