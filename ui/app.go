// Package ui is PartnerDesk's desktop interface, built with Fyne: one
// window with a navigation bar (dashboard, partners, agreements, reports,
// settings) and editors that open in place of the list they came from.
// It talks to the data only through the Store interface declared in
// store.go, keeps a catalog (model/catalog) for lists and search, and
// shows every string through lang.L.
package ui

import (
	"strings"
	"sync"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/partnerdesk/partnerdesk/model"
	"github.com/partnerdesk/partnerdesk/model/catalog"
	"github.com/partnerdesk/partnerdesk/reports/printing"
)

// Preference keys. Preferences hold interface settings only; the records
// live in the data file.
const (
	prefLanguage   = "language"
	prefLastFolder = "last_folder"
	prefWinWidth   = "window_width"
	prefWinHeight  = "window_height"
)

// Options carry what the app's main function knows.
type Options struct {
	// About lines shown in Help → About: version, commit, build date.
	Version, Commit, BuildDate string
	// Today returns the current date; tests pin it. Default model.Today.
	Today func() model.Date
	// Demo, when set, fills an empty store with demonstration data (the
	// welcome panel's button).
	Demo func(s Store) error
	// Language overrides the saved and the system language (tests).
	Language string
	// Backups is the data file's backup service (Launch sets it); nil for
	// a store in memory.
	Backups Backups
	// Start names what to show first: a screen id (dashboard, partners,
	// agreements, reports, settings), "agreement:NUMBER[:TAB]",
	// "diagnostics:ROUND-ID[:TAB]",
	// "partner:NAME" or "import:FILE" / "merge:FILE" (for screenshots and
	// documentation).
	Start string
	// Printer sends documents to the printers; default printing.System().
	// Tests give a printtest.Fake.
	Printer printing.Printer
	// HasPDFViewer reports whether the system can open a PDF; default
	// systemHasPDFViewer.
	HasPDFViewer func() bool
	// OnUI runs f on the interface goroutine; default fyne.Do. It carries
	// the server's changes to the screens; tests run them on their own
	// goroutine, as the real main loop would.
	OnUI func(f func())

	// launcher switches between a data file and the university's server
	// (Launch sets it; nil for a store opened otherwise).
	launcher *launcher
	// lastCopy, when set, says that the store is the read-only last copy
	// of the server's data, and as of when (the banner).
	lastCopy string
}

// UI is the main window's content and state.
type UI struct {
	app   fyne.App
	win   fyne.Window
	store Store
	prefs fyne.Preferences
	opts  Options
	lang  string

	inst model.Institution
	cat  *catalog.Catalog

	nav     *widget.List
	content *fyne.Container
	screens []*screenEntry
	current int
	page    page // the editor shown in place of a screen, or nil

	escapes     []escapeEntry  // the dialogs and pop-ups Esc closes
	reselect    bool           // the navigation is being put back, not chosen
	settingsTab int            // the Settings tab last shown
	busy        sync.WaitGroup // work started by runLater whose done has not run yet
	working     sync.WaitGroup // work started by runLater still running (closing the file waits for it)
	dataChoice  *dataChoice    // "where the data is kept", while shown

	unwatch  func()         // ends the subscription to the server's changes
	watching sync.WaitGroup // the subscription's goroutine, while it runs
}

// page is an editor shown in place of a list: it may hold unsaved changes.
type page interface {
	view() fyne.CanvasObject
	dirty() bool
	save() bool           // false when the record is invalid or the save failed
	flash(message string) // a word in the status line ("nothing to save")
}

// New builds the interface into win over the store s.
func New(app fyne.App, win fyne.Window, s Store, opts Options) *UI {
	if opts.Today == nil {
		opts.Today = model.Today
	}
	if opts.Printer == nil {
		opts.Printer = printing.System()
	}
	if opts.HasPDFViewer == nil {
		opts.HasPDFViewer = systemHasPDFViewer
	}
	u := &UI{app: app, win: win, store: s, prefs: app.Preferences(), opts: opts}
	u.runLater(sweepOldPDFs, ignoreError)
	u.lang = applyLook(app, opts)
	app.SetIcon(appIcon) // for windows opened later
	win.SetIcon(appIcon)
	if err := u.load(); err != nil {
		u.showError(err)
	}
	u.build()
	if opts.Start != "" && !u.inst.IsZero() {
		u.start(opts.Start)
	}
	win.SetCloseIntercept(u.onClose)
	win.SetOnClosed(u.stopWatching)
	u.watchChanges()
	if w, h := u.prefs.Float(prefWinWidth), u.prefs.Float(prefWinHeight); w > 400 && h > 300 {
		win.Resize(fyne.NewSize(float32(w), float32(h)))
	}
	return u
}

// load reads the institution and builds the catalog from the store.
func (u *UI) load() error {
	in, ps, sums, err := u.store.ListData()
	if err != nil {
		return err
	}
	u.inst = in
	u.cat = catalog.New(ps, sums, u.opts.Today(), in.Warning())
	return nil
}

// today returns the current date and brings the catalog's derived
// statuses up to it (the app may stay open past midnight).
func (u *UI) today() model.Date {
	d := u.opts.Today()
	u.cat.SetDay(d, u.inst.Warning())
	return d
}

// build lays out the window: navigation on the left, content on the right.
func (u *UI) build() {
	u.screens = u.registry()
	u.content = container.NewStack()
	u.nav = widget.NewList(
		func() int { return len(u.screens) },
		func() fyne.CanvasObject {
			return container.NewHBox(widget.NewIcon(theme.HomeIcon()), widget.NewLabel("Agreements register"))
		},
		func(id widget.ListItemID, o fyne.CanvasObject) {
			row := o.(*fyne.Container)
			row.Objects[0].(*widget.Icon).SetResource(u.screens[id].icon)
			row.Objects[1].(*widget.Label).SetText(tr(u.screens[id].title))
		},
	)
	u.nav.OnSelected = func(id widget.ListItemID) {
		if u.inst.IsZero() {
			u.nav.UnselectAll() // the welcome panel first
			return
		}
		if u.reselect || (id == u.current && u.page == nil) {
			return
		}
		if u.page != nil && u.page.dirty() {
			// The highlight stays where it was until the user decides.
			u.selectNav(u.current)
		}
		u.leave(func() { u.selectNav(id); u.show(id) }, nil)
	}
	split := container.NewHSplit(u.nav, u.content)
	split.Offset = 0.14
	if u.opts.lastCopy != "" {
		u.win.SetContent(container.NewBorder(u.lastCopyBanner(), nil, nil, nil, split))
	} else {
		u.win.SetContent(split)
	}
	u.win.SetMainMenu(u.menu())
	u.shortcuts()
	if u.inst.IsZero() {
		u.showWelcome()
		return
	}
	u.nav.Select(0)
	u.show(0)
}

// rebuild redraws everything, after the language changed.
func (u *UI) rebuild() {
	cur := u.current
	u.page = nil
	u.build()
	if !u.inst.IsZero() {
		u.nav.Select(cur)
		u.show(cur)
	}
}

// selectNav highlights screen i in the navigation without acting on it.
func (u *UI) selectNav(i int) {
	u.reselect = true
	defer func() { u.reselect = false }()
	u.nav.Select(i)
}

// show makes screen i current.
func (u *UI) show(i int) {
	u.closePage()
	u.current = i
	e := u.screens[i]
	if e.screen == nil {
		e.screen = e.make(u)
	}
	e.screen.refresh()
	u.content.Objects = []fyne.CanvasObject{e.screen.view()}
	u.content.Refresh()
	u.win.SetTitle(tr(e.title) + " — PartnerDesk")
}

// open shows an editor in place of the current screen.
func (u *UI) open(p page) {
	u.closePage()
	u.page = p
	u.content.Objects = []fyne.CanvasObject{p.view()}
	u.content.Refresh()
}

// closePage tells the editor shown that it goes (its retries stop).
func (u *UI) closePage() {
	if c, ok := u.page.(interface{ closed() }); ok {
		c.closed()
	}
	u.page = nil
}

// back leaves the editor for its screen, refreshed.
func (u *UI) back() {
	u.show(u.current)
}

// leave runs next once any unsaved changes are saved or discarded; cancel
// runs when the user stays.
func (u *UI) leave(next, cancel func()) {
	// In a read-only session (the last copy) there is nothing to offer to
	// save: the banner says so, and Save is disabled.
	if u.page == nil || !u.page.dirty() || u.readOnly() {
		next()
		return
	}
	u.askUnsaved(func(save bool) {
		if save && !u.page.save() {
			if cancel != nil {
				cancel()
			}
			return
		}
		next()
	}, cancel)
}

// screenByID returns the registry index of a screen.
func (u *UI) screenByID(id string) int {
	for i, e := range u.screens {
		if e.id == id {
			return i
		}
	}
	return 0
}

// goTo switches to the screen with the given id, asking about unsaved
// changes first, and then runs then (if not nil) on it.
func (u *UI) goTo(id string, then func()) {
	i := u.screenByID(id)
	u.leave(func() {
		u.selectNav(i)
		u.show(i)
		if then != nil {
			then()
		}
	}, nil)
}

func (u *UI) onClose() {
	u.leave(func() {
		size := u.win.Canvas().Size()
		u.prefs.SetFloat(prefWinWidth, float64(size.Width))
		u.prefs.SetFloat(prefWinHeight, float64(size.Height))
		u.win.Close()
	}, nil)
}

// runLater runs slow work off the interface goroutine and done with its
// result back on it. It is how the interface starts short work (the two
// long-lived goroutines, the change subscription and the last-copy
// copier, have their own ends): tests wait for busy, closing the file for
// working (which ends before done runs, so the interface goroutine may
// wait for it).
func (u *UI) runLater(work func() error, done func(error)) {
	runOff(&u.busy, &u.working, work, done)
}

// runOff runs work on a goroutine of its own and done with its result on
// the interface goroutine; busy counts it until done has run, working
// (when not nil) until work has returned.
func runOff(busy, working *sync.WaitGroup, work func() error, done func(error)) {
	busy.Add(1)
	if working != nil {
		working.Add(1)
	}
	go func() {
		err := work()
		if working != nil {
			working.Done()
		}
		fyne.Do(func() {
			defer busy.Done()
			done(err)
		})
	}()
}

// start shows what Options.Start names.
func (u *UI) start(what string) {
	kind, arg, _ := strings.Cut(what, ":")
	switch kind {
	case "agreement":
		number, tab, _ := strings.Cut(arg, ":")
		for _, a := range u.cat.Agreements(catalog.AgreementQuery{Text: number}) {
			if a.Number == number {
				u.goTo("agreements", func() { u.openAgreement(a.ID, tab) })
				return
			}
		}
	case "partner":
		if ps := u.cat.Partners(catalog.PartnerQuery{Text: arg}); len(ps) > 0 {
			u.goTo("partners", func() { u.openPartner(ps[0].ID) })
		}
	case "new-partner":
		u.goTo("partners", u.newPartner)
	case "diagnostics":
		id, tab, _ := strings.Cut(arg, ":")
		u.goTo("diagnostics", func() { u.openRound(id, tab) })
	case "import", "merge":
		u.goTo("reports", func() { u.startImport(arg, kind == "merge") })
	default:
		u.goTo(kind, nil)
	}
}
