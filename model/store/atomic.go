package store

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime"
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

// WriteTemp writes the temporary file that WriteFileAtomic renames: a
// hidden ".<name>.<random>.tmp" in path's folder, filled by write, synced,
// closed and given mode perm. It returns the file's name; on an error the
// file is removed. Callers that check a file before it takes its name
// (backups) call WriteTemp, check, then Commit.
func WriteTemp(path string, perm os.FileMode, write func(io.Writer) error) (_ string, err error) {
	f, err := os.CreateTemp(filepath.Dir(path), "."+filepath.Base(path)+".*.tmp")
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
