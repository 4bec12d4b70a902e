package pdf

import (
	"bytes"
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/partnerdesk/partnerdesk/model"
	"github.com/partnerdesk/partnerdesk/model/demo"
	"github.com/partnerdesk/partnerdesk/model/store"
	"github.com/partnerdesk/partnerdesk/model/store/storetest"
	"github.com/partnerdesk/partnerdesk/reports/pdf/pdftest"
)

// The tests print documents from demo data and read them back with
// poppler (pdftotext, pdfinfo, pdfimages) and qpdf, as CI does after
// 'make test-deps'.

var (
	testToday   = model.MustDate("28.11.2026")
	testCreated = time.Date(2026, 11, 28, 9, 0, 0, 0, time.UTC)
)

// Numbers of the agreements the fixture adds to the demo data.
const (
	fullNumber = "МС-2026/777" // storetest.FullAgreement: every field set
	longNumber = "ТР-2026/020" // demo.LongAgreement: tripartite, 20 long responsibilities
)

// fixture is a memory store with demo data plus the two agreements above.
var fixture = sync.OnceValues(func() (*store.Store, error) {
	s := store.OpenMemory(store.Options{Now: func() time.Time { return testCreated }, User: "test"})
	d := demo.Generate(demo.Options{Seed: 7, Partners: 40, Agreements: 60, Today: testToday})
	if err := s.AddNew(d, 0, nil); err != nil {
		return nil, err
	}
	return s, s.Update(func(tx *store.Tx) error {
		p := storetest.FullPartner("«Қазақстан темір жолы» ұлттық компаниясы", storetest.BIN1)
		if err := tx.SavePartner(&p); err != nil {
			return err
		}
		full := storetest.FullAgreement(fullNumber, p.ID, 2)
		if err := tx.SaveAgreement(&full); err != nil {
			return err
		}
		long := demo.LongAgreement(longNumber, [3]model.ID{p.ID, 2, 3}, model.MustDate("01.09.2025"))
		return tx.SaveAgreement(&long)
	})
})

// mustFixture returns the fixture store.
func mustFixture(t testing.TB) *store.Store {
	t.Helper()
	s, err := fixture()
	if err != nil {
		t.Fatal(err)
	}
	return s
}

// memoData loads the memorandum data of an agreement of the fixture.
func memoData(t testing.TB, number string) MemoData {
	t.Helper()
	var d MemoData
	err := mustFixture(t).View(func(tx *store.Tx) (err error) { d, err = LoadMemo(tx, number); return err })
	if err != nil {
		t.Fatal(err)
	}
	return d
}

// opts returns options fixed for reproducible output.
func opts(lang, bilingual string) Options {
	return Options{Lang: lang, Bilingual: bilingual, Today: testToday, Created: testCreated}
}

// writePDF makes a document into a file in the test's temporary folder.
func writePDF(t testing.TB, name string, write func(*bytes.Buffer) error) string {
	t.Helper()
	var b bytes.Buffer
	if err := write(&b); err != nil {
		t.Fatalf("%s: %v", name, err)
	}
	path := filepath.Join(t.TempDir(), name)
	if err := os.WriteFile(path, b.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

// tool runs a command-line tool and returns its standard output.
func tool(t testing.TB, name string, args ...string) string {
	t.Helper()
	if _, err := exec.LookPath(name); err != nil {
		t.Fatalf("%s is not installed: run 'make test-deps' (Debian packages poppler-utils and qpdf)", name)
	}
	var out, errOut bytes.Buffer
	ctx, cancel := context.WithTimeout(t.Context(), pdftest.Timeout)
	defer cancel()
	cmd := exec.CommandContext(ctx, name, args...)
	cmd.Stdout, cmd.Stderr = &out, &errOut
	if err := cmd.Run(); err != nil {
		t.Fatalf("%s %s: %v\n%s%s", name, strings.Join(args, " "), err, out.String(), errOut.String())
	}
	return out.String()
}

// checkPDF runs qpdf --check and returns the page count and the size of
// the first page in points, from pdfinfo.
func checkPDF(t testing.TB, path string) (pages int, size string) {
	t.Helper()
	if out := tool(t, "qpdf", "--check", path); !strings.Contains(out, "No syntax or stream encoding errors") {
		t.Errorf("qpdf --check %s:\n%s", path, out)
	}
	for _, line := range strings.Split(tool(t, "pdfinfo", path), "\n") {
		k, v, _ := strings.Cut(line, ":")
		v = strings.TrimSpace(v)
		switch k {
		case "Pages":
			pages, _ = strconv.Atoi(v)
		case "Page size":
			size = v
		}
	}
	return pages, size
}

// Page sizes as pdfinfo reports them.
const (
	a4Portrait  = "595.28 x 841.89 pts (A4)"
	a4Landscape = "841.89 x 595.28 pts (A4)"
)

// region is a part of a page in points, for pdftotext -x -y -W -H.
type region struct{ x, y, w, h int }

// The body ends 20 mm (57 pt) above the foot of the page; the footer's
// text starts 6 mm below that.
var (
	bodyOnly = region{0, 0, 596, 792}
	footer   = region{0, 795, 596, 47}
	leftCol  = region{0, 0, 310, 792} // bilingual columns, without the footer
	rightCol = region{312, 0, 284, 792}
)

// pdfText returns the text of a region of every page (or of pages from..to
// when given) with all runs of white space made single spaces.
func pdfText(t testing.TB, path string, r region, pages ...int) string {
	t.Helper()
	args := []string{"-r", "72", "-x", strconv.Itoa(r.x), "-y", strconv.Itoa(r.y), "-W", strconv.Itoa(r.w), "-H", strconv.Itoa(r.h)}
	if len(pages) == 2 {
		args = append(args, "-f", strconv.Itoa(pages[0]), "-l", strconv.Itoa(pages[1]))
	}
	return squash(tool(t, "pdftotext", append(args, path, "-")...))
}

// pdfLayoutText is pdfText in pdftotext's -layout mode, which keeps the
// rows of a table together (at the price of interleaving the lines of
// cells side by side).
func pdfLayoutText(t testing.TB, path string) string {
	t.Helper()
	return squash(tool(t, "pdftotext", "-layout", path, "-"))
}

// squash makes every run of white space one space.
func squash(s string) string { return strings.Join(strings.Fields(s), " ") }

// inOrder checks that every wanted string occurs in text, each after the
// previous one.
func inOrder(t testing.TB, what, text string, want ...string) {
	t.Helper()
	pos := 0
	for i, w := range want {
		w = squash(w)
		j := strings.Index(text[pos:], w)
		if j < 0 {
			if strings.Contains(text, w) {
				t.Errorf("%s: %q (#%d) is there but out of order", what, w, i+1)
			} else {
				t.Errorf("%s: %q (#%d) is missing", what, w, i+1)
			}
			return
		}
		pos += j + len(w)
	}
}
