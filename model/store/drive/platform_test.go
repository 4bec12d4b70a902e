package drive

import (
	"strings"
	"testing"
)

func TestClassifyDriveType(t *testing.T) {
	for _, c := range []struct {
		driveType uint32
		kind      Kind
		detail    string
	}{
		{driveRemote, Network, "network drive Z:"},
		{driveRemovable, Removable, "drive Z:"},
		{driveCDROM, Removable, "drive Z:"},
		{driveFixed, Local, "drive Z:"},
		{driveRAMDisk, Local, "drive Z:"},
		{driveUnknown, Unknown, ""},
		{driveNoRootDir, Unknown, ""},
		{99, Unknown, ""},
	} {
		if k, d := classifyDriveType(c.driveType, "Z:"); k != c.kind || d != c.detail {
			t.Errorf("classifyDriveType(%d) = %v %q, want %v %q", c.driveType, k, d, c.kind, c.detail)
		}
	}
	// A mapped network drive warns, naming the letter.
	if k, d := classifyDriveType(4, "N:"); k != Network || d != "network drive N:" {
		t.Errorf("DRIVE_REMOTE (4): %v %q", k, d)
	}
}

func TestClassifyStatfs(t *testing.T) {
	for _, c := range []struct {
		name  string
		local bool
		kind  Kind
	}{
		{"apfs", true, Local},
		{"hfs", true, Local},
		{"msdos", true, Removable},
		{"exfat", true, Removable},
		{"smbfs", false, Network},
		{"afpfs", false, Network},
		{"nfs", false, Network},
		{"webdav", false, Network},
		{"apfs", false, Network}, // a remote volume whatever its name
		{"macfuse", true, Local},
	} {
		if k, d := classifyStatfs(c.name, c.local); k != c.kind || d != c.name {
			t.Errorf("classifyStatfs(%q, local=%v) = %v %q, want %v", c.name, c.local, k, d, c.kind)
		}
	}
}

// FuzzClassifyFSType: every name gets one of the kinds a file system can
// have (never Synced, which only the folder names give), the kind does
// not depend on letter case, and only the empty name is Unknown.
func FuzzClassifyFSType(f *testing.F) {
	for _, s := range []string{"ext4", "NFS4", "fuse.sshfs", "FUSE.rclone", "vfat", "", "fuse.", "smb3"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, name string) {
		k := ClassifyFSType(name)
		switch k {
		case Local, Network, Removable:
		case Unknown:
			if name != "" {
				t.Fatalf("ClassifyFSType(%q) = Unknown", name)
			}
		default:
			t.Fatalf("ClassifyFSType(%q) = %v", name, k)
		}
		// Only where capitals lower back to the same name (not so for
		// every Unicode letter, which EqualFold would hide).
		upper, lower := strings.ToUpper(name), strings.ToLower(name)
		if back := strings.ToLower(upper); back == lower && ClassifyFSType(upper) != k {
			t.Fatalf("ClassifyFSType(%q) = %v but %v in capitals", name, k, ClassifyFSType(upper))
		}
	})
}
