package store_test

import (
	"encoding/binary"
	"errors"
	"strings"
	"testing"

	bolt "go.etcd.io/bbolt"

	"github.com/partnerdesk/partnerdesk/model"
	"github.com/partnerdesk/partnerdesk/model/demo"
	"github.com/partnerdesk/partnerdesk/model/store"
)

// A bit flipped inside a stored diagnostic round is found by Check and by
// reading the round, and the round is named.
func TestFlippedRoundIsDetected(t *testing.T) {
	path, _ := demoFile(t, 4, 6)
	db, err := bolt.Open(path, 0o600, nil)
	if err != nil {
		t.Fatal(err)
	}
	key := binary.BigEndian.AppendUint64(nil, 2)
	err = db.Update(func(tx *bolt.Tx) error {
		b := tx.Bucket([]byte("diag_rounds"))
		v := append([]byte(nil), b.Get(key)...)
		if len(v) < 100 {
			return errors.New("no round 2")
		}
		v[len(v)/2] ^= 0x04
		return b.Put(key, v)
	})
	db.Close()
	if err != nil {
		t.Fatal(err)
	}
	s, err := store.Open(path, store.Options{ReadOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if err := s.Check(); err == nil || !strings.Contains(err.Error(), "diagnostic round 2") {
		t.Errorf("Check: %v", err)
	}
	var re *store.RecordError
	if _, err := s.Round(2); !errors.As(err, &re) || re.Record.Kind != "diagnostic round" {
		t.Errorf("reading the round: %v", err)
	}
	if _, err := s.Round(1); err != nil {
		t.Errorf("the sound round 1: %v", err)
	}
}

// A data file from before diagnostic rounds (no bucket for them) reads as
// holding none when opened read-only, and gets the bucket when opened for
// writing.
func TestFileWithoutRounds(t *testing.T) {
	path, _ := demoFile(t, 2, 2)
	db, err := bolt.Open(path, 0o600, nil)
	if err != nil {
		t.Fatal(err)
	}
	if err := db.Update(func(tx *bolt.Tx) error { return tx.DeleteBucket([]byte("diag_rounds")) }); err != nil {
		t.Fatal(err)
	}
	db.Close()
	ro, err := store.Open(path, store.Options{ReadOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	if list, err := ro.Rounds(); err != nil || len(list) != 0 {
		t.Errorf("read-only: %d rounds, %v", len(list), err)
	}
	if err := ro.Check(); err != nil {
		t.Errorf("Check of a file without rounds: %v", err)
	}
	ro.Close()
	rw, err := store.Open(path, store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer rw.Close()
	if sc, err := rw.DiagnosticScale(); err != nil || len(sc.Levels) != 3 {
		t.Fatalf("scale %v", err)
	}
	r := demo.PaperRound(model.NewDate(2023, 12, 15))
	if err := rw.SaveRound(&r); err != nil {
		t.Fatal(err)
	}
	if list, _ := rw.Rounds(); len(list) != 1 || rw.Check() != nil {
		t.Fatalf("%d rounds after saving one", len(list))
	}
}
