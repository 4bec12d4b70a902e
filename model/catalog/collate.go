package catalog

import (
	"strings"
	"unicode"
)

// The sort order of names: digits, then Latin letters, then Cyrillic in
// the Kazakh alphabet's order, which contains the Russian and Kyrgyz
// alphabets as subsequences (Ә after А, Ғ after Г, Қ after К, Ң after Н,
// Ө after О, Ұ Ү after У, Һ after Х, І after Ы), ignoring case,
// punctuation and quotes, so «Қазақстан» sorts under К. Other letters
// keep their code point order after these.
const cyrillicOrder = "аәбвгғдеёжзийкқлмнңоөпрстуұүфхһцчшщъыіьэюя"

var cyrillicRank = func() map[rune]uint16 {
	m := map[rune]uint16{}
	for i, r := range []rune(cyrillicOrder) {
		m[r] = uint16(0x100 + i)
	}
	return m
}()

// sortKey returns a string that sorts like the name it was made from.
// A word break sorts before any letter: "Ак Жол" before "Ака".
func sortKey(s string) string {
	var b strings.Builder
	b.Grow(len(s) * 2)
	put := func(w uint16) { b.WriteByte(byte(w >> 8)); b.WriteByte(byte(w)) }
	gap := false
	for _, r := range s {
		r = unicode.ToLower(r)
		var w uint16
		switch {
		case r >= '0' && r <= '9':
			w = uint16(0x10 + r - '0')
		case r >= 'a' && r <= 'z':
			w = uint16(0x20 + r - 'a')
		case cyrillicRank[r] != 0:
			w = cyrillicRank[r]
		case unicode.IsSpace(r):
			gap = b.Len() > 0
			continue
		case unicode.IsLetter(r):
			w = uint16(min(0x200+r, 0xffff))
		default:
			continue // punctuation, quotes, symbols
		}
		if gap {
			put(0x01)
			gap = false
		}
		put(w)
	}
	return b.String()
}

// numberKey returns a string that sorts agreement numbers with their digit
// runs as numbers: СП-2026/9 before СП-2026/10.
func numberKey(s string) string {
	var b strings.Builder
	for i := 0; i < len(s); {
		if s[i] < '0' || s[i] > '9' {
			b.WriteByte(s[i])
			i++
			continue
		}
		j := i
		for j < len(s) && s[j] >= '0' && s[j] <= '9' {
			j++
		}
		digits := strings.TrimLeft(s[i:j], "0")
		b.WriteByte(0) // digit runs sort before other characters
		b.WriteByte(byte(min(len(digits), 255)))
		b.WriteString(digits)
		i = j
	}
	return b.String()
}
