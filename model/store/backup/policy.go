package backup

import (
	"errors"
	"os"
	"slices"
	"time"
)

// Policy says which backups Rotate keeps. Days and months are counted
// among those that have backups, not on the calendar, so that a file left
// unused for a while does not lose its backups to the passing of time.
type Policy struct {
	// Days: the newest backup (of any kind) of each of the Days latest
	// days that have backups is kept.
	Days int
	// Months: the newest backup (of any kind) of each of the Months
	// latest calendar months that have backups is kept.
	Months int
	// Events: the Events newest backups of each of the kinds
	// KindImport, KindRestore, KindManual and KindCompact are kept as well, so that the
	// state before each of the last imports can be gone back to even when
	// several happened on one day.
	Events int
}

// DefaultPolicy keeps the newest backup of each of the 14 latest days and
// of each of the 12 latest months that have backups, the 10 newest
// backups taken before imports, before restores and by hand, and every
// backup taken before an upgrade (KindUpgrade: rare, and the only copies
// an older PartnerDesk can open). Everything else is removed.
var DefaultPolicy = Policy{Days: 14, Months: 12, Events: 10}

// Keep reports, by path, which of the backups the policy keeps, judging
// days and months in loc.
func (p Policy) Keep(list []Backup, loc *time.Location) map[string]bool {
	list = slices.Clone(list)
	slices.SortStableFunc(list, func(a, b Backup) int { return b.Time.Compare(a.Time) })
	keep := map[string]bool{}
	days, months := map[string]bool{}, map[string]bool{}
	events := map[Kind]int{}
	for _, b := range list {
		t := b.Time.In(loc)
		if day := t.Format("2006-01-02"); !days[day] && len(days) < p.Days {
			days[day] = true
			keep[b.Path] = true
		}
		if month := t.Format("2006-01"); !months[month] && len(months) < p.Months {
			months[month] = true
			keep[b.Path] = true
		}
		switch b.Kind {
		case KindUpgrade:
			keep[b.Path] = true
		case KindImport, KindRestore, KindManual, KindCompact:
			if events[b.Kind] < p.Events {
				events[b.Kind]++
				keep[b.Path] = true
			}
		}
	}
	return keep
}

// Rotate deletes the backups the policy does not keep and returns them.
// It judges by names only: it never opens a backup, and never touches a
// file that is not a backup of this data file.
func (s *Set) Rotate() (removed []Backup, err error) {
	list, err := s.List()
	if err != nil {
		return nil, err
	}
	keep := s.policy.Keep(list, s.now().Location())
	for _, b := range list {
		if keep[b.Path] {
			continue
		}
		if rerr := os.Remove(b.Path); rerr != nil && !errors.Is(rerr, os.ErrNotExist) {
			err = errors.Join(err, rerr)
			continue
		}
		removed = append(removed, b)
	}
	return removed, err
}
