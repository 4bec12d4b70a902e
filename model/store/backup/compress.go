package backup

import (
	"bufio"
	"bytes"
	"crypto/sha256"
	"encoding/binary"
	"encoding/json"
	"errors"
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
// decoders skip) carries a trailer: the data file's size, SHA-256, format
// and record counts, so that the backup list reads them without
// decompressing. Level: SpeedDefault (zstd level 3) — at 50,000 agreements
// it makes backups a ninth of the file's size, about as fast as the
// fastest level (see BENCHMARKS.md).

// CompressedExt is the extension added to a compressed backup's name.
const CompressedExt = ".zst"

// Level is the zstd level backups are written with.
var Level = zstd.SpeedDefault

// IsCompressed reports whether path names a compressed backup.
func IsCompressed(path string) bool { return strings.HasSuffix(strings.ToLower(path), CompressedExt) }

// trailer is what a compressed backup says about the data file it holds.
type trailer struct {
	Format string       `json:"format"`
	Size   int64        `json:"size"`
	SHA256 string       `json:"sha256"`
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

// compressTo writes a compressed snapshot of st to w and, as it goes, the
// same bytes uncompressed to plain; it returns the data file's size,
// counts and SHA-256.
func compressTo(st *store.Store, w, plain io.Writer) (tr trailer, err error) {
	enc, err := zstd.NewWriter(w, zstd.WithEncoderLevel(Level))
	if err != nil {
		return tr, err
	}
	h := sha256.New()
	n, counts, err := st.Snapshot(io.MultiWriter(enc, h, plain))
	if cerr := enc.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		return tr, err
	}
	tr = trailer{Format: trailerFormat, Size: n, SHA256: fmt.Sprintf("%x", h.Sum(nil)), Schema: store.SchemaVersion, Counts: counts}
	return tr, writeTrailer(w, tr)
}

// decompress writes the data file held by the compressed backup src to w
// and returns its size and SHA-256.
func decompress(src string, w io.Writer) (int64, []byte, error) {
	f, err := os.Open(src)
	if err != nil {
		return 0, nil, err
	}
	defer f.Close()
	dec, err := zstd.NewReader(f, zstd.WithDecoderConcurrency(1), zstd.WithDecoderMaxWindow(1<<27))
	if err != nil {
		return 0, nil, err
	}
	defer dec.Close()
	h := sha256.New()
	n, err := io.Copy(io.MultiWriter(w, h), dec)
	if err != nil {
		return n, nil, &store.DamagedError{Path: src, Reason: "it does not decompress: " + err.Error()}
	}
	return n, h.Sum(nil), nil
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
	if n != tr.Size || fmt.Sprintf("%x", sum) != tr.SHA256 {
		return "", info, &store.DamagedError{Path: src, Reason: fmt.Sprintf("it decompresses to %d bytes that differ from the %d it was written from", n, tr.Size)}
	}
	info, err = store.Inspect(tmp)
	if err == nil && info.Counts != tr.Counts {
		err = fmt.Errorf("it holds %+v records, it was written with %+v", info.Counts, tr.Counts)
	}
	return tmp, info, err
}

// takeCompressed writes a verified compressed backup of st to path. The
// snapshot is compressed into a temporary file beside path and, at the
// same time, written uncompressed into a second one beside the data file
// (not synced). Once the compressed
// file is synced, two checks run side by side: the uncompressed copy is
// checked record by record (store.Inspect, counts equal to the copied
// state), and the compressed file is read back and decompressed, and must
// give exactly those bytes (size and SHA-256). Only then is it renamed to
// path; the uncompressed copy is deleted.
func takeCompressed(st *store.Store, path string) (n int64, counts store.Counts, err error) {
	// Beside the data file, not beside path: a backup to a USB stick
	// writes only the compressed bytes there. CleanTemp removes leftovers.
	plain, err := os.CreateTemp(filepath.Dir(st.Path()), "."+filepath.Base(st.Path())+".*.tmp")
	if err != nil {
		return 0, counts, err
	}
	defer os.Remove(plain.Name())
	defer plain.Close()
	var tr trailer
	err = writeVerified(path, func(w io.Writer) error {
		var err error
		bw := bufio.NewWriterSize(plain, 1<<20)
		if tr, err = compressTo(st, w, bw); err == nil {
			err = bw.Flush()
		}
		return err
	}, func(tmp string) error {
		inspected := make(chan error, 1)
		go func() {
			info, err := store.Inspect(plain.Name())
			if err == nil && info.Counts != tr.Counts {
				err = fmt.Errorf("it holds %+v records, the data file held %+v", info.Counts, tr.Counts)
			}
			inspected <- err
		}()
		got, sum, derr := decompress(tmp, io.Discard)
		if derr == nil && (got != tr.Size || fmt.Sprintf("%x", sum) != tr.SHA256) {
			derr = &store.DamagedError{Path: tmp, Reason: fmt.Sprintf("it decompresses to %d bytes that differ from the %d it was written from", got, tr.Size)}
		}
		return errors.Join(<-inspected, derr)
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
