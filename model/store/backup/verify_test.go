package backup

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"testing"

	"github.com/klauspost/compress/zstd"

	"github.com/partnerdesk/partnerdesk/model/store"
)

// TestCompressedBackupWritesNoUncompressedCopy: while a compressed backup
// is being checked, the only new file anywhere is the compressed one, and
// it is far smaller than the data file.
func TestCompressedBackupWritesNoUncompressedCopy(t *testing.T) {
	e := demoEnv(t)
	defer e.close()
	data, err := os.Stat(e.path)
	if err != nil {
		t.Fatal(err)
	}
	seen := false
	testHookWritten = func(tmp string) {
		seen = true
		if got := files(t, filepath.Dir(e.path)); len(got) != 2 { // the data file and backups/
			t.Errorf("beside the data file while checking: %v", got)
		}
		if got := files(t, e.set.Dir()); len(got) != 1 || got[0] != filepath.Base(tmp) {
			t.Errorf("in the backup folder while checking: %v", got)
		}
		if fi, err := os.Stat(tmp); err != nil || fi.Size()*4 > data.Size() {
			t.Errorf("the compressed copy: %v, %v (data file %d bytes)", fi, err, data.Size())
		}
	}
	defer func() { testHookWritten = nil }()
	if _, err := e.set.Manual(e.st); err != nil {
		t.Fatal(err)
	}
	if !seen {
		t.Fatal("no temporary file was checked")
	}
}

// TestCompressedBackupChangedBeforeItsCheck: a byte of the compressed
// file changed after it was written and synced is found by the read-back
// (decompressing it, the zstd frame's checksum) and nothing is left.
func TestCompressedBackupChangedBeforeItsCheck(t *testing.T) {
	e := demoEnv(t)
	defer e.close()
	for _, at := range []float64{0.1, 0.5, 0.9} {
		testHookWritten = func(tmp string) {
			raw, err := os.ReadFile(tmp)
			if err != nil {
				t.Fatal(err)
			}
			raw[int(float64(len(raw))*at)] ^= 0x04
			if err := os.WriteFile(tmp, raw, 0o600); err != nil {
				t.Fatal(err)
			}
		}
		_, err := e.set.Manual(e.st)
		testHookWritten = nil
		var ve *VerifyError
		if !errors.As(err, &ve) {
			t.Fatalf("a byte changed at %.0f %% of the backup: %v", at*100, err)
		}
		if names := files(t, e.set.Dir()); len(names) != 0 {
			t.Errorf("failed backup left %v behind", names)
		}
	}
}

// TestFrameWithoutChecksumIsRefused: the read-back refuses a zstd stream
// whose frame carries no checksum of its data (one flipped header bit
// would otherwise turn the decoder's check off).
func TestFrameWithoutChecksumIsRefused(t *testing.T) {
	path := filepath.Join(t.TempDir(), "x.db.zst")
	for _, crc := range []bool{true, false} {
		var buf bytes.Buffer
		enc, _ := zstd.NewWriter(&buf, zstd.WithEncoderCRC(crc))
		if _, err := enc.Write(bytes.Repeat([]byte("partner "), 10000)); err != nil {
			t.Fatal(err)
		}
		enc.Close()
		if err := os.WriteFile(path, buf.Bytes(), 0o600); err != nil {
			t.Fatal(err)
		}
		n, err := decompressChecked(path)
		if crc && (err != nil || n != 80000) {
			t.Errorf("with its checksum: %d bytes, %v", n, err)
		}
		if !crc && !errors.Is(err, store.ErrDamaged) {
			t.Errorf("without its checksum: %d bytes, %v", n, err)
		}
	}
}

// TestDamagedRecordFailsTheCompressedBackup: a record whose bytes changed
// on disk fails the check the copied state gets while it is compressed:
// the backup is refused, names the record, and leaves nothing behind.
func TestDamagedRecordFailsTheCompressedBackup(t *testing.T) {
	e := newEnv(t)
	e.save()
	e.close()
	raw, err := os.ReadFile(e.path)
	if err != nil {
		t.Fatal(err)
	}
	i := bytes.Index(raw, []byte("Партнёр 1"))
	if i < 0 {
		t.Fatal("the partner's name is not in the file")
	}
	raw[i+len("Партнёр ")] ^= 0x02 // "1" becomes "3"
	if err := os.WriteFile(e.path, raw, 0o600); err != nil {
		t.Fatal(err)
	}
	e.open()
	defer e.close()
	_, err = e.set.Manual(e.st)
	var ve *VerifyError
	var ce *store.CheckError
	if !errors.As(err, &ve) || !errors.As(err, &ce) || len(ce.Damaged) == 0 {
		t.Fatalf("backup of a file with a damaged record: %v", err)
	}
	t.Logf("refused: %v", err)
	if names := files(t, e.set.Dir()); len(names) != 0 {
		t.Errorf("failed backup left %v behind", names)
	}
}
