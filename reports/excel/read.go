package excel

import (
	"context"
	"slices"
	"strconv"
	"strings"

	"github.com/partnerdesk/partnerdesk/model"
	"github.com/partnerdesk/partnerdesk/reports/interchange"
)

// Read reads the mapped sheets into a Dataset for interchange.PlanImport
// or PlanMerge: partners with their contacts, and agreements joined with
// their responsibilities, principles, indicators, coordinators and
// resources by agreement number. Every problem found is listed with its
// sheet, row and column; a record with problems is marked Bad. A mapping
// that lacks a required column is refused with a Problem error. progress,
// when not nil, is called after each sheet.
func (w *Workbook) Read(ctx context.Context, maps []Mapping, progress func(done, total int)) (*interchange.Dataset, error) {
	for _, m := range maps {
		if miss := m.Missing(); len(miss) > 0 {
			p := problem("xlsx.err.required_column", "Column", miss[0].Header("en"))
			p.Sheet = m.Sheet
			return nil, p
		}
	}
	r := &reader{w: w, def: w.Defaults, d: &interchange.Dataset{Source: w.name}, byNumber: map[string]*interchange.AgreementRecord{},
		byTax: map[string]int{}, byName: map[string]int{}, bySeq: map[int]int{}}
	if w.company != "" {
		r.d.InstitutionNames = []string{w.company}
	}
	r.coordinators = slices.ContainsFunc(maps, func(m Mapping) bool { return m.Kind == SheetCoordinators })
	r.contacts = slices.ContainsFunc(maps, func(m Mapping) bool { return m.Kind == SheetContacts })
	order := []SheetKind{SheetPartners, SheetContacts, SheetAgreements, SheetResponsibilities, SheetPrinciples, SheetIndicators, SheetCoordinators, SheetResources}
	done := 0
	for _, kind := range order {
		for i := range maps {
			if maps[i].Kind != kind {
				continue
			}
			if err := r.sheet(ctx, &maps[i]); err != nil {
				return nil, err
			}
			done++
			if progress != nil {
				progress(done, len(maps))
			}
		}
	}
	if r.def.Country == "" {
		r.fileCountry()
	}
	return r.d, nil
}

// fileCountry gives the partners an agreement names without a tax ID the
// country most of the file's tax IDs point to: a Kyrgyz register's
// partners are Kyrgyz.
func (r *reader) fileCountry() {
	votes := map[string]int{}
	for _, a := range r.d.Agreements {
		for _, ref := range a.Partners {
			if ref.TaxID != "" {
				votes[interchange.GuessCountry(ref.TaxID)]++
			}
		}
	}
	if votes["KG"] <= votes["KZ"] {
		return
	}
	for _, a := range r.d.Agreements {
		for i := range a.Partners {
			if a.Partners[i].TaxID == "" && a.Partners[i].Country == "" {
				a.Partners[i].Country = "KG"
			}
		}
	}
}

// reader holds what the sheets read so far make known to the next ones.
type reader struct {
	w            *Workbook
	def          Defaults
	section      string         // the title of the section the rows are under
	sectionCat   model.Category // the category it names, or ""
	sheetTitle   string         // the sheet's name and the text above its header
	d            *interchange.Dataset
	byNumber     map[string]*interchange.AgreementRecord
	byTax        map[string]int // partner tax ID (no spaces) → index
	byName       map[string]int // partner name → index
	bySeq        map[int]int    // number on the Partners sheet → index
	coordinators bool           // a Coordinators sheet replaces the coordinator column
	contacts     bool           // a Contacts sheet replaces the main contact column
}

// sheet reads the data rows under the header of one mapped sheet.
func (r *reader) sheet(ctx context.Context, m *Mapping) error {
	c := prepare(m)
	mv := r.w.merged(m.Sheet, false)
	r.section, r.sectionCat = "", ""
	r.sheetTitle = m.Sheet
	if top, err := r.w.Preview(m.Sheet, m.HeaderRow-1); err == nil {
		for _, cells := range top {
			r.sheetTitle += " " + strings.Join(cells, " ")
		}
	}
	return r.w.rows(m.Sheet, true, func(row int, cells []string) (bool, error) {
		cells = mv.fill(row, cells)
		if row <= m.HeaderRow {
			return true, nil
		}
		if row%256 == 0 && ctx.Err() != nil {
			return false, ctx.Err()
		}
		rr := &rowReader{c: c, row: row, cells: cells, date1904: r.w.date1904, problems: &r.d.Problems}
		if m.Kind == SheetAgreements || m.Kind == SheetPartners {
			switch sh, title := shape(c, cells); sh {
			case shapeSkip:
				return true, nil
			case shapeSection:
				r.section, r.sectionCat = title, sectionCategory(title)
				return true, nil
			}
		}
		if rr.blank() {
			return true, nil
		}
		switch m.Kind {
		case SheetPartners:
			r.partnerRow(rr)
		case SheetContacts:
			r.contactRow(rr)
		case SheetAgreements:
			r.agreementRow(rr)
		default:
			r.detailRow(rr)
		}
		return true, nil
	})
}

func (r *reader) partnerRow(rr *rowReader) {
	rr.origin = &interchange.CellOrigin{Base: rr.rowLoc()}
	p := model.Partner{Name: rr.text("name", "name"), Region: rr.text("region", "region"), City: rr.text("city", "city"),
		Address: rr.text("address", "address"), ShortName: rr.text("short_name", "short_name"), Website: rr.text("website", "website"),
		Notes: rr.text("notes", "notes")}
	p.Country = countryCode(rr.text("country", "country"))
	p.TaxID = parseTaxID(rr.raw("tax_id"), p.Country)
	rr.at("tax_id", "tax_id")
	if p.Country == "" {
		p.Country = r.def.Country
	}
	if p.Country == "" {
		p.Country = interchange.GuessCountry(p.TaxID)
	}
	p.Category = model.Category(rr.enum("category", "category", "category"))
	p.SubKind = model.SubKind(rr.enum("sub_kind", "subkind", "sub_kind"))
	if p.Category == "" {
		p.Category = p.SubKind.Category()
	}
	r.partnerCategory(rr, &p)
	p.Relation = model.Relation(rr.enum("relation", "relation", "relation"))
	if p.Relation == "" {
		p.Relation = model.RelationReal
	}
	p.Names = model.Names{RU: rr.text("name_ru", "names.ru"), KK: rr.text("name_kk", "names.kk"), KY: rr.text("name_ky", "names.ky"), EN: rr.text("name_en", "names.en")}
	p.Signatory = model.Person{Name: rr.text("signatory", "signatory.name"), Position: rr.text("signatory_position", "signatory.position")}
	for _, t := range splitLines(rr.text("tags", "tags")) {
		if t != "" {
			p.Tags = append(p.Tags, t)
		}
	}
	if main := rr.text("main_contact", "contacts"); main != "" && !r.contacts {
		p.Contacts = []model.Contact{{Name: main}}
	}
	r.addPartner(rr, p)
}

// addPartner adds a partner read from a row and indexes it by its number
// on the sheet, tax ID and name; a tax ID met before is a problem of the
// row.
func (r *reader) addPartner(rr *rowReader, p model.Partner) {
	key, name := model.TaxKey(p.TaxID), normLabel(p.Name)
	if i, dup := r.byTax[key]; dup && key != "" {
		rr.fail("tax_id", false, "xlsx.err.dup_partner", "Where", r.d.Partners[i].Origin.Locate("").String())
	}
	rec := &interchange.PartnerRecord{Partner: p, Origin: rr.origin, Bad: rr.bad}
	r.d.Partners = append(r.d.Partners, rec)
	i := len(r.d.Partners) - 1
	if n, key := parseInt(rr.raw("seq")); key == "" && n > 0 {
		r.bySeq[n] = i
	}
	if _, dup := r.byTax[key]; key != "" && !dup {
		r.byTax[key] = i
	}
	if _, dup := r.byName[name]; dup {
		r.byName[name] = -1 // several partners of this name: contacts need the tax ID
	} else {
		r.byName[name] = i
	}
}

// contactRow adds a contact to the partner it names (by tax ID, then
// name) on the Partners sheet.
func (r *reader) contactRow(rr *rowReader) {
	tax := model.TaxKey(parseTaxID(rr.raw("tax_id"), ""))
	i, ok := r.byTax[tax]
	if n, isSeq := seqRef(rr.raw("tax_id")); isSeq {
		i, ok = r.bySeq[n]
	} else if !ok || tax == "" {
		i, ok = r.byName[normLabel(rr.raw("partner"))]
	}
	switch {
	case !ok:
		rr.fail("partner", false, "xlsx.err.partner_missing")
		return
	case i < 0:
		rr.fail("partner", false, "xlsx.err.partner_ambiguous", "Count", "2+")
		return
	}
	rec := r.d.Partners[i]
	k := strconv.Itoa(len(rec.Partner.Contacts))
	rr.origin = rec.Origin.(*interchange.CellOrigin)
	rec.Partner.Contacts = append(rec.Partner.Contacts, model.Contact{
		Name: rr.text("person", "contacts["+k+"].name"), Position: rr.text("position", "contacts["+k+"].position"),
		Phone: rr.text("phone", "contacts["+k+"].phone"), Email: rr.text("email", "contacts["+k+"].email"),
		Notes: rr.text("notes", "contacts["+k+"].notes"),
	})
	rec.Bad = rec.Bad || rr.bad
}

func (r *reader) agreementRow(rr *rowReader) {
	// Room for a cell of each column and a few detail rows.
	rr.origin = interchange.NewCellOrigin(rr.rowLoc(), len(rr.c.col)+8)
	rec := &interchange.AgreementRecord{Origin: rr.origin}
	a := &rec.Agreement
	a.Number = rr.text("number", "number")
	a.SignedOn = rr.date("signed_on", "signed_on")
	rec.Partners = r.partnerRefs(rr)
	a.ValidFrom = rr.date("valid_from", "valid_from")
	if a.ValidFrom.IsZero() {
		a.ValidFrom = a.SignedOn // registers kept by hand often have the signing date only
	}
	r.validity(rr, a)
	a.Title = rr.text("title", "title")
	a.Kind = r.kind(rr, a.Title)
	a.Title = r.title(rr, a)
	a.Status = r.status(rr, a.SignedOn)
	a.AutoRenew = rr.yes("auto_renew", "auto_renew")
	for _, l := range rr.enums("levels", "level", "levels") {
		a.Levels = append(a.Levels, model.Level(l))
	}
	for _, f := range rr.enums("forms", "form", "forms") {
		a.Forms = append(a.Forms, model.Form(f))
	}
	for _, line := range splitLines(rr.text("programmes", "programmes")) {
		if line != "" {
			a.Programmes = append(a.Programmes, parseProgramme(line))
		}
	}
	a.PracticePlaces = rr.int("practice_places", "practice_places")
	if name := rr.text("coordinator", "coordinators"); name != "" && !r.coordinators {
		a.Coordinators = []model.Coordinator{{Party: model.PartyInstitution, Name: name}}
	}
	a.RenewalMonths = rr.int("renewal_months", "renewal_months")
	a.Place = rr.text("place", "place")
	a.Model = model.PartnershipModel(rr.enum("model", "model", "model"))
	a.Subject = rr.text("subject", "subject")
	a.TerminatedOn = rr.date("terminated_on", "terminated_on")
	a.TerminationReason = rr.text("termination_reason", "termination_reason")
	r.terminated(rr, a)
	rec.Renews = rr.text("renews", "predecessor_id")
	rec.RenewedBy = rr.text("renewed_by", "successor_id")
	a.Notes = rr.text("notes", "notes")
	rec.Bad = rr.bad
	r.d.Agreements = append(r.d.Agreements, rec)
	if key := model.NormalizeNumber(a.Number); key != "" && r.byNumber[key] == nil {
		r.byNumber[key] = rec
	}
}

// seqRef reads "№ 17" (or "No. 17", "#17"): a partner's number on the
// Partners sheet, written where a tax ID would be.
func seqRef(s string) (int, bool) {
	s = strings.TrimSpace(s)
	for _, p := range []string{"№", "No.", "No", "#"} {
		if rest, ok := strings.CutPrefix(s, p); ok {
			n, key := parseInt(rest)
			return n, key == "" && n > 0 && strings.TrimSpace(rest) != ""
		}
	}
	return 0, false
}

// storedStatus turns a status read from a register into one a record
// holds: expiring and expired are active agreements; with no status an
// agreement is active once signed, else a draft.
func storedStatus(s model.Status, signed model.Date) model.Status {
	switch {
	case s == model.StatusExpiring || s == model.StatusExpired:
		return model.StatusActive
	case s != "":
		return s
	case signed.IsZero():
		return model.StatusDraft
	}
	return model.StatusActive
}

// refTax reads a partner's tax ID cell line: a tax ID, or "#n" naming the
// n-th partner of the Partners sheet.
func (r *reader) refTax(rr *rowReader, tax string, ref *interchange.PartnerRef) {
	ref.TaxID = parseTaxID(tax, "")
	if n, ok := seqRef(tax); ok {
		ref.TaxID = ""
		if ref.Index, ok = r.bySeq[n]; !ok {
			ref.Index = -1
			rr.fail("tax_ids", false, "xlsx.err.partner_missing")
		}
	}
}

// categoryCell reads the i-th partner's category: its line of the
// categories cell, or the only line for all partners; cat is that line.
func categoryCell(rr *rowReader, cats []string, i int) (c model.Category, cat string) {
	if i < len(cats) {
		cat = cats[i]
	} else if len(cats) == 1 {
		cat = cats[0]
	}
	code, ok := lookup("category", cat)
	if !ok && cat != "" {
		rr.fail("categories", false, "err.unknown_value", "Value", interchange.Shorten(cat))
	}
	return model.Category(code), cat
}

// partnerRefs reads the partners, tax IDs and categories columns: one
// partner per line, lines matching across the columns.
func (r *reader) partnerRefs(rr *rowReader) []interchange.PartnerRef {
	rr.at("partners", "partner_ids")
	names, taxes, cats := splitLines(rr.raw("partners")), splitLines(rr.raw("tax_ids")), splitLines(rr.raw("categories"))
	if len(names) > 0 && len(taxes) > 0 && len(names) != len(taxes) {
		rr.fail("tax_ids", false, "xlsx.err.partner_lines")
		return nil
	}
	var refs []interchange.PartnerRef
	for i := range max(len(names), len(taxes)) {
		ref := interchange.PartnerRef{Index: -1, Loc: rr.loc("partners"), TaxLoc: rr.loc("tax_ids"), Country: r.def.Country}
		if !rr.c.has("tax_ids") {
			ref.TaxLoc = ref.Loc
		}
		if i < len(names) {
			ref.Name = names[i]
		}
		if i < len(taxes) {
			r.refTax(rr, taxes[i], &ref)
		}
		var cat string
		ref.Category, cat = categoryCell(rr, cats, i)
		if ref.Name != "" || ref.TaxID != "" {
			if cat == "" {
				r.refCategory(&ref)
			}
			refs = append(refs, ref)
		}
	}
	return refs
}
