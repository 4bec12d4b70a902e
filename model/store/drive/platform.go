package drive

// The decisions of the Windows and macOS classifiers, without build tag
// so that their tests run on every system; drive_windows.go and
// drive_darwin.go only ask the system.

// Drive types GetDriveType returns (winbase.h; drive_windows.go checks
// them against x/sys/windows).
const (
	driveUnknown   = 0
	driveNoRootDir = 1
	driveRemovable = 2
	driveFixed     = 3
	driveRemote    = 4
	driveCDROM     = 5
	driveRAMDisk   = 6
)

// classifyDriveType classifies a Windows drive (vol, e.g. "Z:") by its
// GetDriveType: a mapped network drive is remote.
func classifyDriveType(driveType uint32, vol string) (Kind, string) {
	switch driveType {
	case driveRemote:
		return Network, "network drive " + vol
	case driveRemovable, driveCDROM:
		return Removable, "drive " + vol
	case driveFixed, driveRAMDisk:
		return Local, "drive " + vol
	}
	return Unknown, ""
}

// classifyStatfs classifies a macOS file system by statfs's
// f_fstypename and its MNT_LOCAL flag: without it the file system is
// remote whatever its name.
func classifyStatfs(fstypename string, local bool) (Kind, string) {
	if !local {
		return Network, fstypename
	}
	return ClassifyFSType(fstypename), fstypename
}
