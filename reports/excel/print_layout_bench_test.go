package excel

import (
	"context"
	"io"
	"testing"

	"github.com/partnerdesk/partnerdesk/reports/internal/snapshot"
	"github.com/partnerdesk/partnerdesk/reports/layouts"
)

// BenchmarkLayoutRegister lays out and writes the practice-bases columns
// for every agreement of the demo data (400), with Kazakh and Russian
// headers, read from the store as WriteLayout and the app read it.
func BenchmarkLayoutRegister(b *testing.B) {
	s := snapshot.Filled(b, 120, 400)
	l := layouts.Presets()[0]
	l.Name, l.Kinds = "all", nil
	o := layouts.Options{Langs: []string{"kk", "ru"}, Today: snapshot.Today}
	b.ReportAllocs()
	for b.Loop() {
		t, err := layouts.Build(context.Background(), s, l, o)
		if err != nil {
			b.Fatal(err)
		}
		if err := WriteTable(io.Discard, t); err != nil {
			b.Fatal(err)
		}
	}
}
