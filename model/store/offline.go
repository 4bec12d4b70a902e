package store

import (
	"bytes"
	"errors"
	"os"
)

// copyBuckets are the buckets an offline copy holds: everything the
// lists, the editor and the documents read, attachments included.
var copyBuckets = [][]byte{
	bucketPartners, bucketAgreements, bucketSummaries, bucketHistory,
	bucketTaxIndex, bucketNumberIndex, bucketPartnerAgr, bucketRounds, bucketAttachments,
}

// copyKeys are the institution bucket's keys (it cannot be scanned on a
// server).
var copyKeys = [][]byte{keyInstitution, keyLayouts}

// copyBatch is how many values SaveCopy writes per transaction.
const copyBatch = 5000

type bucketPair struct {
	bucket, k, v []byte
}

// SaveCopy writes what this store holds (what the connected person may
// read, on a server) to a new data file at path, replacing any earlier
// copy only once the new one is complete: the app's last copy of the
// server, opened read-only when the server cannot be reached.
func (s *Store) SaveCopy(path string) error {
	var pairs []bucketPair
	if err := s.be.view(func(kv kvTx) (err error) {
		pairs, err = s.copyPairs(kv)
		return err
	}); err != nil {
		return err
	}
	tmp := path + ".new"
	if err := os.Remove(tmp); err != nil && !errors.Is(err, os.ErrNotExist) {
		return err
	}
	dst, err := Open(tmp, Options{})
	if err != nil {
		return err
	}
	// Several transactions of copyBatch values: one for everything makes
	// bbolt hold every page it touches until the commit. The copy is
	// still all or nothing: it is renamed into place only when complete.
	for i := 0; i < len(pairs) && err == nil; i += copyBatch {
		batch := pairs[i:min(i+copyBatch, len(pairs))]
		err = dst.be.update(func(kv kvTx) error {
			sealed := dst.tx(kv).kv
			for _, p := range batch {
				if err := sealed.put(p.bucket, p.k, p.v); err != nil {
					return err
				}
			}
			return nil
		})
	}
	if cerr := dst.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		os.Remove(tmp)
		return err
	}
	return os.Rename(tmp, path)
}

// plain returns a value without the checksum a data file adds (a copy of
// a data file); a server's values carry none.
func (s *Store) plain(k, v []byte) []byte {
	if s.ses != nil {
		return v
	}
	if p, ok := unseal(k, v); ok {
		return p
	}
	return v
}

// copyPairs reads every key and value a copy holds.
func (s *Store) copyPairs(kv kvTx) ([]bucketPair, error) {
	var pairs []bucketPair
	for _, k := range copyKeys {
		if v := kv.get(bucketInstitution, k); v != nil {
			pairs = append(pairs, bucketPair{bucketInstitution, bytes.Clone(k), bytes.Clone(s.plain(k, v))})
		}
	}
	for _, b := range copyBuckets {
		if !kv.hasBucket(b) {
			continue
		}
		err := kv.scan(b, nil, func(k, v []byte) error {
			if bytes.Equal(b, bucketAttachments) && s.ses != nil {
				v = kv.get(b, k) // a server lists attachments without their bytes
			}
			pairs = append(pairs, bucketPair{b, bytes.Clone(k), bytes.Clone(s.plain(k, v))})
			return nil
		})
		if err != nil {
			return nil, err
		}
	}
	return pairs, nil
}
