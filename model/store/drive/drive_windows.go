package drive

import (
	"path/filepath"

	"golang.org/x/sys/windows"
)

// classify treats UNC paths as network shares and asks GetDriveType about
// drive letters (a mapped network drive is DRIVE_REMOTE).
func classify(path string) (Kind, string) {
	if isUNC(path) {
		return Network, "network share"
	}
	vol := filepath.VolumeName(path)
	if vol == "" {
		return Unknown, ""
	}
	root, err := windows.UTF16PtrFromString(vol + `\`)
	if err != nil {
		return Unknown, ""
	}
	switch windows.GetDriveType(root) {
	case windows.DRIVE_REMOTE:
		return Network, "network drive " + vol
	case windows.DRIVE_REMOVABLE, windows.DRIVE_CDROM:
		return Removable, "drive " + vol
	case windows.DRIVE_FIXED, windows.DRIVE_RAMDISK:
		return Local, "drive " + vol
	}
	return Unknown, ""
}
