package drive

import (
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
`

func TestMountFSType(t *testing.T) {
	for path, want := range map[string]string{
		"/home/a/.config/PartnerDesk/partnerdesk.db": "ext4",
		"/tmp/x.db":                 "tmpfs",
		"/tmpfoo/x.db":              "ext4",
		"/mnt/share/PartnerDesk/pd": "cifs",
		"/mnt/share/local copy/pd":  "ext4",
		"/home/a/remote/pd.db":      "fuse.sshfs",
		"/media/a/USB STICK/pd.db":  "vfat",
		"/srv/nfs":                  "nfs4",
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

// FuzzMountFSType: no mountinfo line makes the parser panic, and an
// escaped mount point is found under its unescaped name.
func FuzzMountFSType(f *testing.F) {
	f.Add(mountinfo, "/mnt/share/local copy/x")
	f.Add("1 2 3:4 / /a\\04 rw - ext4 x rw\n", "/a")
	f.Fuzz(func(t *testing.T, info, path string) {
		_ = mountFSType(strings.NewReader(info), path)
		_ = unescape(info)
	})
}
