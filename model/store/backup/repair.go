package backup

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"

	"github.com/partnerdesk/partnerdesk/model/store"
)

// RecordRepair is what Repair did about one damaged record.
type RecordRepair struct {
	Record store.RecordRef
	// From is the backup the record was taken back from; empty when it was
	// rebuilt from other records (a summary or an index entry) or when no
	// backup holds it intact (Missing).
	From string
	// Fields are the record's fields that differ between the damaged and
	// the restored record, when the damaged one could still be read.
	Fields []string
	// Missing says that no backup holds the record intact: it is left as
	// it is (created after the newest backup, for example).
	Missing bool
}

// Repaired says what Repair did.
type Repaired struct {
	// Records lists each damaged record and what became of it.
	Records []RecordRepair
	// Aside is the byte copy of the data file as it was before the
	// repair, kept beside it (never deleted).
	Aside string
	// Problems is what Check still finds afterwards (nil when the file is
	// sound).
	Problems []string
}

// Repair takes every damaged record of the data file (a record whose
// checksum no longer matches) back from the newest backup that holds it
// intact, rebuilds the summaries and indexes from the records, and leaves
// everything else as it is. The data file must not be open elsewhere: it
// is opened read-write here. Before writing, the file as it was is copied
// aside (<name>.damaged-<time>, checked byte for byte). A file whose page
// structure is damaged cannot be repaired record by record: restore a
// whole backup instead.
func (s *Set) Repair() (r Repaired, err error) {
	st, err := store.Open(s.data, store.Options{Now: s.now, BeforeMigrate: s.BeforeMigrate})
	if err != nil {
		return r, err
	}
	defer func() {
		if cerr := st.Close(); err == nil {
			err = cerr
		}
	}()
	return s.RepairOpen(st)
}

// RepairOpen is Repair on the set's data file already open as st.
func (s *Set) RepairOpen(st *store.Store) (r Repaired, err error) {
	damaged, err := st.DamagedRecords()
	if err != nil {
		return r, err
	}
	if len(damaged) == 0 {
		r.Problems = problems(st.Check())
		return r, nil
	}
	if r.Aside, err = s.copyAside(); err != nil {
		return r, err
	}
	r.Records = make([]RecordRepair, len(damaged))
	var wanted []int
	for i, d := range damaged {
		r.Records[i].Record = d
		if !d.Derived() {
			wanted = append(wanted, i)
		}
	}
	fixes, err := s.findIntact(st, r.Records, wanted)
	if err != nil {
		return r, err
	}
	if err := st.RepairRecords(fixes); err != nil {
		return r, err
	}
	r.Problems = problems(st.Check())
	return r, nil
}

// findIntact looks through the backups, newest first, for the wanted
// records, fills in From, Fields and Missing, and returns the values found.
func (s *Set) findIntact(st *store.Store, recs []RecordRepair, wanted []int) ([]store.Restoration, error) {
	list, err := s.List()
	if err != nil {
		return nil, err
	}
	var fixes []store.Restoration
	for _, b := range list {
		if len(wanted) == 0 {
			break
		}
		refs := make([]store.RecordRef, len(wanted))
		for j, i := range wanted {
			refs[j] = recs[i].Record
		}
		found, err := recordsFrom(b, refs)
		if err != nil {
			continue // a backup that cannot be read holds nothing for us
		}
		var still []int
		for j, i := range wanted {
			v, ok := found[j]
			if !ok {
				still = append(still, i)
				continue
			}
			recs[i].From = b.Path
			if old, err := st.RawRecord(recs[i].Record); err == nil {
				recs[i].Fields = store.ChangedFields(old, v)
			}
			fixes = append(fixes, store.Restoration{Record: recs[i].Record, Value: v, From: filepath.Base(b.Path)})
		}
		wanted = still
	}
	for _, i := range wanted {
		recs[i].Missing = true
	}
	return fixes, nil
}

// recordsFrom reads records from a backup, decompressing a compressed one
// into a temporary file first.
func recordsFrom(b Backup, refs []store.RecordRef) (map[int][]byte, error) {
	path := b.Path
	if IsCompressed(path) {
		tmp, _, err := expandChecked(path, filepath.Dir(path), path)
		if tmp != "" {
			defer os.Remove(tmp)
		}
		if err != nil && !errors.Is(err, store.ErrDamaged) {
			return nil, err
		}
		if tmp == "" {
			return nil, err
		}
		path = tmp
	}
	return store.RecordsFrom(path, refs)
}

// copyAside copies the data file byte for byte (checked by SHA-256) to
// "<name>.damaged-<local time>" beside it and returns that path.
func (s *Set) copyAside() (string, error) {
	aside := s.data + ".damaged-" + s.now().Format("2006-01-02T150405")
	for i := 2; ; i++ {
		if _, err := os.Lstat(aside); errors.Is(err, os.ErrNotExist) {
			break
		}
		aside = fmt.Sprintf("%s.damaged-%s-%d", s.data, s.now().Format("2006-01-02T150405"), i)
	}
	fill, _, res := copyChecked(s.data)
	err := writeVerified(aside, fill, func(tmp string) error {
		if !sameBytes(tmp, res.sum) {
			return errors.New("it does not read back as it was written")
		}
		return nil
	})
	if err != nil {
		return "", fmt.Errorf("keeping a copy of the damaged data file: %w", err)
	}
	return aside, nil
}

func problems(err error) []string {
	var ce *store.CheckError
	switch {
	case err == nil:
		return nil
	case errors.As(err, &ce):
		return ce.Problems
	}
	return []string{err.Error()}
}
