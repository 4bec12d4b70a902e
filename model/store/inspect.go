package store

import (
	"fmt"
	"io"
	"os"
	"runtime/debug"
	"time"

	bolt "go.etcd.io/bbolt"
)

// safely runs fn, turning a panic or a memory fault while reading a
// damaged file into a *DamagedError. bbolt reads pages through its memory
// map: on a damaged file it may panic, or fault outside the mapping, which
// without SetPanicOnFault would end the program.
func safely(path string, fn func() error) (err error) {
	defer debug.SetPanicOnFault(debug.SetPanicOnFault(true))
	defer func() {
		if r := recover(); r != nil {
			err = &DamagedError{Path: path, Reason: fmt.Sprintf("reading it failed (%v)", r)}
		}
	}()
	return fn()
}

// FileInfo describes a data file as Inspect found it.
type FileInfo struct {
	// Size is the file's size in bytes.
	Size int64
	// Schema is the file's data format version (0 for a file that was
	// created but never got its buckets).
	Schema int
	// Counts are the records of each kind the file holds.
	Counts Counts
}

// Inspect opens the data file at path read-only, checks it as Check does,
// and returns its format version and record counts. It never writes to
// the file, and shares it with other readers; while a program has it open
// for writing it gives a *LockedError after a second. A file of an older
// format gets the page checks and counts only (the record checks know the
// current format); a file from a newer version gives its FileInfo with a
// *NewerSchemaError; damage gives a *DamagedError or a *CheckError. Reading
// a damaged file does not crash the program.
func Inspect(path string) (FileInfo, error) { return inspect(path, true) }

// Peek is Inspect without the record checks: the page walk, bbolt's page
// check and the counts. It reads a large file in a fraction of the time
// (a 265 MB file with 50,000 agreements: 0.3 s against 4 s), enough to
// list backups; use Inspect before relying on a file.
func Peek(path string) (FileInfo, error) { return inspect(path, false) }

func inspect(path string, records bool) (FileInfo, error) {
	var info FileInfo
	st, err := os.Stat(path)
	if err != nil {
		return info, err
	}
	if st.IsDir() {
		return info, fmt.Errorf("%s is a folder, not a data file", path)
	}
	info.Size = st.Size()
	if st.Size() == 0 {
		return info, &DamagedError{Path: path, Reason: "it is empty (0 bytes)"}
	}
	db, err := openBolt(path, Options{ReadOnly: true, Timeout: time.Second})
	if err != nil {
		return info, err
	}
	s := newStore(&boltBackend{db: db}, path, Options{})
	defer s.Close()
	b := s.be.(*boltBackend)
	if p := b.walk(); len(p) > 0 {
		return info, &CheckError{Problems: p}
	}
	if info.Schema, err = s.fileSchema(false); err != nil {
		return info, err
	}
	if info.Schema > SchemaVersion {
		return info, &NewerSchemaError{Path: path, FileSchema: info.Schema, Supported: SchemaVersion}
	}
	if p := b.checkPages(); len(p) > 0 {
		return info, &CheckError{Problems: p}
	}
	if records && info.Schema == SchemaVersion {
		if err := s.checkRecords(); err != nil {
			return info, err
		}
	}
	err = safely(path, func() error {
		return s.be.view(func(t kvTx) error { info.Counts = countsIn(t); return nil })
	})
	return info, err
}

// countsIn counts the records of each kind, in a file of any format: a
// bucket that a format does not have counts as empty.
func countsIn(t kvTx) Counts {
	n := func(b []byte) int {
		if !t.hasBucket(b) {
			return 0
		}
		return t.count(b)
	}
	return Counts{Partners: n(bucketPartners), Agreements: n(bucketAgreements), Attachments: n(bucketAttachments), History: n(bucketHistory)}
}

// Snapshot writes a consistent copy of the data file to w, as Backup does,
// and returns the record counts of exactly the state it copied (read in
// the same transaction), so that a backup can be verified against them.
func (s *Store) Snapshot(w io.Writer) (n int64, c Counts, err error) {
	b, ok := s.be.(*boltBackend)
	if !ok {
		return 0, c, ErrNoFile
	}
	err = b.db.View(func(tx *bolt.Tx) error {
		c = countsIn(&boltTx{tx})
		var err error
		n, err = tx.WriteTo(w)
		return err
	})
	return n, c, boltErr(err)
}

// walk runs the page walker over the file as the current read
// transaction sees it.
func (b *boltBackend) walk() (problems []string) {
	err := b.db.View(func(tx *bolt.Tx) error {
		f, err := os.Open(b.db.Path())
		if err != nil {
			return err
		}
		defer f.Close()
		st, err := f.Stat()
		if err != nil {
			return err
		}
		psz := b.db.Info().PageSize
		problems = walkPages(f, st.Size(), psz, uint64(tx.Size())/uint64(psz), uint64(tx.Cursor().Bucket().Root()), uint64(tx.ID()))
		return nil
	})
	if err != nil {
		problems = append(problems, "reading the file: "+err.Error())
	}
	return problems
}

// Hold opens the data file at path read-only without reading its records
// and keeps it open until release is called. Meanwhile no program can
// open it for writing (they get a *LockedError) while readers still can;
// Restore holds the file so while it copies it. A file that another
// program has open for writing gives a *LockedError, one damaged at its
// first pages a *DamagedError.
func Hold(path string) (release func() error, err error) {
	db, err := openBolt(path, Options{ReadOnly: true, Timeout: time.Second})
	if err != nil {
		return nil, err
	}
	return db.Close, nil
}
