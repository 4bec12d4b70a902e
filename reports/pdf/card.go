package pdf

import (
	"fmt"
	"io"
	"slices"
	"strconv"
	"strings"

	"github.com/partnerdesk/partnerdesk/model"
	"github.com/partnerdesk/partnerdesk/reports"
)

// PartnerData is one partner with its agreements, for the partner card.
type PartnerData struct {
	Institution model.Institution
	Partner     model.Partner
	// Agreements are the partner's agreements, in the order printed.
	Agreements []model.Summary
}

// LoadPartner reads a partner and the summaries of its agreements.
func LoadPartner(tx Reader, id model.ID) (PartnerData, error) {
	in, err := tx.Institution()
	if err != nil {
		return PartnerData{}, err
	}
	p, err := tx.Partner(id)
	if err != nil {
		return PartnerData{}, fmt.Errorf("partner %s: %w", id, err)
	}
	d := PartnerData{Institution: in, Partner: p}
	sums, err := tx.Summaries()
	if err != nil {
		return PartnerData{}, err
	}
	for _, s := range sums {
		for _, pid := range s.PartnerIDs {
			if pid == id {
				d.Agreements = append(d.Agreements, s)
				break
			}
		}
	}
	return d, nil
}

// PartnerCard writes one partner's card on A4: its details, contacts and
// agreements (status on o.Today), in o.Lang.
func PartnerCard(w io.Writer, d *PartnerData, o Options) error {
	o, err := o.check()
	if err != nil {
		return err
	}
	lang := o.Lang
	dc := newDoc(o, portrait)
	full := dc.pg.width()
	p := &d.Partner
	rows := []*row{
		para1(d.Institution.Names.In(lang), full, style{size: 9, align: "C"}, 0, 1),
		para1(tr(lang, "pdf.card.title"), full, style{size: 14, bold: true, align: "C"}, 0, 0.5),
		para1(tr(lang, "pdf.asof", "Date", o.Today.String()), full, style{size: 9, align: "C"}, 0, 4),
		para1(p.NameIn(lang), full, style{size: 12, bold: true, align: "L"}, 0, 2),
	}
	rows = append(rows, fieldRows(cardFields(lang, p), 52, full-52, 9.5)...)
	rows = append(rows, para1(tr(lang, "pdf.card.contacts"), full, style{size: 11, bold: true, align: "L"}, 6, 2))
	rows[len(rows)-1].keepNext = true
	if len(p.Contacts) == 0 {
		rows = append(rows, para1(tr(lang, "pdf.card.no_contacts"), full, style{size: 9.5, align: "L"}, 0, 0))
	} else {
		rows = append(rows, table(contactColumns(lang), contactRecords(p), 9)...)
	}
	rows = append(rows, para1(tr(lang, "pdf.card.agreements", "N", strconv.Itoa(len(d.Agreements))), full, style{size: 11, bold: true, align: "L"}, 6, 2))
	rows[len(rows)-1].keepNext = true
	if len(d.Agreements) == 0 {
		rows = append(rows, para1(tr(lang, "pdf.card.no_agreements"), full, style{size: 9.5, align: "L"}, 0, 0))
	} else {
		rows = append(rows, table(cardAgreementColumns(lang), cardAgreementRecords(d, o), 8)...)
	}
	dc.meta(tr(lang, "pdf.card.title")+": "+p.NameIn(lang), d.Institution.Names.In(lang))
	footer := func(n, total int) []op {
		return dc.footerOps(tr(lang, "pdf.page", "N", strconv.Itoa(n), "M", strconv.Itoa(total)), tr(lang, "pdf.generated", "Date", o.Today.String()))
	}
	return dc.render(w, dc.layout(rows), footer)
}

func cardFields(lang string, p *model.Partner) [][2]string {
	var other []string
	for _, n := range []string{p.Name, p.Names.RU, p.Names.KK, p.Names.KY, p.Names.EN} {
		if n != "" && n != p.NameIn(lang) && !slices.Contains(other, n) {
			other = append(other, n)
		}
	}
	return [][2]string{
		{tr(lang, "pdf.card.short_name"), p.ShortName},
		{tr(lang, "pdf.card.other_names"), strings.Join(other, "\n")},
		{tr(lang, "pdf.card.country"), p.Country},
		{tr(lang, "pdf.card.place"), place(p.Region, p.City)},
		{tr(lang, "pdf.card.address"), p.Address},
		{tr(lang, "pdf.card.website"), p.Website},
		{capitalize(taxLabel(lang, p.Country)), p.TaxID},
		{tr(lang, "pdf.card.category"), reports.Label(lang, p.Category)},
		{tr(lang, "pdf.card.subkind"), reports.Label(lang, p.SubKind)},
		{tr(lang, "pdf.card.sector"), reports.Label(lang, p.Sector())},
		{tr(lang, "pdf.card.relation"), reports.Label(lang, p.Relation)},
		{tr(lang, "pdf.card.signatory"), joinNonEmpty(", ", p.Signatory.Name, p.Signatory.Position)},
		{tr(lang, "pdf.card.notes"), p.Notes},
		{tr(lang, "pdf.card.tags"), strings.Join(p.Tags, ", ")},
	}
}

func contactColumns(lang string) []column {
	return []column{
		{tr(lang, "pdf.col.person"), 38, "L"},
		{tr(lang, "pdf.col.position"), 32, "L"},
		{tr(lang, "pdf.col.phone"), 30, "L"},
		{tr(lang, "pdf.col.email"), 46, "L"},
		{tr(lang, "pdf.col.notes"), 24, "L"},
	}
}

func contactRecords(p *model.Partner) [][]string {
	out := make([][]string, len(p.Contacts))
	for i, c := range p.Contacts {
		out[i] = []string{c.Name, c.Position, c.Phone, c.Email, c.Notes}
	}
	return out
}

func cardAgreementColumns(lang string) []column {
	return []column{
		{tr(lang, "pdf.col.number"), 24, "L"},
		{tr(lang, "pdf.col.title"), 40, "L"},
		{tr(lang, "pdf.col.kind"), 28, "L"},
		{tr(lang, "pdf.col.signed"), 18, "C"},
		{tr(lang, "pdf.col.until"), 18, "C"},
		{tr(lang, "pdf.col.status"), 20, "L"},
		{tr(lang, "pdf.col.tasks"), 22, "C"},
	}
}

func cardAgreementRecords(d *PartnerData, o Options) [][]string {
	out := make([][]string, len(d.Agreements))
	for i := range d.Agreements {
		s := &d.Agreements[i]
		out[i] = []string{
			s.Number, s.Title, reports.Label(o.Lang, s.Kind), s.SignedOn.String(),
			endText(o.Lang, s.EndOn(o.Today)),
			reports.Label(o.Lang, s.StatusOn(o.Today, d.Institution.Warning())),
			tasksText(len(s.OpenDue), s.OverdueOn(o.Today)),
		}
	}
	return out
}

// place is "region, city", or one of them when they are the same.
func place(region, city string) string {
	if strings.EqualFold(strings.TrimSpace(region), strings.TrimSpace(city)) {
		return city
	}
	return joinNonEmpty(", ", region, city)
}
