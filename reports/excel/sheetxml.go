package excel

import (
	"bufio"
	"bytes"
	"errors"
	"io"
	"strconv"
	"unicode/utf8"
)

// The rows of a worksheet are read here straight from its XML, not
// through excelize's Rows: that decodes every cell through encoding/xml's
// tokens and reflection, half the CPU of importing a register of 50,000
// agreements and most of its garbage. The values are those of excelize's
// Columns with RawCellValue: a shared string's text, an inline string's
// runs, otherwise the stored value as written, and a row's cells up to its
// last one that has a value (or a formula).

// errSheetXML is a worksheet part that is not the XML it should be.
var errSheetXML = errors.New("damaged worksheet XML")

// errSheetFallback is a worksheet the reader leaves to excelize (a
// document type declaration), noticed before any row.
var errSheetFallback = errors.New("worksheet read by excelize")

// xmlScan splits XML into text and tags.
type xmlScan struct {
	br   *bufio.Reader
	tbuf []byte // text or a tag that did not fit the reader's buffer
	gbuf []byte
}

func newXMLScan(r io.Reader) *xmlScan { return &xmlScan{br: bufio.NewReaderSize(r, 256<<10)} }

// read returns the bytes up to delim (not included); the slice is valid
// until the next read into the same buffer.
func (s *xmlScan) read(delim byte, buf *[]byte) ([]byte, error) {
	b, err := s.br.ReadSlice(delim)
	if err == nil {
		return b[:len(b)-1], nil
	}
	*buf = append((*buf)[:0], b...)
	for errors.Is(err, bufio.ErrBufferFull) {
		b, err = s.br.ReadSlice(delim)
		*buf = append(*buf, b...)
	}
	if err != nil {
		return *buf, err
	}
	return (*buf)[:len(*buf)-1], nil
}

// text returns the text before the next tag, raw.
func (s *xmlScan) text() ([]byte, error) { return s.read('<', &s.tbuf) }

// tag returns the next tag without its angle brackets. A comment, CDATA
// section or processing instruction is returned whole.
func (s *xmlScan) tag() ([]byte, error) {
	t, err := s.read('>', &s.gbuf)
	if err != nil {
		return nil, errSheetXML
	}
	for end := cdataOrCommentEnd(t); end != "" && !bytes.HasSuffix(t, []byte(end)); end = cdataOrCommentEnd(t) {
		s.gbuf = append(s.gbuf[:0], t...) // t may be the reader's buffer
		s.gbuf = append(s.gbuf, '>')
		more, err := s.br.ReadSlice('>')
		for errors.Is(err, bufio.ErrBufferFull) {
			s.gbuf = append(s.gbuf, more...)
			more, err = s.br.ReadSlice('>')
		}
		if err != nil {
			return nil, errSheetXML
		}
		s.gbuf = append(s.gbuf, more[:len(more)-1]...)
		t = s.gbuf
	}
	return t, nil
}

// xmlTag is an element's tag.
type xmlTag struct {
	raw        []byte // between the angle brackets
	name       []byte // local name
	end, empty bool   // </name>, <name/>
}

// errDoctype is a document type declaration, which the reader leaves to
// encoding/xml.
var errDoctype = errors.New("document type declaration")

// next returns the next element tag, having appended the text before it
// (unescaped, CDATA sections as they are) to *capture when capture is not
// nil. It skips comments and processing instructions, returns io.EOF at
// the end of the input and errSheetXML for what is not well-formed here.
func (s *xmlScan) next(capture *[]byte) (xmlTag, error) {
	for {
		raw, err := s.text()
		if err == io.EOF {
			return xmlTag{}, io.EOF
		} else if err != nil {
			return xmlTag{}, errSheetXML
		}
		if capture != nil {
			if *capture, err = appendText(*capture, raw); err != nil {
				return xmlTag{}, err
			}
		}
		t, err := s.tag()
		if err != nil || len(t) == 0 {
			return xmlTag{}, errSheetXML
		}
		switch t[0] {
		case '?':
			continue
		case '!':
			if c, ok := cdata(t); ok && capture != nil {
				*capture = append(*capture, c...)
			} else if bytes.HasPrefix(t, []byte("!DOCTYPE")) {
				return xmlTag{}, errDoctype
			}
			continue
		}
		name, end, empty := tagName(t)
		return xmlTag{raw: t, name: name, end: end, empty: empty}, nil
	}
}

func cdataOrCommentEnd(t []byte) string {
	switch {
	case bytes.HasPrefix(t, []byte("![CDATA[")):
		if len(t) >= len("![CDATA[]]") {
			return "]]"
		}
		return "\x00" // never: read on
	case bytes.HasPrefix(t, []byte("!--")):
		if len(t) >= len("!----") {
			return "--"
		}
		return "\x00"
	}
	return ""
}

// tagName returns a tag's local name (no prefix), whether it ends an
// element and whether it closes itself.
func tagName(t []byte) (name []byte, end, empty bool) {
	if len(t) > 0 && t[0] == '/' {
		end, t = true, t[1:]
	}
	if len(t) > 0 && t[len(t)-1] == '/' {
		empty = true
	}
	i := 0
	for i < len(t) && !isXMLSpace(t[i]) && t[i] != '/' {
		i++
	}
	name = t[:i]
	if j := bytes.LastIndexByte(name, ':'); j >= 0 {
		name = name[j+1:]
	}
	return name, end, empty
}

func isXMLSpace(c byte) bool { return c == ' ' || c == '\t' || c == '\n' || c == '\r' }

// xmlAttr returns the value of the attribute with the given local name.
func xmlAttr(t []byte, name string) ([]byte, bool) {
	i := bytes.IndexAny(t, " \t\n\r")
	if i < 0 {
		return nil, false
	}
	for i < len(t) {
		key, val, next, ok := nextAttr(t, i)
		if !ok {
			return nil, false
		}
		if j := bytes.LastIndexByte(key, ':'); j >= 0 {
			key = key[j+1:]
		}
		if string(key) == name {
			return val, true
		}
		i = next
	}
	return nil, false
}

// nextAttr reads the attribute at t[i:] (spaces before it allowed).
func nextAttr(t []byte, i int) (key, val []byte, next int, ok bool) {
	for i < len(t) && isXMLSpace(t[i]) {
		i++
	}
	start := i
	for i < len(t) && t[i] != '=' && !isXMLSpace(t[i]) {
		i++
	}
	key = t[start:i]
	for i < len(t) && (isXMLSpace(t[i]) || t[i] == '=') {
		i++
	}
	if i >= len(t) || (t[i] != '"' && t[i] != '\'') {
		return nil, nil, 0, false // the end, or not an attribute
	}
	end := bytes.IndexByte(t[i+1:], t[i])
	if end < 0 {
		return nil, nil, 0, false
	}
	return key, t[i+1 : i+1+end], i + end + 2, true
}

// appendText appends raw XML text unescaped as encoding/xml reads it:
// entities and character references replaced, line ends made "\n".
func appendText(dst, raw []byte) ([]byte, error) {
	for len(raw) > 0 {
		i := bytes.IndexAny(raw, "&\r")
		if i < 0 {
			return append(dst, raw...), nil
		}
		dst = append(dst, raw[:i]...)
		if raw[i] == '\r' {
			dst = append(dst, '\n')
			raw = raw[i+1:]
			if len(raw) > 0 && raw[0] == '\n' {
				raw = raw[1:]
			}
			continue
		}
		semi := bytes.IndexByte(raw[i:], ';')
		if semi < 0 {
			return dst, errSheetXML
		}
		ent := raw[i+1 : i+semi]
		raw = raw[i+semi+1:]
		switch string(ent) {
		case "amp":
			dst = append(dst, '&')
		case "lt":
			dst = append(dst, '<')
		case "gt":
			dst = append(dst, '>')
		case "quot":
			dst = append(dst, '"')
		case "apos":
			dst = append(dst, '\'')
		default:
			r, ok := charRef(ent)
			if !ok {
				return dst, errSheetXML
			}
			dst = utf8.AppendRune(dst, r)
		}
	}
	return dst, nil
}

// charRef decodes "#65" or "#x41".
func charRef(ent []byte) (rune, bool) {
	if len(ent) < 2 || ent[0] != '#' {
		return 0, false
	}
	base, digits := 10, string(ent[1:])
	if digits[0] == 'x' {
		base, digits = 16, digits[1:]
	}
	n, err := strconv.ParseUint(digits, base, 32)
	if err != nil || !isXMLChar(rune(n)) {
		return 0, false
	}
	return rune(n), true
}

func isXMLChar(r rune) bool {
	return r == 0x09 || r == 0x0A || r == 0x0D || r >= 0x20 && r <= 0xD7FF || r >= 0xE000 && r <= 0xFFFD || r >= 0x10000 && r <= 0x10FFFF
}

// cdata returns the contents of a CDATA tag, or false.
func cdata(t []byte) ([]byte, bool) {
	if bytes.HasPrefix(t, []byte("![CDATA[")) {
		return t[len("![CDATA[") : len(t)-2], true
	}
	return nil, false
}
