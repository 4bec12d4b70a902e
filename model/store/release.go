package store

// ReleaseMemory drops the pages of the data file this transaction has read
// from the program's resident memory. bbolt reads the file through a
// memory map, so a scan of every agreement (an export) would otherwise
// keep the whole file resident (about 260 MB at 50,000 agreements) until
// the program ends. The pages stay in the system's file cache, and any
// later read maps them back, so this changes no data, only the program's
// resident size; it does nothing where the system offers no way to do it.
// Long scans call it now and then.
func (t *Tx) ReleaseMemory() {
	kv := t.kv
	if s, ok := kv.(sumTx); ok {
		kv = s.kvTx
	}
	if r, ok := kv.(interface{ release() }); ok {
		r.release()
	}
}

// release drops the mapped pages of the file (see Tx.ReleaseMemory).
func (t *boltTx) release() {
	info := t.tx.DB().Info()
	if info == nil || info.Data == 0 {
		return
	}
	dropPages(info.Data, t.tx.Size())
}
