// Package ui is PartnerDesk's desktop interface, built with Fyne. It talks
// to the data only through the Store interface declared here, which the
// bbolt store (and its in-memory twin, used by the tests) satisfies.
package ui

import (
	"fmt"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"github.com/partnerdesk/partnerdesk/model/store"
)

// Store is what the interface needs from the data file.
type Store interface {
	Path() string
	Counts() (store.Counts, error)
}

var _ Store = (*store.Store)(nil)

// UI is the main window's content and state.
type UI struct {
	app   fyne.App
	win   fyne.Window
	store Store
}

// New builds the interface into win.
func New(app fyne.App, win fyne.Window, s Store) *UI {
	app.Settings().SetTheme(newTheme())
	u := &UI{app: app, win: win, store: s}
	c, err := s.Counts()
	text := fmt.Sprintf("%s\n%d partners, %d agreements", s.Path(), c.Partners, c.Agreements)
	if err != nil {
		text = err.Error()
	}
	win.SetContent(container.NewCenter(widget.NewLabel(text)))
	return u
}
