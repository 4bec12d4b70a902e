package catalog

import (
	"bytes"
	"unicode"
	"unicode/utf8"
)

// Search text is kept twice: as lower-case UTF-8 per record, and folded
// into one byte per character in one contiguous buffer for all records.
// In the folded form ASCII stays as it is and every Cyrillic letter the
// four languages use becomes one byte above 0x80, so a search scans half
// the bytes of UTF-8 Cyrillic, and the first byte of a Cyrillic word no
// longer matches every Cyrillic letter (in UTF-8 they nearly all begin
// with 0xD0 or 0xD1). Characters outside the table fold to 0xFE, so a
// query that contains one is answered from the UTF-8 text instead.

const (
	foldUnknown = 0xFE // a character with no byte of its own
	foldBreak   = 0x00 // between the fields of one record
)

var foldTable = func() map[rune]byte {
	m := map[rune]byte{}
	for i, r := range []rune(cyrillicOrder + "ђѓєѕјљњћќўџ") {
		m[r] = byte(0x80 + i)
	}
	return m
}()

// foldRune returns the one-byte form of r (after lower-casing).
func foldRune(r rune) byte {
	r = unicode.ToLower(r)
	if r < 0x80 {
		return byte(r)
	}
	if b, ok := foldTable[r]; ok {
		return b
	}
	return foldUnknown
}

// appendFolded appends the folded form of s to buf.
func appendFolded(buf []byte, s string) []byte {
	for _, r := range s {
		buf = append(buf, foldRune(r))
	}
	return buf
}

// foldQuery folds one search word; ok is false when the word contains a
// character the folded form cannot tell from others.
func foldQuery(w string) ([]byte, bool) {
	out := make([]byte, 0, utf8.RuneCountInString(w))
	for _, r := range w {
		b := foldRune(r)
		if b == foldUnknown || b == foldBreak {
			return nil, false
		}
		out = append(out, b)
	}
	return out, true
}

// folded is the folded search text of a list of records, in one buffer.
type folded struct {
	buf  []byte
	offs []int32 // offs[i] is where record i starts; offs[len] = len(buf)
}

// build folds the fields of every record.
func (f *folded) build(n int, fields func(i int, add func(string))) {
	f.buf, f.offs = f.buf[:0], make([]int32, 0, n+1)
	for i := range n {
		f.offs = append(f.offs, int32(len(f.buf)))
		fields(i, func(s string) {
			f.buf = appendFolded(f.buf, s)
			f.buf = append(f.buf, foldBreak)
		})
	}
	f.offs = append(f.offs, int32(len(f.buf)))
}

// record returns the folded text of record i.
func (f *folded) record(i int) []byte { return f.buf[f.offs[i]:f.offs[i+1]] }

// match marks in hit the records that contain every word.
func (f *folded) match(words [][]byte, hit []bool) {
	first := words[0]
	rec := 0
	for pos := 0; pos < len(f.buf); {
		k := bytes.Index(f.buf[pos:], first)
		if k < 0 {
			break
		}
		at := int32(pos + k)
		for f.offs[rec+1] <= at {
			rec++
		}
		ok := true
		for _, w := range words[1:] {
			if !bytes.Contains(f.record(rec), w) {
				ok = false
				break
			}
		}
		hit[rec] = ok
		pos = int(f.offs[rec+1]) // the rest of this record cannot add anything
	}
}
