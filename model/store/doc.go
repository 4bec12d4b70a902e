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
// one contract test suite (package storetest) runs against every backend.
//
// # The university's server (PostgreSQL)
//
// OpenURL runs the same Store on a PostgreSQL database (pgx; pg*.go). It
// is a third backend of the key-value layer, not a store of its own, and
// that was a choice: the rules (validation, revisions, unique numbers and
// tax IDs, referential checks, history, renewals, attachments) are the
// product's, and a second copy of them in SQL would drift from the file
// store's. So every rule still runs in Go, once, for all three backends,
// and the contract suite proves they agree. But the server does not trust
// the client: the key-value layer maps buckets onto typed tables
// (pgkv.go), so the server holds what a shared register needs on its own:
//
//   - real unique indexes (partners(country, tax_id); agreements.number_key,
//     the normalised number alone or prefixed by the department, as the
//     partnership office chooses) and foreign keys; the file store's index
//     buckets are answered from those columns, so they cannot drift;
//   - the revision checked by the UPDATE itself (WHERE rev = n-1), so two
//     clients cannot both save over one revision;
//   - history inserted in the same transaction, with the database login
//     (session_user) written by the server;
//   - attachments as bytea, capped at MaxAttachment by a CHECK;
//   - departments and roles enforced by row-level security, FORCEd on
//     every table (the owner included); the app refuses to connect as the
//     owner or a superuser, which bypass it.
//
// Write transactions run at READ COMMITTED, every decision held by a
// revision-checked statement or a constraint (the argument is on
// pgBackend.update); their statements travel in pipelined batches, the
// writes with the COMMIT. A transaction that loses a deadlock (or, should
// the isolation ever be raised, a serialisation race) is run again from
// the start, so Store.Update's fn must build what it writes inside
// itself; a broken connection is not
// retried (the commit may have landed), and saving again is safe because
// a new record's number, and an old record's revision, would refuse a
// second copy. The schema is SQL embedded in the binary (pgschema/NNN_*.sql,
// applied by partnerctl server init); a client whose schema version
// differs from the server's opens read-only and says why.
//
// Records on the server carry no CRC-32C of their own: PostgreSQL checks
// its own pages when the cluster has data checksums (initdb
// --data-checksums; partnerctl server check reports it), and the sumTx
// layer exists because bbolt checks nothing. Check still verifies the
// records against their summaries and indexes on both.
package store
