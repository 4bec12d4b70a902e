package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// screen is one entry of the navigation: built once, refreshed whenever it
// is shown.
type screen interface {
	view() fyne.CanvasObject
	refresh()
}

// The abilities a screen may have, each answering a menu command. The
// registry below says which screen has which; TestRegistryAbilities keeps
// the declarations and the screens' methods in step.
type (
	// creator makes a new record (File › New, Ctrl+N).
	creator interface{ create() }
	// searcher puts the cursor in its search box (Ctrl+F).
	searcher interface{ focusSearch() }
	// printable prints what it shows (File › Print, Ctrl+P); editors that
	// print are printable too.
	printable interface{ print() }
)

// ability is a set of the abilities a screen declares.
type ability uint8

const (
	canCreate ability = 1 << iota // the screen is a creator
	canSearch                     // the screen is a searcher
	canPrint                      // the screen is printable
)

// screenEntry registers a screen with the navigation.
type screenEntry struct {
	id     string
	title  string // translation key
	icon   fyne.Resource
	make   func(*UI) screen
	can    ability
	screen screen
}

// registry lists the screens in navigation order, with their abilities.
func (u *UI) registry() []*screenEntry {
	return []*screenEntry{
		{id: "dashboard", title: "nav.dashboard", icon: theme.HomeIcon(), make: newDashboard},
		{id: "partners", title: "nav.partners", icon: theme.AccountIcon(), make: newPartnersScreen,
			can: canCreate | canSearch},
		{id: "agreements", title: "nav.agreements", icon: theme.DocumentIcon(), make: newAgreementsScreen,
			can: canCreate | canSearch | canPrint},
		{id: "diagnostics", title: "diag.title", icon: theme.GridIcon(), make: newDiagnosticsScreen,
			can: canCreate},
		{id: "reports", title: "nav.reports", icon: theme.FileTextIcon(), make: newReportsScreen},
		{id: "settings", title: "nav.settings", icon: theme.SettingsIcon(), make: newSettingsScreen},
	}
}

// currentScreen returns the screen shown (under any editor).
func (u *UI) currentScreen() screen { return u.screens[u.current].screen }

// currentCan reports whether the screen shown, with no editor over it,
// has the ability.
func (u *UI) currentCan(a ability) bool {
	if a&canCreate != 0 && u.readOnly() {
		return false
	}
	return u.page == nil && u.screens[u.current].can&a != 0
}

// readOnly reports whether nothing can be saved in this session: the last
// copy of the server, or a server whose schema this version cannot write.
// The buttons that create and save are then disabled instead of failing.
func (u *UI) readOnly() bool {
	return u.opts.lastCopy != "" || u.store.WriteRefusal() != nil
}

// disableIfReadOnly disables the buttons that create or save records when
// nothing can be saved (readOnly).
func (u *UI) disableIfReadOnly(buttons ...*widget.Button) {
	if u.readOnly() {
		for _, b := range buttons {
			b.Disable()
		}
	}
}
