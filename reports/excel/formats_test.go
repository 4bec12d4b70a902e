package excel

import (
	"archive/zip"
	"errors"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/partnerdesk/partnerdesk/reports/interchange"
)

// Registers as they arrive in other formats — CSV in UTF-8 with ";" and
// in Windows-1251 with ",", OpenDocument and .xlsm saved by LibreOffice
// from registers of the corpus — import through the same steps, with
// their expected results in testdata/formats/NAME.want; the agreements
// and partners they give are those of the corpus register they came from
// (the OpenDocument and .xlsm copies keep every cell; see SOURCES.md).
func TestFormats(t *testing.T) {
	same := map[string]string{
		"ru_two_row_header.ods":       "ru_two_row_header",
		"kk_numbers_as_numbers.ods":   "kk_numbers_as_numbers",
		"ky_university_partners.xlsm": "ky_university_partners",
		"ru_college_dual.csv":         "ru_college_dual",
	}
	for _, name := range []string{"ru_college_dual.csv", "ru_status_words_1251.csv", "ru_two_row_header.ods", "kk_numbers_as_numbers.ods", "ky_university_partners.xlsm"} {
		t.Run(name, func(t *testing.T) {
			path := filepath.Join("testdata", "formats", name)
			got := importReport(t, path, nil)
			wantPath := path + ".want"
			if *update {
				if err := os.WriteFile(wantPath, []byte(got), 0o644); err != nil {
					t.Fatal(err)
				}
			}
			want, err := os.ReadFile(wantPath)
			if err != nil {
				t.Fatal(err)
			}
			if got != string(want) {
				t.Errorf("differs from %s:\n%s", wantPath, lineDiff(string(want), got))
			}
			if src, ok := same[name]; ok {
				orig, err := os.ReadFile(filepath.Join("testdata", "corpus", src+".want"))
				if err != nil {
					t.Fatal(err)
				}
				if a, b := stored(string(orig)), stored(got); a != b {
					t.Errorf("%s stores other records than %s.xlsx:\n%s", name, src, lineDiff(a, b))
				}
			}
		})
	}
}

// stored keeps the lines of a report that say what the data file holds.
func stored(report string) string {
	var out []string
	for _, l := range strings.Split(report, "\n") {
		if strings.HasPrefix(l, "agreement ") || strings.HasPrefix(l, "partner ") {
			out = append(out, l)
		}
	}
	return strings.Join(out, "\n")
}

// An Excel 97–2003 file and a damaged OLE file are refused with a message
// saying how to save the register as .xlsx.
func TestOldExcelRefused(t *testing.T) {
	for name, key := range map[string]string{
		filepath.Join("formats", "ru_two_row_header.xls"): "xlsx.err.xls",
		"old.xls": "xlsx.err.old_or_encrypted",
	} {
		_, err := OpenWorkbookFile(filepath.Join("testdata", name), DefaultLimits())
		var p interchange.Problem
		if !errors.As(err, &p) || p.Key != key {
			t.Errorf("%s: %v, want %s", name, err, key)
			continue
		}
		if msg := p.Text("ru"); !strings.Contains(msg, ".xlsx") {
			t.Errorf("%s: the message does not say how to save as .xlsx: %s", name, msg)
		}
	}
}

// The quick scan of large sheets finds the same merged ranges as the full
// check of small ones.
func TestScanBigSheetMerges(t *testing.T) {
	zr, err := zip.OpenReader(filepath.Join("testdata", "corpus", "ru_two_row_header.xlsx"))
	if err != nil {
		t.Fatal(err)
	}
	defer zr.Close()
	for _, zf := range zr.File {
		if zf.Name != "xl/worksheets/sheet1.xml" {
			continue
		}
		full, err1 := checkXML(zf, DefaultLimits())
		quick, err2 := scanBigSheet(zf, DefaultLimits())
		if err1 != nil || err2 != nil || len(full) != 9 || !slices.Equal(full, quick) {
			t.Errorf("full %v (%v), quick %v (%v)", full, err1, quick, err2)
		}
		return
	}
	t.Fatal("no sheet part")
}
