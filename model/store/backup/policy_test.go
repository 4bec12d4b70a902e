package backup

import (
	"maps"
	"path/filepath"
	"slices"
	"testing"
	"time"
)

// synthetic returns a backup taken at t (no file needed for Keep).
func synthetic(t time.Time, k Kind) Backup {
	return Backup{Path: nameFor("partnerdesk.db", t, k), Kind: k, Time: t.UTC()}
}

func kept(p Policy, list []Backup) []string {
	return slices.Sorted(maps.Keys(p.Keep(list, almaty)))
}

func TestKeepDailyForAYear(t *testing.T) {
	last := time.Date(2026, 11, 28, 10, 0, 0, 0, almaty)
	var list []Backup
	for d := range 400 {
		list = append(list, synthetic(last.AddDate(0, 0, -d), KindDaily))
	}
	var want []string
	for d := range 14 { // 15.11 … 28.11
		want = append(want, synthetic(last.AddDate(0, 0, -d), KindDaily).Path)
	}
	for m := 1; m <= 11; m++ { // the last day of December 2025 … October 2026
		endOfMonth := time.Date(2026, 11-time.Month(m)+1, 0, 10, 0, 0, 0, almaty)
		want = append(want, synthetic(endOfMonth, KindDaily).Path)
	}
	slices.Sort(want)
	if got := kept(DefaultPolicy, list); !slices.Equal(got, want) {
		t.Fatalf("kept %d:\n%v\nwant %d:\n%v", len(got), got, len(want), want)
	}
}

func TestKeepEventsAndUpgrades(t *testing.T) {
	day := time.Date(2026, 11, 28, 8, 0, 0, 0, almaty)
	list := []Backup{synthetic(day.AddDate(-3, 0, 0), KindUpgrade)}
	for i := range 15 {
		list = append(list, synthetic(day.Add(time.Duration(i)*time.Minute), KindImport))
	}
	list = append(list, synthetic(day.Add(time.Hour), KindDaily))
	got := kept(DefaultPolicy, list)
	// The upgrade backup, the daily backup (newest of the day), the 10
	// newest imports; the old upgrade backup is also its month's newest.
	if len(got) != 12 || !slices.Contains(got, list[0].Path) || !slices.Contains(got, list[16].Path) {
		t.Fatalf("kept %v", got)
	}
	for i := 1; i <= 5; i++ {
		if slices.Contains(got, list[i].Path) {
			t.Errorf("import %d of 15 kept", i)
		}
	}
}

func TestKeepCountsDaysThatHaveBackups(t *testing.T) {
	// Twenty days of work in January, then a pause until November.
	var list []Backup
	for d := range 20 {
		list = append(list, synthetic(time.Date(2026, 1, 1+d, 9, 0, 0, 0, almaty), KindDaily))
	}
	list = append(list, synthetic(time.Date(2026, 11, 28, 9, 0, 0, 0, almaty), KindDaily))
	if got := kept(DefaultPolicy, list); len(got) != 14 {
		t.Fatalf("after a pause %d backups kept, want 14 (13 January days and today)", len(got))
	}
}

func TestKeepJudgesLocalDays(t *testing.T) {
	// 23:30 and 00:30 local time fall on one UTC day but two local days.
	a := synthetic(time.Date(2026, 11, 27, 23, 30, 0, 0, almaty), KindDaily)
	b := synthetic(time.Date(2026, 11, 28, 0, 30, 0, 0, almaty), KindDaily)
	if got := kept(DefaultPolicy, []Backup{a, b}); len(got) != 2 {
		t.Fatalf("kept %v", got)
	}
	if got := DefaultPolicy.Keep([]Backup{a, b}, time.UTC); len(got) != 1 {
		t.Fatalf("in UTC kept %v", got)
	}
}

// TestRotationOverNinetyDays runs the app's start-up backup for 90 days
// with a fake clock, with two imports every third day and an upgrade on
// day 40, and checks that the folder holds exactly what the policy keeps
// of everything ever taken.
func TestRotationOverNinetyDays(t *testing.T) {
	e := newEnv(t)
	defer e.close()
	e.clock.T = time.Date(2026, 9, 1, 8, 0, 0, 0, almaty)
	var taken []Backup
	for day := range 90 {
		e.save()
		b, took, err := e.set.Daily(e.st)
		if !took || err != nil {
			t.Fatalf("day %d: %v %v", day, took, err)
		}
		taken = append(taken, b)
		if day%3 == 0 {
			for range 2 {
				e.clock.Advance(time.Hour)
				b, err := e.set.BeforeImport(e.st)
				if err != nil {
					t.Fatal(err)
				}
				taken = append(taken, b)
			}
		}
		if day == 40 {
			if err := e.set.BeforeMigrate(1, 2); err != nil {
				t.Fatal(err)
			}
			list, _ := e.set.List()
			taken = append(taken, list[0])
		}
		e.clock.T = e.clock.T.Truncate(24 * time.Hour).Add(24*time.Hour + time.Duration(day%5)*time.Hour + 3*time.Hour)
	}
	list, err := e.set.List()
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	kinds, days := map[Kind]int{}, map[string]bool{}
	for _, b := range list {
		got = append(got, filepath.Base(b.Path))
		kinds[b.Kind]++
		days[b.Time.In(almaty).Format("2006-01-02")] = true
	}
	var want []string
	for p := range DefaultPolicy.Keep(taken, almaty) {
		want = append(want, filepath.Base(p))
	}
	slices.Sort(got)
	slices.Sort(want)
	if !slices.Equal(got, want) {
		t.Fatalf("folder holds %d backups:\n%v\npolicy keeps %d:\n%v", len(got), got, len(want), want)
	}
	// At least the 14 latest days and the newest of September and October;
	// the upgrade backup and the 10 newest imports may add days.
	if len(days) < 16 || kinds[KindUpgrade] != 1 || kinds[KindImport] < 10 {
		t.Errorf("kept %d days, kinds %v", len(days), kinds)
	}
	t.Logf("90 days: %d backups taken, %d kept (%d days): %v", len(taken), len(list), len(days), kinds)
	for _, b := range list[:3] {
		if info := Inspect(b); info.Err != nil {
			t.Errorf("%s: %v", b.Path, info.Err)
		}
	}
}
