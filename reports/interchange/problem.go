package interchange

import (
	"maps"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/partnerdesk/partnerdesk/assets"
)

// Loc says where in an imported file something was found: a worksheet cell
// (Sheet, Row, Column and the column's Header) or a JSON path.
type Loc struct {
	Sheet  string `json:"sheet,omitempty"`
	Row    int    `json:"row,omitempty"`    // 1-based, as Excel numbers rows
	Column string `json:"column,omitempty"` // column letters, e.g. "D"
	Header string `json:"header,omitempty"` // the column's header text in the file
	Path   string `json:"path,omitempty"`   // JSON path, e.g. contracts[3].period.endDate
}

// String formats the location for people: `Agreements!D7 (Signed on)`,
// `Agreements, row 7` or a JSON path.
func (l Loc) String() string {
	var b strings.Builder
	switch {
	case l.Sheet != "" && l.Column != "" && l.Row > 0:
		b.WriteString(l.Sheet + "!" + l.Column + strconv.Itoa(l.Row))
	case l.Sheet != "" && l.Row > 0:
		b.WriteString(l.Sheet + ", row " + strconv.Itoa(l.Row))
	case l.Sheet != "" && l.Column != "":
		b.WriteString(l.Sheet + ", column " + l.Column)
	case l.Sheet != "":
		b.WriteString(l.Sheet)
	}
	if l.Header != "" {
		b.WriteString(" (" + l.Header + ")")
	}
	if l.Path != "" {
		if b.Len() > 0 {
			b.WriteString(" ")
		}
		b.WriteString(l.Path)
	}
	return b.String()
}

// Problem is one thing wrong with an imported file, a row or a cell. Key is
// a translation key (assets/i18n) and Args its placeholders, so the GUI
// shows it in the user's language; Error gives the English text for
// partnerctl. A Warning does not stop its record from being imported.
type Problem struct {
	Loc
	Value   string            `json:"value,omitempty"` // the offending text, shortened
	Key     string            `json:"key"`
	Args    map[string]string `json:"args,omitempty"`
	Warning bool              `json:"warning,omitempty"`
}

// NewProblem returns a problem at loc with the message key and its
// arguments given as name, value pairs.
func NewProblem(loc Loc, key string, args ...string) Problem {
	p := Problem{Loc: loc, Key: key}
	if len(args) > 0 {
		p.Args = make(map[string]string, len(args)/2)
		for i := 0; i+1 < len(args); i += 2 {
			p.Args[args[i]] = args[i+1]
		}
	}
	return p
}

// Message returns the problem's message in lang, without its location.
// An argument whose name ends in "Key" is a translation key: it is also
// given translated, under its name without "Key" ("CategoryKey" →
// "Category").
func (p Problem) Message(lang string) string {
	args := p.Args
	for k, v := range p.Args {
		if name, ok := strings.CutSuffix(k, "Key"); ok && name != "" {
			if _, done := args[name]; !done {
				args = maps.Clone(args)
				args[name] = assets.T(lang, v, nil)
			}
		}
	}
	return assets.T(lang, p.Key, args)
}

// Text returns the location, the value and the message in lang.
func (p Problem) Text(lang string) string {
	var b strings.Builder
	if w := p.Loc.String(); w != "" {
		b.WriteString(w)
		if p.Value != "" {
			b.WriteString(" «" + p.Value + "»")
		}
		b.WriteString(": ")
	} else if p.Value != "" {
		b.WriteString("«" + p.Value + "»: ")
	}
	b.WriteString(p.Message(lang))
	return b.String()
}

// Error returns Text in English.
func (p Problem) Error() string { return p.Text("en") }

// Shorten cuts s to at most 80 characters for showing it in a message.
func Shorten(s string) string {
	if len(s) > 1024 {
		s = s[:1024]
	}
	s = strings.Join(strings.Fields(strings.ToValidUTF8(s, "\uFFFD")), " ")
	if utf8.RuneCountInString(s) <= 80 {
		return s
	}
	r := []rune(s)
	return string(r[:79]) + "…"
}

// Problems is a list of problems; as an error it lists them one per line.
type Problems []Problem

// Error lists the problems in English, one per line.
func (ps Problems) Error() string {
	lines := make([]string, len(ps))
	for i, p := range ps {
		lines[i] = p.Error()
	}
	return strings.Join(lines, "\n")
}

// Errors counts the problems that are not warnings.
func (ps Problems) Errors() int {
	n := 0
	for _, p := range ps {
		if !p.Warning {
			n++
		}
	}
	return n
}
