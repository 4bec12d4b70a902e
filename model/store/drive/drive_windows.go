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
	return classifyDriveType(windows.GetDriveType(root), vol)
}

// The constants of platform.go are x/sys/windows's: a difference does not
// compile.
var (
	_ = [1]struct{}{}[driveUnknown-windows.DRIVE_UNKNOWN]
	_ = [1]struct{}{}[driveNoRootDir-windows.DRIVE_NO_ROOT_DIR]
	_ = [1]struct{}{}[driveRemovable-windows.DRIVE_REMOVABLE]
	_ = [1]struct{}{}[driveFixed-windows.DRIVE_FIXED]
	_ = [1]struct{}{}[driveRemote-windows.DRIVE_REMOTE]
	_ = [1]struct{}{}[driveCDROM-windows.DRIVE_CDROM]
	_ = [1]struct{}{}[driveRAMDisk-windows.DRIVE_RAMDISK]
)
