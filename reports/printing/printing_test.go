package printing_test

import (
	"context"
	"errors"
	"image/jpeg"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/partnerdesk/partnerdesk/reports/printing"
	"github.com/partnerdesk/partnerdesk/reports/printing/printtest"
	"github.com/partnerdesk/partnerdesk/reports/testtool"
)

func TestJobCheck(t *testing.T) {
	cases := []struct {
		job  printing.Job
		want error
	}{
		{printing.Job{Copies: 1}, nil},
		{printing.Job{Copies: 99, Printer: "HP_LaserJet", Title: "СП-2026/001"}, nil},
		{printing.Job{Copies: 0}, errors.New("copies")},
		{printing.Job{Copies: 100}, errors.New("copies")},
		{printing.Job{Copies: 1, Printer: "-oraw"}, printing.ErrPrinterNotFound},
		{printing.Job{Copies: 1, Printer: "a\nb"}, printing.ErrPrinterNotFound},
	}
	for _, c := range cases {
		err := c.job.Check()
		switch {
		case c.want == nil && err != nil:
			t.Errorf("%+v: %v", c.job, err)
		case c.want != nil && err == nil:
			t.Errorf("%+v: accepted", c.job)
		case errors.Is(c.want, printing.ErrPrinterNotFound) && !errors.Is(err, printing.ErrPrinterNotFound):
			t.Errorf("%+v: %v, want ErrPrinterNotFound", c.job, err)
		}
	}
}

func TestErrorSaysKindAndDetail(t *testing.T) {
	err := error(&printing.Error{Kind: printing.ErrNoPrinter, Detail: "lp: Error - No default destination."})
	if !errors.Is(err, printing.ErrNoPrinter) || errors.Is(err, printing.ErrPrintFailed) {
		t.Error("errors.Is does not see the kind")
	}
	if got := err.Error(); got != "no printer is set up on this computer (lp: Error - No default destination.)" {
		t.Errorf("got %q", got)
	}
}

func TestDefaultName(t *testing.T) {
	if got := printing.DefaultName(printtest.New("Office", "Dean").Destinations); got != "Office" {
		t.Errorf("got %q", got)
	}
	if got := printing.DefaultName(nil); got != "" {
		t.Errorf("got %q", got)
	}
}

// The fake keeps what it was sent and refuses as a printing system does.
func TestFake(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "doc.pdf")
	if err := os.WriteFile(path, []byte("%PDF-1.3 test"), 0o600); err != nil {
		t.Fatal(err)
	}
	ctx := context.Background()
	f := printtest.New("Office", "Dean")
	sent := f.Sent()
	if err := f.Print(ctx, path, printing.Job{Printer: "Dean", Copies: 2, Title: "x"}); err != nil {
		t.Fatal(err)
	}
	select {
	case <-sent:
	case <-time.After(time.Minute):
		t.Fatal("the fake did not report the job")
	}
	if j := f.Jobs(); len(j) != 1 || j[0].Printer != "Dean" || j[0].Copies != 2 || string(j[0].PDF) != "%PDF-1.3 test" {
		t.Errorf("recorded %+v", j)
	}
	if err := f.Print(ctx, path, printing.Job{Printer: "Nobody", Copies: 1}); !errors.Is(err, printing.ErrPrinterNotFound) {
		t.Errorf("unknown printer: %v", err)
	}
	if err := printtest.New().Print(ctx, path, printing.Job{Copies: 1}); !errors.Is(err, printing.ErrNoPrinter) {
		t.Errorf("no printer: %v", err)
	}
	f.Err = &printing.Error{Kind: printing.ErrPrintFailed, Detail: "out of paper"}
	if err := f.Print(ctx, path, printing.Job{Copies: 1}); !errors.Is(err, printing.ErrPrintFailed) {
		t.Errorf("failing printer: %v", err)
	}
}

// Preview renders every page of a real memorandum as an A4 JPEG at the
// asked resolution, in page order.
func TestPreview(t *testing.T) {
	dir := t.TempDir()
	memo := memorandum(t, dir)
	pages, err := printing.Preview(context.Background(), memo, dir, 50, 0)
	if errors.Is(err, printing.ErrNoPreview) {
		testtool.Missing(t, "pdftoppm is not installed (poppler-utils)")
	}
	if err != nil {
		t.Fatal(err)
	}
	if want := pdfPages(t, memo); len(pages) != want {
		t.Fatalf("%d page images, the PDF has %d pages", len(pages), want)
	}
	for i, p := range pages {
		if !strings.HasSuffix(p, "-"+string(rune('1'+i))+".jpg") {
			t.Errorf("page %d is %s", i+1, p)
		}
		f, err := os.Open(p)
		if err != nil {
			t.Fatal(err)
		}
		cfg, err := jpeg.DecodeConfig(f)
		f.Close()
		// A4 is 210 × 297 mm: 413 × 585 pixels at 50 dpi.
		if err != nil || cfg.Width < 410 || cfg.Width > 416 || cfg.Height < 582 || cfg.Height > 588 {
			t.Errorf("page %d: %dx%d %v", i+1, cfg.Width, cfg.Height, err)
		}
	}
	// A limit renders the first pages only.
	sub := filepath.Join(dir, "first")
	if err := os.Mkdir(sub, 0o700); err != nil {
		t.Fatal(err)
	}
	if pages, err := printing.Preview(context.Background(), memo, sub, 30, 2); err != nil || len(pages) != 2 {
		t.Errorf("maxPages 2: %d pages, %v", len(pages), err)
	}
}

func TestPreviewOfBrokenFile(t *testing.T) {
	dir := t.TempDir()
	bad := filepath.Join(dir, "bad.pdf")
	if err := os.WriteFile(bad, []byte("not a PDF"), 0o600); err != nil {
		t.Fatal(err)
	}
	_, err := printing.Preview(context.Background(), bad, dir, 50, 0)
	if errors.Is(err, printing.ErrNoPreview) {
		testtool.Missing(t, "pdftoppm is not installed (poppler-utils)")
	}
	if !errors.Is(err, printing.ErrPrintFailed) || !strings.Contains(err.Error(), "pdftoppm") {
		t.Errorf("got %v", err)
	}
}

// BenchmarkPreview renders the three-page memorandum at the resolution
// the desktop app's preview uses on a screen of scale 1 (85 dpi: an A4
// page 700 pixels wide), and reports the time per page.
func BenchmarkPreview(b *testing.B) {
	dir := b.TempDir()
	memo := memorandum(b, dir)
	pages := pdfPages(b, memo)
	for b.Loop() {
		out, err := os.MkdirTemp(dir, "run")
		if err != nil {
			b.Fatal(err)
		}
		if _, err := printing.Preview(context.Background(), memo, out, 85, 0); err != nil {
			b.Fatal(err)
		}
		os.RemoveAll(out)
	}
	b.ReportMetric(float64(b.Elapsed().Milliseconds())/float64(b.N*pages), "ms/page")
	b.ReportMetric(float64(pages), "pages")
}
