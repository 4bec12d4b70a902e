package pdf

import (
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"golang.org/x/image/font/sfnt"

	"github.com/partnerdesk/partnerdesk/assets"
)

// Replacement stands in for a character the shipped font cannot draw
// (emoji, rare scripts, invalid bytes).
const Replacement = '?'

// coverage has bit r set when both shipped fonts (regular and bold) draw
// rune r. Only the Basic Multilingual Plane is tracked: gofpdf keeps glyph
// widths in a table of 65,536 entries and panics on anything beyond it.
var coverage = sync.OnceValue(func() *[1 << 16 / 64]uint64 {
	var set [1 << 16 / 64]uint64
	reg, err1 := sfnt.Parse(assets.FontRegular)
	bold, err2 := sfnt.Parse(assets.FontBold)
	if err1 != nil || err2 != nil {
		return &set // nothing covered: everything becomes Replacement
	}
	var b sfnt.Buffer
	for r := rune(0x20); r < 1<<16; r++ {
		if r >= 0xd800 && r <= 0xdfff {
			continue // surrogates are not characters
		}
		g1, err1 := reg.GlyphIndex(&b, r)
		g2, err2 := bold.GlyphIndex(&b, r)
		if err1 == nil && err2 == nil && g1 != 0 && g2 != 0 {
			set[r/64] |= 1 << (r % 64)
		}
	}
	return &set
})

// Drawable reports whether the shipped fonts draw r.
func Drawable(r rune) bool {
	if r < 0 || r >= 1<<16 {
		return false
	}
	return coverage()[r/64]&(1<<(r%64)) != 0
}

// Sanitize makes text safe to print: line breaks become '\n', tabs and
// other spaces a plain space, invisible format characters (zero-width
// joiners, variation selectors, soft hyphens, byte-order marks) vanish, and
// every other character the font cannot draw, and every invalid byte,
// becomes Replacement. The result holds only '\n' and drawable runes.
func Sanitize(s string) string {
	if isPlain(s) {
		return s
	}
	var b strings.Builder
	b.Grow(len(s))
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && size == 1 {
			b.WriteRune(Replacement)
			i++
			continue
		}
		if r == '\r' && strings.HasPrefix(s[i+size:], "\n") {
			i += size // \r\n is one line break
			continue
		}
		i += size
		if out, ok := mapRune(r); ok {
			b.WriteRune(out)
		}
	}
	return b.String()
}

// isPlain reports whether s is printable ASCII, which needs no change.
func isPlain(s string) bool {
	for i := 0; i < len(s); i++ {
		if c := s[i]; (c < 0x20 && c != '\n') || c >= 0x7f {
			return false
		}
	}
	return true
}

// mapRune returns what r becomes in printed text, and false when it is
// dropped.
func mapRune(r rune) (rune, bool) {
	switch {
	case r == '\n', r == '\r', r == '\v', r == '\f', r == 0x85, r == 0x2028, r == 0x2029:
		return '\n', true
	case r == '\t':
		return ' ', true
	case r == 0xad, r == 0xfeff, r >= 0x200b && r <= 0x200f, r >= 0x2060 && r <= 0x2064,
		r >= 0xfe00 && r <= 0xfe0f, r >= 0xe0100 && r <= 0xe01ef, r >= 0xe0000 && r <= 0xe007f:
		return 0, false // invisible format characters
	case unicode.IsControl(r):
		return 0, false
	case r != ' ' && unicode.IsSpace(r):
		if Drawable(r) {
			return r, true
		}
		return ' ', true
	case Drawable(r):
		return r, true
	}
	return Replacement, true
}
