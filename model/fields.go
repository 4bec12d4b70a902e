package model

import (
	"net/mail"
	"net/url"
	"strconv"
	"strings"
	"unicode/utf8"
)

// Text length limits, in characters. MaxText is Excel's hard ceiling for
// one cell, so anything PartnerDesk stores fits in an exported register.
const (
	MaxName  = 500
	MaxShort = 100
	MaxLine  = 1000
	MaxText  = 32767
)

// CheckText reports the message key of the first problem with s as a text
// field value: invalid UTF-8, control characters (line breaks and tabs are
// allowed only when multiline is set) or more than max characters. It
// returns "" for acceptable text.
func CheckText(s string, max int, multiline bool) string {
	if !utf8.ValidString(s) {
		return "err.bad_utf8"
	}
	n := 0
	for _, r := range s {
		n++
		if isControl(r, multiline) {
			return "err.control_chars"
		}
	}
	if n > max {
		return "err.too_long"
	}
	return ""
}

func isControl(r rune, multiline bool) bool {
	switch {
	case r == '\n' || r == '\t' || r == '\r':
		return !multiline
	case r < 0x20, r == 0x7f, r >= 0x80 && r <= 0x9f, r == 0xfffe, r == 0xffff:
		return true
	}
	return false
}

// ValidEmail reports whether s looks like a single plain e-mail address
// (name@domain.tld), without a display name.
func ValidEmail(s string) bool {
	if len(s) > 254 || strings.ContainsAny(s, " <>\"") {
		return false
	}
	a, err := mail.ParseAddress(s)
	if err != nil || a.Address != s {
		return false
	}
	at := strings.LastIndexByte(s, '@')
	domain := s[at+1:]
	return at > 0 && strings.Contains(domain, ".") && !strings.HasPrefix(domain, ".") && !strings.HasSuffix(domain, ".")
}

// ValidPhone reports whether s looks like a phone number: digits with
// optional spaces, dashes, dots, brackets and one leading +, with 5 to 15
// digits in all (the ITU E.164 maximum). An extension may follow after a
// comma or "доб."/"ext.".
func ValidPhone(s string) bool {
	main, ok := cutExtension(s)
	if !ok {
		return false
	}
	main = strings.TrimSpace(main)
	digits := 0
	for i, r := range main {
		switch {
		case r >= '0' && r <= '9':
			digits++
		case r == '+' && i == 0:
		case r == ' ' || r == '-' || r == '(' || r == ')' || r == '.':
		default:
			return false
		}
	}
	return digits >= 5 && digits <= 15
}

// cutExtension returns a phone number without its extension (after a
// comma or "доб."/"ext."/"вн."); ok is false when the extension is not 1
// to 6 digits.
func cutExtension(s string) (main string, ok bool) {
	for _, sep := range []string{",", " доб.", " ext.", " вн."} {
		if i := strings.Index(s, sep); i > 0 {
			ext := strings.TrimSpace(s[i+len(sep):])
			return s[:i], ext != "" && len(ext) <= 6 && strings.Trim(ext, "0123456789") == ""
		}
	}
	return s, true
}

// ValidURL reports whether s is an http(s) address with a host, or a bare
// host name such as "example.kz".
func ValidURL(s string) bool {
	if strings.ContainsAny(s, " \t\n") {
		return false
	}
	if !strings.Contains(s, "://") {
		s = "https://" + s
	}
	u, err := url.Parse(s)
	return err == nil && (u.Scheme == "http" || u.Scheme == "https") && strings.Contains(u.Host, ".") && !strings.HasSuffix(u.Host, ".")
}

// ValidCountry reports whether s is two upper-case Latin letters.
func ValidCountry(s string) bool {
	return len(s) == 2 && s[0] >= 'A' && s[0] <= 'Z' && s[1] >= 'A' && s[1] <= 'Z'
}

// ValidPercent reports whether v is a percentage between 0 and 100.
func ValidPercent(v float64) bool { return v >= 0 && v <= 100 }

func (c *checker) text(field, value string, required bool, max int, multiline bool) {
	if strings.TrimSpace(value) == "" {
		if required {
			c.add(field, "err.required")
		}
		if value == "" {
			return
		}
	}
	if key := CheckText(value, max, multiline); key != "" {
		if key == "err.too_long" {
			c.add(field, key, "Max", strconv.Itoa(max))
		} else {
			c.add(field, key)
		}
	}
}

func (c *checker) email(field, value string) {
	if value == "" {
		return
	}
	if !ValidEmail(value) {
		c.add(field, "err.email")
	}
}

func (c *checker) phone(field, value string) {
	if value == "" {
		return
	}
	if !ValidPhone(value) {
		c.add(field, "err.phone")
	}
}

func (c *checker) intRange(field string, v, lo, hi int) {
	if v < lo || v > hi {
		c.add(field, "err.range", "Min", strconv.Itoa(lo), "Max", strconv.Itoa(hi))
	}
}

func (c *checker) date(field string, d Date, required bool) bool {
	if d.IsZero() {
		if required {
			c.add(field, "err.required")
		}
		return false
	}
	if !d.Valid() {
		c.add(field, "err.date_invalid")
		return false
	}
	return true
}
