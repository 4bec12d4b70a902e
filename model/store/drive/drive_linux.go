package drive

import (
	"bufio"
	"io"
	"os"
	"strconv"
	"strings"

	"golang.org/x/sys/unix"
)

// classify finds the file system of path in /proc/self/mountinfo (which
// names FUSE file systems precisely, e.g. fuse.sshfs), else by statfs's
// magic number.
func classify(path string) (Kind, string) {
	if f, err := os.Open("/proc/self/mountinfo"); err == nil {
		defer f.Close()
		if fstype := mountFSType(f, path); fstype != "" {
			return ClassifyFSType(fstype), fstype
		}
	}
	var st unix.Statfs_t
	if err := unix.Statfs(path, &st); err != nil {
		return Unknown, ""
	}
	return classifyMagic(int64(st.Type))
}

// mountFSType returns the file system type of the mount that holds path:
// the mount point that is the longest prefix of path.
func mountFSType(r io.Reader, path string) string {
	best, fstype := -1, ""
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 64<<10), 1<<20)
	for sc.Scan() {
		// 36 35 98:0 /mnt1 /mnt2 rw,noatime master:1 - ext3 /dev/root rw
		pre, post, ok := strings.Cut(sc.Text(), " - ")
		f, g := spaceFields(pre), spaceFields(post)
		if !ok || len(f) < 5 || len(g) < 1 {
			continue
		}
		mp := unescape(f[4])
		if under(path, mp) && len(mp) > best {
			best, fstype = len(mp), g[0]
		}
	}
	return fstype
}

// spaceFields splits a mountinfo line at spaces only: the kernel escapes
// space, tab, newline and backslash in paths and leaves every other
// character (a vertical tab, a no-break space) as it is.
func spaceFields(s string) []string {
	return strings.FieldsFunc(s, func(r rune) bool { return r == ' ' })
}

func under(path, dir string) bool {
	if dir == "/" {
		return strings.HasPrefix(path, "/")
	}
	return path == dir || strings.HasPrefix(path, dir+"/")
}

// unescape undoes mountinfo's octal escapes (\040 for a space).
func unescape(s string) string {
	if !strings.Contains(s, `\`) {
		return s
	}
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		if s[i] == '\\' && i+3 < len(s) {
			if n, err := strconv.ParseUint(s[i+1:i+4], 8, 8); err == nil {
				b.WriteByte(byte(n))
				i += 3
				continue
			}
		}
		b.WriteByte(s[i])
	}
	return b.String()
}

// classifyMagic classifies by statfs's f_type (linux/magic.h).
func classifyMagic(magic int64) (Kind, string) {
	switch uint32(magic) {
	case 0x6969:
		return Network, "nfs"
	case 0x517B:
		return Network, "smb"
	case 0xFF534D42:
		return Network, "cifs"
	case 0xFE534D42:
		return Network, "smb2"
	case 0x01021997:
		return Network, "9p"
	case 0x00C36400:
		return Network, "ceph"
	case 0x5346414F:
		return Network, "afs"
	case 0x73757245:
		return Network, "coda"
	case 0x564C:
		return Network, "ncpfs"
	case 0x4D44:
		return Removable, "vfat"
	case 0x2011BAB0:
		return Removable, "exfat"
	case 0x65735546:
		return Unknown, "fuse"
	}
	return Local, "0x" + strconv.FormatUint(uint64(uint32(magic)), 16)
}
