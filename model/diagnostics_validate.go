package model

import (
	"maps"
	"strconv"
)

// Limits of a diagnostic round.
const (
	MaxIndicators = 20
	MaxLevels     = 10
	MaxGroups     = 20
	MaxStudents   = 100000
)

// diagMessages are the English texts of the diagnostic rounds' validation
// messages; init adds them to Messages.
var diagMessages = map[string]string{
	"err.diag_no_indicators": "Add at least one indicator.",
	"err.diag_few_levels":    "Add at least two levels.",
	"err.diag_no_groups":     "Add at least one group.",
	"err.diag_code":          "Use small Latin letters, digits and _ for a code, e.g. subject.",
	"err.diag_shape":         "The results do not match the scale: expected {{.Rows}} indicators with {{.Cols}} levels each.",
	"err.diag_too_many":      "More students' results than students in the group ({{.Max}}).",
	"err.diag_too_large":     "Too many: at most {{.Max}}.",
	"err.agreement_missing":  "This agreement no longer exists: remove it from the list.",
}

func init() { maps.Copy(Messages, diagMessages) }

// Normalize drops the results of the mode the round does not use, so that
// switching modes in an editor leaves no hidden data behind.
func (r *Round) Normalize() {
	for i := range r.Groups {
		if r.Mode == ModeStudents {
			r.Groups[i].Counts = nil
		} else {
			r.Groups[i].Results = nil
		}
	}
}

// Validate checks the round and returns a ValidationError listing every
// problem, or nil. That the agreements exist is the store's to check.
func (r *Round) Validate() error {
	var c checker
	c.text("title", r.Title, true, MaxName, false)
	c.date("date", r.Date, true)
	switch {
	case r.Stage == "":
		c.add("stage", "err.required")
	case !r.Stage.Valid():
		c.add("stage", "err.unknown_value", "Value", string(r.Stage))
	}
	c.text("programme.code", r.Programme.Code, false, 20, false)
	c.text("programme.name", r.Programme.Name, false, MaxName, false)
	c.intRange("course", r.Course, 0, 10)
	seen := map[ID]bool{}
	for i, id := range r.AgreementIDs {
		if seen[id] || id == 0 {
			c.add("agreement_ids["+strconv.Itoa(i)+"]", "err.duplicate", "Value", id.String())
		}
		seen[id] = true
	}
	c.text("activities", r.Activities, false, MaxText, true)
	c.scale("scale", r.Scale)
	switch {
	case r.Mode == "":
		c.add("mode", "err.required")
	case !r.Mode.Valid():
		c.add("mode", "err.unknown_value", "Value", string(r.Mode))
	}
	c.groups(r)
	c.text("source", r.Source, false, MaxLine, true)
	c.text("notes", r.Notes, false, MaxText, true)
	return c.err()
}

func (c *checker) scale(field string, s Scale) {
	if len(s.Indicators) == 0 {
		c.add(field+".indicators", "err.diag_no_indicators")
	}
	if len(s.Indicators) > MaxIndicators {
		c.add(field+".indicators", "err.diag_too_large", "Max", strconv.Itoa(MaxIndicators))
	}
	if len(s.Levels) < 2 {
		c.add(field+".levels", "err.diag_few_levels")
	}
	if len(s.Levels) > MaxLevels {
		c.add(field+".levels", "err.diag_too_large", "Max", strconv.Itoa(MaxLevels))
	}
	c.scaleItems(field+".indicators", s.Indicators)
	c.scaleItems(field+".levels", s.Levels)
}

func (c *checker) scaleItems(field string, items []ScaleItem) {
	seen := map[string]bool{}
	for i, it := range items {
		switch {
		case it.Code == "":
			c.add(idx(field, i, "code"), "err.required")
		case !validCode(it.Code):
			c.add(idx(field, i, "code"), "err.diag_code")
		case seen[it.Code]:
			c.add(idx(field, i, "code"), "err.duplicate", "Value", it.Code)
		}
		seen[it.Code] = true
		c.names(idx(field, i, "names"), it.Names)
		if it.Names.In("ru") == "" {
			c.add(idx(field, i, "names")+".ru", "err.required")
		}
		for _, h := range []struct{ lang, v string }{{"ru", it.Help.RU}, {"kk", it.Help.KK}, {"ky", it.Help.KY}, {"en", it.Help.EN}} {
			c.text(idx(field, i, "help")+"."+h.lang, h.v, false, MaxLine, true)
		}
	}
}

func validCode(s string) bool {
	if len(s) > 40 {
		return false
	}
	for _, r := range s {
		if !(r >= 'a' && r <= 'z' || r >= '0' && r <= '9' || r == '_') {
			return false
		}
	}
	return true
}

func (c *checker) groups(r *Round) {
	if len(r.Groups) == 0 {
		c.add("groups", "err.diag_no_groups")
	}
	if len(r.Groups) > MaxGroups {
		c.add("groups", "err.diag_too_large", "Max", strconv.Itoa(MaxGroups))
	}
	names := map[string]bool{}
	for i, g := range r.Groups {
		c.text(idx("groups", i, "name"), g.Name, true, MaxShort, false)
		if names[g.Name] && g.Name != "" {
			c.add(idx("groups", i, "name"), "err.duplicate", "Value", g.Name)
		}
		names[g.Name] = true
		switch {
		case g.Kind == "":
			c.add(idx("groups", i, "kind"), "err.required")
		case !g.Kind.Valid():
			c.add(idx("groups", i, "kind"), "err.unknown_value", "Value", string(g.Kind))
		}
		c.intRange(idx("groups", i, "students"), g.Students, 1, MaxStudents)
		if r.Mode == ModeStudents {
			c.results(r, i)
		} else {
			c.counts(r, i)
		}
	}
}

func (c *checker) counts(r *Round, g int) {
	field := idx("groups", g, "counts")
	rows, cols := len(r.Scale.Indicators), len(r.Scale.Levels)
	counts := r.Groups[g].Counts
	if len(counts) != rows {
		c.add(field, "err.diag_shape", "Rows", strconv.Itoa(rows), "Cols", strconv.Itoa(cols))
		return
	}
	for i, row := range counts {
		rf := field + "[" + strconv.Itoa(i) + "]"
		if len(row) != cols {
			c.add(rf, "err.diag_shape", "Rows", strconv.Itoa(rows), "Cols", strconv.Itoa(cols))
			continue
		}
		for l, v := range row {
			c.intRange(rf+"["+strconv.Itoa(l)+"]", v, 0, MaxStudents)
		}
	}
}

func (c *checker) results(r *Round, g int) {
	grp := &r.Groups[g]
	if len(grp.Results) > grp.Students && grp.Students > 0 {
		c.add(idx("groups", g, "results"), "err.diag_too_many", "Max", strconv.Itoa(grp.Students))
	}
	field := idx("groups", g, "results")
	codes := map[string]bool{}
	for s, res := range grp.Results {
		c.text(idx(field, s, "code"), res.Code, true, MaxShort, false)
		if codes[res.Code] && res.Code != "" {
			c.add(idx(field, s, "code"), "err.duplicate", "Value", res.Code)
		}
		codes[res.Code] = true
		if len(res.Levels) != len(r.Scale.Indicators) {
			c.add(idx(field, s, "levels"), "err.diag_shape", "Rows", strconv.Itoa(len(r.Scale.Indicators)), "Cols", "1")
			continue
		}
		for i, code := range res.Levels {
			if code != "" && r.LevelIndex(code) < 0 {
				c.add(idx(field, s, "levels")+"["+strconv.Itoa(i)+"]", "err.unknown_value", "Value", code)
			}
		}
	}
}

// Validate checks an institution's scale on its own.
func (s Scale) Validate() error {
	var c checker
	c.scale("scale", s)
	return c.err()
}
