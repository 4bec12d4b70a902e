package reports

import (
	"strings"
	"testing"

	"github.com/partnerdesk/partnerdesk/model"
	"github.com/partnerdesk/partnerdesk/model/demo"
)

// The report of the paper's round carries Table 1 in every language, the
// four tests with plain-words conclusions and the caution that the paper's
// counts are not one level per student.
func TestRoundReportOfThePaper(t *testing.T) {
	r := demo.PaperRound(model.NewDate(2023, 12, 15))
	for _, lang := range []string{"ru", "kk", "ky", "en"} {
		rep := NewRoundReport(&r, lang, nil)
		if got := rep.Table1Rows[1][1:]; strings.Join(got, " ") != "35 35 32 31 40 40" {
			t.Errorf("%s: socio-psychological row %q", lang, got)
		}
		if len(rep.Table1Head[1]) != 7 || rep.Table1Head[1][1] != "EG, %" {
			t.Errorf("%s: heads %q", lang, rep.Table1Head)
		}
		if len(rep.Tests) != 4 || len(rep.Notes) != 2 {
			t.Errorf("%s: %d tests, notes %q", lang, len(rep.Tests), rep.Notes)
		}
		for _, s := range append(rep.Meta, rep.TestsTitle(), rep.Sentence(rep.Tests[0])) {
			if strings.Contains(s, "diag.") || strings.Contains(s, "{{") {
				t.Errorf("%s: untranslated %q", lang, s)
			}
		}
	}
	rep := NewRoundReport(&r, "ru", nil)
	if got := rep.Sentence(rep.Tests[0]); got != "Различие между группами по показателю «Профессиональные знания» статистически не значимо (p = 0,984): оно может быть случайным." {
		t.Errorf("sentence %q", got)
	}
	if got := rep.TestsRows[0]; strings.Join(got, "|") != "Профессиональные знания|0,032|2|0,984|0,013|27,5" {
		t.Errorf("test row %q", got)
	}
	names, values := rep.ChartSeries()
	if len(names) != 6 || names[0] != "Фрагментарные знания, EG" || values[5][0] != 38 {
		t.Errorf("chart %q %v", names, values)
	}
}
