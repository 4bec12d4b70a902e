package ui

import (
	"strings"

	"github.com/partnerdesk/partnerdesk/model"
	"github.com/partnerdesk/partnerdesk/reports/pdf"
)

// memoGaps lists, for the print dialog, what a memorandum of a would
// print in the wrong language or leave blank, for the chosen languages:
// the agreement's fields with no text of their own in a language, the
// institution's or a partner's name missing in it, and the institution's
// signatory not set. Each line names the fields.
func memoGaps(tx pdf.Reader, a *model.Agreement, langs []string) []string {
	in, err := tx.Institution()
	if err != nil {
		return nil
	}
	var out []string
	for _, lang := range langs {
		var fields []string
		for _, f := range a.MissingTexts(lang) {
			fields = append(fields, tr("field."+f))
		}
		if lang != model.MainTextLang && !in.Names.Has(lang) {
			fields = append(fields, tr("print.gap.institution_name"))
		}
		for _, id := range a.PartnerIDs {
			if p, err := tx.Partner(id); err == nil && lang != model.MainTextLang && !p.Names.Has(lang) {
				fields = append(fields, tr("print.gap.partner_name", "Name", p.Name))
			}
		}
		if len(fields) > 0 {
			out = append(out, tr("print.gap.lang", "Lang", tr("lang."+lang), "Fields", strings.Join(fields, ", ")))
		}
	}
	if strings.TrimSpace(in.Signatory.Name) == "" || strings.TrimSpace(in.Signatory.Position) == "" {
		out = append(out, tr("print.gap.signatory"))
	}
	return out
}
