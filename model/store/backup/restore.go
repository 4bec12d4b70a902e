package backup

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strconv"

	"github.com/partnerdesk/partnerdesk/model/store"
)

// Info is a backup with what reading it found.
type Info struct {
	Backup
	// Schema is the backup's data format version.
	Schema int
	// Counts are the records of each kind it holds.
	Counts store.Counts
	// Err is nil when the backup opens and passes its check, else what is
	// wrong (a *store.NewerSchemaError for a backup a newer PartnerDesk
	// wrote).
	Err error
}

// Inspect opens a backup read-only, checks it (store.Inspect) and returns
// what it found. It never changes the file. A compressed backup is
// decompressed into a hidden temporary file beside it, checked, and the
// temporary file removed.
func Inspect(b Backup) Info {
	if IsCompressed(b.Path) {
		tmp, fi, err := expandChecked(b.Path, filepath.Dir(b.Path), b.Path)
		if tmp != "" {
			os.Remove(tmp)
		}
		return Info{Backup: b, Schema: fi.Schema, Counts: fi.Counts, Err: err}
	}
	fi, err := store.Inspect(b.Path)
	return Info{Backup: b, Schema: fi.Schema, Counts: fi.Counts, Err: err}
}

// peek is Inspect with the structural check only (store.Peek); for a
// compressed backup it reads the description at its end, written when
// the backup passed its full check.
func peek(b Backup) Info {
	if IsCompressed(b.Path) {
		tr, err := readTrailer(b.Path)
		return Info{Backup: b, Schema: tr.Schema, Counts: tr.Counts, Err: err}
	}
	fi, err := store.Peek(b.Path)
	return Info{Backup: b, Schema: fi.Schema, Counts: fi.Counts, Err: err}
}

// ListInfo returns the backups, newest first, each with its format and
// record counts and whether its structure checks out (store.Peek: the
// page walk and bbolt's page check, not every record, which Restore checks
// before it restores). It reads every backup (about 0.3 s per 250 MB):
// run it in a goroutine.
func (s *Set) ListInfo() ([]Info, error) {
	list, err := s.List()
	if err != nil {
		return nil, err
	}
	out := make([]Info, len(list))
	for i, b := range list {
		out[i] = peek(b)
	}
	return out, nil
}

// NewestGood returns the newest backup that passes its check; ok is false
// when there is none.
func (s *Set) NewestGood() (info Info, ok bool, err error) {
	list, err := s.List()
	if err != nil {
		return info, false, err
	}
	for _, b := range list {
		if info = Inspect(b); info.Err == nil {
			return info, true, nil
		}
	}
	return Info{}, false, nil
}

// At returns the backup at path, which may lie outside the backup folder
// (a copy the user kept elsewhere): time and kind come from its name when
// it has a backup name, else the time is the file's modification time.
func (s *Set) At(path string) (Backup, error) {
	fi, err := os.Stat(path)
	if err != nil {
		return Backup{}, err
	}
	b := Backup{Path: path, Size: fi.Size(), Time: fi.ModTime().UTC()}
	if t, k, ok := parseName(s.data, filepath.Base(path)); ok {
		b.Time, b.Kind = t, k
	}
	return b, nil
}

// Restored says what Restore did.
type Restored struct {
	// From is the backup that now is the data file.
	From Info
	// Saved is where the file it replaced went: a backup of kind
	// KindRestore or, when that file was damaged, the file itself kept
	// aside under a new name. Empty when there was no data file.
	Saved string
	// Damaged says the replaced file was damaged and kept aside.
	Damaged bool
}

// Restore puts the backup at path in place of the data file. The caller
// must close its store of the data file first: while any program has the
// file open for writing, Restore refuses with a *store.LockedError.
//
// The backup must pass its check. The current data file is then saved:
// copied byte for byte into a verified backup of kind KindRestore or, when
// it is damaged, renamed aside (KeepAside); it is never deleted. The
// backup is copied beside the data file into a temporary file, synced and
// checked, and renamed over the data file, which is finally checked in
// place against the backup's record counts. Afterwards the caller opens
// the data file again (OpenOrDiagnose).
func (s *Set) Restore(path string) (r Restored, err error) {
	if r.From, err = s.restorable(path); err != nil {
		return r, err
	}
	release, damaged, err := s.saveCurrent(&r)
	if err != nil {
		return r, err
	}
	fill, check, res := copyChecked(path)
	tmp, err := writeTemp(s.data, fill, func(tmp string) error {
		if err := check(tmp); err != nil {
			return err
		}
		if res.info.Counts != r.From.Counts {
			return fmt.Errorf("the copy holds %+v records, the backup %+v", res.info.Counts, r.From.Counts)
		}
		return nil
	})
	if rerr := release(); err == nil && rerr != nil {
		err = rerr
	}
	if err != nil {
		return r, err
	}
	if damaged {
		if r.Saved, err = s.KeepAside(); err != nil {
			os.Remove(tmp)
			return r, err
		}
		r.Damaged = true
	}
	if err := commit(tmp, s.data); err != nil {
		return r, err
	}
	// The checked copy now is the data file: it must read back with the
	// same bytes.
	if got, err := fileSHA256(s.data); err != nil || !bytes.Equal(got, res.sum) {
		return r, fmt.Errorf("the restored data file does not read back as checked (%v): the file it replaced is at %s", err, r.Saved)
	}
	return r, nil
}

// restorable inspects the backup at path, which must not be the data file
// itself, and fails when it cannot be restored.
func (s *Set) restorable(path string) (Info, error) {
	b, err := s.At(path)
	if err != nil {
		return Info{}, err
	}
	if same(path, s.data) {
		return Info{}, fmt.Errorf("%s is the data file itself", path)
	}
	// A compressed backup is checked in full as it is decompressed.
	info := peek(b)
	if !IsCompressed(path) {
		info = Inspect(b)
	}
	if info.Err != nil {
		return info, fmt.Errorf("the backup %s cannot be restored: %w", path, info.Err)
	}
	return info, nil
}

// saveCurrent backs up the data file before a restore replaces it, or
// reports it damaged. While the returned release is not called, no
// program can open the data file for writing.
func (s *Set) saveCurrent(r *Restored) (release func() error, damaged bool, err error) {
	release = func() error { return nil }
	if _, err := os.Stat(s.data); errors.Is(err, os.ErrNotExist) {
		return release, false, nil
	}
	hold, err := store.Hold(s.data)
	switch {
	case errors.Is(err, store.ErrDamaged):
		return release, true, nil
	case err != nil:
		return release, false, err
	}
	if err := os.MkdirAll(s.dir, 0o700); err != nil {
		hold()
		return release, false, err
	}
	// The copy's check tells whether the file is sound: same bytes.
	b := s.reserve(KindRestore, false)
	_, err = copyVerified(s.data, b.Path)
	var ve *VerifyError
	switch {
	case err == nil:
		r.Saved = b.Path
		return hold, false, nil
	case errors.As(err, &ve) && errors.Is(err, store.ErrDamaged):
		return hold, true, nil
	}
	hold()
	return release, false, fmt.Errorf("backing up the current data file before the restore: %w", err)
}

// KeepAside renames the data file to "<name>.damaged-<local time>" in its
// folder (for example partnerdesk.db.damaged-2026-11-28T093015) and
// returns the new path. Nothing is written to the file and it is never
// deleted; it stays for a specialist to look at.
func (s *Set) KeepAside() (string, error) {
	stamp := s.now().Format("2006-01-02T150405")
	aside := s.data + ".damaged-" + stamp
	for i := 2; ; i++ {
		if _, err := os.Lstat(aside); errors.Is(err, os.ErrNotExist) {
			break
		}
		aside = s.data + ".damaged-" + stamp + "-" + strconv.Itoa(i)
	}
	if err := os.Rename(s.data, aside); err != nil {
		return "", fmt.Errorf("keeping the damaged data file aside: %w", err)
	}
	store.SyncDir(filepath.Dir(s.data))
	return aside, nil
}

// same reports whether a and b name the same file.
func same(a, b string) bool {
	fa, err1 := os.Stat(a)
	fb, err2 := os.Stat(b)
	return err1 == nil && err2 == nil && os.SameFile(fa, fb)
}
