// Package drive tells whether a data file sits where bbolt is not safe:
// on a network share (file locks and memory maps over SMB, NFS or SSHFS do
// not hold, and a dropped connection can damage the file), on a removable
// drive, or in a folder a cloud client syncs (it may upload a file half
// written or make conflicting copies). The app shows the warning and
// suggests a local folder; it does not refuse to open the file.
package drive

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
)

// Kind is the kind of storage a path lives on.
type Kind int

// The kinds of storage.
const (
	// Local is a fixed disk of this computer.
	Local Kind = iota
	// Network is a network share or a drive mapped to one.
	Network
	// Removable is a USB stick, memory card or the like (or a FAT or exFAT
	// file system, which such drives use).
	Removable
	// Synced is a folder that a cloud client (OneDrive, Dropbox, Google
	// Drive, iCloud, Yandex Disk) keeps in sync.
	Synced
	// Unknown means the kind could not be found out.
	Unknown
)

// String returns the kind's name.
func (k Kind) String() string {
	return [...]string{"local", "network", "removable", "synced", "unknown"}[k]
}

// Warning says why a data file's place is unsafe.
type Warning struct {
	// Path is the data file.
	Path string
	// Kind is where it lives: Network, Removable or Synced.
	Kind Kind
	// Detail names the file system or the sync client, e.g. "cifs".
	Detail string
}

// Message returns the warning in plain words (English; the GUI translates
// by Kind).
func (w *Warning) Message() string {
	switch w.Kind {
	case Network:
		return fmt.Sprintf("The data file %s is on a network drive (%s). PartnerDesk's data file is only safe on a disk of this computer: over a network another computer can open it at the same time, and a dropped connection can damage it. Move it to a local folder (for example Documents on this computer) and keep copies on the network drive instead.", w.Path, w.Detail)
	case Removable:
		return fmt.Sprintf("The data file %s is on a removable drive (%s). If the drive is pulled out while PartnerDesk is open, recent changes can be lost and the file damaged. Move it to a local folder and use the drive for copies.", w.Path, w.Detail)
	case Synced:
		return fmt.Sprintf("The data file %s is in a folder that %s keeps in sync. The sync can copy the file while it is being saved or make conflicting copies. Move it to a local folder outside %s; the automatic backups in its backups folder can be synced safely.", w.Path, w.Detail, w.Detail)
	}
	return ""
}

// Check returns a warning when the data file at path (or, if it does not
// exist yet, the folder it will be created in) is on a network share, a
// removable drive or in a synced folder, and nil when it is local or its
// kind cannot be found out.
func Check(path string) *Warning {
	if abs, err := filepath.Abs(path); err == nil {
		path = abs
	}
	if client := syncClient(path); client != "" {
		return &Warning{Path: path, Kind: Synced, Detail: client}
	}
	kind, detail := classify(existing(path))
	if kind == Local || kind == Unknown {
		return nil
	}
	return &Warning{Path: path, Kind: kind, Detail: detail}
}

// existing returns path or its nearest ancestor that exists, with
// symbolic links resolved.
func existing(path string) string {
	for p := path; ; p = filepath.Dir(p) {
		if _, err := os.Stat(p); err == nil || !errors.Is(err, os.ErrNotExist) {
			if r, err := filepath.EvalSymlinks(p); err == nil {
				return r
			}
			return p
		}
		if filepath.Dir(p) == p {
			return p
		}
	}
}

// ClassifyFSType returns the kind of a file system by its type name as
// Linux (/proc/self/mountinfo) and macOS (statfs f_fstypename) report it.
func ClassifyFSType(name string) Kind {
	name = strings.ToLower(name)
	switch name {
	case "nfs", "nfs4", "cifs", "smb", "smb2", "smb3", "smbfs", "afpfs", "webdav", "davfs", "9p", "ceph",
		"glusterfs", "lustre", "afs", "coda", "ncpfs", "ftp", "sshfs":
		return Network
	case "vfat", "msdos", "exfat", "fat", "fat32":
		return Removable
	case "":
		return Unknown
	}
	if sub, ok := strings.CutPrefix(name, "fuse."); ok {
		switch sub {
		case "sshfs", "rclone", "s3fs", "gcsfuse", "glusterfs", "cephfs", "davfs", "curlftpfs", "smbnetfs":
			return Network
		}
	}
	return Local
}

// syncClient returns the name of the cloud client whose folder holds
// path, judged by the folder names the clients create, or "".
func syncClient(path string) string {
	for _, part := range strings.FieldsFunc(path, func(r rune) bool { return r == '/' || r == '\\' }) {
		p := strings.ToLower(part)
		switch {
		case p == "onedrive" || strings.HasPrefix(p, "onedrive - "):
			return "OneDrive"
		case p == "dropbox" || strings.HasPrefix(p, "dropbox ("):
			return "Dropbox"
		case p == "google drive" || p == "googledrive" || p == "my drive":
			return "Google Drive"
		case p == "icloud drive" || p == "mobile documents" || p == "iclouddrive":
			return "iCloud"
		case p == "yandex.disk" || p == "yandexdisk":
			return "Yandex Disk"
		}
	}
	return ""
}

// isUNC reports whether a Windows path names a network share
// (\\server\share\… or \\?\UNC\server\share\…).
func isUNC(path string) bool {
	p := strings.ReplaceAll(path, "/", `\`)
	if rest, ok := strings.CutPrefix(p, `\\?\`); ok {
		return len(rest) >= 4 && strings.EqualFold(rest[:4], `UNC\`)
	}
	if rest, ok := strings.CutPrefix(p, `\\.\`); ok {
		return len(rest) >= 4 && strings.EqualFold(rest[:4], `UNC\`)
	}
	return strings.HasPrefix(p, `\\`) && len(p) > 2
}
