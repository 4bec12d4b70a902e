package excel

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Row heights are set from the text, since neither Excel nor LibreOffice
// grows rows for wrapped text they open. A line is taken as 15 points and
// a Cyrillic letter as 1.05 of a column width unit (measured in
// LibreOffice with Carlito, Calibri's metric twin); a row is at most
// maxLines lines high. Columns left out of the print area do not count.
const (
	lineHeight = 15
	letterWide = 1.05
	maxLines   = 12
)

// rowHeight estimates the height of a row of texts in the columns fields,
// at least minLines lines.
func rowHeight(fields []FieldInfo, text []string, minLines int) float64 {
	lines := minLines
	for i, t := range text {
		if t == "" || fields[i].extra {
			continue
		}
		perLine := max(1, int((fields[i].width-0.5)/letterWide))
		lines = max(lines, min(wrappedLines(t, perLine), maxLines))
	}
	return float64(lines*lineHeight + 5)
}

// oneLine reports, quickly, that text fits on one line of perLine letters.
func oneLine(text string, perLine int) bool {
	return strings.IndexByte(text, '\n') < 0 && (len(text) <= perLine || utf8.RuneCountInString(text) <= perLine)
}

// wrappedLines counts the lines text takes when wrapped at word
// boundaries to perLine letters; a longer word is broken.
func wrappedLines(text string, perLine int) int {
	n, used, l := 1, 0, 0 // lines, letters used on the last line, letters of the word being read
	place := func() {
		if l == 0 {
			return
		}
		if used != 0 {
			if used+1+l <= perLine {
				used, l = used+1+l, 0
				return
			}
			n++
		}
		n += (l - 1) / perLine
		used, l = (l-1)%perLine+1, 0
	}
	for _, r := range text {
		switch {
		case r == '\n':
			place()
			n, used = n+1, 0
		case r == ' ' || r == '\t' || r == '\r' || r == '\v' || r == '\f' || r == 0x85 || r == 0xA0 || r >= 0x1680 && unicode.IsSpace(r):
			place()
		default:
			l++
		}
	}
	place()
	return n
}
