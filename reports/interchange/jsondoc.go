package interchange

import (
	"bytes"
	"encoding/json"
	"sync"
)

// minSplitContracts is how many contracts a document needs before
// decodeDocument decodes them on two goroutines.
var minSplitContracts = 1000

// maxSplitDepth is the nesting, inside the document, beyond which
// decodeDocument leaves the document to json.Unmarshal whole (which
// refuses nesting deeper than 10,000 levels).
const maxSplitDepth = 512

// decodeDocument is json.Unmarshal(data, doc), with the contracts of a
// large document decoded on two goroutines: decoding is a third of
// importing 50,000 agreements, and the contracts nearly all of it. The
// rest of the document is decoded on its own. Anything unusual (a
// contracts array it cannot find plainly, a decoding error) sends the
// whole document to json.Unmarshal, so errors are exactly its own.
func decodeDocument(data []byte, doc *Document) error {
	start, end, elems, ok := contractSpans(data)
	if !ok || len(elems) < minSplitContracts {
		return json.Unmarshal(data, doc)
	}
	rest := make([]byte, 0, len(data)-(end-start)+2)
	rest = append(append(append(rest, data[:start]...), "[]"...), data[end:]...)
	contracts := make([]Contract, len(elems))
	var wg sync.WaitGroup
	var errs [2]error
	half := len(elems) / 2
	for g, part := range [2][2]int{{0, half}, {half, len(elems)}} {
		wg.Go(func() {
			for i := part[0]; i < part[1]; i++ {
				if err := json.Unmarshal(data[elems[i][0]:elems[i][1]], &contracts[i]); err != nil {
					errs[g] = err
					return
				}
			}
		})
	}
	err := json.Unmarshal(rest, doc)
	wg.Wait()
	if err != nil || errs[0] != nil || errs[1] != nil {
		*doc = Document{}
		return json.Unmarshal(data, doc)
	}
	doc.Contracts = contracts
	return nil
}

// contractSpans finds, in a document that is a JSON object, the value of
// its one "contracts" key (as json.Unmarshal matches it: in any case)
// when it is an array: its start and end, and those of each element. It
// checks the structure it walks (strings, brackets, commas, colons), not
// the values, which json.Unmarshal checks; false for anything else.
func contractSpans(data []byte) (start, end int, elems [][2]int, ok bool) {
	p := &jsonSpan{b: data}
	if !p.byte('{') {
		return 0, 0, nil, false
	}
	found := false
	for !p.byte('}') {
		key, ok := p.key()
		if !ok {
			return 0, 0, nil, false
		}
		if bytes.EqualFold(key, []byte("contracts")) {
			if found {
				return 0, 0, nil, false // the last would win
			}
			found = true
			p.space()
			start = p.i
			if elems, ok = p.array(); !ok {
				return 0, 0, nil, false
			}
			end = p.i
		} else if !p.value(1) {
			return 0, 0, nil, false
		}
		if !p.byte(',') && !p.peek('}') {
			return 0, 0, nil, false
		}
	}
	p.space()
	return start, end, elems, found && p.i == len(p.b)
}

// jsonSpan walks JSON text.
type jsonSpan struct {
	b []byte
	i int
}

func (p *jsonSpan) space() {
	for p.i < len(p.b) && (p.b[p.i] == ' ' || p.b[p.i] == '\t' || p.b[p.i] == '\n' || p.b[p.i] == '\r') {
		p.i++
	}
}

// byte skips spaces and c, if c is next.
func (p *jsonSpan) byte(c byte) bool {
	p.space()
	if p.i < len(p.b) && p.b[p.i] == c {
		p.i++
		return true
	}
	return false
}

func (p *jsonSpan) peek(c byte) bool {
	p.space()
	return p.i < len(p.b) && p.b[p.i] == c
}

// key reads an object key and its colon; a key with escapes is refused.
func (p *jsonSpan) key() ([]byte, bool) {
	if !p.peek('"') {
		return nil, false
	}
	from := p.i + 1
	if !p.str() {
		return nil, false
	}
	key := p.b[from : p.i-1]
	return key, bytes.IndexByte(key, '\\') < 0 && p.byte(':')
}

// str skips a string (at its opening quote).
func (p *jsonSpan) str() bool {
	p.i++
	for {
		j := bytes.IndexByte(p.b[p.i:], '"')
		if j < 0 {
			return false
		}
		q := p.i + j
		n := 0
		for k := q - 1; k >= p.i && p.b[k] == '\\'; k-- {
			n++
		}
		p.i = q + 1
		if n%2 == 0 {
			return true
		}
	}
}

// array reads an array, returning the span of each element.
func (p *jsonSpan) array() ([][2]int, bool) {
	if !p.byte('[') {
		return nil, false
	}
	var elems [][2]int
	if p.byte(']') {
		return elems, true
	}
	for {
		p.space()
		from := p.i
		if !p.value(2) {
			return nil, false
		}
		elems = append(elems, [2]int{from, p.i})
		if p.byte(']') {
			return elems, true
		}
		if !p.byte(',') {
			return nil, false
		}
	}
}

// value skips a value at the given depth: strings and brackets followed,
// anything else up to the next comma, bracket or space.
func (p *jsonSpan) value(depth int) bool {
	p.space()
	if p.i >= len(p.b) {
		return false
	}
	switch p.b[p.i] {
	case '"':
		return p.str()
	case '{', '[':
		return p.nested(depth)
	}
	from := p.i
	for p.i < len(p.b) && bytes.IndexByte([]byte(",]} \t\r\n:{[\""), p.b[p.i]) < 0 {
		p.i++
	}
	return p.i > from
}

// nested skips an object or array, following strings and brackets.
func (p *jsonSpan) nested(depth int) bool {
	var stack []byte
	for p.i < len(p.b) {
		switch c := p.b[p.i]; c {
		case '"':
			if !p.str() {
				return false
			}
			continue
		case '{', '[':
			if stack = append(stack, c); depth+len(stack) > maxSplitDepth {
				return false
			}
		case '}', ']':
			if len(stack) == 0 || (c == '}') != (stack[len(stack)-1] == '{') {
				return false
			}
			if stack = stack[:len(stack)-1]; len(stack) == 0 {
				p.i++
				return true
			}
		}
		p.i++
	}
	return false
}
