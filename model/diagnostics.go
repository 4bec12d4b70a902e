package model

import (
	"slices"
	"time"
)

// Diagnostic rounds record what partnership does to students, as the seed
// paper's "Findings" measure it: students' knowledge diagnosed on a set of
// indicators (by default professional, socio-psychological, general
// cultural and subject knowledge) at a set of levels (by default
// fragmented, complete and summative knowledge), for an experimental group
// taught through partnership activities and a control group, at one stage
// of a pedagogical experiment. Results are entered per student or as
// counts; percentages are always computed (see Round.Counts and the views
// in diagnostics_views.go), never typed.

// Stage is the stage of a pedagogical experiment a round belongs to.
type Stage string

// The three stages pedagogical experiments name.
const (
	StageAscertaining Stage = "ascertaining" // констатирующий: before the partnership activities
	StageFormative    Stage = "formative"    // формирующий: during them (the paper's Table 1)
	StageControl      Stage = "control"      // контрольный: after them
)

// Stages lists the stages in the order an experiment runs them.
var Stages = []Stage{StageAscertaining, StageFormative, StageControl}

// Valid reports whether s is a known stage.
func (s Stage) Valid() bool { return slices.Contains(Stages, s) }

// Key is the translation key of s's label.
func (s Stage) Key() string { return "diag.stage." + string(s) }

// GroupKind says what part a group plays in the experiment.
type GroupKind string

// Group kinds.
const (
	GroupExperimental GroupKind = "experimental" // taught through partnership activities (EG)
	GroupControl      GroupKind = "control"      // taught as usual (CG)
	GroupOther        GroupKind = "other"        // any other named group
)

// GroupKinds lists the group kinds.
var GroupKinds = []GroupKind{GroupExperimental, GroupControl, GroupOther}

// Valid reports whether k is a known group kind.
func (k GroupKind) Valid() bool { return slices.Contains(GroupKinds, k) }

// Key is the translation key of k's label.
func (k GroupKind) Key() string { return "diag.group." + string(k) }

// ResultMode says how a round's results were entered.
type ResultMode string

// Result modes.
const (
	// ModeCounts: for each group, how many students (or, for published
	// tables, observations) were at each level of each indicator.
	ModeCounts ResultMode = "counts"
	// ModeStudents: for each group, one row per student with an anonymous
	// code and a level per indicator.
	ModeStudents ResultMode = "students"
)

// Valid reports whether m is a known result mode.
func (m ResultMode) Valid() bool { return m == ModeCounts || m == ModeStudents }

// Key is the translation key of m's label.
func (m ResultMode) Key() string { return "diag.mode." + string(m) }

// ScaleItem is one indicator or one level of a diagnostic scale: a stable
// code, its name in the four languages and its definition as help text.
type ScaleItem struct {
	Code  string `json:"code"`
	Names Names  `json:"names"`
	Help  Names  `json:"help,omitzero"`
}

// Scale is the set of indicators and levels an institution diagnoses
// students on. A round carries a copy of the scale it was made with, so
// editing the institution's scale later leaves old rounds readable.
type Scale struct {
	Indicators []ScaleItem `json:"indicators"`
	Levels     []ScaleItem `json:"levels"`
}

// StudentResult is one student's result: an anonymous code (never a name)
// and, for each of the round's indicators in order, the code of the level
// reached ("" when not diagnosed).
type StudentResult struct {
	Code   string   `json:"code"`
	Levels []string `json:"levels"`
}

// Group is one group of students diagnosed in a round.
type Group struct {
	Name     string    `json:"name"` // e.g. "EG", "CG", "ПО-21"
	Kind     GroupKind `json:"kind"`
	Students int       `json:"students"` // the group's number of students
	// Counts[i][l] is the count at level l of indicator i (ModeCounts).
	Counts [][]int `json:"counts,omitempty"`
	// Results are the students' results (ModeStudents).
	Results []StudentResult `json:"results,omitempty"`
}

// Round is one diagnostic round: the groups diagnosed on one date, at one
// stage, on one scale.
type Round struct {
	ID    ID     `json:"id"`
	Rev   uint64 `json:"rev"`
	Title string `json:"title"`
	Date  Date   `json:"date"`
	Stage Stage  `json:"stage"`
	// Programme and Course say whose knowledge was diagnosed.
	Programme Programme `json:"programme,omitzero"`
	Course    int       `json:"course,omitempty"`
	// AgreementIDs are the agreements whose activities the round measures.
	AgreementIDs []ID `json:"agreement_ids,omitempty"`
	// Activities names the partnership activities in plain words.
	Activities string     `json:"activities,omitempty"`
	Scale      Scale      `json:"scale"`
	Mode       ResultMode `json:"mode"`
	Groups     []Group    `json:"groups"`
	// Source cites where the figures come from (a paper, a protocol).
	Source  string    `json:"source,omitempty"`
	Notes   string    `json:"notes,omitempty"`
	Created time.Time `json:"created"`
	Updated time.Time `json:"updated"`
}

// NewRound returns an empty round on the given scale with an experimental
// and a control group, ready to be filled in.
func NewRound(scale Scale, date Date) Round {
	r := Round{Date: date, Stage: StageAscertaining, Scale: scale.Clone(), Mode: ModeCounts}
	r.Groups = []Group{
		{Name: "EG", Kind: GroupExperimental},
		{Name: "CG", Kind: GroupControl},
	}
	for i := range r.Groups {
		r.Groups[i].Counts = r.EmptyCounts()
	}
	return r
}

// Clone returns a deep copy of the scale.
func (s Scale) Clone() Scale {
	return Scale{Indicators: slices.Clone(s.Indicators), Levels: slices.Clone(s.Levels)}
}

// EmptyCounts returns a zero count matrix shaped for the round's scale.
func (r *Round) EmptyCounts() [][]int {
	out := make([][]int, len(r.Scale.Indicators))
	for i := range out {
		out[i] = make([]int, len(r.Scale.Levels))
	}
	return out
}

// Counts returns group g's count at each level of each indicator: the
// entered counts, or the students' results counted. Rows follow the
// scale's indicators, columns its levels.
func (r *Round) Counts(g int) [][]int {
	out := r.EmptyCounts()
	grp := &r.Groups[g]
	if r.Mode != ModeStudents {
		for i := range out {
			for l := range out[i] {
				if i < len(grp.Counts) && l < len(grp.Counts[i]) {
					out[i][l] = grp.Counts[i][l]
				}
			}
		}
		return out
	}
	for _, s := range grp.Results {
		for i, code := range s.Levels {
			if l := r.LevelIndex(code); l >= 0 && i < len(out) {
				out[i][l]++
			}
		}
	}
	return out
}

// LevelIndex returns the position of the level with the code, or -1.
func (r *Round) LevelIndex(code string) int {
	return slices.IndexFunc(r.Scale.Levels, func(it ScaleItem) bool { return it.Code == code })
}

// GroupIndex returns the position of the first group of the kind, or -1.
func (r *Round) GroupIndex(kind GroupKind) int {
	return slices.IndexFunc(r.Groups, func(g Group) bool { return g.Kind == kind })
}

// Consistent reports whether group g's counts describe one level per
// student for each indicator: every indicator's counts add up to the
// group's number of students. Published tables (such as the paper's,
// where each level's column adds up to 100 %) need not; the statistics
// say so when they are not.
func (r *Round) Consistent(g int) bool {
	for _, row := range r.Counts(g) {
		sum := 0
		for _, v := range row {
			sum += v
		}
		if sum != r.Groups[g].Students {
			return false
		}
	}
	return true
}

// Label returns a short description of the round for lists and titles:
// its title, or its stage and date.
func (r *Round) Label() string {
	if r.Title != "" {
		return r.Title
	}
	return string(r.Stage) + " " + r.Date.String()
}

// EntityRound is the history entity of diagnostic rounds.
const EntityRound Entity = "round"
