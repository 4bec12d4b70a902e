// Package store keeps PartnerDesk's records in one bbolt file.
//
// Layout: one bucket per record kind, keyed by big-endian uint64 IDs taken
// from the bucket's sequence, values in JSON (readable in a hex dump,
// forgiving to add fields to, fast enough: see BENCHMARKS.md). Beside the
// records the store keeps, inside the same transaction as every change:
//
//   - summaries: the compact model.Summary of each agreement, so opening
//     a file decodes summaries only and full agreements load on demand;
//   - unique indexes: partner tax ID per country, agreement number;
//   - the partner → agreement pairs, to refuse deleting a partner in use;
//   - history: one entry per change (what, when, which OS user);
//   - attachment bytes, with size and SHA-256 in the agreement's metadata.
//
// Every value, in every bucket but meta, ends with a CRC-32C of its key
// and value (checksum.go), added and verified by a layer under the store's
// rules, so a new bucket gets it with no code of its own: a read of a
// damaged record fails with a *RecordError naming it (partner, agreement,
// by ID and name or number), Check lists every such record, and package
// backup takes them back from the newest backup that holds them intact
// (Set.Repair) while summaries and indexes are rebuilt from the records.
// Format 2 added the checksums to existing files.
//
// Every change runs in one Update transaction: an error anywhere leaves the
// file exactly as it was. The file carries a schema version; migrations run
// in order on open, and a file from a newer version is refused untouched.
//
// A damaged file never crashes the program: bbolt reads pages through
// unchecked pointers into its memory map, so before bbolt.Open a preflight
// reads the meta pages, file length and free list through ReadAt, and
// before bbolt's tx.Check a page walker checks every page reference and
// element bound of the tree the same way (pages.go); panics and memory
// faults that remain become a *DamagedError (safely). Inspect checks any
// file read-only, also one of an older format; package backup builds the
// app's open path, backups and restore on it.
//
// The same Store runs over an in-memory backend (OpenMemory) for user
// interface tests: the rules live once, above a small key-value layer, and
// one contract test suite (package storetest) runs against both backends.
package store
