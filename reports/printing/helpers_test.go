package printing_test

import (
	"context"
	"io"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/partnerdesk/partnerdesk/model"
	"github.com/partnerdesk/partnerdesk/model/demo"
	"github.com/partnerdesk/partnerdesk/model/store"
	"github.com/partnerdesk/partnerdesk/model/store/storetest"
	"github.com/partnerdesk/partnerdesk/reports/pdf"
	"github.com/partnerdesk/partnerdesk/reports/pdf/pdftest"
)

const memoNumber = "МС-2026/777"

// memorandum writes the Russian memorandum of an agreement with every
// field set (three A4 pages) into dir and returns its path.
func memorandum(t testing.TB, dir string) string {
	t.Helper()
	s := store.OpenMemory(store.Options{})
	in := demo.Institution()
	var d pdf.MemoData
	err := s.Update(func(tx *store.Tx) error {
		if err := tx.SaveInstitution(&in); err != nil {
			return err
		}
		p := storetest.FullPartner("«Қазақстан темір жолы» ұлттық компаниясы", storetest.BIN1)
		if err := tx.SavePartner(&p); err != nil {
			return err
		}
		q := storetest.FullPartner("«Ақ Бидай» ЖШС", storetest.BIN2)
		if err := tx.SavePartner(&q); err != nil {
			return err
		}
		a := storetest.FullAgreement(memoNumber, p.ID, q.ID)
		if err := tx.SaveAgreement(&a); err != nil {
			return err
		}
		var err error
		d, err = pdf.NewMemoData(tx, a)
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(dir, "memo.pdf")
	o := pdf.Options{Lang: "ru", Today: model.MustDate("28.11.2026"), Created: time.Date(2026, 11, 28, 9, 0, 0, 0, time.UTC)}
	if err := pdf.WriteFile(nil, path, func(w io.Writer) error { return pdf.Memorandum(w, &d, o) }); err != nil {
		t.Fatal(err)
	}
	return path
}

// pdfPages returns the number of pages of a PDF (poppler's pdfinfo).
func pdfPages(t testing.TB, path string) int {
	t.Helper()
	ctx, cancel := context.WithTimeout(t.Context(), pdftest.Timeout)
	defer cancel()
	out, err := exec.CommandContext(ctx, "pdfinfo", path).Output()
	if err != nil {
		t.Fatalf("pdfinfo %s: %v (install poppler-utils: make test-deps)", path, err)
	}
	for _, line := range strings.Split(string(out), "\n") {
		if v, ok := strings.CutPrefix(line, "Pages:"); ok {
			n, _ := strconv.Atoi(strings.TrimSpace(v))
			return n
		}
	}
	t.Fatalf("pdfinfo %s says no page count", path)
	return 0
}
