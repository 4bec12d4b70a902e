package pdf

import (
	"bytes"
	"errors"
	"flag"
	"image"
	"image/color"
	"image/jpeg"
	"image/png"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"testing"

	"github.com/partnerdesk/partnerdesk/model"
	"github.com/partnerdesk/partnerdesk/model/store"
	"github.com/partnerdesk/partnerdesk/reports/pdf/pdftest"
	"github.com/partnerdesk/partnerdesk/reports/testtool"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/golden (refused when CI is set)")

// The same data and options give the same bytes; the bilingual memorandum
// of the fixture's full agreement is kept as a golden file twice: its
// text as pdftotext lays it out (what a reviewer reads in a diff) and
// its bytes.
//
// -update rewrites both from the current code and logs how the text
// changed; it is refused in CI, where a golden file must be compared,
// never written.
func TestGolden(t *testing.T) {
	d := memoData(t, fullNumber)
	var a, b bytes.Buffer
	if err := Memorandum(&a, &d, opts("", "kk+ru")); err != nil {
		t.Fatal(err)
	}
	if err := Memorandum(&b, &d, opts("", "kk+ru")); err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(a.Bytes(), b.Bytes()) {
		t.Fatal("two runs gave different bytes")
	}
	golden := filepath.Join("testdata", "golden", "memorandum-kk+ru.pdf")
	goldenText := filepath.Join("testdata", "golden", "memorandum-kk+ru.txt")
	text := pdftest.Lines(t, writeTemp(t, a.Bytes()))
	if *update {
		updateGolden(t, golden, goldenText, a.Bytes(), text)
		return
	}
	wantText, err := os.ReadFile(goldenText)
	if err != nil {
		t.Fatalf("%v (run 'go test ./reports/pdf -run TestGolden -update' to create it)", err)
	}
	if diff := lineDiff(strings.Split(strings.TrimSuffix(string(wantText), "\n"), "\n"), text); diff != "" {
		t.Errorf("the memorandum's text differs from %s (- golden, + now):\n%s", goldenText, diff)
	}
	want, err := os.ReadFile(golden)
	if err != nil {
		t.Fatalf("%v (run 'go test ./reports/pdf -run TestGolden -update' to create it)", err)
	}
	if !bytes.Equal(a.Bytes(), want) {
		failed := filepath.Join("testdata", "failed", "memorandum-kk+ru.pdf")
		_ = os.MkdirAll(filepath.Dir(failed), 0o755)
		_ = os.WriteFile(failed, a.Bytes(), 0o644)
		t.Errorf("the memorandum's bytes differ from %s; the new one is in %s (compare them, e.g. with pdftoppm, then -update if the change is wanted)", golden, failed)
	}
}

// updateGolden writes the golden files, refusing in CI, and logs the
// text's changes so the developer sees what the update accepts.
func updateGolden(t *testing.T, golden, goldenText string, pdf []byte, text []string) {
	t.Helper()
	if testtool.InCI() {
		t.Fatal("-update rewrites the golden files and is refused in CI (CI is set): run it on a workstation, look at the change, and commit it")
	}
	if old, err := os.ReadFile(goldenText); err == nil {
		if diff := lineDiff(strings.Split(strings.TrimSuffix(string(old), "\n"), "\n"), text); diff != "" {
			t.Logf("text changes accepted by -update (- old, + new):\n%s", diff)
		}
	}
	if err := os.MkdirAll(filepath.Dir(golden), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(golden, pdf, 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(goldenText, []byte(strings.Join(text, "\n")+"\n"), 0o644); err != nil {
		t.Fatal(err)
	}
}

// writeTemp writes data to a file in the test's temporary folder.
func writeTemp(t *testing.T, data []byte) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), "doc.pdf")
	if err := os.WriteFile(path, data, 0o600); err != nil {
		t.Fatal(err)
	}
	return path
}

// lineDiff lists the lines only in want ("- ") and only in got ("+ "),
// at most 40 of them, or "" when both hold the same lines in order.
func lineDiff(want, got []string) string {
	if slices.Equal(want, got) {
		return ""
	}
	count := map[string]int{}
	for _, l := range got {
		count[l]++
	}
	var out []string
	for _, l := range want {
		if count[l] > 0 {
			count[l]--
			continue
		}
		out = append(out, "- "+l)
	}
	for _, l := range got {
		if count[l] > 0 {
			count[l]--
			out = append(out, "+ "+l)
		}
	}
	if len(out) == 0 {
		out = append(out, "(the same lines in another order)")
	}
	if len(out) > 40 {
		out = append(out[:40], "…")
	}
	return strings.Join(out, "\n")
}

func TestOptions(t *testing.T) {
	d := memoData(t, fullNumber)
	for _, o := range []Options{{Lang: "de"}, {Bilingual: "ru+kk"}, {Bilingual: "en+ru"}} {
		if err := Memorandum(io.Discard, &d, o); err == nil {
			t.Errorf("%+v: no error", o)
		}
	}
	o, err := Options{}.check()
	if err != nil || o.Lang != "ru" || o.Today.IsZero() || o.Created.IsZero() {
		t.Errorf("defaults: %+v, %v", o, err)
	}
}

// A draft without dates, obligations, resources, forms or coordinators
// still prints, with blanks to fill in by hand; the empty sections of
// obligations and resources are left out of the text to be signed (issue
// 20: "Ресурсы Сторон не указаны" was printed).
func TestMemorandumDraft(t *testing.T) {
	d := MemoData{
		Institution: model.Institution{Names: model.Names{RU: "Колледж связи"}, City: "Бишкек"},
		Partners:    []model.Partner{{ID: 9, Name: "ОсОО «Үмүт»", Country: "KG"}},
		Agreement:   model.Agreement{Number: "П-1", Kind: model.KindPracticeBase, PartnerIDs: []model.ID{9}, Status: model.StatusDraft},
	}
	path := writePDF(t, "draft.pdf", func(b *bytes.Buffer) error { return Memorandum(b, &d, opts("ru", "")) })
	checkPDF(t, path)
	body := pdfText(t, path, bodyOnly)
	inOrder(t, "draft", body, "Колледж связи", tr("ru", "pdf.draft"), "ДОГОВОР О БАЗЕ ПРАКТИКИ",
		"г. Бишкек", tr("ru", "pdf.date_blank"), "ОсОО «Үмүт»", tr("ru", "pdf.subject.default"),
		"3. "+tr("ru", "pdf.sec.forms"), tr("ru", "pdf.forms.none"),
		tr("ru", "pdf.term.signing_open"), "М.П.", "М.П.")
	for _, gone := range []string{tr("ru", "pdf.sec.obligations"), tr("ru", "pdf.obligations.none"), tr("ru", "pdf.sec.resources"), tr("ru", "pdf.resources.none")} {
		if strings.Contains(body, gone) {
			t.Errorf("the draft prints %q", gone)
		}
	}
}

func TestLogo(t *testing.T) {
	opaque := image.NewNRGBA(image.Rect(0, 0, 60, 30))
	deep := image.NewNRGBA64(image.Rect(0, 0, 60, 30))
	for x := range 60 {
		for y := range 30 {
			opaque.Set(x, y, color.NRGBA{R: uint8(4 * x), G: 90, B: 160, A: 255})
			deep.Set(x, y, color.NRGBA64{R: uint16(1000 * x), G: 9000, B: 40000, A: 0xffff})
		}
	}
	encode := func(img image.Image, jpg bool) []byte {
		var b bytes.Buffer
		if jpg {
			_ = jpeg.Encode(&b, img, nil)
		} else {
			_ = png.Encode(&b, img)
		}
		return b.Bytes()
	}
	cases := []struct {
		name   string
		data   []byte
		images int
	}{
		{"png", encode(opaque, false), 1},
		{"jpeg", encode(opaque, true), 1},
		{"png16", encode(deep, false), 1},
		{"garbage", []byte("\x89PNG\r\n\x1a\nnot really"), 0},
		{"truncated", encode(opaque, false)[:60], 0},
	}
	for _, c := range cases {
		d := memoData(t, fullNumber)
		d.Institution.Logo = c.data
		path := writePDF(t, "logo-"+c.name+".pdf", func(b *bytes.Buffer) error { return Memorandum(b, &d, opts("ru", "")) })
		checkPDF(t, path)
		lines := strings.Split(strings.TrimSpace(tool(t, "pdfimages", "-list", path)), "\n")
		if got := len(lines) - 2; got != c.images {
			t.Errorf("%s: %d images in the PDF, want %d", c.name, got, c.images)
		}
	}
}

func TestWriteFile(t *testing.T) {
	dir := t.TempDir()
	dbPath := filepath.Join(dir, "data.db")
	s, err := store.Open(dbPath, store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	d := memoData(t, fullNumber)
	write := func(w io.Writer) error { return Memorandum(w, &d, opts("ru", "")) }
	if err := WriteFile(s, dbPath, write); !errors.Is(err, store.ErrIsDataFile) {
		t.Errorf("writing over the data file: %v", err)
	}
	out := filepath.Join(dir, "memo.pdf")
	if err := WriteFile(s, out, write); err != nil {
		t.Fatal(err)
	}
	st, err := os.Stat(out)
	if err != nil {
		t.Fatal(err)
	}
	if runtime.GOOS != "windows" && st.Mode().Perm() != 0o644 {
		t.Errorf("mode %v, want 0644", st.Mode().Perm())
	}
	failing := func(w io.Writer) error { return errors.New("boom") }
	if err := WriteFile(nil, out, failing); err == nil {
		t.Error("no error from a failing document")
	}
	if st2, _ := os.Stat(out); st2.Size() != st.Size() {
		t.Error("a failed write changed the file")
	}
}
