package store

import (
	"errors"
	"fmt"

	"github.com/partnerdesk/partnerdesk/model"
)

// ErrNotAllowed: the server refused a change this person may not make.
var ErrNotAllowed = errNotAllowed{}

type errNotAllowed struct{}

func (errNotAllowed) Error() string { return "change not allowed" }

// PermissionError says in plain words that a change was refused and who
// may make it. Key and Args name the translated message (assets/i18n,
// area "server"); Error gives it in English.
type PermissionError struct {
	// Key is the message key, e.g. "server.refused_agreement".
	Key string
	// Args fill the message: Department (the agreement's), Mine (the
	// person's own department), Role.
	Args map[string]string
}

var permissionText = map[string]string{
	"server.refused_agreement":   "This agreement belongs to department «{{.Department}}»: only its secretaries or the partnership office may change it (you are a secretary of «{{.Mine}}»).",
	"server.refused_auditor":     "You are an auditor: you may read everything but change nothing. Ask the partnership office or the department's secretary.",
	"server.refused_office_only": "Only the partnership office may make this change (people, departments, the institution's details, deleting partners).",
	"server.refused_unknown":     "The server refused the change: your login has no PartnerDesk role. Ask the partnership office to add you.",
}

// Error implements the error interface for PermissionError.
func (e *PermissionError) Error() string {
	return model.Expand(permissionText[e.Key], e.Args)
}

// Unwrap makes errors.Is(err, ErrNotAllowed) true.
func (e *PermissionError) Unwrap() error { return ErrNotAllowed }

// newPermissionError builds the refusal for a change to table (of an
// agreement of department dept) by a person of role and department mine.
func newPermissionError(table, role, mine, dept string) *PermissionError {
	args := map[string]string{"Department": dept, "Mine": mine, "Role": role}
	switch {
	case role == RoleAuditor:
		return &PermissionError{Key: "server.refused_auditor", Args: args}
	case role == "":
		return &PermissionError{Key: "server.refused_unknown", Args: args}
	case table == "agreements" || table == "attachments" || table == "idx_partner_agr" || table == "agreement_partners":
		return &PermissionError{Key: "server.refused_agreement", Args: args}
	}
	return &PermissionError{Key: "server.refused_office_only", Args: args}
}

func errorsJoinValidation(field, key string) error {
	return model.ValidationError{{Field: field, Key: key}}
}

// unknownDepartment refuses a department code the server does not have.
func unknownDepartment(code string) error {
	return model.ValidationError{{Field: "department", Key: "err.unknown_department", Args: map[string]string{"Code": code}}}
}

func isForeignKey(err error) bool {
	var pe interface{ SQLState() string }
	return errors.As(err, &pe) && pe.SQLState() == "23503"
}

// mayChange reports, before anything is written, whether the person may
// change an agreement of department dept ("" is the default department).
// The server checks again with row-level security; this check only gives
// the plain-words refusal early. A data file allows everything.
func (t *Tx) mayChange(dept string) error {
	if t.ses == nil {
		return nil
	}
	if dept == "" {
		dept = t.ses.defaultDept
	}
	switch {
	case t.ses.role == RoleOffice:
		return nil
	case t.ses.role == RoleSecretary && dept == t.ses.department:
		return nil
	}
	return newPermissionError("agreements", t.ses.role, t.ses.department, dept)
}

// mayWrite refuses any change by an auditor or a person with no role, and
// changes only the office may make when office is true.
func (t *Tx) mayWrite(table string, office bool) error {
	if t.ses == nil || t.ses.role == RoleOffice || (!office && t.ses.role == RoleSecretary) {
		return nil
	}
	return newPermissionError(table, t.ses.role, t.ses.department, "")
}

// ConflictError refuses a save over a newer one and says who saved it and
// when (from the record's history).
type ConflictError struct {
	By string
	At string
}

// Error implements the error interface for ConflictError.
func (e *ConflictError) Error() string {
	if e.By == "" {
		return ErrConflict.Error()
	}
	return fmt.Sprintf("%s: %s saved it at %s. Reload it to see their changes, then make yours again.", ErrConflict, e.By, e.At)
}

// Unwrap makes errors.Is(err, ErrConflict) true.
func (e *ConflictError) Unwrap() error { return ErrConflict }

// conflict builds the refusal of a stale save of record id.
func (t *Tx) conflict(entity model.Entity, id model.ID) error {
	h, err := t.History(entity, id)
	if err != nil || len(h) == 0 {
		return &ConflictError{}
	}
	last := h[len(h)-1]
	return &ConflictError{By: last.User, At: last.At.Local().Format("02.01.2006 15:04:05")}
}

// numberKey is the key of an agreement number in the number index: the
// normalised number, preceded by the department's code where numbers are
// unique per department (a server setting; a data file has one
// department, so its keys are the numbers alone).
func (t *Tx) numberKey(dept, number string) string {
	n := model.NormalizeNumber(number)
	if t.ses == nil || t.ses.scope != NumbersPerDepartment {
		return n
	}
	if dept == "" {
		dept = t.ses.defaultDept
	}
	return dept + "/" + n
}
