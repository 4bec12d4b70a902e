package drive

import (
	"golang.org/x/sys/unix"
)

// classify asks statfs: a file system without MNT_LOCAL is remote; its
// type name (smbfs, nfs, afpfs, webdav, msdos, exfat…) says more.
func classify(path string) (Kind, string) {
	var st unix.Statfs_t
	if err := unix.Statfs(path, &st); err != nil {
		return Unknown, ""
	}
	return classifyStatfs(unix.ByteSliceToString(st.Fstypename[:]), st.Flags&unix.MNT_LOCAL != 0)
}
