// Command partnerdesk is the PartnerDesk desktop app. This file only wires
// the pieces together; everything else lives in ui, model and reports.
package main

import (
	"flag"
	"fmt"
	"os"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/app"

	"github.com/partnerdesk/partnerdesk/model/store"
	"github.com/partnerdesk/partnerdesk/ui"
)

func main() {
	dbFlag := flag.String("db", "", "data file (default $"+store.EnvPath+" or the user's configuration folder)")
	flag.Parse()
	a := app.NewWithID("kz.partnerdesk.app")
	w := a.NewWindow("PartnerDesk")
	w.Resize(fyne.NewSize(1200, 760))
	path, err := store.ResolvePath(*dbFlag)
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	s, err := store.Open(path, store.Options{})
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	defer s.Close()
	ui.New(a, w, s)
	w.SetMaster()
	w.ShowAndRun()
}
