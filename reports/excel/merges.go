package excel

import (
	"archive/zip"
	"bufio"
	"bytes"
	"encoding/xml"
	"io"
	"path"
	"slices"
	"strings"

	"github.com/xuri/excelize/v2"
)

// appendMerge adds the range of a <mergeCell ref="A1:C2"/> element.
func appendMerge(list []mergeRange, attrs []xml.Attr) []mergeRange {
	for _, a := range attrs {
		if a.Name.Local != "ref" {
			continue
		}
		from, to, ok := strings.Cut(a.Value, ":")
		if !ok {
			return list
		}
		c1, r1, err1 := excelize.CellNameToCoordinates(from)
		c2, r2, err2 := excelize.CellNameToCoordinates(to)
		if err1 == nil && err2 == nil && r1 <= r2 && c1 <= c2 {
			list = append(list, mergeRange{r1, c1, r2, c2})
		}
	}
	return list
}

// sheetMerges names the merged ranges of each worksheet part by its
// sheet's name (see sheetParts).
func sheetMerges(names map[string]string, parts map[string][]mergeRange) map[string][]mergeRange {
	if len(parts) == 0 {
		return nil
	}
	out := map[string][]mergeRange{}
	for sheet, part := range names {
		if m := parts[part]; len(m) > 0 {
			slices.SortFunc(m, func(a, b mergeRange) int { return a.r1 - b.r1 })
			out[sheet] = m
		}
	}
	return out
}

// sheetParts returns the worksheet part of each sheet by its name, from
// the workbook part and its relationships.
func sheetParts(zr *zip.Reader) map[string]string {
	var wb struct {
		Sheets []struct {
			Name string `xml:"name,attr"`
			ID   string `xml:"http://schemas.openxmlformats.org/officeDocument/2006/relationships id,attr"`
		} `xml:"sheets>sheet"`
	}
	var rels struct {
		Rels []struct {
			ID     string `xml:"Id,attr"`
			Target string `xml:"Target,attr"`
		} `xml:"Relationship"`
	}
	if readXMLPart(zr, "xl/workbook.xml", &wb) != nil || readXMLPart(zr, "xl/_rels/workbook.xml.rels", &rels) != nil {
		return nil
	}
	target := map[string]string{}
	for _, r := range rels.Rels {
		t := strings.TrimPrefix(r.Target, "/")
		if !strings.HasPrefix(t, "xl/") {
			t = path.Join("xl", t)
		}
		target[r.ID] = t
	}
	out := map[string]string{}
	for _, s := range wb.Sheets {
		if t, ok := target[s.ID]; ok {
			out[s.Name] = t
		}
	}
	return out
}

func readXMLPart(zr *zip.Reader, name string, v any) error {
	for _, zf := range zr.File {
		if zf.Name == name {
			rc, err := zf.Open()
			if err != nil {
				return err
			}
			defer rc.Close()
			return xml.NewDecoder(io.LimitReader(rc, 16<<20)).Decode(v)
		}
	}
	return io.ErrUnexpectedEOF
}

// scanBigSheet finds the merged ranges of a large worksheet part by
// looking for its <mergeCell> elements in the bytes, which is many times
// faster than decoding the XML; the rows are decoded (and a damaged part
// found) when they are read, where rows and cells are counted against
// the limits.
func scanBigSheet(zf *zip.File, _ Limits) ([]mergeRange, error) {
	rc, err := zf.Open()
	if err != nil {
		return nil, problem("xlsx.err.damaged", "Part", zf.Name)
	}
	defer rc.Close()
	br := bufio.NewReaderSize(rc, 1<<20)
	var merges []mergeRange
	tag := []byte("<mergeCell ")
	for {
		line, err := br.ReadSlice('>')
		if i := bytes.Index(line, tag); i >= 0 {
			merges = appendMerge(merges, []xml.Attr{{Name: xml.Name{Local: "ref"}, Value: refOf(line[i:])}})
		}
		if err == bufio.ErrBufferFull {
			continue
		}
		if err == io.EOF {
			return merges, nil
		}
		if err != nil {
			return nil, problem("xlsx.err.damaged", "Part", zf.Name)
		}
	}
}

// refOf returns the value of the ref attribute in an element's text.
func refOf(el []byte) string {
	_, after, ok := bytes.Cut(el, []byte(`ref="`))
	if !ok {
		return ""
	}
	v, _, _ := bytes.Cut(after, []byte(`"`))
	return string(v)
}
