package store

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"reflect"

	"github.com/partnerdesk/partnerdesk/model"
)

// Check verifies the data file: bbolt's page structure, then that every
// record decodes and every index, summary and attachment agrees with the
// records. It returns nil, or a *CheckError listing every problem.
func (s *Store) Check() error {
	if err := s.usable(); err != nil {
		return err // a closed store is not a damaged one
	}
	if b, ok := s.be.(*boltBackend); ok {
		problems := b.walk()
		if len(problems) == 0 {
			problems = b.checkPages()
		}
		if len(problems) > 0 {
			return &CheckError{Problems: problems}
		}
	}
	return s.checkRecords()
}

// checkRecords runs the record checks of Check, reporting a panic or fault
// while reading as one more problem.
func (s *Store) checkRecords() error {
	var problems []string
	var damaged []RecordRef
	err := safely(s.path, func() error {
		return s.be.view(func(kv kvTx) (err error) {
			defer catchRecord(&err)
			// A server keeps no record checksums: PostgreSQL checks its
			// own pages (data checksums).
			problems, damaged = s.recordProblems(kv, s.ses == nil)
			return nil
		})
	})
	return checkResult(problems, damaged, err)
}

// recordProblems checks the records as kv sees them: with sums, the
// damaged records first and alone when there are any (the other checks
// would only repeat them: they run once the records are repaired), then
// the logical checks.
func (s *Store) recordProblems(kv kvTx, sums bool) (problems []string, damaged []RecordRef) {
	defer relaxGC()()
	if sums {
		damaged = damagedRecords(kv, maxProblems)
	}
	if len(damaged) > 0 {
		for _, r := range damaged {
			problems = append(problems, r.Problem())
		}
		return problems, damaged
	}
	t := s.tx(kv)
	if sums {
		// Every checksum was just verified in this read transaction: the
		// record checks read the values without verifying them again.
		t.kv = sumTx{kvTx: kv, path: s.path, verified: true}
	}
	return checkRecords(t), nil
}

// checkResult turns what a check found (and the error that stopped it) into
// Check's answer.
func checkResult(problems []string, damaged []RecordRef, err error) error {
	if err != nil {
		problems = append(problems, err.Error())
	}
	if len(problems) > 0 {
		return &CheckError{Problems: problems, Damaged: damaged}
	}
	return nil
}

// maxProblems is the most problems Check lists.
const maxProblems = 1000

func checkRecords(t *Tx) []string {
	var p []string
	add := func(format string, args ...any) {
		if len(p) < maxProblems {
			p = append(p, fmt.Sprintf(format, args...))
		}
	}
	for _, b := range allBuckets {
		if !t.kv.hasBucket(b) {
			add("bucket %s is missing", b)
			return p
		}
	}
	taxSeen := map[string]model.ID{}
	_ = t.kv.scan(bucketPartners, nil, func(k, v []byte) error {
		var pt model.Partner
		if err := json.Unmarshal(v, &pt); err != nil {
			add("partner %d does not decode: %v", fromU64(k), err)
			return nil
		}
		if uint64(pt.ID) != fromU64(k) {
			add("partner %d is stored under key %d", pt.ID, fromU64(k))
		}
		if pt.TaxID != "" {
			key := string(taxKey(pt.Country, pt.TaxID))
			taxSeen[key] = pt.ID
			if raw := t.kv.get(bucketTaxIndex, []byte(key)); model.ID(fromU64(raw)) != pt.ID {
				add("tax ID index misses partner %d (%s)", pt.ID, key)
			}
		}
		return nil
	})
	_ = t.kv.scan(bucketTaxIndex, nil, func(k, v []byte) error {
		if taxSeen[string(k)] != model.ID(fromU64(v)) {
			add("tax ID index entry %s points at partner %d, which does not hold it", k, fromU64(v))
		}
		return nil
	})
	p = append(p, checkAgreements(t)...)
	return p
}

// attachmentSound reports whether an attachment's bytes are stored whole:
// present, of its size and checksum.
func attachmentSound(t *Tx, att model.Attachment) bool {
	raw := t.kv.get(bucketAttachments, u64(uint64(att.ID)))
	sum := sha256.Sum256(raw)
	return raw != nil && hex.EncodeToString(sum[:]) == att.SHA256 && int64(len(raw)) == att.Size
}

func checkAgreements(t *Tx) []string {
	var p []string
	add := func(format string, args ...any) {
		if len(p) < maxProblems {
			p = append(p, fmt.Sprintf(format, args...))
		}
	}
	_ = t.flushIndexes() // a check inside a writing transaction sees what it wrote
	numbers, pairs, blobs := map[string]bool{}, map[string]bool{}, map[uint64]bool{}
	_ = t.kv.scan(bucketAgreements, nil, func(k, v []byte) error {
		var a model.Agreement
		if err := json.Unmarshal(v, &a); err != nil {
			add("agreement %d does not decode: %v", fromU64(k), err)
			return nil
		}
		var sum model.Summary
		if err := t.getJSON(bucketSummaries, k, &sum); err != nil {
			add("agreement %s has no readable summary: %v", a.Number, err)
		} else if want := model.Summarize(&a); !reflect.DeepEqual(normSummary(sum), normSummary(want)) {
			add("agreement %s: summary differs from the record", a.Number)
		}
		num := t.numberKey(a.Department, a.Number)
		numbers[num] = true
		if model.ID(fromU64(t.kv.get(bucketNumberIndex, []byte(num)))) != a.ID {
			add("number index misses agreement %s", a.Number)
		}
		for _, pid := range a.PartnerIDs {
			pairs[string(pairKey(uint64(pid), uint64(a.ID)))] = true
			if t.kv.get(bucketPartners, u64(uint64(pid))) == nil {
				add("agreement %s names partner %d, which does not exist", a.Number, pid)
			}
		}
		for _, att := range a.Attachments {
			blobs[uint64(att.ID)] = true
			if !attachmentSound(t, att) {
				add("agreement %s: attachment %s is missing or damaged", a.Number, att.Name)
			}
		}
		return nil
	})
	_ = t.kv.scan(bucketSummaries, nil, func(k, _ []byte) error {
		if t.kv.get(bucketAgreements, k) == nil {
			add("summary %d has no agreement", fromU64(k))
		}
		return nil
	})
	_ = t.kv.scan(bucketNumberIndex, nil, func(k, _ []byte) error {
		if !numbers[string(k)] {
			add("number index entry %s has no agreement", k)
		}
		return nil
	})
	_ = t.kv.scan(bucketPartnerAgr, nil, func(k, _ []byte) error {
		if !pairs[string(k)] {
			add("partner-agreement index entry %d/%d is stale", fromU64(k[:8]), fromU64(k[8:]))
		}
		return nil
	})
	_ = t.kv.scan(bucketAttachments, nil, func(k, _ []byte) error {
		if !blobs[fromU64(k)] {
			add("attachment %d belongs to no agreement", fromU64(k))
		}
		return nil
	})
	return p
}

// normSummary makes nil and empty slices compare equal.
func normSummary(s model.Summary) model.Summary {
	if len(s.PartnerIDs) == 0 {
		s.PartnerIDs = nil
	}
	if len(s.OpenDue) == 0 {
		s.OpenDue = nil
	}
	s.Updated = s.Updated.UTC()
	return s
}
