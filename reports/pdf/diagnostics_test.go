package pdf

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/partnerdesk/partnerdesk/model"
	"github.com/partnerdesk/partnerdesk/model/demo"
	"github.com/partnerdesk/partnerdesk/reports/pdf/pdftest"
)

func paperRoundData() *RoundData {
	return &RoundData{
		Institution: demo.Institution(),
		Round:       demo.PaperRound(model.NewDate(2023, 12, 15)),
	}
}

func printRound(t *testing.T, d *RoundData, lang string) string {
	t.Helper()
	var b bytes.Buffer
	o := Options{Lang: lang, Today: model.NewDate(2026, 11, 28), Created: time.Date(2026, 11, 28, 10, 0, 0, 0, time.UTC)}
	if err := RoundReport(&b, d, o); err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), "round-"+lang+".pdf")
	if err := os.WriteFile(path, b.Bytes(), 0o600); err != nil {
		t.Fatal(err)
	}
	if dir := os.Getenv("PARTNERDESK_KEEP_PDF"); dir != "" {
		_ = os.WriteFile(filepath.Join(dir, "round-"+lang+".pdf"), b.Bytes(), 0o644)
	}
	return path
}

// The report, read back with pdftotext, holds the paper's Table 1 cell for
// cell: each indicator's row with the six percentages in the paper's order.
func TestRoundReportReproducesTable1(t *testing.T) {
	path := printRound(t, paperRoundData(), "ru")
	text := pdftest.Text(t, path)
	rows := []string{
		"Профессиональные знания 30 30 28 27 37 38",
		"Социально-психологические знания 35 35 32 31 40 40",
		"Общекультурные знания 20 22 21 22 11 11",
		"Предметные знания 15 13 19 20 12 11",
	}
	for _, want := range rows {
		if !strings.Contains(text, want) {
			t.Errorf("the report lacks the row %q", want)
		}
	}
	for _, want := range []string{
		"Срез диагностики", "Таблица 1.", "Фрагментарные", "Полные знания", "Обобщённые знания",
		"EG, % CG, % EG, % CG, % EG, % CG, %", "Рисунок 1.",
		"Различие между группами по показателю «Профессиональные знания» статистически не значимо (p = 0,984)",
		"Профессиональные знания 0,032 2 0,984 0,013 27,5", "Уровни знаний",
		"Отдельные сведения, не связанные между собой и с практикой.",
	} {
		if !strings.Contains(text, want) {
			t.Errorf("the report lacks %q", want)
		}
	}
	if out, err := exec.Command("qpdf", "--check", path).CombinedOutput(); err != nil {
		t.Errorf("qpdf --check: %v\n%s", err, out)
	}
}

// Kazakh and Kyrgyz reports print their letters, and the chart's legend.
func TestRoundReportLanguages(t *testing.T) {
	for lang, want := range map[string][]string{
		"kk": {"Диагностика кезеңі", "Кәсіби білім 30 30 28 27 37 38", "Үзік білім, EG", "Жинақталған білім, CG"},
		"ky": {"Диагностика кесилиши", "Кесиптик билим 30 30 28 27 37 38", "Үзүл-кесил билим, EG"},
		"en": {"Diagnostic round", "Professional knowledge 30 30 28 27 37 38", "is not statistically significant (p = 0.984)"},
	} {
		text := pdftest.Text(t, printRound(t, paperRoundData(), lang))
		for _, w := range want {
			if !strings.Contains(text, w) {
				t.Errorf("%s: the report lacks %q", lang, w)
			}
		}
	}
}

// BenchmarkRoundReport prints the paper's round (three A4 pages).
func BenchmarkRoundReport(b *testing.B) {
	d := paperRoundData()
	o := Options{Lang: "ru", Today: model.NewDate(2026, 11, 28), Created: time.Date(2026, 11, 28, 10, 0, 0, 0, time.UTC)}
	b.ReportAllocs()
	for b.Loop() {
		var buf bytes.Buffer
		if err := RoundReport(&buf, d, o); err != nil {
			b.Fatal(err)
		}
	}
}
