package store

import (
	"fmt"
	"strconv"
)

// SchemaVersion is the data format this build writes.
const SchemaVersion = 2

// A migration brings a file from version-1 to version. Migrations run in
// order, each in its own transaction, and are never edited once released:
// a change of format is a new step at the end of the list.
type migration struct {
	version int
	name    string
	up      func(kvTx) error
}

var migrations = []migration{
	{1, "create buckets", func(t kvTx) error {
		for _, b := range allBuckets {
			if err := t.createBucket(b); err != nil {
				return err
			}
		}
		return nil
	}},
	{2, "add a checksum to every record", addChecksums},
}

var keySchema = []byte("schema")

// prepare reads the file's schema version and runs the migrations it needs.
func (s *Store) prepare(fresh bool, opts Options) error {
	version, err := s.fileSchema(fresh)
	if err != nil {
		return err
	}
	if version > SchemaVersion {
		return &NewerSchemaError{Path: s.path, FileSchema: version, Supported: SchemaVersion}
	}
	if version == SchemaVersion {
		return nil
	}
	if opts.ReadOnly {
		return fmt.Errorf("the data file %s needs upgrading from format %d to %d: open it read-write once (start PartnerDesk)", s.path, version, SchemaVersion)
	}
	if opts.BeforeMigrate != nil && version > 0 {
		if err := opts.BeforeMigrate(version, SchemaVersion); err != nil {
			return fmt.Errorf("before upgrading the data file: %w", err)
		}
	}
	for _, m := range migrations[version:] {
		err := s.be.update(func(t kvTx) error {
			if err := m.up(t); err != nil {
				return err
			}
			return t.put(bucketMeta, keySchema, []byte(strconv.Itoa(m.version)))
		})
		if err != nil {
			return fmt.Errorf("upgrading the data file to format %d (%s): %w", m.version, m.name, err)
		}
	}
	return nil
}

// fileSchema returns the file's schema version: 0 for a new, empty file.
func (s *Store) fileSchema(fresh bool) (int, error) {
	version := 0
	err := safely(s.path, func() error {
		return s.be.view(func(t kvTx) error {
			if !t.hasBucket(bucketMeta) {
				if fresh || t.empty() {
					return nil
				}
				return &DamagedError{Path: s.path, Reason: "it is not a PartnerDesk data file (no format version)"}
			}
			raw := t.get(bucketMeta, keySchema)
			v, err := strconv.Atoi(string(raw))
			if err != nil || v < 1 {
				return &DamagedError{Path: s.path, Reason: fmt.Sprintf("its format version %q is unreadable", raw)}
			}
			version = v
			return nil
		})
	})
	return version, err
}
