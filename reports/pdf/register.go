package pdf

import (
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/partnerdesk/partnerdesk/model"
	"github.com/partnerdesk/partnerdesk/reports"
)

// RegisterData is a list of agreements to print as a register.
type RegisterData struct {
	Institution model.Institution
	// Agreements are the rows, in the order they are printed.
	Agreements []model.Summary
	// Partners holds (at least) every partner the rows name.
	Partners map[model.ID]*model.Partner
	// Filter describes in words which agreements were chosen; it is
	// printed under the title. Empty: no filter.
	Filter string
}

// LoadRegister collects the institution and the partners the summaries
// name, for printing them as a register.
func LoadRegister(tx Reader, rows []model.Summary, filter string) (RegisterData, error) {
	in, err := tx.Institution()
	if err != nil {
		return RegisterData{}, err
	}
	d := RegisterData{Institution: in, Agreements: rows, Partners: map[model.ID]*model.Partner{}, Filter: filter}
	for _, s := range rows {
		for _, id := range s.PartnerIDs {
			if d.Partners[id] != nil {
				continue
			}
			p, err := tx.Partner(id)
			if err != nil {
				return RegisterData{}, fmt.Errorf("partner %s of agreement %s: %w", id, s.Number, err)
			}
			d.Partners[id] = &p
		}
	}
	return d, nil
}

// Register writes the agreements as a table on landscape A4 pages, with
// the header repeated on every page: number, title, kind, partners, dates,
// status on o.Today, open and overdue obligations and principles met.
func Register(w io.Writer, d *RegisterData, o Options) error {
	o, err := o.check()
	if err != nil {
		return err
	}
	lang := o.Lang
	dc := newDoc(o, landscape)
	full := dc.pg.width()
	rows := []*row{
		para1(d.Institution.Names.In(lang), full, style{size: 10, bold: true, align: "C"}, 0, 1),
		para1(tr(lang, "pdf.register.title"), full, style{size: 13, bold: true, align: "C"}, 0, 1),
		para1(tr(lang, "pdf.asof", "Date", o.Today.String())+"; "+lowerFirst(tr(lang, "pdf.register.count", "N", strconv.Itoa(len(d.Agreements)))),
			full, style{size: 9, align: "C"}, 0, 1),
	}
	if d.Filter != "" {
		rows = append(rows, para1(tr(lang, "pdf.register.filter", "Filter", d.Filter), full, style{size: 9, align: "C"}, 0, 1))
	}
	rows[len(rows)-1].after = 4
	if len(d.Agreements) == 0 {
		rows = append(rows, para1(tr(lang, "pdf.register.empty"), full, style{size: 10, align: "C"}, 4, 0))
	} else {
		rows = append(rows, table(registerColumns(lang), registerRecords(d, o), 8)...)
	}
	dc.meta(tr(lang, "pdf.register.title"), d.Institution.Names.In(lang))
	footer := func(n, total int) []op {
		return dc.footerOps(tr(lang, "pdf.page", "N", strconv.Itoa(n), "M", strconv.Itoa(total)), tr(lang, "pdf.generated", "Date", o.Today.String()))
	}
	return dc.render(w, dc.layout(rows), footer)
}

func registerColumns(lang string) []column {
	return []column{
		{tr(lang, "pdf.col.n"), 9, "R"},
		{tr(lang, "pdf.col.number"), 25, "L"},
		{tr(lang, "pdf.col.title"), 44, "L"},
		{tr(lang, "pdf.col.kind"), 30, "L"},
		{tr(lang, "pdf.col.partners"), 47, "L"},
		{tr(lang, "pdf.col.signed"), 19, "C"},
		{tr(lang, "pdf.col.from"), 19, "C"},
		{tr(lang, "pdf.col.until"), 19, "C"},
		{tr(lang, "pdf.col.status"), 20, "L"},
		{tr(lang, "pdf.col.tasks"), 22, "C"},
		{tr(lang, "pdf.col.principles"), 19, "C"},
	}
}

func registerRecords(d *RegisterData, o Options) [][]string {
	lang := o.Lang
	out := make([][]string, len(d.Agreements))
	for i := range d.Agreements {
		s := &d.Agreements[i]
		var names []string
		for _, id := range s.PartnerIDs {
			if p := d.Partners[id]; p != nil {
				names = append(names, p.NameIn(lang))
			} else {
				names = append(names, "#"+id.String())
			}
		}
		term := s.TermOn(o.Today)
		out[i] = []string{
			strconv.Itoa(i + 1), s.Number, s.Title, reports.Label(lang, s.Kind), strings.Join(names, "; "),
			s.SignedOn.String(), term.Start.String(), endText(lang, term.End) + renewedText(lang, term),
			reports.Label(lang, s.StatusOn(o.Today, d.Institution.Warning())),
			tasksText(len(s.OpenDue), s.OverdueOn(o.Today)),
			strconv.Itoa(s.PrinciplesMet()) + "/" + strconv.Itoa(len(model.Principles)),
		}
	}
	return out
}

// endText is the end date, or "open-ended".
func endText(lang string, end model.Date) string {
	if end.IsZero() {
		return tr(lang, "pdf.open_ended")
	}
	return end.String()
}

// renewedText notes under the end of a renewed term how often it was
// renewed and when the signed term ended.
func renewedText(lang string, t model.Term) string {
	if !t.Renewed() {
		return ""
	}
	return "\n" + tr(lang, "pdf.register.renewed", "N", strconv.Itoa(t.Renewals), "Date", t.OriginalEnd.String())
}

// tasksText is "open (overdue)", or just "open" when none is overdue.
func tasksText(open, overdue int) string {
	if overdue == 0 {
		return strconv.Itoa(open)
	}
	return strconv.Itoa(open) + " (" + strconv.Itoa(overdue) + ")"
}
