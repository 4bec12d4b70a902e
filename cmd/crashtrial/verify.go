package main

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"time"

	"github.com/partnerdesk/partnerdesk/model/store"
	"github.com/partnerdesk/partnerdesk/model/store/backup"
)

// childZone is the child's time zone, in which retention judges days.
var childZone = time.FixedZone("UTC+5", 5*3600)

// verify checks what a killed child left behind.
func (tr *trial) verify(r int) {
	tr.findTemp()
	if _, err := os.Stat(tr.db); errors.Is(err, fs.ErrNotExist) && len(tr.saves) == 0 && len(tr.imports) == 0 && len(tr.backups) == 0 {
		// Killed before the first start had created the file (a slow
		// machine): nothing was acknowledged, so nothing can be lost.
		return
	}
	if _, err := store.Inspect(tr.db); err != nil {
		tr.failf(r, "the data file does not check out: %v", err)
		return
	}
	s, err := store.Open(tr.db, store.Options{ReadOnly: true})
	if err != nil {
		tr.failf(r, "open: %v", err)
		return
	}
	defer s.Close()
	tr.verifySaves(r, s)
	tr.verifyImports(r, s)
	tr.verifyBackups(r)
	tr.verifyExports(r)
}

// findTemp notes the temporary files a kill left: those of backups and
// restores must be gone after the next start; those of exports stay.
func (tr *trial) findTemp() {
	dir := filepath.Dir(tr.db)
	for _, d := range []string{tr.set.Dir(), dir, filepath.Join(dir, "exports")} {
		entries, _ := os.ReadDir(d)
		for _, e := range entries {
			if !strings.HasPrefix(e.Name(), ".") || !strings.HasSuffix(e.Name(), ".tmp") {
				continue
			}
			p := filepath.Join(d, e.Name())
			if filepath.Base(d) == "exports" {
				tr.t.exportTemp[p] = true
				continue
			}
			if !tr.t.tempFound[p] {
				tr.pending = append(tr.pending, p)
			}
			tr.t.tempFound[p] = true
		}
	}
	if len(tr.pending) > 0 {
		tr.roundNote += "temporary files left: " + strconv.Itoa(len(tr.pending)) + "; "
	}
}

func (tr *trial) verifySaves(r int, s *store.Store) {
	for id, want := range tr.saves {
		a, err := s.Agreement(id)
		if err != nil || a.Number != want.number || shaHex([]byte(a.Notes)) != want.notesSHA || len(a.Principles) != 7 || len(a.Responsibilities) != 3 {
			tr.failf(r, "acknowledged agreement %d %s: %v", id, want.number, err)
		}
	}
}

// verifyImports checks that each import is all there or not at all, and
// every acknowledged one is all there.
func (tr *trial) verifyImports(r int, s *store.Store) {
	sums, err := s.Summaries()
	if err != nil {
		tr.failf(r, "summaries: %v", err)
		return
	}
	found := map[string]int{}
	for _, sm := range sums {
		if rest, ok := strings.CutPrefix(sm.Number, "IMP-"); ok {
			found[rest[:strings.LastIndex(rest, "-")]]++
		}
	}
	for batch, n := range found {
		if n != 30 {
			tr.failf(r, "import %s is partly there: %d of 30 agreements", batch, n)
		}
	}
	for batch, n := range tr.imports {
		if found[batch] != n {
			tr.failf(r, "acknowledged import %s: %d of %d agreements", batch, found[batch], n)
		}
	}
}

// verifyBackups checks every file under a backup name (once per file) and
// that every acknowledged backup is there or was removed by the policy.
func (tr *trial) verifyBackups(r int) {
	list, err := tr.set.List()
	if err != nil {
		tr.failf(r, "list backups: %v", err)
		return
	}
	here := map[string]bool{}
	for _, b := range list {
		here[b.Path] = true
		if tr.verified[b.Path] == b.Size {
			continue
		}
		if info := backup.Inspect(b); info.Err != nil {
			tr.failf(r, "backup %s does not check out: %v", b.Path, info.Err)
			continue
		}
		tr.verified[b.Path] = b.Size
		tr.t.backupsChecked++
	}
	rotated := 0
	for p := range tr.backups {
		if here[p] {
			continue
		}
		b, ok := tr.set.ParseName(filepath.Base(p))
		if !ok || backup.DefaultPolicy.Keep(append(list, b), childZone)[p] {
			tr.failf(r, "acknowledged backup %s is gone, and the policy keeps it", p)
			tr.t.backupsLost++
		}
		rotated++
	}
	tr.t.backupsOnDisk, tr.t.backupsRotated = len(list), rotated
}

// verifyExports checks that every file under an export name is complete,
// and holds what was acknowledged.
func (tr *trial) verifyExports(r int) {
	dir := filepath.Join(filepath.Dir(tr.db), "exports")
	entries, _ := os.ReadDir(dir)
	n := 0
	for _, e := range entries {
		if strings.HasPrefix(e.Name(), ".") {
			continue
		}
		p := filepath.Join(dir, e.Name())
		raw, err := os.ReadFile(p)
		var x exportFile
		if err != nil || json.Unmarshal(raw, &x) != nil || !x.Complete {
			tr.failf(r, "export %s is not complete", p)
			continue
		}
		sum := sha256.Sum256(raw)
		if want, ok := tr.exports[p]; ok && want != hex.EncodeToString(sum[:]) {
			tr.failf(r, "export %s differs from what was acknowledged", p)
		}
		n++
	}
	for p := range tr.exports {
		if _, err := os.Stat(p); err != nil {
			tr.failf(r, "acknowledged export %s is gone", p)
		}
	}
	tr.t.exportsOnDisk = n
}
