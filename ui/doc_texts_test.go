package ui

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"github.com/partnerdesk/partnerdesk/model"
	"github.com/partnerdesk/partnerdesk/reports/pdf/pdftest"
)

// The editor shows the title, place and subject in Russian and Kazakh side
// by side (the institution is in Kazakhstan); the print dialog warns,
// naming the fields, while the Kazakh ones are empty, and once they are
// filled the Kazakh column prints them.
func TestKazakhTextsSideBySideAndWarned(t *testing.T) {
	u, s := newTestUI(t, "ru")
	e, a := openStored(t, u)
	if len(e.terms.texts) != 2 || e.terms.texts[1].lang != "kk" {
		t.Fatalf("languages side by side: %d", len(e.terms.texts))
	}
	ru, kk := e.terms.texts[0], e.terms.texts[1]
	if p1, p2 := widgetPos(u, ru.title), widgetPos(u, kk.title); p1.Y != p2.Y || p2.X <= p1.X {
		t.Errorf("the titles are not side by side: ru at %v, kk at %v", p1, p2)
	}
	u.onPrint()
	settle(u)
	dlg := topOverlay(t, u)
	find[*widget.RadioGroup](dlg).SetSelected(tr("doc.kk_ru"))
	warn := strings.Join(texts(dlg), "\n")
	for _, f := range []string{"field.title", "field.subject", "field.place", "field.responsibilities"} {
		if !strings.Contains(warn, tr(f)) {
			t.Errorf("the print dialog does not name %q:\n%s", tr(f), warn)
		}
	}
	pressEsc(u)

	ru.title.SetText("Меморандум о подготовке кадров")
	kk.title.SetText("Кадрлар даярлау туралы меморандум")
	kk.place.SetText("Астана қаласы")
	kk.subject.SetText("Сала үшін кадрлар даярлау.")
	tasks := e.tab("tab.responsibilities").(*tasksTab)
	for i := range tasks.items {
		td := tasks.openDialog(i)
		td.descs["kk"].SetText("Қазақша міндеттеме")
		test.Tap(td.ok)
	}
	if !e.saveNow() {
		t.Fatal("not saved")
	}
	got, _ := s.Agreement(a.ID)
	if got.Texts["kk"].Title != "Кадрлар даярлау туралы меморандум" || got.Responsibilities[0].Descriptions["kk"] != "Қазақша міндеттеме" {
		t.Fatalf("stored %+v / %+v", got.Texts, got.Responsibilities[0].Descriptions)
	}
	u.onPrint()
	settle(u)
	dlg = topOverlay(t, u)
	find[*widget.RadioGroup](dlg).SetSelected(tr("doc.kk_ru"))
	warn = strings.Join(texts(dlg), "\n")
	for _, f := range []string{"field.title", "field.subject", "field.place", "field.responsibilities"} {
		if strings.Contains(warn, tr(f)) {
			t.Errorf("the print dialog still names %q:\n%s", tr(f), warn)
		}
	}
	tapButton(t, dlg, tr("print.print"))
	settle(u)
	jobs := fakePrinter(u).Jobs()
	if len(jobs) != 1 {
		t.Fatalf("%d jobs", len(jobs))
	}
	text := pdftest.TextOf(t, jobs[0].PDF)
	for _, want := range []string{"Кадрлар даярлау туралы меморандум", "Астана қаласы", "Сала үшін кадрлар даярлау", "Қазақша міндеттеме", "Меморандум о подготовке кадров"} {
		if !strings.Contains(text, want) {
			t.Errorf("the printed memorandum lacks %q", want)
		}
	}
}

// widgetPos is where o is drawn on the window.
func widgetPos(_ *UI, o fyne.CanvasObject) fyne.Position {
	return fyne.CurrentApp().Driver().AbsolutePositionForObject(o)
}

// Printing with no signatory set warns that the institution's signature
// block stays empty.
func TestPrintWarnsWithoutSignatory(t *testing.T) {
	u, s := newTestUI(t, "kk")
	in := u.inst
	in.Signatory = model.Person{}
	if err := s.SaveInstitution(&in); err != nil {
		t.Fatal(err)
	}
	u.inst = in
	openStored(t, u)
	u.onPrint()
	settle(u)
	if !strings.Contains(strings.Join(texts(topOverlay(t, u)), "\n"), "⚠ "+tr("print.gap.signatory")) {
		t.Errorf("no warning about the signatory: %q", texts(topOverlay(t, u)))
	}
}
