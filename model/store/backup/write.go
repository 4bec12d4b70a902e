package backup

import (
	"bytes"
	"crypto/sha256"
	"errors"
	"fmt"
	"io"
	"os"

	"github.com/partnerdesk/partnerdesk/model/store"
)

// VerifyError says that a backup (or a restored copy) failed its check
// after it was written; the copy was deleted.
type VerifyError struct {
	// Path is the name the copy would have had.
	Path string
	// Err says what was wrong with it.
	Err error
}

// Error implements the error interface for VerifyError.
func (e *VerifyError) Error() string {
	return fmt.Sprintf("the copy %s failed its check and was deleted: %v", e.Path, e.Err)
}

// Unwrap returns what was wrong with the copy.
func (e *VerifyError) Unwrap() error { return e.Err }

// RotateError says that only housekeeping failed: some old backups or
// leftover temporary files could not be removed. The backups are fine.
type RotateError struct{ Err error }

// Error implements the error interface for RotateError.
func (e *RotateError) Error() string {
	return fmt.Sprintf("the backups are fine, but old backups or leftover temporary files could not all be removed: %v", e.Err)
}

// Unwrap returns the underlying error.
func (e *RotateError) Unwrap() error { return e.Err }

func (s *Set) rotate() error {
	if _, err := s.Rotate(); err != nil {
		return &RotateError{Err: err}
	}
	return nil
}

// writeVerified writes final through a temporary file in its folder (see
// writeTemp) and renames it to final once it passed check.
func writeVerified(final string, fill func(io.Writer) error, check func(tmp string) error) error {
	tmp, err := writeTemp(final, fill, check)
	if err != nil {
		return err
	}
	return commit(tmp, final)
}

// writeTemp writes a temporary file in final's folder (store.WriteTemp,
// mode 0600) and checks it. A file that fails is deleted and the error
// returned (a *VerifyError when check failed).
func writeTemp(final string, fill func(io.Writer) error, check func(tmp string) error) (string, error) {
	tmp, err := store.WriteTemp(final, 0o600, fill)
	if err != nil {
		return "", err
	}
	if testHookWritten != nil {
		testHookWritten(tmp)
	}
	if cerr := check(tmp); cerr != nil {
		os.Remove(tmp)
		return "", &VerifyError{Path: final, Err: cerr}
	}
	return tmp, nil
}

// testHookWritten, when set by a test, sees each temporary file after it
// was written and before it is checked.
var testHookWritten func(tmp string)

// commit renames tmp to final and syncs the folder; on failure tmp is
// deleted.
func commit(tmp, final string) error { return store.Commit(tmp, final) }

// copyVerified copies the file src byte for byte to final through
// writeVerified and returns what store.Inspect found in the copy.
func copyVerified(src, final string) (store.FileInfo, error) {
	fill, check, res := copyChecked(src)
	err := writeVerified(final, fill, check)
	return res.info, err
}

// copyResult is what a checked byte copy found.
type copyResult struct {
	info store.FileInfo // what store.Inspect found in the copy
	sum  []byte         // SHA-256 of the bytes read from the source
}

// copyChecked returns the fill and check functions of a byte copy of src
// (of the data file it holds, for a compressed backup):
// the copy must read back with the SHA-256 of what was read from src and
// pass store.Inspect (a file from a newer version passes: its bytes are
// checked, and it may only be opened by that version).
func copyChecked(src string) (fill func(io.Writer) error, check func(string) error, res *copyResult) {
	res = new(copyResult)
	fill = func(w io.Writer) error {
		if IsCompressed(src) {
			var err error
			_, res.sum, err = decompress(src, w)
			return err
		}
		in, err := os.Open(src)
		if err != nil {
			return err
		}
		defer in.Close()
		h := sha256.New()
		if _, err := io.Copy(w, io.TeeReader(in, h)); err != nil {
			return err
		}
		res.sum = h.Sum(nil)
		return nil
	}
	check = func(tmp string) error {
		if got, err := fileSHA256(tmp); err != nil {
			return err
		} else if !bytes.Equal(got, res.sum) {
			return fmt.Errorf("it does not read back as it was written")
		}
		var err error
		res.info, err = store.Inspect(tmp)
		if errors.Is(err, store.ErrNewerSchema) {
			return nil
		}
		return err
	}
	return fill, check, res
}

func fileSHA256(path string) ([]byte, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	h := sha256.New()
	if _, err := io.Copy(h, f); err != nil {
		return nil, err
	}
	return h.Sum(nil), nil
}
