package store

import (
	"bytes"
	"errors"
	"io"
	"os"
	"strconv"

	bolt "go.etcd.io/bbolt"
)

// SnapshotChecked writes a consistent copy of the data file to w, as
// Snapshot does, and checks, in the same read transaction, the state it
// copies as Inspect checks a file: the page walk (against the
// transaction's own free list) and the record checks, on a second goroutine while the copy is written. The
// copy's bytes are those of the pages checked: bbolt never rewrites a page
// that an open read transaction can reach, and the copy's meta pages are
// made from the transaction's own. So a file whose bytes equal what was
// written to w (same size and hash) passes Inspect with the returned
// counts, and no uncompressed copy has to be written to disk to check it.
//
// It returns once the copy is written, with the number of bytes written,
// the counts of the copied state and err, which says that the copy could
// not be written. The check may still be running: checked delivers its
// result (nil, a *CheckError or a *DamagedError) once it is done, and
// the caller must receive it (the read transaction stays open until then).
func (s *Store) SnapshotChecked(w io.Writer) (n int64, c Counts, checked <-chan error, err error) {
	if err := s.usable(); err != nil {
		return 0, c, nil, err
	}
	b, ok := s.be.(*boltBackend)
	if !ok {
		return 0, c, nil, ErrNoFile
	}
	result := make(chan error, 1)
	written := make(chan error, 1)
	go func() {
		var checkErr error
		err := b.db.View(func(tx *bolt.Tx) error {
			if checkErr = safely(s.path, func() error { c = countsIn(&boltTx{tx}); return nil }); checkErr != nil {
				written <- nil
				return nil
			}
			done := make(chan error, 1)
			go func() { done <- s.checkTx(b, tx) }()
			var err error
			n, err = tx.WriteTo(w)
			written <- err
			checkErr = <-done
			return nil
		})
		if err != nil { // the transaction did not start
			written <- boltErr(err)
		}
		result <- checkErr
	}()
	if err = <-written; err != nil {
		<-result
		return n, c, nil, err
	}
	return n, c, result, nil
}

// checkTx checks the state of the read transaction tx as inspect checks a
// file: the page walk over the file's bytes, then the checksums and
// records (for a file of the current format).
func (s *Store) checkTx(b *boltBackend, tx *bolt.Tx) error {
	// bbolt's own tx.Check is not run here: it reads the database's free
	// list in memory, which other transactions change while this one is
	// open (a data race, and the newest transaction's list, not tx's).
	// walkTx checks the same pages against tx's own free list.
	if p := walkTx(b, tx); len(p) > 0 {
		return &CheckError{Problems: p}
	}
	var schema int
	err := safely(s.path, func() error {
		t := &boltTx{tx}
		if !t.hasBucket(bucketMeta) {
			return &DamagedError{Path: s.path, Reason: "it is not a PartnerDesk data file (no format version)"}
		}
		var err error
		if schema, err = strconv.Atoi(string(t.get(bucketMeta, keySchema))); err != nil {
			return &DamagedError{Path: s.path, Reason: "its format version is unreadable"}
		}
		return nil
	})
	if err != nil || schema != SchemaVersion {
		return err
	}
	var problems []string
	var damaged []RecordRef
	err = safely(s.path, func() (err error) {
		defer catchRecord(&err)
		problems, damaged = s.recordProblems(&boltTx{tx}, true)
		return nil
	})
	return checkResult(problems, damaged, err)
}

// walkTx runs the page walker over the file as tx sees it, and accounts
// for every page below the transaction's high-water mark as bbolt's
// tx.Check does: each is reachable or free, never both, and freed once.
// The free list is the one of tx's state, read from the page its meta
// names (the live free list in memory is already a later one's).
func walkTx(b *boltBackend, tx *bolt.Tx) []string {
	meta, ok := txMeta(tx)
	if !ok {
		return []string{"page structure: the transaction's meta page cannot be made"}
	}
	f, err := os.Open(b.db.Path())
	if err != nil {
		return []string{"reading the file: " + err.Error()}
	}
	defer f.Close()
	st, err := f.Stat()
	if err != nil {
		return []string{"reading the file: " + err.Error()}
	}
	w, problems := newPageWalker(f, st.Size(), int(meta.pageSize), meta.pgid)
	if w == nil {
		return problems
	}
	w.seen[0], w.seen[1] = true, true
	if meta.freelist != noFreelist {
		w.freelist(meta.freelist)
	}
	w.node(meta.root, 0)
	if len(w.problems) == 0 && meta.freelist != noFreelist {
		w.account(freeIDs(f, meta))
	}
	return w.problems
}

// account adds the problems bbolt's tx.Check finds with the free list:
// pages freed twice, freed pages still reachable, and pages neither.
func (w *pageWalker) account(free []uint64) {
	freed := make(map[uint64]bool, len(free))
	for _, id := range free {
		switch {
		case freed[id]:
			w.add("page %d: already freed", id)
		case w.seen[id]:
			w.add("page %d: reachable freed", id)
		}
		freed[id] = true
	}
	for id := uint64(2); id < w.hwm; id++ {
		if !w.seen[id] && !freed[id] {
			w.add("page %d: unreachable unfreed", id)
		}
	}
}

// freeIDs reads the page IDs of the free list page meta names (already
// checked by the walker).
func freeIDs(r io.ReaderAt, meta boltMeta) []uint64 {
	var h [pageHeaderSize + 8]byte
	off := int64(meta.freelist) * int64(meta.pageSize)
	if _, err := r.ReadAt(h[:], off); err != nil {
		return nil
	}
	idx, count := int64(0), uint64(ne.Uint16(h[10:]))
	if count == 0xFFFF {
		idx, count = 1, ne.Uint64(h[pageHeaderSize:])
	}
	buf := make([]byte, count*8)
	if _, err := r.ReadAt(buf, off+pageHeaderSize+idx*8); err != nil {
		return nil
	}
	ids := make([]uint64, count)
	for i := range ids {
		ids[i] = ne.Uint64(buf[i*8:])
	}
	return ids
}

// txMeta returns the meta page of tx's state, as tx.WriteTo makes it for
// a copy.
func txMeta(tx *bolt.Tx) (boltMeta, bool) {
	var c metaCapture
	_, _ = tx.WriteTo(&c)
	return readMeta(bytes.NewReader(c.page), 0)
}

// metaCapture keeps the first page written to it, then refuses more.
type metaCapture struct{ page []byte }

var errEnough = errors.New("enough")

func (c *metaCapture) Write(p []byte) (int, error) {
	if c.page != nil {
		return 0, errEnough
	}
	c.page = append([]byte(nil), p...)
	return len(p), nil
}
