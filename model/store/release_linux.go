package store

import "golang.org/x/sys/unix"

// dropPages tells the kernel the program no longer needs the mapped pages
// at addr (MADV_DONTNEED): for a read-only file mapping this unmaps them
// from the process, and a later read faults them in again from the file
// cache. The address comes from bbolt's map and stays valid.
func dropPages(addr uintptr, size int64) {
	if size <= 0 {
		return
	}
	_, _, _ = unix.Syscall(unix.SYS_MADVISE, addr, uintptr(size), unix.MADV_DONTNEED)
}
