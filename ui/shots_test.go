//go:build shots

package ui

import (
	"testing"

	"fyne.io/fyne/v2/widget"

	"github.com/partnerdesk/partnerdesk/model"
	"github.com/partnerdesk/partnerdesk/model/store/storetest"
)

// shot saves the window as drawn into $SHOT_DIR/name.png.
func shot(t *testing.T, u *UI, name string) {
	t.Helper()
	windowShot(t, u.win, name)
}

// TestShots draws the screens of issue 20 (empty lists, the agreements
// list at 1,280 px, the editor's status line, the print dialog and the
// kk+ru preview) in Russian and Kazakh into $SHOT_DIR (default /tmp/shots):
//
//	SHOT_DIR=/tmp/after CGO_ENABLED=0 go test -tags shots -run TestShots ./ui
//
// docs/issue-20 holds crops of them, before and after.
func TestShots(t *testing.T) {
	for _, lang := range []string{"ru", "kk"} {
		u, s := newTestUI(t, lang)
		u.goTo("partners", nil)
		shot(t, u, "empty-partners-"+lang)
		u.goTo("agreements", nil)
		shot(t, u, "empty-agreements-"+lang)
		withDemo(t, u, s, 10, 30)
		u.goTo("agreements", nil)
		shot(t, u, "agreements-1280-"+lang)
		u.currentScreen().(*agreementsScreen).search.SetText("zzzz")
		shot(t, u, "agreements-noresult-"+lang)

		p := savePartner(t, u, "ТОО «Ак Бидай»", storetest.BIN1)
		p.Names = model.Names{RU: "ТОО «Ак Бидай»", KK: "«Ақ Бидай» ЖШС"}
		if err := s.SavePartner(&p); err != nil {
			t.Fatal(err)
		}
		u.cat.PutPartner(p)
		a := storetest.FullAgreement("СП-2026/007", p.ID)
		kazakhAgreement(&a)
		if err := u.store.SaveAgreement(&a); err != nil {
			t.Fatal(err)
		}
		u.cat.PutAgreement(model.Summarize(&a))
		u.openAgreement(a.ID, "")
		e := u.page.(*agreementEditor)
		e.terms.title.SetText("")
		shot(t, u, "editor-status-error-"+lang)
		e.terms.title.SetText("Меморандум о социальном партнёрстве в подготовке кадров")
		e.saveNow()
		shot(t, u, "editor-status-saved-"+lang)
		u.onPrint()
		settle(u)
		dlg := topOverlay(t, u)
		if rg := find[*widget.RadioGroup](dlg); rg != nil {
			rg.SetSelected(tr("doc.kk_ru"))
		}
		shot(t, u, "print-dialog-"+lang)
		tapButton(t, dlg, tr("print.preview"))
		settle(u)
		shot(t, u, "preview-kkru-"+lang)
	}
}

func kazakhAgreement(a *model.Agreement) {
	a.Title = "Меморандум о социальном партнёрстве в подготовке кадров"
	a.Subject = "Сотрудничество в подготовке кадров: практика и трудоустройство выпускников."
	a.Place = "Астана"
	a.Texts = map[string]model.DocText{"kk": {
		Title:   "Кадрлар даярлаудағы әлеуметтік серіктестік туралы меморандум",
		Subject: "Кадрлар даярлаудағы ынтымақтастық: практика және түлектерді жұмысқа орналастыру.",
		Place:   "Астана"}}
	kk := []string{"Студенттерді өндірістік практикаға жіберу", "Жұмыс орындары мен тәлімгерлер беру", "Кейс-чемпионат өткізу"}
	for i := range a.Responsibilities {
		a.Responsibilities[i].Descriptions = map[string]string{"kk": kk[i%3]}
	}
}
