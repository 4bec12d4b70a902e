package store

import (
	"encoding/binary"
	"fmt"
	"hash/fnv"
	"io"
)

// The page walker reads a bbolt file through ReadAt, not through bbolt's
// memory map, and checks every bound bbolt trusts when it reads pages: that
// each page a tree refers to lies inside the file and says it is that page,
// and that every key, value and nested bucket lies inside its page. bbolt
// reads pages through unchecked pointers, so on a damaged file it can fault
// outside the mapping (SIGBUS on a truncated file, SIGSEGV on a flipped
// offset) in a goroutine no recover reaches. Once the walker passes, those
// reads stay inside the mapping; bbolt's own tx.Check then finds the subtler
// faults (free pages still in use, unreachable pages, key order).

// Layout of bbolt's format version 2 (go.etcd.io/bbolt/internal/common),
// in the machine's byte order.
const (
	pageHeaderSize = 16 // id u64, flags u16, count u16, overflow u32
	elementSize    = 16 // leaf: flags, pos, ksize, vsize u32; branch: pos, ksize u32, pgid u64
	bucketHeader   = 16 // root pgid u64, sequence u64
	branchFlag     = 0x01
	leafFlag       = 0x02
	freelistFlag   = 0x10
	bucketLeafFlag = 0x01
	boltMagic      = 0xED0CDAED
	noFreelist     = ^uint64(0)
	maxPageDepth   = 64
	maxWalkIssues  = 50
)

var ne = binary.NativeEndian

// boltMeta is the part of a meta page the walker needs.
type boltMeta struct {
	pageSize uint32
	root     uint64
	freelist uint64
	pgid     uint64
	txid     uint64
}

// readMeta reads the meta page at offset off and reports whether it is
// valid (magic, version 2, checksum).
func readMeta(r io.ReaderAt, off int64) (boltMeta, bool) {
	var b [pageHeaderSize + 64]byte
	if _, err := r.ReadAt(b[:], off); err != nil {
		return boltMeta{}, false
	}
	m := b[pageHeaderSize:]
	h := fnv.New64a()
	h.Write(m[:56])
	if ne.Uint32(m[0:]) != boltMagic || ne.Uint32(m[4:]) != 2 || ne.Uint64(m[56:]) != h.Sum64() {
		return boltMeta{}, false
	}
	return boltMeta{pageSize: ne.Uint32(m[8:]), root: ne.Uint64(m[16:]), freelist: ne.Uint64(m[32:]), pgid: ne.Uint64(m[40:]), txid: ne.Uint64(m[48:])}, true
}

type pageWalker struct {
	r        io.ReaderAt
	size     int64  // file size
	psz      uint64 // page size
	hwm      uint64 // pages in use: every page ID must be below it
	seen     map[uint64]bool
	problems []string
	// bufs[d] holds the page read at depth d of the tree: a page's buffer
	// is in use only until its elements are checked, and everything
	// checked meanwhile lies deeper (at 50,000 agreements a new buffer
	// for every page made 250 MB of garbage a check).
	bufs [][]byte
}

func (w *pageWalker) add(format string, args ...any) {
	if len(w.problems) < maxWalkIssues {
		w.problems = append(w.problems, "page structure: "+fmt.Sprintf(format, args...))
	}
}

// newPageWalker returns a walker over a file of size bytes whose pages in
// use number hwm, or the problems that make walking it pointless.
func newPageWalker(r io.ReaderAt, size int64, pageSize int, hwm uint64) (*pageWalker, []string) {
	w := &pageWalker{r: r, size: size, psz: uint64(pageSize), hwm: hwm, seen: map[uint64]bool{}}
	if pageSize < 512 || pageSize&(pageSize-1) != 0 {
		w.add("page size %d is impossible", pageSize)
		return nil, w.problems
	}
	if need := hwm * w.psz; hwm < 2 || need/w.psz != hwm || need > uint64(size) {
		w.add("the file is %d bytes long but its contents need %d: it was cut short", size, hwm*w.psz)
		return nil, w.problems
	}
	return w, nil
}

// walkPages checks the tree of the transaction with the given root page
// and page count (hwm) and, when the meta page of transaction txid is found
// on disk, its free list.
func walkPages(r io.ReaderAt, size int64, pageSize int, hwm, root uint64, txid uint64) []string {
	w, problems := newPageWalker(r, size, pageSize, hwm)
	if w == nil {
		return problems
	}
	for _, off := range []int64{0, int64(pageSize)} {
		if m, ok := readMeta(r, off); ok && m.txid == txid && m.freelist != noFreelist {
			w.freelist(m.freelist)
		}
	}
	w.node(root, 0)
	return w.problems
}

// page reads page id with its overflow pages into the buffer of depth,
// or returns nil and notes why it cannot be read. The bytes stay valid
// until the next page of the same depth is read.
func (w *pageWalker) page(id uint64, depth int) []byte {
	if id < 2 || id >= w.hwm {
		w.add("a reference to page %d, outside the file's %d pages", id, w.hwm)
		return nil
	}
	buf := w.buffer(depth, w.psz)
	if _, err := w.r.ReadAt(buf, int64(id*w.psz)); err != nil {
		w.add("page %d cannot be read: %v", id, err)
		return nil
	}
	if got := ne.Uint64(buf); got != id {
		w.add("page %d says it is page %d", id, got)
		return nil
	}
	overflow := uint64(ne.Uint32(buf[12:]))
	if id+overflow >= w.hwm {
		w.add("page %d claims %d more pages, past the end of the file", id, overflow)
		return nil
	}
	for p := id; p <= id+overflow; p++ {
		if w.seen[p] {
			w.add("page %d is used twice", p)
			return nil
		}
		w.seen[p] = true
	}
	if overflow == 0 {
		return buf
	}
	buf = w.buffer(depth, (overflow+1)*w.psz)
	if _, err := w.r.ReadAt(buf[w.psz:], int64((id+1)*w.psz)); err != nil {
		w.add("page %d cannot be read: %v", id, err)
		return nil
	}
	return buf
}

// buffer returns the buffer of depth with n bytes, keeping the bytes it
// held (a page's first bytes are read before its length is known).
func (w *pageWalker) buffer(depth int, n uint64) []byte {
	for len(w.bufs) <= depth {
		w.bufs = append(w.bufs, nil)
	}
	b := w.bufs[depth]
	if uint64(cap(b)) < n {
		b = append(b[:cap(b)], make([]byte, n-uint64(cap(b)))...)
		w.bufs[depth] = b
	}
	return b[:n]
}

func (w *pageWalker) freelist(id uint64) {
	buf := w.page(id, 0)
	if buf == nil {
		return
	}
	if flags := ne.Uint16(buf[8:]); flags != freelistFlag {
		w.add("free list page %d has type %#x", id, flags)
		return
	}
	idx, count := uint64(0), uint64(ne.Uint16(buf[10:]))
	if count == 0xFFFF {
		idx, count = 1, ne.Uint64(buf[pageHeaderSize:])
	}
	if n := idx + count; n < count || n > (uint64(len(buf))-pageHeaderSize)/8 {
		w.add("free list page %d claims %d entries, more than it holds", id, count)
	}
}

// node checks the tree page id and everything below it.
func (w *pageWalker) node(id uint64, depth int) {
	if depth > maxPageDepth {
		w.add("the tree below page %d is too deep", id)
		return
	}
	if buf := w.page(id, depth); buf != nil {
		w.elements(buf, fmt.Sprintf("page %d", id), depth)
	}
}

// elements checks the elements of a branch or leaf page (buf holds the
// page from its header; an inline bucket's page is a slice of a value).
func (w *pageWalker) elements(buf []byte, where string, depth int) {
	if len(buf) < pageHeaderSize {
		w.add("%s is too short", where)
		return
	}
	flags, count := ne.Uint16(buf[8:]), uint64(ne.Uint16(buf[10:]))
	if flags != branchFlag && flags != leafFlag {
		w.add("%s has type %#x, not a branch or leaf", where, flags)
		return
	}
	if pageHeaderSize+count*elementSize > uint64(len(buf)) {
		w.add("%s claims %d entries, more than it holds", where, count)
		return
	}
	if flags == branchFlag && count == 0 {
		w.add("%s is an empty branch", where)
		return
	}
	for i := range count {
		off := pageHeaderSize + i*elementSize
		e := buf[off : off+elementSize]
		if flags == branchFlag {
			if off+uint64(ne.Uint32(e[0:]))+uint64(ne.Uint32(e[4:])) > uint64(len(buf)) {
				w.add("%s: entry %d lies outside the page", where, i)
				continue
			}
			w.node(ne.Uint64(e[8:]), depth+1)
			continue
		}
		start := off + uint64(ne.Uint32(e[4:]))
		vstart := start + uint64(ne.Uint32(e[8:]))
		end := vstart + uint64(ne.Uint32(e[12:]))
		if end > uint64(len(buf)) {
			w.add("%s: entry %d lies outside the page", where, i)
			continue
		}
		if ne.Uint32(e[0:])&bucketLeafFlag != 0 {
			w.bucket(buf[vstart:end], fmt.Sprintf("%s entry %d", where, i), depth)
		}
	}
}

// bucket checks a nested bucket's header and its root page or inline page.
func (w *pageWalker) bucket(v []byte, where string, depth int) {
	if len(v) < bucketHeader {
		w.add("%s: bucket header is too short", where)
		return
	}
	if root := ne.Uint64(v); root != 0 {
		w.node(root, depth+1)
		return
	}
	inline := v[bucketHeader:]
	if len(inline) < pageHeaderSize || ne.Uint16(inline[8:]) != leafFlag {
		w.add("%s: inline bucket is not a leaf", where)
		return
	}
	w.elements(inline, where+" (inline bucket)", depth+1)
}
