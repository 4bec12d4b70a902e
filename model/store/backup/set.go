package backup

import (
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/partnerdesk/partnerdesk/model/store"
)

// DirName is the name of the backup folder beside the data file.
const DirName = "backups"

// Set is the backups of one data file, kept in the folder DirName beside
// it.
type Set struct {
	data   string
	dir    string
	now    func() time.Time
	policy Policy
	// compacted and compactErr are what the last open's compaction did.
	compacted  *Compacted
	compactErr error
}

// Options adjust New. The zero value is right for the app.
type Options struct {
	// Now is the clock; default time.Now. Backup names carry UTC; the days
	// and months of Daily and Rotate are those of Now's location.
	Now func() time.Time
	// Policy says which backups Rotate keeps; the zero value means
	// DefaultPolicy.
	Policy Policy
}

// New returns the backup set of the data file at dataPath.
func New(dataPath string, opts Options) *Set {
	if abs, err := filepath.Abs(dataPath); err == nil {
		dataPath = abs
	}
	s := &Set{data: dataPath, dir: filepath.Join(filepath.Dir(dataPath), DirName), now: opts.Now, policy: opts.Policy}
	if s.now == nil {
		s.now = time.Now
	}
	if s.policy == (Policy{}) {
		s.policy = DefaultPolicy
	}
	return s
}

// Dir returns the backup folder.
func (s *Set) Dir() string { return s.dir }

// DataPath returns the data file the set belongs to.
func (s *Set) DataPath() string { return s.data }

// Take writes a verified backup of st, which must be the store of the
// set's data file: a consistent copy from one read transaction (saves may
// go on meanwhile) into a temporary file in the backup folder, which is
// synced, then opened read-only and checked (bbolt's page check, the
// record checks, and record counts equal to those of the copied state),
// and only then renamed to its backup name. A copy failing its check is
// deleted and reported as a *VerifyError, so every file under a backup
// name has passed its check. Take does not rotate.
func (s *Set) Take(st *store.Store, kind Kind) (Backup, error) {
	if st.Path() == "" {
		return Backup{}, store.ErrNoFile
	}
	if err := os.MkdirAll(s.dir, 0o700); err != nil {
		return Backup{}, err
	}
	b := s.reserve(kind, true)
	n, _, err := TakeTo(st, b.Path)
	b.Size = n
	return b, err
}

// TakeTo writes a verified backup of st to path, as Take does but to any
// path (partnerctl backup FILE): through a checked temporary file in the
// same folder, so that path is either a complete, checked copy or left as
// it was. It refuses the data file itself. It returns the size and the
// record counts of the copy.
//
// A path ending in ".zst" (CompressedExt) gets a compressed backup: the
// copied state passes every check of Inspect in the snapshot's read
// transaction, and the written file decompresses to exactly the bytes
// copied (see takeCompressed); n is then the compressed size.
func TakeTo(st *store.Store, path string) (n int64, counts store.Counts, err error) {
	if err := st.CheckTarget(path); err != nil {
		return 0, counts, err
	}
	if IsCompressed(path) {
		return takeCompressed(st, path)
	}
	err = writeVerified(path, func(w io.Writer) error {
		var err error
		n, counts, err = st.Snapshot(w)
		return err
	}, func(tmp string) error {
		info, err := store.Inspect(tmp)
		switch {
		case err != nil:
			return err
		case info.Size != n:
			return fmt.Errorf("it holds %d bytes, %d were written", info.Size, n)
		case info.Counts != counts:
			return fmt.Errorf("it holds %+v records, the data file held %+v", info.Counts, counts)
		}
		return nil
	})
	return n, counts, err
}

// reserve returns the backup to write now: a name no file has yet, with
// CompressedExt when compressed.
func (s *Set) reserve(kind Kind, compressed bool) Backup {
	t := s.now().UTC().Truncate(time.Millisecond)
	ext := ""
	if compressed {
		ext = CompressedExt
	}
	for {
		p := filepath.Join(s.dir, nameFor(s.data, t, kind)+ext)
		if _, err := os.Lstat(p); errors.Is(err, os.ErrNotExist) {
			return Backup{Path: p, Kind: kind, Time: t}
		}
		t = t.Add(time.Millisecond)
	}
}

// Daily takes a backup of kind KindDaily if none was taken today (in the
// clock's location) and the file holds any record; first it deletes the
// leftovers of backups cut short (CleanTemp), afterwards it rotates. Call
// it when the app starts, after OpenOrDiagnose, with the app's store open
// read-write; it may run in a goroutine while the app works. took says
// whether a backup was taken; b is that backup or today's earlier one. An
// error that is a *RotateError means only removing old backups or
// leftovers failed: the backups themselves are fine.
func (s *Set) Daily(st *store.Store) (b Backup, took bool, err error) {
	_, cleanErr := s.CleanTemp()
	housekeeping := func(err error) error {
		if err = errors.Join(cleanErr, err); err != nil {
			return &RotateError{Err: err}
		}
		return nil
	}
	list, err := s.List()
	if err != nil {
		return b, false, err
	}
	today := s.now()
	for _, old := range list {
		if old.Kind == KindDaily && sameDay(old.Time.In(today.Location()), today) {
			return old, false, housekeeping(nil)
		}
	}
	c, err := st.Counts()
	if err != nil {
		return b, false, err
	}
	if c == (store.Counts{}) {
		return b, false, housekeeping(nil)
	}
	if b, err = s.Take(st, KindDaily); err != nil {
		return b, false, err
	}
	_, err = s.Rotate()
	return b, true, housekeeping(err)
}

func sameDay(a, b time.Time) bool {
	ay, am, ad := a.Date()
	by, bm, bd := b.Date()
	return ay == by && am == bm && ad == bd
}

// BeforeImport takes a verified backup of kind KindImport and rotates.
// The GUI and partnerctl call it before every import or merge, and must
// not import when it fails with anything but a *RotateError.
func (s *Set) BeforeImport(st *store.Store) (Backup, error) {
	return s.takeAndRotate(st, KindImport)
}

// Manual takes a verified backup of kind KindManual and rotates.
func (s *Set) Manual(st *store.Store) (Backup, error) {
	return s.takeAndRotate(st, KindManual)
}

func (s *Set) takeAndRotate(st *store.Store, kind Kind) (Backup, error) {
	b, err := s.Take(st, kind)
	if err != nil {
		return b, err
	}
	return b, s.rotate()
}

// BeforeMigrate is the hook for store.Options.BeforeMigrate: it copies the
// data file, which store.Open holds open and has not changed, byte for
// byte into a backup of kind KindUpgrade, and verifies it (the copy reads
// back with the same SHA-256, opens read-only and passes bbolt's page
// check; the record checks apply to the current format only). An error
// stops the migration and leaves the data file as it was.
func (s *Set) BeforeMigrate(from, to int) error {
	if err := os.MkdirAll(s.dir, 0o700); err != nil {
		return err
	}
	b := s.reserve(KindUpgrade, false) // an older PartnerDesk opens it as it is
	if _, err := copyVerified(s.data, b.Path); err != nil {
		return fmt.Errorf("backup before upgrading the data file from format %d to %d: %w", from, to, err)
	}
	// No rotation here: a failure to remove old backups must not stop
	// the upgrade, and upgrade backups are kept anyway. Daily rotates.
	return nil
}

// CleanTemp deletes the temporary files that backups and restores cut
// short by a crash leave behind: in the backup folder the hidden files
// ".<stem>-….tmp" of this data file, beside the data file the hidden
// files ".<name>.….tmp" (the pattern of store.WriteFileAtomic, which
// Restore uses too). Call it only while the data file is open read-write
// (Daily does): no other program can then be writing them.
func (s *Set) CleanTemp() (removed []string, err error) {
	stem, _ := splitData(s.data)
	base := filepath.Base(s.data)
	for dir, prefix := range map[string]string{s.dir: "." + stem + "-", filepath.Dir(s.data): "." + base + "."} {
		entries, rerr := os.ReadDir(dir)
		if rerr != nil && !errors.Is(rerr, os.ErrNotExist) {
			err = errors.Join(err, rerr)
		}
		for _, e := range entries {
			if !e.Type().IsRegular() || !strings.HasPrefix(e.Name(), prefix) || !strings.HasSuffix(e.Name(), ".tmp") {
				continue
			}
			p := filepath.Join(dir, e.Name())
			if rerr := os.Remove(p); rerr != nil {
				err = errors.Join(err, rerr)
				continue
			}
			removed = append(removed, p)
		}
	}
	return removed, err
}
