package store

import (
	"errors"
	"fmt"
	"strings"
)

// Sentinel errors. Match them with errors.Is; the concrete errors below
// carry the details and plain-words messages.
var (
	// ErrNotFound: no record with that ID or number.
	ErrNotFound = errors.New("no such record")
	// ErrLocked: another process holds the data file open.
	ErrLocked = errors.New("data file is in use")
	// ErrNewerSchema: the file was written by a newer PartnerDesk.
	ErrNewerSchema = errors.New("data file is from a newer version")
	// ErrDamaged: the file cannot be read as a PartnerDesk data file.
	ErrDamaged = errors.New("data file is damaged")
	// ErrConflict: the record changed since the caller read it.
	ErrConflict = errors.New("record was changed in the meantime")
	// ErrInUse: a partner still has agreements.
	ErrInUse = errors.New("partner has agreements")
	// ErrNoFile: the operation needs a file and the store is in memory.
	ErrNoFile = errors.New("store has no file")
	// ErrTooLarge: an attachment exceeds MaxAttachment.
	ErrTooLarge = errors.New("attachment is too large")
	// ErrClosed: the store was closed; no method works on it any more.
	ErrClosed = errors.New("the data file is closed")
	// ErrReadOnly: a change inside a read transaction (View), or on a
	// store opened with Options.ReadOnly.
	ErrReadOnly = errors.New("the data file is open for reading only: changes are refused")
)

// LockedError says that PartnerDesk (or partnerctl) already has the file
// open.
type LockedError struct{ Path string }

// Error implements the error interface for LockedError.
func (e *LockedError) Error() string {
	return fmt.Sprintf("PartnerDesk is already open with the data file %s (in another window, another copy of the program, or partnerctl). Close it there and try again.", e.Path)
}

// Unwrap makes errors.Is(err, ErrLocked) true.
func (e *LockedError) Unwrap() error { return ErrLocked }

// NewerSchemaError says the file needs a newer PartnerDesk.
type NewerSchemaError struct {
	Path       string
	FileSchema int
	Supported  int
}

// Error implements the error interface for NewerSchemaError.
func (e *NewerSchemaError) Error() string {
	return fmt.Sprintf("the data file %s was written by a newer version of PartnerDesk (data format %d; this version reads up to %d). Install the newer version to open it. The file was not changed.", e.Path, e.FileSchema, e.Supported)
}

// Unwrap makes errors.Is(err, ErrNewerSchema) true.
func (e *NewerSchemaError) Unwrap() error { return ErrNewerSchema }

// DamagedError says the file cannot be used, and why.
type DamagedError struct {
	Path   string
	Reason string
}

// Error implements the error interface for DamagedError.
func (e *DamagedError) Error() string {
	return fmt.Sprintf("the data file %s is damaged: %s. It was not changed; restore a backup or open another file.", e.Path, e.Reason)
}

// Unwrap makes errors.Is(err, ErrDamaged) true.
func (e *DamagedError) Unwrap() error { return ErrDamaged }

// InUseError refuses to delete a partner that agreements still name.
type InUseError struct {
	Partner string
	// Numbers are the numbers of the agreements with the partner.
	Numbers []string
}

// Error implements the error interface for InUseError.
func (e *InUseError) Error() string {
	return fmt.Sprintf("%s cannot be deleted: it is a party to %d agreement(s): %s. Delete or change those agreements first.", e.Partner, len(e.Numbers), strings.Join(e.Numbers, ", "))
}

// Unwrap makes errors.Is(err, ErrInUse) true.
func (e *InUseError) Unwrap() error { return ErrInUse }

// CheckError lists what Check found wrong.
type CheckError struct {
	Problems []string
	// Damaged are the records whose checksum does not match, which a
	// repair can take back from a backup.
	Damaged []RecordRef
}

// Error implements the error interface for CheckError.
func (e *CheckError) Error() string {
	return fmt.Sprintf("%d problem(s) in the data file:\n%s", len(e.Problems), strings.Join(e.Problems, "\n"))
}

// Unwrap makes errors.Is(err, ErrDamaged) true.
func (e *CheckError) Unwrap() error { return ErrDamaged }
