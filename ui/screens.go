package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"
)

// screen is one entry of the navigation: built once, refreshed whenever it
// is shown.
type screen interface {
	view() fyne.CanvasObject
	refresh()
}

// creator is a screen with a "new" action (Ctrl+N).
type creator interface{ create() }

// searcher is a screen with a search box (Ctrl+F).
type searcher interface{ focusSearch() }

// screenEntry registers a screen with the navigation.
type screenEntry struct {
	id     string
	title  string // translation key
	icon   fyne.Resource
	make   func(*UI) screen
	screen screen
}

// registry lists the screens in navigation order.
func (u *UI) registry() []*screenEntry {
	return []*screenEntry{
		{id: "dashboard", title: "nav.dashboard", icon: theme.HomeIcon(), make: newDashboard},
		{id: "partners", title: "nav.partners", icon: theme.AccountIcon(), make: newPartnersScreen},
		{id: "agreements", title: "nav.agreements", icon: theme.DocumentIcon(), make: newAgreementsScreen},
		{id: "diagnostics", title: "diag.title", icon: theme.GridIcon(), make: newDiagnosticsScreen},
		{id: "reports", title: "nav.reports", icon: theme.FileTextIcon(), make: newReportsScreen},
		{id: "settings", title: "nav.settings", icon: theme.SettingsIcon(), make: newSettingsScreen},
	}
}

// currentScreen returns the screen shown (under any editor).
func (u *UI) currentScreen() screen { return u.screens[u.current].screen }
