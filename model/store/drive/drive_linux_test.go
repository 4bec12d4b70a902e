package drive

import (
	"fmt"
	"path"
	"slices"
	"strings"
	"testing"
)

const mountinfo = `22 1 8:1 / / rw,relatime shared:1 - ext4 /dev/sda1 rw
25 22 0:21 / /tmp rw,nosuid shared:5 - tmpfs tmpfs rw
40 22 0:35 / /mnt/share rw,relatime shared:20 - cifs //server/share rw,vers=3.0
41 40 0:36 / /mnt/share/local\040copy rw - ext4 /dev/sdb1 rw
42 22 0:37 / /home/a/remote rw,nosuid - fuse.sshfs a@host:/srv rw
43 22 0:38 / /media/a/USB\040STICK rw - vfat /dev/sdc1 rw
44 22 0:39 / /srv/nfs rw - nfs4 host:/export rw
45 22 0:40 / /media/a/My Disk rw - exfat /dev/sdd1 rw
`

func TestMountFSType(t *testing.T) {
	for path, want := range map[string]string{
		"/home/a/.config/PartnerDesk/partnerdesk.db": "ext4",
		"/tmp/x.db":                   "tmpfs",
		"/tmpfoo/x.db":                "ext4",
		"/mnt/share/PartnerDesk/pd":   "cifs",
		"/mnt/share/local copy/pd":    "ext4",
		"/home/a/remote/pd.db":        "fuse.sshfs",
		"/media/a/USB STICK/pd.db":    "vfat",
		"/srv/nfs":                    "nfs4",
		"/media/a/My\u00a0Disk/pd.db": "exfat",
	} {
		if got := mountFSType(strings.NewReader(mountinfo), path); got != want {
			t.Errorf("mountFSType(%q) = %q, want %q", path, got, want)
		}
	}
}

func TestClassifyMagic(t *testing.T) {
	for magic, want := range map[int64]Kind{
		0x6969: Network, 0xFF534D42: Network, 0xFE534D42: Network, 0x517B: Network,
		0xEF53: Local, 0x01021994: Local, 0x4D44: Removable, 0x65735546: Unknown,
	} {
		if got, _ := classifyMagic(magic); got != want {
			t.Errorf("classifyMagic(%#x) = %v, want %v", magic, got, want)
		}
	}
}

// FuzzMountFSType: the type found is one that the mountinfo text names
// (or none), and a mount point written with mountinfo's octal escapes is
// found under its own name: a line for it, added after the fuzzed text,
// wins for every path below it unless the text has a longer (or as long)
// matching mount point.
func FuzzMountFSType(f *testing.F) {
	f.Add(mountinfo, "/mnt/share/local copy", "x")
	f.Add("1 2 3:4 / /a\\04 rw - ext4 x rw\n", "/a", "b")
	f.Add("", "/media/a/USB STICK\\x", "pd.db")
	f.Add("", "/", "x")
	f.Fuzz(func(t *testing.T, info, mount, file string) {
		got := mountFSType(strings.NewReader(info), "/"+file)
		if got != "" && !slices.Contains(fsTypesIn(info), got) {
			t.Fatalf("type %q is not in the mountinfo text", got)
		}
		// Mount points are clean absolute paths.
		if !strings.HasPrefix(mount, "/") || path.Clean(mount) != mount || strings.ContainsAny(file, "/\n") || file == "" || strings.Contains(mount, "\n") {
			return
		}
		line := "99 1 0:99 / " + escapeMount(mount) + " rw - fuzzfs src rw\n"
		p := strings.TrimSuffix(mount, "/") + "/" + file
		if unescape(escapeMount(mount)) != mount {
			t.Fatalf("unescape(%q) = %q", escapeMount(mount), unescape(escapeMount(mount)))
		}
		if other := longestOther(info, p); len(other) >= len(mount) {
			return // the fuzzed text has a mount point at least as close
		}
		if got := mountFSType(strings.NewReader(info+"\n"+line), p); got != "fuzzfs" {
			t.Fatalf("mount point %q (line %q): path %q has type %q, want fuzzfs", mount, line, p, got)
		}
	})
}

// escapeMount writes a mount point as the kernel does in mountinfo:
// space, tab, newline and backslash as three octal digits.
func escapeMount(s string) string {
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		switch c := s[i]; c {
		case ' ', '\t', '\n', '\\':
			fmt.Fprintf(&b, "\\%03o", c)
		default:
			b.WriteByte(c)
		}
	}
	return b.String()
}

// fsTypesIn lists the first field after " - " of every line.
func fsTypesIn(info string) []string {
	var out []string
	for _, line := range strings.Split(info, "\n") {
		if _, post, ok := strings.Cut(line, " - "); ok {
			if g := spaceFields(post); len(g) > 0 {
				out = append(out, g[0])
			}
		}
	}
	return out
}

// longestOther returns the longest mount point of info that holds path.
func longestOther(info, path string) string {
	best := ""
	for _, line := range strings.Split(info, "\n") {
		pre, _, ok := strings.Cut(line, " - ")
		f := spaceFields(pre)
		if !ok || len(f) < 5 {
			continue
		}
		if mp := unescape(f[4]); under(path, mp) && len(mp) > len(best) {
			best = mp
		}
	}
	return best
}
