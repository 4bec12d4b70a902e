package backup

import (
	"fmt"
	"os"
	"path/filepath"
	"time"

	"github.com/partnerdesk/partnerdesk/model/store"
)

// AutoCompactShare is the free share of the data file above which the app
// compacts it on start.
const AutoCompactShare = 1.0 / 3

// autoCompactMin is the smallest data file worth compacting on start: a
// new file is mostly room bbolt added at its end.
const autoCompactMin = 4 << 20

// Compacted says what Compact did.
type Compacted struct {
	// Before and After are the data file's sizes in bytes.
	Before, After int64
	// Backup is the backup taken first.
	Backup Backup
	// Took is how long it took, the backup included.
	Took time.Duration
}

// Compact rewrites the data file without its free space, never in place:
// it takes a verified backup (kind KindCompact) first, writes a compacted
// copy into a hidden temporary file beside the data file, checks the copy
// (page structure, every record, the same record counts) and renames it
// over the data file. The data file must not be open elsewhere: Compact
// opens it read-write, and closes it before the rename. A failure at any
// point leaves the data file as it was.
func (s *Set) Compact() (c Compacted, err error) {
	start := time.Now()
	st, err := store.Open(s.data, store.Options{Now: s.now, BeforeMigrate: s.BeforeMigrate})
	if err != nil {
		return c, err
	}
	open := true
	defer func() {
		if open {
			st.Close()
		}
	}()
	if fi, err := os.Stat(s.data); err == nil {
		c.Before = fi.Size()
	}
	counts, err := st.Counts()
	if err != nil {
		return c, err
	}
	if c.Backup, err = s.Take(st, KindCompact); err != nil {
		return c, fmt.Errorf("the backup before compacting: %w", err)
	}
	f, err := os.CreateTemp(filepath.Dir(s.data), "."+filepath.Base(s.data)+".*.tmp")
	if err != nil {
		return c, err
	}
	tmp := f.Name()
	f.Close()
	if err := s.compactInto(st, tmp, counts); err != nil {
		os.Remove(tmp)
		return c, err
	}
	open = false
	if err := st.Close(); err != nil {
		os.Remove(tmp)
		return c, err
	}
	if err := commit(tmp, s.data); err != nil {
		return c, err
	}
	if fi, err := os.Stat(s.data); err == nil {
		c.After = fi.Size()
	}
	c.Took = time.Since(start)
	return c, s.rotate()
}

func (s *Set) compactInto(st *store.Store, tmp string, counts store.Counts) error {
	if err := st.CompactTo(tmp); err != nil {
		return err
	}
	if testHookWritten != nil {
		testHookWritten(tmp)
	}
	info, err := store.Inspect(tmp)
	if err == nil && info.Counts != counts {
		err = fmt.Errorf("it holds %+v records, the data file %+v", info.Counts, counts)
	}
	if err != nil {
		return &VerifyError{Path: s.data, Err: err}
	}
	return nil
}

// compactIfSparse compacts the data file when it is large enough and more
// than AutoCompactShare of it is free; st is the store open on it and is
// closed first. It returns the store open again (on the compacted file, or
// on the file as it was when compaction failed) and what was done.
func (s *Set) compactIfSparse(st *store.Store, opts store.Options) (*store.Store, *Compacted, error) {
	fi, err := os.Stat(s.data)
	if err != nil || fi.Size() < autoCompactMin {
		return st, nil, nil
	}
	share, err := st.FreeShare()
	if err != nil || share <= AutoCompactShare {
		return st, nil, nil
	}
	if err := st.Close(); err != nil {
		return nil, nil, err
	}
	c, cerr := s.Compact()
	st, err = store.Open(s.data, opts)
	if cerr != nil {
		return st, nil, cerr
	}
	return st, &c, err
}
