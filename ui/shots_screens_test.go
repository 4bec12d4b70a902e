//go:build shots

package ui

import (
	"testing"

	"github.com/partnerdesk/partnerdesk/model"
	"github.com/partnerdesk/partnerdesk/model/store/storetest"
)

// TestShotsScreens draws every screen and every tab of the agreement
// editor on demonstration data into $SHOT_DIR, for a before/after
// comparison of a change that should not alter a pixel:
//
//	SHOT_DIR=/tmp/after CGO_ENABLED=0 go test -tags shots -run TestShotsScreens ./ui
func TestShotsScreens(t *testing.T) {
	u, s := newTestUI(t, "ru")
	withDemo(t, u, s, 10, 30)
	for _, id := range []string{"dashboard", "partners", "agreements", "diagnostics", "reports", "settings"} {
		u.goTo(id, nil)
		settle(u)
		shot(t, u, "screen-"+id)
	}
	p := savePartner(t, u, "ТОО «Ак Бидай»", storetest.BIN1)
	a := storetest.FullAgreement("СП-2026/007", p.ID)
	if err := u.store.SaveAgreement(&a); err != nil {
		t.Fatal(err)
	}
	u.cat.PutAgreement(model.Summarize(&a))
	u.goTo("agreements", nil)
	for _, tab := range []string{"tab.terms", "tab.responsibilities", "tab.principles", "tab.outcomes", "tab.attachments", "tab.history"} {
		u.openAgreement(a.ID, tab)
		settle(u)
		shot(t, u, "editor-"+tab)
		u.back()
	}
}
