package model

import (
	"errors"
	"sort"
	"strconv"
	"strings"
)

// FieldError is one validation problem: the field it is about, a stable
// message key the user interface translates, and the values the message
// mentions.
type FieldError struct {
	// Field is the JSON path of the field: "name", "contacts[1].email",
	// "responsibilities[0].due".
	Field string
	// Key is the translation key of the message, e.g. "err.bin_checksum".
	Key string
	// Args holds the values the message template refers to, e.g. Max.
	Args map[string]string
}

// Error returns the field and the English message.
func (e FieldError) Error() string { return e.Field + ": " + e.Message() }

// Message returns the English message without the field name.
func (e FieldError) Message() string {
	t, ok := Messages[e.Key]
	if !ok {
		t = e.Key
	}
	return Expand(t, e.Args)
}

// Expand replaces every {{.Name}} in template with args["Name"]. It is the
// subset of text/template the translation files use.
func Expand(template string, args map[string]string) string {
	if !strings.Contains(template, "{{") {
		return template
	}
	var b strings.Builder
	for {
		i := strings.Index(template, "{{.")
		if i < 0 {
			break
		}
		j := strings.Index(template[i:], "}}")
		if j < 0 {
			break
		}
		b.WriteString(template[:i])
		b.WriteString(args[template[i+3:i+j]])
		template = template[i+j+2:]
	}
	b.WriteString(template)
	return b.String()
}

// ValidationError is the list of every problem found in one record.
type ValidationError []FieldError

// Error lists the problems, one per line.
func (v ValidationError) Error() string {
	lines := make([]string, len(v))
	for i, e := range v {
		lines[i] = e.Error()
	}
	return strings.Join(lines, "\n")
}

// For returns the problems with the given field, or with any field below
// it when the argument ends in "." or "[" (e.g. "contacts[0].").
func (v ValidationError) For(field string) []FieldError {
	var out []FieldError
	for _, e := range v {
		if e.Field == field || (strings.HasSuffix(field, ".") || strings.HasSuffix(field, "[")) && strings.HasPrefix(e.Field, field) {
			out = append(out, e)
		}
	}
	return out
}

// Fields returns the distinct fields with problems, sorted.
func (v ValidationError) Fields() []string {
	seen := map[string]bool{}
	var out []string
	for _, e := range v {
		if !seen[e.Field] {
			seen[e.Field] = true
			out = append(out, e.Field)
		}
	}
	sort.Strings(out)
	return out
}

// AsValidation returns the ValidationError inside err, if there is one.
func AsValidation(err error) (ValidationError, bool) {
	var v ValidationError
	ok := errors.As(err, &v)
	return v, ok
}

// Messages holds the English text of every validation message key. The
// translation files carry the same keys in every language.
var Messages = map[string]string{
	"err.required":            "Required: please fill this in.",
	"err.too_long":            "Too long: at most {{.Max}} characters.",
	"err.control_chars":       "Contains control characters or line breaks: retype it or paste it as plain text.",
	"err.bad_utf8":            "Contains damaged characters: retype it.",
	"err.bin_format":          "A BIN is exactly 12 digits, e.g. 050740004819.",
	"err.bin_checksum":        "The BIN's check digit is wrong: compare the number with the registration certificate.",
	"err.inn_format":          "An INN in Kyrgyzstan is exactly 14 digits.",
	"err.taxid_format":        "Use at most 20 letters, digits, spaces and dashes.",
	"err.taxid_taken":         "Another partner from this country already has this tax ID ({{.Other}}).",
	"err.number_taken":        "Another agreement already has this number.",
	"err.country":             "Use a two-letter country code such as KZ or KG.",
	"err.email":               "Not an e-mail address: write it as name@example.kz.",
	"err.phone":               "Not a phone number: use digits with an optional +, e.g. +7 701 123 45 67.",
	"err.url":                 "Not a web address: write it as https://example.kz.",
	"err.unknown_value":       "Unknown value {{.Value}}: choose one of the offered values.",
	"err.subkind_mismatch":    "This kind of organisation does not belong to the chosen category.",
	"err.date_invalid":        "Not a date: use dd.mm.yyyy.",
	"err.date_order":          "Must not be earlier than {{.Other}}.",
	"err.date_future":         "Cannot be later than today ({{.Today}}).",
	"err.no_partners":         "Choose at least one partner.",
	"err.duplicate":           "{{.Value}} appears more than once: remove the repeat.",
	"err.range":               "Must be between {{.Min}} and {{.Max}}.",
	"err.percent":             "A percentage must be between 0 and 100.",
	"err.employed_gt_grads":   "Cannot be more than the number of graduates ({{.Max}}).",
	"err.retained_gt_empl":    "Cannot be more than the number employed ({{.Max}}).",
	"err.party_not_partner":   "This organisation is not a party to the agreement: add it as a partner first.",
	"err.completed_required":  "Enter the date it was done.",
	"err.pattern_counter":     "The numbering pattern needs exactly one counter such as {nnn}.",
	"err.pattern_placeholder": "Unknown placeholder {{.Value}}: use {yyyy}, {yy}, {mm} or {nnn}.",
	"err.renewal_months":      "Enter the length of each automatic renewal in months (1 to 120).",
	"err.file_too_large":      "The file is too large: at most {{.Max}}.",
	"err.partner_missing":     "This partner no longer exists: choose another.",
	"err.already_renewed":     "This agreement has already been renewed: open its successor instead.",

	// The server's (store.OpenURL).
	"err.unknown_department": "There is no department with the code «{{.Code}}»: the partnership office adds departments (partnerctl server departments add).",
}

// checker collects field errors while a record is validated.
type checker struct{ errs ValidationError }

func (c *checker) add(field, key string, args ...string) {
	fe := FieldError{Field: field, Key: key}
	if len(args) > 0 {
		fe.Args = map[string]string{}
		for i := 0; i+1 < len(args); i += 2 {
			fe.Args[args[i]] = args[i+1]
		}
	}
	c.errs = append(c.errs, fe)
}

func (c *checker) err() error {
	if len(c.errs) == 0 {
		return nil
	}
	return c.errs
}

// in runs check with field paths relative to prefix[i] ("party" for
// "responsibilities[2].party"): whole paths are made only for the errors
// found, not for every field of every list element of a valid record
// (a third of validating an agreement went into making them).
func (c *checker) in(prefix string, i int, check func()) {
	n := len(c.errs)
	check()
	for j := n; j < len(c.errs); j++ {
		c.errs[j].Field = idx(prefix, i, c.errs[j].Field)
	}
}

func idx(prefix string, i int, field string) string {
	return prefix + "[" + strconv.Itoa(i) + "]." + field
}
