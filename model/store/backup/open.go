package backup

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"

	"github.com/partnerdesk/partnerdesk/model/store"
)

// Problem says why a data file was not opened.
type Problem string

// The problems OpenOrDiagnose reports.
const (
	// ProblemLocked: another program has the file open.
	ProblemLocked Problem = "locked"
	// ProblemNewer: a newer PartnerDesk wrote the file.
	ProblemNewer Problem = "newer"
	// ProblemDamaged: the file fails to open or fails its check.
	ProblemDamaged Problem = "damaged"
	// ProblemUpgrade: the file is sound but could not be upgraded to the
	// current format (for example, the backup before the upgrade failed).
	ProblemUpgrade Problem = "upgrade"
	// ProblemUnreadable: the system refuses to read the file (permissions,
	// a drive that is gone).
	ProblemUnreadable Problem = "unreadable"
)

// Choice is something the user may do about a Diagnosis.
type Choice string

// The choices a Diagnosis offers, in the order to show them.
const (
	// ChoiceRepair: take the damaged records back from the backups
	// (Set.Repair), leaving everything else, then call OpenOrDiagnose
	// again. Offered when only records are damaged (Diagnosis.Damaged).
	ChoiceRepair Choice = "repair"
	// ChoiceRestore: restore the newest good backup (Diagnosis.Newest)
	// with Set.Restore, then call OpenOrDiagnose again.
	ChoiceRestore Choice = "restore"
	// ChoiceRetry: call OpenOrDiagnose again (after closing the other
	// program, reconnecting the drive, and so on).
	ChoiceRetry Choice = "retry"
	// ChoiceOpenOther: let the user pick another data file.
	ChoiceOpenOther Choice = "open_other"
	// ChoiceQuit: quit the app.
	ChoiceQuit Choice = "quit"
)

// Diagnosis explains why the data file was not opened and what the user
// can do. Nothing was written to the file.
type Diagnosis struct {
	// Path is the data file.
	Path string
	// Problem is the kind of trouble; the GUI picks its wording by it.
	Problem Problem
	// Err is the error behind it.
	Err error
	// Details lists what is wrong with a damaged file, for a "Details"
	// section.
	Details []string
	// Damaged are the records whose bytes changed (checksum mismatch),
	// when that is all that is wrong: Set.Repair takes them back.
	Damaged []store.RecordRef
	// Newest is the newest backup that passes its check, for a damaged
	// file; nil when there is none.
	Newest *Info
	// Choices are what the user may do, in the order to offer them.
	Choices []Choice
}

// OpenOrDiagnose opens the set's data file for the app. When more than a
// third of a file of 4 MiB or more is free space, it compacts it first
// (Compact: a backup, a checked copy, a rename; see Compaction). It first checks
// the file read-only (store.Inspect: the page structure and every record);
// only a file that passes, or that merely needs an upgrade, is then opened
// read-write, with BeforeMigrate as opts.BeforeMigrate unless the caller
// set one. A file that fails to open or fails its check is never opened
// for writing: OpenOrDiagnose returns a Diagnosis instead, and the file is
// unchanged. A missing file is created.
func (s *Set) OpenOrDiagnose(opts store.Options) (*store.Store, *Diagnosis) {
	return s.open(opts, store.Inspect)
}

// OpenQuick is OpenOrDiagnose with the structural check only (store.Peek:
// the page walk and bbolt's page check, not every record): 0.3 s instead
// of 4 s for a 265 MB file. A file that fails it is not opened for
// writing either; the caller checks the records afterwards (Store.Check,
// from a read transaction) and offers a restore if they fail. The app
// opens large files this way, so that it shows its window at once.
func (s *Set) OpenQuick(opts store.Options) (*store.Store, *Diagnosis) {
	return s.open(opts, store.Peek)
}

func (s *Set) open(opts store.Options, inspect func(string) (store.FileInfo, error)) (*store.Store, *Diagnosis) {
	if opts.BeforeMigrate == nil {
		opts.BeforeMigrate = s.BeforeMigrate
	}
	info, err := inspect(s.data)
	switch {
	case errors.Is(err, os.ErrNotExist):
	case err != nil:
		return nil, s.diagnose(err, info)
	}
	st, err := store.Open(s.data, opts)
	if err != nil {
		return nil, s.diagnose(err, info)
	}
	if !opts.ReadOnly {
		st, s.compacted, err = s.compactIfSparse(st, opts)
		if err != nil && st == nil {
			return nil, s.diagnose(err, info)
		}
		s.compactErr = err
	}
	return st, nil
}

// Compaction returns what the last OpenOrDiagnose or OpenQuick did when
// it compacted the data file (more than AutoCompactShare of it was free):
// nil when it did not, and the error when compacting failed (the file was
// then left as it was and opened all the same).
func (s *Set) Compaction() (*Compacted, error) { return s.compacted, s.compactErr }

func (s *Set) diagnose(err error, info store.FileInfo) *Diagnosis {
	d := &Diagnosis{Path: s.data, Err: err}
	var ce *store.CheckError
	var de *store.DamagedError
	switch {
	case errors.Is(err, store.ErrLocked):
		d.Problem, d.Choices = ProblemLocked, []Choice{ChoiceRetry, ChoiceOpenOther, ChoiceQuit}
	case errors.Is(err, store.ErrNewerSchema):
		d.Problem, d.Choices = ProblemNewer, []Choice{ChoiceOpenOther, ChoiceQuit}
	case errors.Is(err, store.ErrDamaged):
		d.Problem = ProblemDamaged
		switch {
		case errors.As(err, &ce):
			d.Details = ce.Problems
		case errors.As(err, &de):
			d.Details = []string{de.Reason}
		}
		if newest, ok, _ := s.NewestGood(); ok {
			d.Newest = &newest
			if ce != nil && len(ce.Damaged) > 0 {
				d.Damaged = ce.Damaged
				d.Choices = append(d.Choices, ChoiceRepair)
			}
			d.Choices = append(d.Choices, ChoiceRestore)
		}
		d.Choices = append(d.Choices, ChoiceOpenOther, ChoiceQuit)
	case info.Schema > 0 && info.Schema < store.SchemaVersion:
		d.Problem, d.Choices = ProblemUpgrade, []Choice{ChoiceRetry, ChoiceOpenOther, ChoiceQuit}
	default:
		d.Problem, d.Choices = ProblemUnreadable, []Choice{ChoiceRetry, ChoiceOpenOther, ChoiceQuit}
	}
	return d
}

// Message returns the diagnosis in plain words (English; the GUI
// translates by Problem and fills in the same facts).
func (d *Diagnosis) Message() string {
	name := filepath.Base(d.Path)
	switch d.Problem {
	case ProblemLocked:
		return fmt.Sprintf("The data file %s is already open in PartnerDesk or partnerctl, on this computer or another. Close it there, then try again.", d.Path)
	case ProblemNewer:
		return d.Err.Error()
	case ProblemDamaged:
		msg := fmt.Sprintf("The data file %s is damaged, so PartnerDesk did not open it and wrote nothing to it.", d.Path)
		if d.Newest == nil {
			return msg + fmt.Sprintf(" There is no good backup of it in %s. Open another data file, or quit and ask for help; keep the damaged file, it may still be rescued.", filepath.Join(filepath.Dir(d.Path), DirName))
		}
		c := d.Newest.Counts
		if len(d.Damaged) > 0 {
			msg += fmt.Sprintf(" Only %d record(s) are damaged (the first: %s): you can take them back from the newest backups that hold them intact, leaving everything else as it is.", len(d.Damaged), d.Damaged[0])
		}
		return msg + fmt.Sprintf(" You can restore the newest good backup, taken %s (%d partners, %d agreements): changes made after it are not in it. The damaged file will be kept beside it as %s.damaged-…, not deleted. Or open another data file, or quit.",
			d.Newest.Time.Local().Format("02.01.2006 15:04"), c.Partners, c.Agreements, name)
	case ProblemUpgrade:
		return fmt.Sprintf("The data file %s could not be upgraded to this version's format, and was left as it was: %v", d.Path, d.Err)
	}
	return fmt.Sprintf("The data file %s cannot be read: %v. Check that the drive or folder is there and that you may read it, then try again.", d.Path, d.Err)
}

// Error returns Message, so that a Diagnosis can travel as an error.
func (d *Diagnosis) Error() string { return d.Message() }
