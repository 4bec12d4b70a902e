package excel

import (
	"context"
	"testing"

	"github.com/partnerdesk/partnerdesk/reports/interchange"
)

func BenchmarkZZOwn50k(b *testing.B) {
	for b.Loop() {
		s := emptyStore(b)
		wb, err := OpenWorkbookFile("/tmp/h13/reg50k.xlsx", DefaultLimits())
		if err != nil {
			b.Fatal(err)
		}
		maps, _ := wb.AutoMappings("")
		d, err := wb.Read(context.Background(), maps, nil)
		if err != nil {
			b.Fatal(err)
		}
		wb.Close()
		b.Log("read")
		p, err := interchange.PlanImport(context.Background(), s, d, nil)
		if err != nil {
			b.Fatal(err)
		}
		b.Log(p.AgreementCounts())
	}
}
