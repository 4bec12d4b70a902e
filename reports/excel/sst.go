package excel

import (
	"archive/zip"
	"io"
	"regexp"
	"strconv"
	"strings"
)

// part returns the zip entry of a part, or nil.
func (w *Workbook) part(name string) *zip.File {
	for _, zf := range w.zr.File {
		if zf.Name == name {
			return zf
		}
	}
	return nil
}

// readSST reads the shared strings part, where excelize looks for it; a
// workbook without one has none.
func (w *Workbook) readSST() ([]string, error) {
	zf := w.part("xl/sharedStrings.xml")
	if zf == nil {
		return nil, nil
	}
	rc, err := zf.Open()
	if err != nil {
		return nil, err
	}
	defer rc.Close()
	return readSST(rc)
}

func blank(cells []string) bool {
	for _, c := range cells {
		if strings.TrimSpace(c) != "" {
			return false
		}
	}
	return true
}

// readSST reads a shared strings part: the text of each item, its runs
// joined, without phonetic runs, Excel's _xHHHH_ escapes undone.
func readSST(r io.Reader) ([]string, error) {
	s := newXMLScan(r)
	var out []string
	var cur []byte
	var capture *[]byte
	inSI, inPh := false, false
	for {
		t, err := s.next(capture)
		if err == io.EOF {
			return out, nil
		} else if err != nil {
			return nil, errSheetXML
		}
		open := !t.end && !t.empty
		switch string(t.name) {
		case "si":
			if !t.end {
				inSI, cur = true, cur[:0]
			}
			if !open {
				out, inSI = append(out, bstrUnescape(string(cur))), false
			}
		case "t":
			capture = nil
			if inSI && !inPh && open {
				capture = &cur
			}
		case "rPh":
			inPh = open
		}
	}
}

var bstrEscape = regexp.MustCompile(`_x[a-fA-F\d]{4}_`)

// bstrUnescape undoes Excel's _xHHHH_ escapes of characters XML cannot
// hold, as excelize does for shared and inline strings.
func bstrUnescape(s string) string {
	if !strings.Contains(s, "_x") {
		return s
	}
	return bstrEscape.ReplaceAllStringFunc(s, func(m string) string {
		if m == "_x005F_" {
			return "_"
		}
		v, _ := strconv.Unquote(`"\u` + m[2:6] + `"`)
		return v
	})
}
