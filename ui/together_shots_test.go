//go:build shots

package ui

import (
	"testing"

	"github.com/partnerdesk/partnerdesk/model/store"
)

// TestShotsTogether draws the choice after a refused save and the
// field-by-field comparison, in Russian, Kazakh and Kyrgyz, into $SHOT_DIR:
//
//	SHOT_DIR=/tmp/shots CGO_ENABLED=0 go test -tags shots -run TestShotsTogether ./ui
//
// docs/together-conflict-ru.png, docs/together-compare-ru.png and
// docs/together-changed-ru.png (the banner in the other window) are the
// Russian ones.
func TestShotsTogether(t *testing.T) {
	for _, lang := range []string{"ru", "kk", "ky"} {
		t.Run(lang, func(t *testing.T) { shotsTogether(t, lang) })
	}
}

// shotsTogether draws the three pictures in one language.
func shotsTogether(t *testing.T, lang string) {
	s := store.OpenMemory(store.Options{User: "aigerim.seitkazy"})
	a := storedAgreement(t, s, "СП-2026/041")
	u1, u2 := twoWindows(t, s, lang, Options{})
	e1, e2 := editorOf(t, u1, a.ID), editorOf(t, u2, a.ID)
	typeOver(e1.terms.title, "Меморандум о сотрудничестве в подготовке кадров транспортной отрасли")
	typeOver(e1.terms.place, "Алматы")
	e1.terms.until.SetText("31.08.2029")
	if !e1.saveNow() {
		t.Fatal("the first save was refused")
	}
	typeOver(e2.terms.title, "Меморандум о социальном партнёрстве")
	typeOver(e2.terms.notes, "Согласовать с партнёром план практики на весну до 15 января.")
	if e2.saveNow() {
		t.Fatal("the second save went over the first")
	}
	shot(t, u2, "together-conflict-"+lang)
	tapButton(t, topOverlay(t, u2), tr("together.compare"))
	settle(u2)
	shot(t, u2, "together-compare-"+lang)
	tapButton(t, topOverlay(t, u2), tr("together.save_merged"))
	settle(u2)
	// What the first window shows once the server announces the merge.
	u1.page.(*agreementEditor).checkChangedElsewhere()
	settle(u1)
	relayout(u1) // as the desktop driver does when the banner appears
	shot(t, u1, "together-changed-"+lang)
}
