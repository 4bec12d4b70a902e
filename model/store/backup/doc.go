// Package backup keeps verified backups of a PartnerDesk data file, restores
// them, and opens the data file for the app without ever writing into a
// damaged one.
//
// # Start-up sequence (the app)
//
//	path, _ := store.ResolvePath(flag)           // --db, $PARTNERDESK_DB or the default
//	if w := drive.Check(path); w != nil { … }    // warn: network or removable drive
//	set := backup.New(path, backup.Options{})
//	st, d := set.OpenOrDiagnose(store.Options{}) // d != nil: show d.Message(), offer d.Choices
//	go set.Daily(st)                             // at most once a day; cleans leftovers; rotates
//
// and before every import or merge: set.BeforeImport(st), importing only
// when it succeeded.
//
// # Where and how
//
// Backups live in the folder "backups" beside the data file, named
// <stem>-<UTC time>-<kind><ext>, e.g. partnerdesk-2026-11-28T043015.123Z-daily.db
// (sortable, no ':' for Windows). A backup is copied from one read
// transaction into a hidden temporary file in that folder, synced, opened
// read-only and checked (bbolt's page check, the record checks, and record
// counts equal to those of the copied state) and only then renamed to its
// name: a file under a backup name has always passed its check, even when
// the program was killed half-way. A copy that fails is deleted and
// reported (*VerifyError). Backups taken before a migration are byte copies
// of the file store.Open holds unchanged, verified by SHA-256 and a
// read-only check.
//
// Backups taken from the open store (daily, before an import, by hand,
// before compacting) are compressed with zstd and named with ".zst" after
// the data file's extension (…-daily.db.zst, about a thirteenth of the
// file at 50,000 agreements). The state they copy gets every check of
// Inspect in the snapshot's own read transaction while it is compressed,
// and the written file is read back, decompressed and must give exactly
// the bytes copied (size and the zstd frame's checksum); no uncompressed
// copy is written anywhere. Byte copies (before an upgrade,
// before a restore) stay uncompressed, so an older PartnerDesk opens
// them; older uncompressed backups are listed and restored as before.
//
// # Compaction and repair
//
// Compact rewrites the data file without its free pages through a
// backup, a checked copy and a rename, never in place; the open path does
// it on start when more than a third of the file is free. Repair takes
// records whose checksum fails back from the newest backup holding them
// intact and leaves everything else as it is.
//
// # Retention (Rotate, after every backup)
//
// Among all backups, whatever their kind: the newest of each of the 14
// latest days that have backups and the newest of each of the 12 latest
// months that have backups (days and months in local time, counted among
// days that have backups so that a pause does not empty the folder); plus
// the 10 newest of each event kind (before an import, before a restore,
// by hand); plus every backup taken before an upgrade. See DefaultPolicy.
//
// # Temporary files
//
// Hidden files ".<stem>-….tmp" in the backup folder and ".<data file
// name>.….tmp" beside the data file are copies in progress. List ignores
// them; CleanTemp deletes them, and Daily calls it on start while the app
// holds the data file open read-write, so that no other program can be
// writing them at that moment.
//
// # Damaged files
//
// OpenOrDiagnose checks the file read-only before it opens it read-write;
// on failure it returns a Diagnosis (plain words, choices: restore the
// newest good backup, open another file, quit) and the file is unchanged.
// Restore keeps a damaged data file aside under a new name (KeepAside),
// never deletes it, and backs up a sound one before replacing it.
package backup
