package ui

import (
	"strconv"
	"testing"

	"github.com/partnerdesk/partnerdesk/model/catalog"
)

// No screen asks for more width than a 1280-pixel window gives, in any
// language: a wider minimum makes the window grow past the screen's edge
// (as the Reports screen once did, at 1400 pixels).
func TestScreensFitA1280Window(t *testing.T) {
	for _, lang := range []string{"ru", "kk", "ky", "en"} {
		u, s := newTestUI(t, lang)
		withDemo(t, u, s, 10, 30)
		check := func(what string) {
			if w := u.win.Content().MinSize().Width; w > 1240 {
				t.Errorf("%s, %s: the window needs %.0f pixels", lang, what, w)
			}
		}
		for _, e := range u.screens {
			u.goTo(e.id, nil)
			check(e.id)
		}
		u.goTo("agreements", nil)
		a := u.cat.Agreements(catalog.AgreementQuery{})[0]
		u.openAgreement(a.ID, "")
		for i := range u.page.(*agreementEditor).tabs {
			u.page.(*agreementEditor).appTabs.SelectIndex(i)
			check("agreement editor tab " + strconv.Itoa(i))
		}
		u.openPartner(a.PartnerIDs[0])
		check("partner form")
	}
}
