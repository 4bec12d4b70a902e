package drive

import (
	"path/filepath"
	"strings"
	"testing"
)

func TestClassifyFSType(t *testing.T) {
	for name, want := range map[string]Kind{
		"nfs": Network, "nfs4": Network, "cifs": Network, "smbfs": Network, "smb3": Network,
		"afpfs": Network, "webdav": Network, "fuse.sshfs": Network, "fuse.rclone": Network, "9p": Network,
		"vfat": Removable, "exfat": Removable, "msdos": Removable,
		"ext4": Local, "xfs": Local, "btrfs": Local, "tmpfs": Local, "overlay": Local, "apfs": Local,
		"hfs": Local, "ntfs": Local, "fuseblk": Local, "fuse.gvfsd-fuse": Local, "": Unknown,
	} {
		if got := ClassifyFSType(name); got != want {
			t.Errorf("ClassifyFSType(%q) = %v, want %v", name, got, want)
		}
	}
}

func TestIsUNC(t *testing.T) {
	for path, want := range map[string]bool{
		`\\server\share\PartnerDesk\partnerdesk.db`: true,
		`//server/share/partnerdesk.db`:             true,
		`\\?\UNC\server\share\partnerdesk.db`:       true,
		`\\?\C:\Users\a\partnerdesk.db`:             false,
		`C:\Users\a\AppData\Roaming\PartnerDesk`:    false,
		`Z:\partnerdesk.db`:                         false, // a mapped drive: GetDriveType decides
		`\\`:                                        false,
	} {
		if got := isUNC(path); got != want {
			t.Errorf("isUNC(%q) = %v", path, got)
		}
	}
}

func TestSyncClient(t *testing.T) {
	for path, want := range map[string]string{
		`C:\Users\aigerim\OneDrive\Documents\partnerdesk.db`:               "OneDrive",
		`C:\Users\aigerim\OneDrive - Университет\partnerdesk.db`:           "OneDrive",
		"/Users/aigerim/Library/Mobile Documents/com~apple~CloudDocs/x.db": "iCloud",
		"/home/a/Dropbox/partnerdesk.db":                                   "Dropbox",
		`G:\My Drive\partnerdesk.db`:                                       "Google Drive",
		"/home/a/Yandex.Disk/pd.db":                                        "Yandex Disk",
		`C:\Users\aigerim\AppData\Roaming\PartnerDesk\partnerdesk.db`:      "",
		"/home/a/.config/PartnerDesk/partnerdesk.db":                       "",
	} {
		if got := syncClient(path); got != want {
			t.Errorf("syncClient(%q) = %q, want %q", path, got, want)
		}
	}
}

func TestTempFolderIsLocal(t *testing.T) {
	dir := t.TempDir()
	for _, p := range []string{dir, filepath.Join(dir, "partnerdesk.db"), filepath.Join(dir, "not", "yet", "partnerdesk.db")} {
		if w := Check(p); w != nil {
			t.Errorf("Check(%s) = %s", p, w.Message())
		}
	}
	if k, detail := classify(dir); k != Local {
		t.Errorf("temporary folder classified %v (%s)", k, detail)
	}
}

func TestWarningsSayWhatToDo(t *testing.T) {
	for _, k := range []Kind{Network, Removable, Synced} {
		m := (&Warning{Path: "/x/partnerdesk.db", Kind: k, Detail: "cifs"}).Message()
		if !strings.Contains(m, "/x/partnerdesk.db") || !strings.Contains(m, "local folder") {
			t.Errorf("%v: %q", k, m)
		}
	}
	if w := Check("/home/a/Dropbox/partnerdesk.db"); w == nil || w.Kind != Synced {
		t.Errorf("Dropbox folder: %+v", w)
	}
}
