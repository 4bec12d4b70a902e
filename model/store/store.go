package store

import (
	"errors"
	"fmt"
	"os"
	"os/user"
	"path/filepath"
	"runtime"
	"strconv"
	"time"

	bolt "go.etcd.io/bbolt"
	berrors "go.etcd.io/bbolt/errors"
)

// Options adjust Open and OpenMemory. The zero value is right for the app.
type Options struct {
	// Timeout is how long Open waits for another process to release the
	// file before it gives up with a LockedError. Default 1 s.
	Timeout time.Duration
	// ReadOnly opens the file for reading; other readers may share it.
	// Migrations do not run, and a file that needs one is refused.
	ReadOnly bool
	// Now is the clock for Created, Updated and history; default time.Now.
	Now func() time.Time
	// User names who makes changes in history entries; default the
	// operating-system user. On a server it is always the database login.
	User string
	// BeforeMigrate, when set, is called before a schema migration with the
	// file's version and the target version; an error stops the open and
	// leaves the file untouched. The app takes a backup here.
	BeforeMigrate func(from, to int) error
	// Room is how many bytes one large transaction about to be written
	// (a terminal import) will add to a data file opened to write; the
	// file is then mapped that much larger from the start. Without it
	// bbolt maps the file again each time a transaction outgrows the map
	// and copies every record the transaction holds onto the heap each
	// time (for 50,000 agreements 2 s of CPU and the heap twice the data).
	// Zero, as the app has it, leaves bbolt's own first map.
	Room int64
}

// Store is PartnerDesk's data file (or its in-memory stand-in).
type Store struct {
	be   backend
	path string
	now  func() time.Time
	user string
	// ses is who is connected to a server; nil for a file or memory.
	ses *session
}

// Open opens (creating it if needed, with mode 0600 and its folder with
// 0700) the data file at path, migrates it to the current schema and
// returns the store. A file held by another process gives a *LockedError
// after opts.Timeout; a file from a newer PartnerDesk a *NewerSchemaError;
// an unreadable one a *DamagedError. In those cases the file is not
// modified.
func Open(path string, opts Options) (*Store, error) {
	if opts.Timeout == 0 {
		opts.Timeout = time.Second
	}
	fresh := false
	if st, err := os.Stat(path); errors.Is(err, os.ErrNotExist) {
		if opts.ReadOnly {
			return nil, fmt.Errorf("open %s: %w", path, ErrNotFound)
		}
		if err := os.MkdirAll(filepath.Dir(path), 0o700); err != nil {
			return nil, err
		}
		fresh = true
	} else if err != nil {
		return nil, err
	} else if st.IsDir() {
		return nil, fmt.Errorf("%s is a folder, not a data file", path)
	}
	db, err := openBolt(path, opts)
	if err != nil {
		return nil, err
	}
	s := newStore(&boltBackend{db: db}, path, opts)
	if err := s.prepare(fresh, opts); err != nil {
		db.Close()
		return nil, err
	}
	if !opts.ReadOnly {
		if err := s.ensureAdditive(); err != nil {
			db.Close()
			return nil, err
		}
	}
	return s, nil
}

func openBolt(path string, opts Options) (db *bolt.DB, err error) {
	// bbolt panics, or faults outside its memory map, on some kinds of
	// damage to the first pages: preflight looks for that damage first,
	// and safely turns what it misses into a DamagedError.
	if err := preflightDamage(path); err != nil {
		return nil, err
	}
	err = safely(path, func() error {
		db, err = bolt.Open(path, 0o600, &bolt.Options{Timeout: opts.Timeout, ReadOnly: opts.ReadOnly, InitialMmapSize: initialMap(path, opts)})
		return err
	})
	var damaged *DamagedError
	switch {
	case errors.As(err, &damaged):
		return nil, err
	case err == nil:
		return db, nil
	case errors.Is(err, berrors.ErrTimeout):
		return nil, &LockedError{Path: path}
	case errors.Is(err, berrors.ErrInvalid), errors.Is(err, berrors.ErrChecksum), errors.Is(err, berrors.ErrVersionMismatch), errors.Is(err, berrors.ErrInvalidMapping):
		return nil, &DamagedError{Path: path, Reason: err.Error()}
	}
	if st, serr := os.Stat(path); serr == nil && st.Size() > 0 && !errors.Is(err, os.ErrPermission) {
		return nil, &DamagedError{Path: path, Reason: err.Error()}
	}
	return nil, err
}

// initialMap is the first memory map of a data file for opts.Room: the
// file's size plus the room, at most 4 GiB; 0 (bbolt's own) without room,
// read-only, on Windows (where a map makes the file as long as itself) and
// on 32-bit systems. preflightDamage has already refused a file shorter
// than its meta page says, which bbolt notices only while its map is the
// file's size.
func initialMap(path string, opts Options) int {
	if opts.Room <= 0 || opts.ReadOnly || runtime.GOOS == "windows" || strconv.IntSize == 32 {
		return 0
	}
	size := int64(0)
	if st, err := os.Stat(path); err == nil {
		size = st.Size()
	}
	return int(min(size+opts.Room, 4<<30))
}

// OpenMemory returns an empty store that lives in memory only: the fake for
// user interface tests. It obeys every rule the file store obeys, under
// concurrency too (see memory). With opts.ReadOnly every change is
// refused with ErrReadOnly, as on a file opened read-only.
func OpenMemory(opts Options) *Store {
	m := newMemory()
	s := newStore(m, "", opts)
	rw := opts
	rw.ReadOnly = false
	if err := s.prepare(true, rw); err != nil {
		panic(err) // cannot fail in memory
	}
	if err := s.ensureAdditive(); err != nil {
		panic(err) // cannot fail in memory
	}
	m.readOnly = opts.ReadOnly
	return s
}

func newStore(be backend, path string, opts Options) *Store {
	s := &Store{be: be, path: path, now: opts.Now, user: opts.User}
	if s.now == nil {
		s.now = time.Now
	}
	if s.user == "" {
		s.user = osUser()
	}
	return s
}

func osUser() string {
	if u, err := user.Current(); err == nil && u.Username != "" {
		return u.Username
	}
	for _, v := range []string{"USER", "USERNAME"} {
		if s := os.Getenv(v); s != "" {
			return s
		}
	}
	return "unknown"
}

// Path returns the data file's path, or "" for an in-memory store.
func (s *Store) Path() string { return s.path }

// Close releases the file. The store cannot be used afterwards: every
// method then returns ErrClosed. Closing twice is harmless.
func (s *Store) Close() error { return s.be.close() }

// usable returns ErrClosed once the store is closed, else nil.
func (s *Store) usable() error {
	return s.be.view(func(kvTx) error { return nil })
}

// View runs fn in a read transaction.
func (s *Store) View(fn func(*Tx) error) error {
	return s.be.view(func(kv kvTx) (err error) {
		defer catchRecord(&err)
		return fn(s.tx(kv))
	})
}

// Update runs fn in one write transaction: either everything fn did is
// saved (and synced to disk) or, when fn or the commit fails, nothing is.
// Records passed to Tx methods get their IDs, revisions and timestamps set
// even if the transaction later fails; discard them then.
//
// On a server, a transaction that loses a serialisation race with another
// client's runs again from the start, so fn must build everything it
// writes inside itself (copy records in, not before).
func (s *Store) Update(fn func(*Tx) error) error {
	if s.ses != nil && s.ses.refuse != nil {
		return s.ses.refuse
	}
	return s.be.update(func(kv kvTx) (err error) {
		defer catchRecord(&err)
		t := s.tx(kv)
		if err := fn(t); err != nil {
			return err
		}
		return t.flushIndexes()
	})
}

func (s *Store) tx(kv kvTx) *Tx {
	now := s.now().UTC().Truncate(time.Millisecond)
	if s.ses != nil {
		// PostgreSQL checks its own pages (data checksums) and keeps no
		// stray bytes: records carry no checksum of their own there.
		return &Tx{kv: kv, now: now, user: s.user, ses: s.ses}
	}
	return &Tx{kv: sumTx{kvTx: kv, path: s.path}, now: now, user: s.user}
}
