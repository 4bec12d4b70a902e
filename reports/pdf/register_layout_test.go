package pdf

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/partnerdesk/partnerdesk/model/store"
	"github.com/partnerdesk/partnerdesk/reports/internal/snapshot"
	"github.com/partnerdesk/partnerdesk/reports/layouts"
)

// TestLayoutRegisters prints each preset of the demo data (400
// agreements) with Kazakh and Russian headers: A4 landscape, at least 12
// agreements a page, the headings and headers in both languages and
// "page N of M" in both.
func TestLayoutRegisters(t *testing.T) {
	s := snapshot.Filled(t, 120, 400)
	all := layouts.Presets()[0]
	all.Name, all.Kinds = "all", nil
	for _, l := range append(layouts.Presets(), all) {
		var tab *layouts.Table
		err := s.View(func(tx *store.Tx) (err error) {
			tab, err = layouts.Build(context.Background(), tx, l, layouts.Options{Langs: []string{"kk", "ru"}, Today: snapshot.Today})
			return err
		})
		if err != nil {
			t.Fatal(err)
		}
		path := writePDF(t, l.Name+".pdf", func(b *bytes.Buffer) error { return LayoutRegister(b, tab, opts("kk", "")) })
		pages, size := checkPDF(t, path)
		t.Logf("%s: %d agreements on %d pages (%.1f a page)", l.Name, tab.Agreements, pages, float64(tab.Agreements)/float64(pages))
		if size != a4Landscape {
			t.Errorf("%s: page %s", l.Name, size)
		}
		if tab.Agreements < 12*(pages-1)+1 {
			t.Errorf("%s: %d agreements on %d pages: fewer than 12 a page", l.Name, tab.Agreements, pages)
		}
		if l.Name == "all" && (tab.Agreements < 400 || pages > 35) {
			t.Errorf("every agreement: %d on %d pages, want 400 or more on at most 35", tab.Agreements, pages)
		}
		text := pdfText(t, path, region{0, 0, 842, 595}, 1, 1)
		inOrder(t, l.Name, text, "Тізілім: ", "Реестр: ", "Р/с № № п/п", "Мәртебесі Статус")
		last := pdfText(t, path, region{0, 560, 842, 35}, pages, pages)
		if want := strconv.Itoa(pages) + "-бет, барлығы " + strconv.Itoa(pages) + " / Страница " + strconv.Itoa(pages) + " из " + strconv.Itoa(pages); !strings.Contains(last, want) {
			t.Errorf("%s: last page's footer %q lacks %q", l.Name, last, want)
		}
		if dir := os.Getenv("LAYOUT_PDF_DIR"); dir != "" {
			raw, _ := os.ReadFile(path)
			_ = os.WriteFile(filepath.Join(dir, "pdf-"+l.Name+".pdf"), raw, 0o644)
		}
	}
}
