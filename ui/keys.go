package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/widget"
)

// The window's shortcuts live on the main menu's items: the desktop driver
// looks there first, before the widget with the keyboard focus, so Ctrl+S
// saves while the cursor is in a text field, and the menus show the keys.
var (
	keySave  = ctrl(fyne.KeyS)
	keyNew   = ctrl(fyne.KeyN)
	keyFind  = ctrl(fyne.KeyF)
	keyPrint = ctrl(fyne.KeyP)
	keyQuit  = ctrl(fyne.KeyQ)
)

func ctrl(k fyne.KeyName) *desktop.CustomShortcut {
	return &desktop.CustomShortcut{KeyName: k, Modifier: fyne.KeyModifierShortcutDefault}
}

// withKey sets a menu item's shortcut.
func withKey(item *fyne.MenuItem, key fyne.Shortcut) *fyne.MenuItem {
	item.Shortcut = key
	return item
}

// escapeEntry is a dialog or pop-up that Esc closes: the overlay it shows
// as, and what Esc does (the dialog's Cancel).
type escapeEntry struct {
	overlay fyne.CanvasObject
	onEsc   func()
}

// showDialog shows d and lets Esc run onEsc while d is the top overlay
// (d.Hide when onEsc is nil: a dialog's dismiss button).
func (u *UI) showDialog(d dialog.Dialog, onEsc func()) {
	if onEsc == nil {
		onEsc = d.Hide
	}
	d.Show()
	u.escapable(u.win.Canvas().Overlays().Top(), onEsc)
}

// escapable lets Esc run onEsc while overlay is the top overlay.
func (u *UI) escapable(overlay fyne.CanvasObject, onEsc func()) {
	if overlay == nil {
		return
	}
	u.escapes = append(u.escapes, escapeEntry{overlay: overlay, onEsc: onEsc})
}

// onEscape closes the top dialog or pop-up, when it is one Esc may close;
// it reports whether there was an overlay.
func (u *UI) onEscape() bool {
	top := u.win.Canvas().Overlays().Top()
	if top == nil {
		u.escapes = nil
		return false
	}
	for i := len(u.escapes) - 1; i >= 0; i-- {
		if u.escapes[i].overlay == top {
			e := u.escapes[i]
			u.escapes = append(u.escapes[:i], u.escapes[i+1:]...)
			e.onEsc()
			return true
		}
	}
	return true
}

// escEntry is a text entry in a dialog that passes Esc on to close the
// dialog: an entry with the keyboard focus gets every key, and Fyne's
// drops Esc.
type escEntry struct {
	widget.Entry
	u *UI
}

func newEscEntry(u *UI) *escEntry {
	e := &escEntry{u: u}
	e.ExtendBaseWidget(e)
	return e
}

// TypedKey closes the top dialog on Esc and types every other key.
func (e *escEntry) TypedKey(ev *fyne.KeyEvent) {
	if ev.Name == fyne.KeyEscape && e.u.onEscape() {
		return
	}
	e.Entry.TypedKey(ev)
}
