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
	"strings"
	"testing"

	"github.com/partnerdesk/partnerdesk/model"
	"github.com/partnerdesk/partnerdesk/model/store"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/golden")

// The same data and options give the same bytes; the bilingual memorandum
// of the fixture's full agreement is kept as a golden file.
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
	if *update {
		if err := os.MkdirAll(filepath.Dir(golden), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(golden, a.Bytes(), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(golden)
	if err != nil {
		t.Fatalf("%v (run 'go test ./reports/pdf -run TestGolden -update' to create it)", err)
	}
	if !bytes.Equal(a.Bytes(), want) {
		failed := filepath.Join("testdata", "failed", "memorandum-kk+ru.pdf")
		_ = os.MkdirAll(filepath.Dir(failed), 0o755)
		_ = os.WriteFile(failed, a.Bytes(), 0o644)
		t.Errorf("the memorandum differs from %s; the new one is in %s (compare them, then -update if the change is wanted)", golden, failed)
	}
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
