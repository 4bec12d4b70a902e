//go:build windows

package printing

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"runtime"
	"syscall"
	"unsafe"

	"golang.org/x/sys/windows"
)

// FileReadLater says whether the system may still read the printed file
// after Print returned. On Windows the program registered for PDF files
// (Edge, Acrobat Reader, …) opens it after ShellExecute has returned, so
// the file must outlive Print by some seconds.
const FileReadLater = true

// System returns this computer's printing system: the printers Windows
// lists, and the shell's "print" and "printto" verbs for PDF files.
func System() Printer { return shell{} }

type shell struct{}

var (
	winspool              = windows.NewLazySystemDLL("winspool.drv")
	procEnumPrinters      = winspool.NewProc("EnumPrintersW")
	procGetDefaultPrinter = winspool.NewProc("GetDefaultPrinterW")
)

const (
	printerEnumLocal       = 0x2
	printerEnumConnections = 0x4
)

// printerInfo4 is PRINTER_INFO_4W.
type printerInfo4 struct {
	printerName *uint16
	serverName  *uint16
	attributes  uint32
}

// Printers lists the local and connected printers, marking the default.
func (shell) Printers(ctx context.Context) ([]Destination, error) {
	if err := procEnumPrinters.Find(); err != nil {
		return nil, &Error{Kind: ErrNoPrinter, Detail: err.Error()}
	}
	flags := uintptr(printerEnumLocal | printerEnumConnections)
	var needed, returned uint32
	buf := make([]byte, 4096)
	for {
		r, _, err := procEnumPrinters.Call(flags, 0, 4, uintptr(unsafe.Pointer(&buf[0])), uintptr(len(buf)),
			uintptr(unsafe.Pointer(&needed)), uintptr(unsafe.Pointer(&returned)))
		if r != 0 {
			break
		}
		if !errors.Is(err, windows.ERROR_INSUFFICIENT_BUFFER) || int(needed) <= len(buf) {
			return nil, failure(ctx, ErrPrintFailed, err.Error())
		}
		buf = make([]byte, needed)
	}
	def := defaultPrinter()
	infos := unsafe.Slice((*printerInfo4)(unsafe.Pointer(&buf[0])), returned)
	list := make([]Destination, 0, len(infos))
	for _, in := range infos {
		name := windows.UTF16PtrToString(in.printerName)
		list = append(list, Destination{Name: name, Default: name == def})
	}
	runtime.KeepAlive(buf)
	return list, nil
}

// defaultPrinter returns the default printer's name, or "".
func defaultPrinter() string {
	n := uint32(256)
	for range 2 {
		buf := make([]uint16, n)
		r, _, _ := procGetDefaultPrinter.Call(uintptr(unsafe.Pointer(&buf[0])), uintptr(unsafe.Pointer(&n)))
		if r != 0 {
			return windows.UTF16ToString(buf)
		}
	}
	return ""
}

// Print asks the program registered for PDF files to print the file, once
// per copy: "printto" with the printer's name, or "print" for the default
// printer. The job's title is the file's name.
func (s shell) Print(ctx context.Context, pdfPath string, job Job) error {
	if err := job.Check(); err != nil {
		return err
	}
	abs, err := filepath.Abs(pdfPath)
	if err != nil {
		return err
	}
	if _, err := os.Stat(abs); err != nil {
		return err
	}
	list, err := s.Printers(ctx)
	if err != nil {
		return err
	}
	verb, args, err := shellVerb(list, job.Printer)
	if err != nil {
		return err
	}
	// The shell may hand the verb to COM components: they want a
	// single-threaded apartment on this thread.
	runtime.LockOSThread()
	defer runtime.UnlockOSThread()
	err = windows.CoInitializeEx(0, windows.COINIT_APARTMENTTHREADED|windows.COINIT_DISABLE_OLE1DDE)
	if err == nil || err == syscall.Errno(windows.S_FALSE) { // S_FALSE: already initialised, still counted
		defer windows.CoUninitialize()
	}
	for range job.Copies {
		if err := ctx.Err(); err != nil {
			return err
		}
		if err := shellExecute(verb, abs, args); err != nil {
			return err
		}
	}
	return nil
}

// shellExecute runs a verb on a file, hidden.
func shellExecute(verb, file, args string) error {
	v, _ := windows.UTF16PtrFromString(verb)
	f, err := windows.UTF16PtrFromString(file)
	if err != nil {
		return err
	}
	var a *uint16
	if args != "" {
		if a, err = windows.UTF16PtrFromString(args); err != nil {
			return err
		}
	}
	dir, _ := windows.UTF16PtrFromString(filepath.Dir(file))
	err = windows.ShellExecute(0, v, f, a, dir, windows.SW_HIDE)
	if err == nil {
		return nil
	}
	var code syscall.Errno
	if !errors.As(err, &code) {
		return &Error{Kind: ErrPrintFailed, Detail: err.Error()}
	}
	return &Error{Kind: shellErrKind(uint32(code)), Detail: err.Error()}
}

// The codes of shell.go are x/sys/windows's: a difference does not compile.
var (
	_ = [1]struct{}{}[errorNoAssociation-windows.ERROR_NO_ASSOCIATION]
	_ = [1]struct{}{}[errorInvalidPrinterName-windows.ERROR_INVALID_PRINTER_NAME]
)
