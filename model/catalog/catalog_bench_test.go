package catalog

import (
	"testing"

	"github.com/partnerdesk/partnerdesk/model"
	"github.com/partnerdesk/partnerdesk/model/demo"
)

// benchData builds the scale in memory: 10,000 partners and
// 50,000 agreement summaries.
func benchData(b *testing.B) ([]model.Partner, []model.Summary) {
	b.Helper()
	d := demo.Generate(demo.Options{Seed: 1, Partners: 10000, Agreements: 50000, Today: today})
	ps := d.Partners
	for i := range ps {
		ps[i].ID = model.ID(i + 1)
	}
	sums := make([]model.Summary, len(d.Agreements))
	for i := range d.Agreements {
		d.Agreements[i].ID = model.ID(i + 1)
		sums[i] = model.Summarize(&d.Agreements[i])
	}
	return ps, sums
}

func BenchmarkBuild(b *testing.B) {
	ps, sums := benchData(b)
	b.ReportAllocs()
	for b.Loop() {
		New(ps, sums, today, 90)
	}
}

func BenchmarkSearchKeystroke(b *testing.B) {
	ps, sums := benchData(b)
	c := New(ps, sums, today, 90)
	b.ReportAllocs()
	for b.Loop() {
		c.Agreements(AgreementQuery{Text: "практик"})
	}
}

func BenchmarkSortAgreementsByTitle(b *testing.B) {
	ps, sums := benchData(b)
	c := New(ps, sums, today, 90)
	c.Agreements(AgreementQuery{}) // the list opens sorted by number
	b.ReportAllocs()
	for b.Loop() {
		delete(c.asorted, asort{AgreementByTitle, false}) // measure the sort, not the cached result
		c.Agreements(AgreementQuery{Sort: AgreementByTitle})
	}
}

func BenchmarkSortAgreementsByNumber(b *testing.B) {
	ps, sums := benchData(b)
	c := New(ps, sums, today, 90)
	b.ReportAllocs()
	for b.Loop() {
		c.asorted = nil
		c.Agreements(AgreementQuery{Sort: AgreementByNumber})
	}
}

func BenchmarkDashboard(b *testing.B) {
	ps, sums := benchData(b)
	c := New(ps, sums, today, 90)
	b.ReportAllocs()
	for b.Loop() {
		c.Dashboard()
	}
}

func BenchmarkSortPartnersByName(b *testing.B) {
	ps, sums := benchData(b)
	c := New(ps, sums, today, 90)
	b.ReportAllocs()
	for b.Loop() {
		c.psorted = nil
		c.Partners(PartnerQuery{Sort: PartnerByName})
	}
}
