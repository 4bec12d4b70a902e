package store

import (
	"os"

	bolt "go.etcd.io/bbolt"
)

// FreeShare returns the share (0 to 1) of the data file in free pages
// (pages freed by deletes and rewrites, which bbolt reuses but never gives
// back). Compaction gives them back. The room bbolt adds at the end when
// the file grows is not counted: it would come back at once. An in-memory
// store has none.
func (s *Store) FreeShare() (float64, error) {
	if err := s.usable(); err != nil {
		return 0, err
	}
	b, ok := s.be.(*boltBackend)
	if !ok {
		return 0, nil
	}
	st, err := os.Stat(s.path)
	if err != nil || st.Size() == 0 {
		return 0, err
	}
	stats := b.db.Stats()
	free := int64(stats.FreePageN+stats.PendingPageN) * int64(b.db.Info().PageSize)
	return float64(free) / float64(st.Size()), nil
}

// CompactTo writes a compacted copy of the data file, every record and
// bucket sequence, from one read transaction into a new bbolt file at
// path (which must not exist or be empty), synced once at the end.
func (s *Store) CompactTo(path string) error {
	b, ok := s.be.(*boltBackend)
	if !ok {
		return ErrNoFile
	}
	if err := s.usable(); err != nil {
		return err // before the copy is created
	}
	dst, err := bolt.Open(path, 0o600, &bolt.Options{NoSync: true})
	if err != nil {
		return err
	}
	err = bolt.Compact(dst, b.db, 64<<20)
	if err == nil {
		err = dst.Sync()
	}
	if cerr := dst.Close(); err == nil {
		err = cerr
	}
	return err
}
