package ui

import (
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"github.com/partnerdesk/partnerdesk/model"
	"github.com/partnerdesk/partnerdesk/model/catalog"
	"github.com/partnerdesk/partnerdesk/model/store"
	"github.com/partnerdesk/partnerdesk/model/store/storetest"
)

// benchUI opens the interface on the 10,000-partner, 50,000-agreement file.
func benchUI(b *testing.B) *UI {
	b.Helper()
	a := test.NewTempApp(b)
	s, err := store.Open(storetest.BenchFile(b, 10000, 50000), store.Options{ReadOnly: true})
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { s.Close() })
	w := a.NewWindow("")
	w.Resize(fyne.NewSize(1280, 800))
	return New(a, w, s, Options{Today: func() model.Date { return storetest.BenchToday }, Language: "ru"})
}

// BenchmarkAgreementsScreenBuild builds the agreements screen over 50,000
// agreements and shows it.
func BenchmarkAgreementsScreenBuild(b *testing.B) {
	u := benchUI(b)
	b.ReportAllocs()
	for b.Loop() {
		s := newAgreementsScreen(u)
		s.refresh()
		u.content.Objects = []fyne.CanvasObject{s.view()}
		u.content.Refresh()
	}
}

// BenchmarkAgreementsTableScroll fills the cells of one screenful of rows
// (20 rows × 9 columns) as scrolling does, walking down the 50,000 rows.
func BenchmarkAgreementsTableScroll(b *testing.B) {
	u := benchUI(b)
	u.goTo("agreements", nil)
	s := u.currentScreen().(*agreementsScreen)
	cell := s.table.Table.CreateCell().(*widget.Label)
	top := 0
	b.ReportAllocs()
	for b.Loop() {
		for r := top; r < top+20; r++ {
			for c := range agreementColumns {
				s.table.Table.UpdateCell(widget.TableCellID{Row: r % len(s.rows), Col: c}, cell)
			}
		}
		top = (top + 20) % len(s.rows)
	}
}

// BenchmarkAgreementsSearchKeystroke types one more letter into the
// search box of the agreements screen: filter and redraw.
func BenchmarkAgreementsSearchKeystroke(b *testing.B) {
	u := benchUI(b)
	u.goTo("agreements", nil)
	s := u.currentScreen().(*agreementsScreen)
	queries := []string{"п", "пр", "пра", "прак", "практ", "практи", "практик"}
	i := 0
	b.ReportAllocs()
	for b.Loop() {
		s.search.SetText(queries[i%len(queries)])
		i++
	}
}

var _ = catalog.AgreementQuery{}
