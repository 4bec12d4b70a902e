package ui

import (
	"testing"

	"github.com/partnerdesk/partnerdesk/ui/widgets"
)

// Words met in the first hour: selects say "choose" in the interface
// language, percentages use its decimal comma, and a date that does not
// exist is called so (not a wrong format).
func TestWording(t *testing.T) {
	u, _ := newTestUI(t, "kk")
	e, _ := openStored(t, u)
	for _, o := range texts(e.view()) {
		if o == "(Select one)" {
			t.Error("an untranslated (Select one)")
		}
	}
	if s := widgets.NewSelect(nil, nil); s.PlaceHolder != "(таңдаңыз)" {
		t.Errorf("placeholder %q", s.PlaceHolder)
	}
	if got := pct(80, true); got != "80,0 %" {
		t.Errorf("pct in kk: %q", got)
	}
	e.terms.until.SetText("31.02.2028")
	if got := e.terms.until.Problem(); got != "err.date_nonexistent" {
		t.Errorf("31.02.2028 is %q", got)
	}
	e.terms.until.SetText("31-2-28")
	if got := e.terms.until.Problem(); got != "err.date_invalid" {
		t.Errorf("31-2-28 is %q", got)
	}
	if got := countryOption("KZ"); got != "KZ — Қазақстан" || countryCode(got) != "KZ" {
		t.Errorf("Kazakhstan is shown as %q", got)
	}
	setLanguage("en")
	if got := pct(80, true); got != "80.0 %" {
		t.Errorf("pct in en: %q", got)
	}
}
