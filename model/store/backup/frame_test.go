package backup

import (
	"bytes"
	"crypto/sha256"
	"encoding/binary"
	"fmt"
	"io"
	"os"
	"testing"
)

// TestEveryFlipInTheFrameIsCaught: compressed backups carry no SHA-256 of
// the data; the zstd frame's checksum stands for it. A bit flipped
// anywhere in the frame of a real backup is refused when the backup is
// read (decompress, as restore and repair read it), or changes nothing
// that is given back: no flip yields other data.
func TestEveryFlipInTheFrameIsCaught(t *testing.T) {
	b := demoBackup(t)
	raw, err := os.ReadFile(b.Path)
	if err != nil {
		t.Fatal(err)
	}
	_, want, err := decompress(b.Path, io.Discard)
	if err != nil {
		t.Fatal(err)
	}
	frame := len(raw) - trailerLen(t, raw)
	step := max(1, frame/400)
	var flipped, refused, harmless, missed int
	for off := 0; off < frame; off += step {
		bad := bytes.Clone(raw)
		bad[off] ^= 1 << (off % 8)
		if err := os.WriteFile(b.Path, bad, 0o600); err != nil {
			t.Fatal(err)
		}
		flipped++
		_, got, err := decompress(b.Path, io.Discard)
		switch {
		case err != nil:
			refused++
		case bytes.Equal(got, want):
			harmless++
		default:
			missed++
			t.Errorf("byte %d of %d flipped: decompressed to other data without an error", off, frame)
		}
	}
	t.Logf("zstd frame of %d bytes: %d bits flipped, %d refused, %d harmless, %d missed", frame, flipped, refused, harmless, missed)
	if refused == 0 {
		t.Error("no flip was refused")
	}
}

// TestOlderTrailerSHA256StillChecked: a compressed backup written with
// the SHA-256 of its data in its description (before the frame's checksum
// was relied on alone) is still read, and refused when that sum differs.
func TestOlderTrailerSHA256StillChecked(t *testing.T) {
	b := demoBackup(t)
	tr, err := readTrailer(b.Path)
	if err != nil {
		t.Fatal(err)
	}
	if tr.SHA256 != "" {
		t.Errorf("a new backup's description holds a SHA-256: %s", tr.SHA256)
	}
	_, sum, err := decompress(b.Path, io.Discard)
	if err != nil {
		t.Fatal(err)
	}
	raw, err := os.ReadFile(b.Path)
	if err != nil {
		t.Fatal(err)
	}
	frame := raw[:len(raw)-trailerLen(t, raw)]
	for _, c := range []struct {
		sha  string
		good bool
	}{{fmt.Sprintf("%x", sum), true}, {fmt.Sprintf("%x", sha256.Sum256([]byte("other"))), false}} {
		old := tr
		old.SHA256 = c.sha
		var buf bytes.Buffer
		buf.Write(frame)
		if err := writeTrailer(&buf, old); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(b.Path, buf.Bytes(), 0o600); err != nil {
			t.Fatal(err)
		}
		info := Inspect(b)
		if c.good && (info.Err != nil || info.Counts != tr.Counts) {
			t.Errorf("with its data's SHA-256: %+v, %v", info.Counts, info.Err)
		}
		if !c.good && info.Err == nil {
			t.Error("a description whose SHA-256 differs from the data passed")
		}
	}
}

// demoBackup takes a compressed backup of a demo file by hand and closes
// the file.
func demoBackup(t *testing.T) Backup {
	t.Helper()
	e := demoEnv(t)
	b, err := e.set.Manual(e.st)
	if err != nil {
		t.Fatal(err)
	}
	e.close()
	return b
}

// trailerLen is the length of the description frame at the end of a
// compressed backup's bytes.
func trailerLen(t *testing.T, raw []byte) int {
	t.Helper()
	n := int(binary.LittleEndian.Uint32(raw[len(raw)-4:]))
	if 12+n > len(raw) || binary.LittleEndian.Uint32(raw[len(raw)-12-n:]) != skippableA {
		t.Fatalf("no description frame at the end (%d bytes)", n)
	}
	return 12 + n
}
