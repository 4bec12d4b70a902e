package store

import (
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"
)

// Temporary files a crash left in an export folder are removed by the
// next export into that folder once they are a day old; younger ones (an
// export in progress elsewhere) and other people's files stay.
func TestWriteFileAtomicRemovesStaleTemp(t *testing.T) {
	dir := t.TempDir()
	old := time.Now().Add(-25 * time.Hour)
	files := map[string]time.Time{
		".register.xlsx.partnerdesk-tmp-123.tmp":    old,        // left by a crash: removed
		".all.json.partnerdesk-tmp-9.tmp":           old,        // another export's leftover: removed
		".register.xlsx.partnerdesk-tmp-456.tmp":    time.Now(), // being written by another program: kept
		".register.xlsx.123.tmp":                    old,        // not ours: kept
		"notes.tmp":                                 old,        // not ours: kept
		".partnerdesk-2026-11-28T0430-daily.db.tmp": old,        // a backup's temporary file: the backups' own cleaner
	}
	for name, mtime := range files {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, []byte("half"), 0o600); err != nil {
			t.Fatal(err)
		}
		if err := os.Chtimes(p, mtime, mtime); err != nil {
			t.Fatal(err)
		}
	}
	target := filepath.Join(dir, "register.xlsx")
	if err := WriteFileAtomic(target, 0o644, func(w io.Writer) error {
		// While writing, the temporary file carries the mark.
		entries, _ := os.ReadDir(dir)
		if !slices.ContainsFunc(entries, func(e os.DirEntry) bool {
			return strings.HasPrefix(e.Name(), ".register.xlsx.partnerdesk-tmp-") && e.Name() != ".register.xlsx.partnerdesk-tmp-456.tmp"
		}) {
			t.Errorf("no marked temporary file while writing: %v", entries)
		}
		_, err := io.WriteString(w, "complete")
		return err
	}); err != nil {
		t.Fatal(err)
	}
	var left []string
	entries, _ := os.ReadDir(dir)
	for _, e := range entries {
		left = append(left, e.Name())
	}
	want := []string{".partnerdesk-2026-11-28T0430-daily.db.tmp", ".register.xlsx.123.tmp", ".register.xlsx.partnerdesk-tmp-456.tmp", "notes.tmp", "register.xlsx"}
	if !slices.Equal(left, want) {
		t.Errorf("left %q, want %q", left, want)
	}
}
