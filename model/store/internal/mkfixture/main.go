// Command mkfixture writes the schema fixture of the current data format:
// testdata/schema-N.db, a data file made by this version of the store with
// fixed demo data, date, clock and user, and testdata/schema-N.json, every
// record it holds (storetest.Dump). The migration test opens a copy of
// each fixture, migrates it and compares every record with the dump.
//
// Run it once, when a release introduces format N (go generate
// ./model/store). A fixture is made by the version that wrote that format
// and is never regenerated: mkfixture refuses to overwrite one unless
// given -force.
package main

import (
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"time"

	"github.com/partnerdesk/partnerdesk/model"
	"github.com/partnerdesk/partnerdesk/model/demo"
	"github.com/partnerdesk/partnerdesk/model/store"
	"github.com/partnerdesk/partnerdesk/model/store/storetest"
)

func main() {
	dir := flag.String("dir", "testdata", "folder of the fixtures")
	force := flag.Bool("force", false, "overwrite an existing fixture of the current format")
	flag.Parse()
	if err := run(*dir, *force); err != nil {
		fmt.Fprintln(os.Stderr, "mkfixture:", err)
		os.Exit(1)
	}
}

func run(dir string, force bool) error {
	base := filepath.Join(dir, fmt.Sprintf("schema-%d", store.SchemaVersion))
	if _, err := os.Stat(base + ".db"); err == nil && !force {
		return fmt.Errorf("%s.db exists: fixtures are made once, by the version that wrote the format", base)
	}
	tmp := base + ".db.new"
	os.Remove(tmp)
	clock := &storetest.Clock{T: time.Date(2026, 11, 28, 9, 30, 0, 0, time.UTC)}
	s, err := store.Open(tmp, store.Options{Now: clock.Now, User: "fixture"})
	if err != nil {
		return err
	}
	defer os.Remove(tmp)
	d := demo.Generate(demo.Options{Seed: 1, Partners: 20, Agreements: 60, Today: model.MustDate("28.11.2026")})
	if err := s.AddNew(d, 20, nil); err != nil {
		return err
	}
	if err := edit(s, clock); err != nil {
		return err
	}
	dump, err := storetest.TakeDump(s)
	if err != nil {
		return err
	}
	if err := s.Check(); err != nil {
		return err
	}
	if err := s.Close(); err != nil {
		return err
	}
	js, err := json.MarshalIndent(dump, "", "  ")
	if err != nil {
		return err
	}
	if err := os.WriteFile(base+".json", append(js, '\n'), 0o644); err != nil {
		return err
	}
	if err := os.Rename(tmp, base+".db"); err != nil {
		return err
	}
	return os.Chmod(base+".db", 0o644)
}

// edit adds the kinds of history that loading alone does not make: an
// updated partner, an updated and a deleted agreement, a removed
// attachment.
func edit(s *store.Store, clock *storetest.Clock) error {
	clock.Advance(time.Hour)
	return s.Update(func(tx *store.Tx) error {
		p, err := tx.Partner(1)
		if err != nil {
			return err
		}
		p.Notes = "Изменено после загрузки"
		if err := tx.SavePartner(&p); err != nil {
			return err
		}
		a, err := tx.Agreement(2)
		if err != nil {
			return err
		}
		a.Notes = "Дополнено"
		if err := tx.SaveAgreement(&a); err != nil {
			return err
		}
		withAtt, err := tx.Agreement(4)
		if err != nil {
			return err
		}
		if len(withAtt.Attachments) > 0 {
			if err := tx.RemoveAttachment(withAtt.ID, withAtt.Attachments[0].ID); err != nil {
				return err
			}
		}
		return tx.DeleteAgreement(5)
	})
}
