package store_test

import (
	"encoding/json"
	"hash/crc32"
	"testing"

	bolt "go.etcd.io/bbolt"

	"github.com/partnerdesk/partnerdesk/model"
	"github.com/partnerdesk/partnerdesk/model/store"
	"github.com/partnerdesk/partnerdesk/model/store/storetest"
)

// BenchmarkSaveAgreement saves one edited agreement into the 50,000
// agreement file: validation, indexes, summary and history, one fsync.
func BenchmarkSaveAgreement(b *testing.B) {
	path := storetest.CopyFile(b, storetest.BenchFile(b, 10000, 50000), b.TempDir())
	s, err := store.Open(path, store.Options{})
	if err != nil {
		b.Fatal(err)
	}
	defer s.Close()
	a, err := s.AgreementByNumber("СП-2024/100")
	if err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	i := 0
	for b.Loop() {
		i++
		a.Notes = "правка " + string(rune('а'+i%32))
		if err := s.SaveAgreement(&a); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkBareBoltUpdate writes the same keys and bytes as one save of
// BenchmarkSaveAgreement (record, summary, number index, partner pairs,
// history entry) in one bare bbolt Update: the floor a save cannot beat.
func BenchmarkBareBoltUpdate(b *testing.B) {
	path := storetest.CopyFile(b, storetest.BenchFile(b, 10000, 50000), b.TempDir())
	s, err := store.Open(path, store.Options{})
	if err != nil {
		b.Fatal(err)
	}
	a, err := s.AgreementByNumber("СП-2024/100")
	if err != nil {
		b.Fatal(err)
	}
	s.Close()
	db, err := bolt.Open(path, 0o600, nil)
	if err != nil {
		b.Fatal(err)
	}
	defer db.Close()
	key := u64(uint64(a.ID))
	rec, _ := json.Marshal(a)
	sum := model.Summarize(&a)
	sumRaw, _ := json.Marshal(sum)
	hist, _ := json.Marshal(model.HistoryEntry{User: "secretary", Entity: model.EntityAgreement, EntityID: a.ID, Action: model.ActionUpdated, Fields: []string{"notes"}})
	b.ReportAllocs()
	for b.Loop() {
		err := db.Update(func(tx *bolt.Tx) error {
			put := func(bucket string, k, v []byte) error { return tx.Bucket([]byte(bucket)).Put(k, v) }
			if err := put("agreements", key, rec); err != nil {
				return err
			}
			if err := put("summaries", key, sumRaw); err != nil {
				return err
			}
			if err := put("idx_number", []byte(model.NormalizeNumber(a.Number)), key); err != nil {
				return err
			}
			for _, p := range a.PartnerIDs {
				if err := put("idx_partner_agr", append(u64(uint64(p)), key...), nil); err != nil {
					return err
				}
			}
			hb := tx.Bucket([]byte("history"))
			seq, _ := hb.NextSequence()
			return hb.Put(append(append([]byte("a"), key...), u64(seq)...), hist)
		})
		if err != nil {
			b.Fatal(err)
		}
	}
}

func u64(n uint64) []byte {
	return []byte{byte(n >> 56), byte(n >> 48), byte(n >> 40), byte(n >> 32), byte(n >> 24), byte(n >> 16), byte(n >> 8), byte(n)}
}

// BenchmarkOpenChecksums separates what the record checksums add to
// opening the 50,000-agreement file: "list-data" is store.ListData (the
// institution, 10,000 partners and 50,000 summaries read, checksums
// verified, JSON decoded), "crc-only" computes the same checksums over the
// same records through a bare bbolt scan, without decoding.
func BenchmarkOpenChecksums(b *testing.B) {
	path := storetest.BenchFile(b, 10000, 50000)
	s, err := store.Open(path, store.Options{ReadOnly: true})
	if err != nil {
		b.Fatal(err)
	}
	b.Run("list-data", func(b *testing.B) {
		for b.Loop() {
			if _, _, _, err := s.ListData(); err != nil {
				b.Fatal(err)
			}
		}
	})
	s.Close()
	db, err := bolt.Open(path, 0o600, &bolt.Options{ReadOnly: true})
	if err != nil {
		b.Fatal(err)
	}
	defer db.Close()
	table := crc32.MakeTable(crc32.Castagnoli)
	b.Run("crc-only", func(b *testing.B) {
		var n int64
		for b.Loop() {
			n = 0
			_ = db.View(func(tx *bolt.Tx) error {
				for _, name := range []string{"institution", "partners", "summaries"} {
					_ = tx.Bucket([]byte(name)).ForEach(func(k, v []byte) error {
						n += int64(len(k) + len(v))
						if crc32.Update(crc32.Update(0, table, k), table, v[:len(v)-4]) == 0 {
							b.Log("zero")
						}
						return nil
					})
				}
				return nil
			})
		}
		b.SetBytes(n)
	})
}
