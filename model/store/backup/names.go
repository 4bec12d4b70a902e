package backup

import (
	"errors"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"time"
)

// Kind says why a backup was taken.
type Kind string

// The kinds of backup.
const (
	// KindDaily is taken when the app starts, at most once a day.
	KindDaily Kind = "daily"
	// KindUpgrade is taken before a schema migration, in the old format.
	KindUpgrade Kind = "upgrade"
	// KindImport is taken before an import or merge.
	KindImport Kind = "import"
	// KindRestore is the data file as it was before a restore replaced it.
	KindRestore Kind = "restore"
	// KindManual is taken on request (partnerctl backup, a Back up now
	// button).
	KindManual Kind = "manual"
	// KindCompact is taken before the data file is compacted.
	KindCompact Kind = "compact"
)

// Kinds lists every kind of backup.
var Kinds = []Kind{KindDaily, KindUpgrade, KindImport, KindRestore, KindManual, KindCompact}

// Backup is one backup file of a Set.
type Backup struct {
	// Path is the backup file's path.
	Path string
	// Kind says why it was taken.
	Kind Kind
	// Time is when it was taken, in UTC, as its name says.
	Time time.Time
	// Size is the file's size in bytes.
	Size int64
}

// Backup names are <stem>-<UTC time>-<kind><ext>, for example
// partnerdesk-2026-11-28T043015.123Z-daily.db for the data file
// partnerdesk.db: they sort by time, carry no ':' (Windows), and name the
// data file they belong to, so that backups of several data files may
// share a folder.
const stampLayout = "2006-01-02T150405.000Z"

// splitData returns a data file name's stem and extension.
func splitData(data string) (stem, ext string) {
	base := filepath.Base(data)
	ext = filepath.Ext(base)
	return strings.TrimSuffix(base, ext), ext
}

// nameFor returns the file name of a backup of data taken at t.
func nameFor(data string, t time.Time, k Kind) string {
	stem, ext := splitData(data)
	return stem + "-" + t.UTC().Format(stampLayout) + "-" + string(k) + ext
}

// parseName reads the time and kind from the name of a backup of data; ok
// is false for every other name.
func parseName(data, name string) (t time.Time, k Kind, ok bool) {
	stem, ext := splitData(data)
	if n := len(name) - len(CompressedExt); n > 0 && IsCompressed(name) {
		name = name[:n]
	}
	rest, found := strings.CutPrefix(name, stem+"-")
	if !found || !strings.HasSuffix(rest, ext) {
		return t, "", false
	}
	rest = strings.TrimSuffix(rest, ext)
	if len(rest) < len(stampLayout)+2 || rest[len(stampLayout)] != '-' {
		return t, "", false
	}
	stamp := rest[:len(stampLayout)]
	t, err := time.Parse(stampLayout, stamp)
	k = Kind(rest[len(stampLayout)+1:])
	// Only the exact form nameFor writes: time.Parse also takes a comma
	// for the decimal point, and Rotate must never delete a file that
	// merely looks like a backup.
	if err != nil || t.Format(stampLayout) != stamp || !slices.Contains(Kinds, k) {
		return time.Time{}, "", false
	}
	return t, k, true
}

// List returns the backups of the data file, newest first. Files that are
// not backups of this data file, and temporary files of backups being
// written or cut short by a crash, are left out. A missing folder is an
// empty list.
func (s *Set) List() ([]Backup, error) {
	entries, err := os.ReadDir(s.dir)
	if errors.Is(err, os.ErrNotExist) {
		return nil, nil
	}
	if err != nil {
		return nil, err
	}
	var list []Backup
	for _, e := range entries {
		t, k, ok := parseName(s.data, e.Name())
		if !ok || !e.Type().IsRegular() {
			continue
		}
		b := Backup{Path: filepath.Join(s.dir, e.Name()), Kind: k, Time: t}
		if fi, err := e.Info(); err == nil {
			b.Size = fi.Size()
		}
		list = append(list, b)
	}
	slices.SortFunc(list, func(a, b Backup) int { return b.Time.Compare(a.Time) })
	return list, nil
}

// ParseName returns the backup that a file named name in the backup folder
// would be; ok is false when name is not the name of a backup of the data
// file. The file need not exist (Size is 0).
func (s *Set) ParseName(name string) (b Backup, ok bool) {
	t, k, ok := parseName(s.data, name)
	if !ok {
		return b, false
	}
	return Backup{Path: filepath.Join(s.dir, name), Kind: k, Time: t}, true
}
