package backup

import (
	"bytes"
	"crypto/sha256"
	"encoding/binary"
	"encoding/json"
	"fmt"
	"hash"
	"io"
	"os"
	"path/filepath"
	"strings"

	"github.com/klauspost/compress/zstd"

	"github.com/partnerdesk/partnerdesk/model/store"
)

// Compressed backups are zstd streams of the data file's bytes, named with
// ".zst" after the data file's extension (partnerdesk-…-daily.db.zst), so
// that a person, and any zstd tool, can tell what they are: `zstd -d`
// gives back the data file. After the data a zstd skippable frame (which
// decoders skip) carries a trailer: the data file's size, format and
// record counts (and, in backups written before the frame's checksum was
// relied on, the data's SHA-256), so that the backup list reads them
// without decompressing. The frame carries the XXH64 checksum of the data,
// which every read verifies. Level: SpeedFastest (zstd level 1) with a
// 256 KiB window — at 50,000 agreements backups are 7.9 % of the file's
// size (level 3: 7.5 %) for less CPU per backup (see BENCHMARKS.md).

// CompressedExt is the extension added to a compressed backup's name.
const CompressedExt = ".zst"

// Level is the zstd level backups are written with.
var Level = zstd.SpeedFastest

// IsCompressed reports whether path names a compressed backup.
func IsCompressed(path string) bool { return strings.HasSuffix(strings.ToLower(path), CompressedExt) }

// trailer is what a compressed backup says about the data file it holds.
type trailer struct {
	Format string `json:"format"`
	Size   int64  `json:"size"`
	// SHA256 is the data file's SHA-256, kept by the backups written
	// before the zstd frame's own checksum was relied on; empty in newer
	// ones (see compressTo).
	SHA256 string       `json:"sha256,omitempty"`
	Schema int          `json:"schema"`
	Counts store.Counts `json:"counts"`
}

const (
	trailerFormat = "partnerdesk-backup/1"
	skippableA    = 0x184D2A5A // a zstd skippable frame's magic number
)

// writeTrailer appends the trailer as a skippable frame whose payload
// ends with the JSON's length, so that it is found from the file's end.
func writeTrailer(w io.Writer, t trailer) error {
	js, err := json.Marshal(t)
	if err != nil {
		return err
	}
	frame := binary.LittleEndian.AppendUint32(nil, skippableA)
	frame = binary.LittleEndian.AppendUint32(frame, uint32(len(js)+4))
	frame = append(frame, js...)
	frame = binary.LittleEndian.AppendUint32(frame, uint32(len(js)))
	_, err = w.Write(frame)
	return err
}

// readTrailer reads a compressed backup's trailer.
func readTrailer(path string) (trailer, error) {
	var t trailer
	f, err := os.Open(path)
	if err != nil {
		return t, err
	}
	defer f.Close()
	st, err := f.Stat()
	if err != nil {
		return t, err
	}
	var n [4]byte
	if st.Size() < 12 {
		return t, &store.DamagedError{Path: path, Reason: "it is too short to be a compressed backup"}
	}
	if _, err := f.ReadAt(n[:], st.Size()-4); err != nil {
		return t, err
	}
	size := int64(binary.LittleEndian.Uint32(n[:]))
	if size > 1<<16 || size+12 > st.Size() {
		return t, &store.DamagedError{Path: path, Reason: "it has no readable description at its end (cut short?)"}
	}
	js := make([]byte, size)
	if _, err := f.ReadAt(js, st.Size()-4-size); err != nil {
		return t, err
	}
	if err := json.Unmarshal(js, &t); err != nil || t.Format != trailerFormat {
		return t, &store.DamagedError{Path: path, Reason: "it has no readable description at its end (cut short?)"}
	}
	return t, nil
}

// compressTo writes a compressed snapshot of st to w and returns the
// data file's size and counts. The zstd frame carries the XXH64 checksum
// of the bytes compressed, which the decoder verifies on the bytes it
// gives back: that is what proves a backup decompresses to the bytes
// copied (after writing, on restore and on repair), so no SHA-256 of the
// data is made (it cost 0.2 s a backup at 50,000 agreements and told
// nothing more; backups written with one still have it checked). The
// copied state is checked as it is written (store.SnapshotChecked);
// checked delivers the result of that check, and the caller must receive
// it.
func compressTo(st *store.Store, w io.Writer) (tr trailer, checked <-chan error, err error) {
	// One encoding goroutine (the snapshot's, beside the record check):
	// more cost CPU time handing blocks over. The snapshot's pages are
	// read straight into the encoder's blocks (Encoder.ReadFrom, 128 KiB
	// a read), not copied through a buffer first.
	enc, err := zstd.NewWriter(w, encoderOptions()...)
	if err != nil {
		return tr, nil, err
	}
	n, counts, checked, err := st.SnapshotChecked(enc)
	if cerr := enc.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		tr = trailer{Format: trailerFormat, Size: n, Schema: store.SchemaVersion, Counts: counts}
		err = writeTrailer(w, tr)
	}
	return tr, checked, err
}

// encoderOptions are the zstd options backups are written with: Level,
// the frame's checksum, one goroutine and a 256 KiB window (at 50,000
// agreements 15 % less compression time than the level's default 4 MiB
// one for 0.15 % more of the file's size: records that repeat each
// other's text lie near each other).
func encoderOptions() []zstd.EOption {
	return []zstd.EOption{zstd.WithEncoderLevel(Level), zstd.WithEncoderCRC(true), zstd.WithEncoderConcurrency(1), zstd.WithWindowSize(1 << 18)}
}

// decompress writes the data file held by the compressed backup src to w
// and returns its size and SHA-256. The frame must carry the checksum of
// its data, which the decoder verifies.
func decompress(src string, w io.Writer) (int64, []byte, error) {
	dec, closeFn, err := openFrame(src)
	if err != nil {
		return 0, nil, err
	}
	defer closeFn()
	h := sha256.New()
	n, err := io.Copy(io.MultiWriter(w, h), dec)
	if err != nil {
		return n, nil, &store.DamagedError{Path: src, Reason: "it does not decompress: " + err.Error()}
	}
	return n, h.Sum(nil), nil
}

// openFrame opens the compressed backup src for decompressing; it must
// start with a zstd frame that carries the checksum of its data (the
// decoder verifies it at the frame's end, a read error then). closeFn
// closes the decoder and the file.
func openFrame(src string) (dec *zstd.Decoder, closeFn func(), err error) {
	f, err := os.Open(src)
	if err != nil {
		return nil, nil, err
	}
	head := make([]byte, zstd.HeaderMaxSize)
	var h zstd.Header
	if _, err := io.ReadFull(f, head); err != nil || h.Decode(head) != nil || !h.HasCheckSum {
		f.Close()
		return nil, nil, &store.DamagedError{Path: src, Reason: "it does not start with a zstd frame that carries its checksum"}
	}
	if _, err := f.Seek(0, io.SeekStart); err != nil {
		f.Close()
		return nil, nil, err
	}
	dec, err = zstd.NewReader(f, zstd.WithDecoderConcurrency(1), zstd.WithDecoderMaxWindow(1<<27))
	if err != nil {
		f.Close()
		return nil, nil, err
	}
	return dec, func() { dec.Close(); f.Close() }, nil
}

// expandChecked decompresses src into a hidden temporary file in dir
// (named like final's temporary files, so CleanTemp removes leftovers),
// checks that it holds what the trailer says and passes store.Inspect,
// and returns its path and what Inspect found. The caller removes the
// file.
func expandChecked(src, dir, final string) (tmp string, info store.FileInfo, err error) {
	tr, err := readTrailer(src)
	if err != nil {
		return "", info, err
	}
	f, err := os.CreateTemp(dir, "."+filepath.Base(final)+".*.tmp")
	if err != nil {
		return "", info, err
	}
	tmp = f.Name()
	defer func() {
		if err != nil {
			os.Remove(tmp)
		}
	}()
	n, sum, err := decompress(src, f)
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		return "", info, err
	}
	if n != tr.Size || (tr.SHA256 != "" && fmt.Sprintf("%x", sum) != tr.SHA256) {
		return "", info, &store.DamagedError{Path: src, Reason: fmt.Sprintf("it decompresses to %d bytes that differ from the %d it was written from", n, tr.Size)}
	}
	info, err = store.Inspect(tmp)
	if err == nil && info.Counts != tr.Counts {
		err = fmt.Errorf("it holds %+v records, it was written with %+v", info.Counts, tr.Counts)
	}
	return tmp, info, err
}

// takeCompressed writes a verified compressed backup of st to path. The
// snapshot is compressed into a temporary file beside path while, in the
// same read transaction, the copied state gets every check Inspect makes
// of a file (store.SnapshotChecked); no uncompressed copy is written. Once
// the compressed file is synced it is read back and decompressed (while
// the record check may still run), and must give exactly the bytes that
// were copied and checked: the same size, and the zstd frame's checksum
// (XXH64 of the bytes given to the encoder, which the decoder verifies on
// the bytes it gives back; a hash pass of our own would cost 0.1–0.2 s
// more at 50,000 agreements and tell nothing more). Only when both checks passed is it renamed to
// path.
func takeCompressed(st *store.Store, path string) (n int64, counts store.Counts, err error) {
	var tr trailer
	var checked <-chan error
	defer func() {
		if checked != nil {
			<-checked // the check's read transaction ends before we return
		}
	}()
	err = writeVerified(path, func(w io.Writer) error {
		var err error
		tr, checked, err = compressTo(st, w)
		return err
	}, func(tmp string) error {
		got, err := decompressChecked(tmp)
		if err == nil && got != tr.Size {
			err = &store.DamagedError{Path: tmp, Reason: fmt.Sprintf("it decompresses to %d bytes that differ from the %d it was written from", got, tr.Size)}
		}
		c := checked
		checked = nil
		if cerr := <-c; cerr != nil {
			return cerr
		}
		return err
	})
	if err != nil {
		return 0, counts, err
	}
	fi, err := os.Stat(path)
	if err != nil {
		return 0, tr.Counts, err
	}
	return fi.Size(), tr.Counts, nil
}

// decompressChecked decompresses the backup src, whose frame must carry
// the checksum of its data (the decoder then verifies it), and returns the
// data's size.
func decompressChecked(src string) (int64, error) {
	dec, closeFn, err := openFrame(src)
	if err != nil {
		return 0, err
	}
	defer closeFn()
	n, err := dec.WriteTo(io.Discard)
	if err != nil {
		return n, &store.DamagedError{Path: src, Reason: "it does not decompress: " + err.Error()}
	}
	return n, nil
}

// fileHash hashes a file's bytes.
func fileHash(path string, h hash.Hash) ([]byte, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	if _, err := io.Copy(h, f); err != nil {
		return nil, err
	}
	return h.Sum(nil), nil
}

// sameBytes reports whether the file at path has the SHA-256 sum.
func sameBytes(path string, sum []byte) bool {
	got, err := fileHash(path, sha256.New())
	return err == nil && bytes.Equal(got, sum)
}
