package store

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"time"
)

// ErrIsDataFile refuses to write an export or backup over a data file that
// is open.
var ErrIsDataFile = errors.New("that is the data file itself: choose another file name")

// WriteFileAtomic writes a file so that it is either complete or absent:
// write fills a temporary file in the target folder, which is synced, given
// mode perm and renamed over path. On any error the temporary file is
// removed and path is left as it was.
func WriteFileAtomic(path string, perm os.FileMode, write func(io.Writer) error) error {
	tmp, err := WriteTemp(path, perm, write)
	if err != nil {
		return err
	}
	return Commit(tmp, path)
}

// tempMark is in the name of every temporary file WriteTemp makes:
// ".<name>.partnerdesk-tmp-<random>.tmp".
const tempMark = ".partnerdesk-tmp-"

// staleTemp is the age after which a temporary file of WriteTemp is taken
// for one a crash left behind: no export or backup takes that long, so no
// program can still be writing it.
const staleTemp = 24 * time.Hour

// WriteTemp writes the temporary file that WriteFileAtomic renames: a
// hidden ".<name>.partnerdesk-tmp-<random>.tmp" in path's folder, filled by
// write, synced, closed and given mode perm. It returns the file's name; on
// an error the file is removed. Callers that check a file before it takes
// its name (backups) call WriteTemp, check, then Commit.
//
// A crash (or a power cut) while writing leaves the temporary file behind,
// in a folder of the user's (exports go wherever the user saves them).
// WriteTemp first removes such leftovers from the folder it writes to:
// files with its mark in the name older than a day. Younger ones are left
// alone: another PartnerDesk (the app and partnerctl, or two data files)
// may be writing into the same folder right now.
func WriteTemp(path string, perm os.FileMode, write func(io.Writer) error) (_ string, err error) {
	RemoveStaleTemp(filepath.Dir(path), time.Now())
	f, err := os.CreateTemp(filepath.Dir(path), "."+filepath.Base(path)+tempMark+"*.tmp")
	if err != nil {
		return "", err
	}
	tmp := f.Name()
	defer func() {
		if err != nil {
			f.Close()
			os.Remove(tmp)
		}
	}()
	bw := bufio.NewWriterSize(f, 1<<20)
	if err = write(bw); err != nil {
		return "", err
	}
	if err = bw.Flush(); err != nil {
		return "", err
	}
	if err = f.Sync(); err != nil {
		return "", err
	}
	if err = f.Close(); err != nil {
		return "", err
	}
	if err = os.Chmod(tmp, perm); err != nil {
		return "", err
	}
	return tmp, nil
}

// RemoveStaleTemp removes from dir the temporary files of WriteTemp that
// were last written more than a day before now, and returns their names.
// Errors are ignored: a leftover that cannot be removed now is tried again
// on the next export.
func RemoveStaleTemp(dir string, now time.Time) []string {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return nil
	}
	var removed []string
	for _, e := range entries {
		name := e.Name()
		if !e.Type().IsRegular() || !strings.HasPrefix(name, ".") || !strings.HasSuffix(name, ".tmp") || !strings.Contains(name, tempMark) {
			continue
		}
		info, err := e.Info()
		if err != nil || now.Sub(info.ModTime()) < staleTemp {
			continue
		}
		if os.Remove(filepath.Join(dir, name)) == nil {
			removed = append(removed, name)
		}
	}
	return removed
}

// Commit renames a temporary file from WriteTemp to path and syncs the
// folder, so that the rename survives a power cut; on failure the
// temporary file is removed.
func Commit(tmp, path string) error {
	if err := os.Rename(tmp, path); err != nil {
		os.Remove(tmp)
		return err
	}
	SyncDir(filepath.Dir(path))
	return nil
}

// SyncDir makes a rename in dir durable on POSIX systems; Windows has no
// directory handles to sync and needs none.
func SyncDir(dir string) {
	if runtime.GOOS == "windows" {
		return
	}
	if d, err := os.Open(dir); err == nil {
		_ = d.Sync()
		d.Close()
	}
}

// CheckTarget refuses an output path that is the store's own data file.
func (s *Store) CheckTarget(path string) error {
	if s.path == "" {
		return nil
	}
	a, err1 := os.Stat(path)
	b, err2 := os.Stat(s.path)
	if err1 == nil && err2 == nil && os.SameFile(a, b) {
		return fmt.Errorf("%s: %w", path, ErrIsDataFile)
	}
	if abs, err := filepath.Abs(path); err == nil && abs == s.path {
		return fmt.Errorf("%s: %w", path, ErrIsDataFile)
	}
	return nil
}
