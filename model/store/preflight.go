package store

import (
	"fmt"
	"io"
	"os"
	"time"
)

// chooseMeta returns the meta page bbolt will use: of the two, the valid
// one with the higher transaction ID. Like bbolt, it looks for the second
// meta page at each possible page size when the first is unreadable.
func chooseMeta(r io.ReaderAt, size int64) (boltMeta, bool) {
	m0, ok0 := readMeta(r, 0)
	var m1 boltMeta
	ok1 := false
	if ok0 {
		m1, ok1 = readMeta(r, int64(m0.pageSize))
	} else {
		for i := 0; i <= 14 && !ok1; i++ {
			if pos := int64(1024) << i; pos < size-1024 {
				m1, ok1 = readMeta(r, pos)
			}
		}
	}
	switch {
	case ok0 && ok1 && m1.txid > m0.txid, !ok0 && ok1:
		return m1, true
	case ok0:
		return m0, true
	}
	return boltMeta{}, false
}

// preflight checks, through ReadAt, what bbolt.Open reads through its
// memory map: that the file is as long as its newest valid meta page says
// and that the free list it loads lies inside the file (or, for a file
// without a stored free list, the whole tree bbolt scans instead). It
// returns nothing for files it cannot judge (missing, empty, no valid
// meta page): bbolt reports those safely itself.
func preflight(path string) []string {
	f, err := os.Open(path)
	if err != nil {
		return nil
	}
	defer f.Close()
	st, err := f.Stat()
	if err != nil || st.Size() == 0 {
		return nil
	}
	m, ok := chooseMeta(f, st.Size())
	if !ok {
		return nil
	}
	w, problems := newPageWalker(f, st.Size(), int(m.pageSize), m.pgid)
	if len(problems) > 0 {
		return problems
	}
	if m.freelist == noFreelist {
		w.node(m.root, 0)
	} else {
		w.freelist(m.freelist)
	}
	return w.problems
}

// preflightDamage runs preflight and, when it finds something, once more
// after a moment, so that a commit by another program in between cannot
// make a sound file look damaged. It returns a *DamagedError or nil.
func preflightDamage(path string) error {
	p := preflight(path)
	if len(p) > 0 {
		time.Sleep(20 * time.Millisecond)
		p = preflight(path)
	}
	if len(p) == 0 {
		return nil
	}
	reason := p[0]
	if len(p) > 1 {
		reason += fmt.Sprintf(" (and %d more problems)", len(p)-1)
	}
	return &DamagedError{Path: path, Reason: reason}
}
