package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// A flipped bit in a partner's BIN: check names the partner and points at
// repair (exit 4); repair takes the record back from the compressed backup;
// check passes again; compact backs up first and keeps every record.
func TestRepairAndCompact(t *testing.T) {
	db := demoDB(t)
	if code, out, e := ctl(t, "backup", "--db", db); code != 0 || !strings.Contains(out, ".db.zst") {
		t.Fatalf("backup: %d %q %q", code, out, e)
	}
	raw, err := os.ReadFile(db)
	if err != nil {
		t.Fatal(err)
	}
	n := 0
	for off := 0; ; n++ {
		i := bytes.Index(raw[off:], []byte(`"tax_id":"`))
		if i < 0 || n == 1 {
			break
		}
		raw[off+i+14] ^= 0x01
		off += i + 1
	}
	if err := os.WriteFile(db, raw, 0o600); err != nil {
		t.Fatal(err)
	}
	code, _, e := ctl(t, "check", "--db", db)
	if code != 4 || !strings.Contains(e, "the record of partner") || !strings.Contains(e, "partnerctl repair") {
		t.Fatalf("check of a damaged record: %d %q", code, e)
	}
	code, out, e := ctl(t, "repair", "--db", db)
	if code != 0 || !strings.Contains(out, "repaired partner") || !strings.Contains(out, "fields tax_id") || !strings.Contains(out, "passes its check") {
		t.Fatalf("repair: %d %q %q", code, out, e)
	}
	if kept, _ := filepath.Glob(db + ".damaged-*"); len(kept) != 1 {
		t.Errorf("copy of the damaged file: %v", kept)
	}
	if code, out, e := ctl(t, "check", "--db", db); code != 0 || !strings.HasPrefix(out, "OK ") {
		t.Fatalf("check after the repair: %d %q %q", code, out, e)
	}
	code, out, e = ctl(t, "compact", "--db", db)
	if code != 0 || !strings.Contains(out, "compacted ") || !strings.Contains(out, "-compact.db.zst") {
		t.Fatalf("compact: %d %q %q", code, out, e)
	}
	if code, out, _ := ctl(t, "check", "--db", db); code != 0 || !strings.Contains(out, "8 partners, 20 agreements") {
		t.Fatalf("check after compacting: %d %q", code, out)
	}
}
