package main

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"io"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strconv"
	"time"

	"github.com/partnerdesk/partnerdesk/model"
	"github.com/partnerdesk/partnerdesk/model/store"
	"github.com/partnerdesk/partnerdesk/model/store/backup"
	"github.com/partnerdesk/partnerdesk/model/store/storetest"
)

// The child works as the app does, on a clock that starts each round on a
// new day (so Daily and rotation see 200 days), and acknowledges each
// finished step on stdout, one line each, written before the next step:
//
//	D <step>                       about to do step (start, daily, save, import, backup, compact, export)
//	S <id> <number> <sha of notes> an agreement is saved
//	I <batch> <n>                  an import of n agreements IMP-<batch>-<k> is committed
//	B <path>                       a verified backup exists
//	E <path> <sha>                 an export file exists
//	F <message>                    the child failed (a trial failure)
func child(db string, round int, seed uint64) {
	started := time.Now()
	day := time.Date(2026, 11, 28, 9, 0, 0, 0, childZone).AddDate(0, 0, round)
	now := func() time.Time { return day.Add(time.Since(started)) }
	say("D start")
	set := backup.New(db, backup.Options{Now: now})
	st, d := set.OpenOrDiagnose(store.Options{Now: now, User: "trial", Timeout: 5 * time.Second})
	if d != nil {
		fail("open: %s %v", d.Problem, d.Err)
	}
	say("D daily")
	if b, took, err := set.Daily(st); err != nil {
		fail("daily backup: %v", err)
	} else if took {
		say("B %s", b.Path)
	}
	partner := ensurePartner(st)
	rng := rand.New(rand.NewPCG(seed, uint64(round)))
	for i := 0; ; i++ {
		batch := strconv.Itoa(round) + "-" + strconv.Itoa(i)
		switch n := rng.IntN(100); {
		case n < 60:
			say("D save")
			saveOne(st, partner, batch, rng)
		case n < 75:
			say("D import")
			b, err := set.BeforeImport(st)
			if err != nil {
				fail("backup before import: %v", err)
			}
			say("B %s", b.Path)
			importBatch(st, batch, 10, 30)
			say("I %s %d", batch, 30)
		case n < 87:
			say("D backup")
			b, err := set.Manual(st)
			if err != nil {
				fail("backup: %v", err)
			}
			say("B %s", b.Path)
		case n < 92:
			say("D compact")
			st = compact(set, st, store.Options{Now: now, User: "trial", Timeout: 5 * time.Second})
		default:
			say("D export")
			export(st, filepath.Join(filepath.Dir(db), "exports", "export-"+batch+".json"))
		}
	}
}

// compact closes the store, compacts the data file as partnerctl compact
// and the app's start do (a compressed backup first, a checked copy, a
// rename) and opens it again.
func compact(set *backup.Set, st *store.Store, opts store.Options) *store.Store {
	if err := st.Close(); err != nil {
		fail("compact: %v", err)
	}
	c, err := set.Compact()
	if err != nil && c.After == 0 {
		fail("compact: %v", err)
	}
	say("B %s", c.Backup.Path)
	st, err = store.Open(set.DataPath(), opts)
	if err != nil {
		fail("open after compacting: %v", err)
	}
	return st
}

func say(format string, a ...any) { fmt.Fprintf(os.Stdout, format+"\n", a...) }

func fail(format string, a ...any) {
	say("F "+format, a...)
	os.Exit(1)
}

func ensurePartner(st *store.Store) model.ID {
	var id model.ID
	err := st.Update(func(tx *store.Tx) error {
		if p, err := tx.PartnerByTaxID("KZ", storetest.BIN1); err == nil {
			id = p.ID
			return nil
		}
		p := storetest.FullPartner("Crash trial partner", storetest.BIN1)
		err := tx.SavePartner(&p)
		id = p.ID
		return err
	})
	if err != nil {
		fail("partner: %v", err)
	}
	return id
}

func saveOne(st *store.Store, partner model.ID, batch string, rng *rand.Rand) {
	a := storetest.FullAgreement("T-"+batch, partner)
	a.Notes = fmt.Sprintf("payload %s %x", batch, rng.Uint64())
	if err := st.SaveAgreement(&a); err != nil {
		fail("save: %v", err)
	}
	say("S %d %s %s", a.ID, a.Number, shaHex([]byte(a.Notes)))
}

// importBatch stands in for the Excel/JSON import, which is being written
// elsewhere: one transaction of partners and agreements naming them. When
// the real import lands, call it here instead (after set.BeforeImport, as
// above), keeping the "I" acknowledgement with its record count.
func importBatch(st *store.Store, batch string, partners, agreements int) {
	err := st.Update(func(tx *store.Tx) error {
		ids := make([]model.ID, partners)
		for k := range partners {
			p := storetest.FullPartner(fmt.Sprintf("Импорт %s-%d", batch, k), "")
			if err := tx.SavePartner(&p); err != nil {
				return err
			}
			ids[k] = p.ID
		}
		for k := range agreements {
			a := storetest.FullAgreement(fmt.Sprintf("IMP-%s-%d", batch, k), ids[k%partners])
			if err := tx.SaveAgreement(&a); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		fail("import: %v", err)
	}
}

// export writes the summaries as JSON through store.WriteFileAtomic, as
// the report exports do, ending with a marker a half-written file lacks.
func export(st *store.Store, path string) {
	sums, err := st.Summaries()
	if err != nil {
		fail("export: %v", err)
	}
	if err := os.MkdirAll(filepath.Dir(path), 0o700); err != nil {
		fail("export: %v", err)
	}
	h := sha256.New()
	err = store.WriteFileAtomic(path, 0o600, func(w io.Writer) error {
		return json.NewEncoder(io.MultiWriter(w, h)).Encode(exportFile{Summaries: sums, Complete: true})
	})
	if err != nil {
		fail("export: %v", err)
	}
	say("E %s %s", path, hex.EncodeToString(h.Sum(nil)))
}

type exportFile struct {
	Summaries []model.Summary `json:"summaries"`
	Complete  bool            `json:"complete"`
}

func shaHex(b []byte) string {
	s := sha256.Sum256(b)
	return hex.EncodeToString(s[:])
}
