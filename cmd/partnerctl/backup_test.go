package main

import (
	"bytes"
	"crypto/sha256"
	"encoding/binary"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/partnerdesk/partnerdesk/model/store"
)

func demoDB(t *testing.T) string {
	t.Helper()
	db := filepath.Join(t.TempDir(), "partnerdesk.db")
	if code, _, e := ctl(t, "demo", "--partners", "8", "--agreements", "20", "--today", "28.11.2026", "--db", db); code != 0 {
		t.Fatalf("demo: %d %s", code, e)
	}
	return db
}

func sha(t *testing.T, path string) [32]byte {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return sha256.Sum256(b)
}

func TestBackupListRestore(t *testing.T) {
	db := demoDB(t)
	code, out, e := ctl(t, "backup", "--db", db)
	if code != 0 || !strings.Contains(out, filepath.Join(filepath.Dir(db), "backups")) {
		t.Fatalf("backup: %d %q %q", code, out, e)
	}
	copyTo := filepath.Join(t.TempDir(), "copy.db")
	if code, out, e := ctl(t, "backup", copyTo, "--db", db); code != 0 || !strings.Contains(out, "8 partners, 20 agreements, checked") {
		t.Fatalf("backup FILE: %d %q %q", code, out, e)
	}
	if code, _, e := ctl(t, "backup", db, "--db", db); code != 1 || !strings.Contains(e, "data file itself") {
		t.Fatalf("backup over the data file: %d %q", code, e)
	}
	code, out, _ = ctl(t, "backups", "--db", db)
	lines := strings.Split(strings.TrimSpace(out), "\n")
	if code != 0 || len(lines) != 1 || !strings.Contains(lines[0], "\tmanual\t") || !strings.Contains(lines[0], "\t8\t20\tOK\t") {
		t.Fatalf("backups: %d %q", code, out)
	}
	name := filepath.Base(lines[0][strings.LastIndex(lines[0], "\t")+1:])
	// Change the data file, then restore the backup by its name.
	if code, _, e := ctl(t, "restore", name, "--db", db); code != 0 {
		t.Fatalf("restore %s: %d %s", name, code, e)
	}
	code, out, _ = ctl(t, "backups", "--db", db, "--format", "json")
	if code != 0 || !strings.Contains(out, `"kind": "restore"`) || !strings.Contains(out, `"ok": true`) {
		t.Fatalf("backups after restore: %q", out)
	}
	if code, out, _ := ctl(t, "check", "--db", db); code != 0 || !strings.HasPrefix(out, "OK ") {
		t.Fatalf("check after restore: %d %q", code, out)
	}
}

func TestRestoreRefusedWhileOpen(t *testing.T) {
	db := demoDB(t)
	if code, _, _ := ctl(t, "backup", "--db", db); code != 0 {
		t.Fatal(code)
	}
	s, err := store.Open(db, store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if code, _, e := ctl(t, "restore", "newest", "--db", db); code != exitLocked || !strings.Contains(e, "already open") {
		t.Fatalf("restore while open: %d %q", code, e)
	}
}

// TestCheckSaysWhatIsWrong damages the data file and shows that check
// exits 4, names the problem and the backup to restore, and leaves the
// file as it was; restore newest then brings it back.
func TestCheckSaysWhatIsWrong(t *testing.T) {
	page := os.Getpagesize()
	for name, c := range map[string]struct {
		damage func([]byte) []byte
		says   string
	}{
		"truncated": {func(b []byte) []byte { return b[:len(b)/3] }, "cut short"},
		"page IDs flipped": {func(b []byte) []byte {
			for off := 2 * page; off+8 <= len(b); off += page {
				binary.NativeEndian.PutUint64(b[off:], binary.NativeEndian.Uint64(b[off:])^4)
			}
			return b
		}, "page structure"},
		"meta pages flipped": {func(b []byte) []byte { b[40] ^= 1; b[page+40] ^= 1; return b }, "damaged"},
	} {
		t.Run(strings.ReplaceAll(name, " ", "_"), func(t *testing.T) {
			db := demoDB(t)
			if code, _, _ := ctl(t, "backup", "--db", db); code != 0 {
				t.Fatal(code)
			}
			raw, _ := os.ReadFile(db)
			if err := os.WriteFile(db, c.damage(raw), 0o600); err != nil {
				t.Fatal(err)
			}
			before := sha(t, db)
			code, out, e := ctl(t, "check", "--db", db)
			if code != exitDamaged || out != "" || !strings.Contains(e, c.says) || !strings.Contains(e, "partnerctl restore newest") {
				t.Fatalf("check: %d %q %q", code, out, e)
			}
			if sha(t, db) != before {
				t.Fatal("check changed the damaged file")
			}
			code, out, e = ctl(t, "restore", "newest", "--db", db)
			if code != 0 || !strings.Contains(out, "kept aside as "+db+".damaged-") {
				t.Fatalf("restore: %d %q %q", code, out, e)
			}
			if code, _, e := ctl(t, "check", "--db", db); code != 0 {
				t.Fatalf("check after restore: %d %s", code, e)
			}
		})
	}
}

func TestCheckWithoutBackups(t *testing.T) {
	db := filepath.Join(t.TempDir(), "partnerdesk.db")
	if err := os.WriteFile(db, bytes.Repeat([]byte("not a database "), 600), 0o600); err != nil {
		t.Fatal(err)
	}
	code, _, e := ctl(t, "check", "--db", db)
	if code != exitDamaged || !strings.Contains(e, "no usable backup") {
		t.Fatalf("check: %d %q", code, e)
	}
	if code, _, e := ctl(t, "restore", "newest", "--db", db); code != 1 || !strings.Contains(e, "no usable backup") {
		t.Fatalf("restore newest without backups: %d %q", code, e)
	}
}
