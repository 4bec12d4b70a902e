// Command partnerdesk is the PartnerDesk desktop app. This file only wires
// the pieces together; everything else lives in ui, model and reports.
package main

import (
	"flag"
	"fmt"
	"os"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/app"

	"github.com/partnerdesk/partnerdesk/cmd/internal/buildinfo"
	"github.com/partnerdesk/partnerdesk/model"
	"github.com/partnerdesk/partnerdesk/model/demo"
	"github.com/partnerdesk/partnerdesk/model/store"
	"github.com/partnerdesk/partnerdesk/ui"
)

// started is when the process reached main; PARTNERDESK_STARTUP_PROBE
// makes the app print how long it took to show its window (make
// startup-time).
var started = time.Now()

// loadDemo fills an empty data file with demonstration data (the welcome
// panel's button).
func loadDemo(s ui.Store) error {
	st, ok := s.(*store.Store)
	if !ok {
		return fmt.Errorf("demo data needs a data file")
	}
	d := demo.Generate(demo.Options{Seed: 1, Partners: 120, Agreements: 400, Today: model.Today()})
	return st.AddNew(d, 500, nil)
}

func main() {
	dbFlag := flag.String("db", "", "data file, or the university's server as postgres://LOGIN@HOST/DATABASE (default $"+store.EnvPath+" or the user's configuration folder)")
	startFlag := flag.String("start", "", "what to show first: dashboard, partners, agreements, reports, settings, agreement:NUMBER[:TAB], partner:NAME")
	langFlag := flag.String("lang", "", "interface language for this run: ru, kk, ky or en")
	flag.Parse()
	a := app.NewWithID("kz.partnerdesk.app")
	w := a.NewWindow("PartnerDesk")
	w.Resize(fyne.NewSize(1280, 800))
	w.SetMaster()
	info := buildinfo.Get()
	opts := ui.Options{
		Version: info.Version, Commit: info.Commit, BuildDate: info.Date, Start: *startFlag, Language: *langFlag,
		Demo: loadDemo,
	}
	path, err := ui.StartPath(a, *dbFlag)
	if err != nil {
		ui.ShowStartupError(a, w, err)
		w.ShowAndRun()
		return
	}
	defer ui.Launch(a, w, path, opts)()
	if os.Getenv("PARTNERDESK_STARTUP_PROBE") != "" {
		a.Lifecycle().SetOnStarted(func() {
			fmt.Fprintf(os.Stderr, "window ready after %d ms\n", time.Since(started).Milliseconds())
		})
	}
	w.ShowAndRun()
}
