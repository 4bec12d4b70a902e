package interchange

import (
	"strconv"
	"strings"

	"github.com/partnerdesk/partnerdesk/model"
)

// resolve turns the partner references of an agreement read from a file
// into stored partner IDs and its parties into party codes, reporting
// what cannot be resolved. It returns false when something could not.
func (e *engine) resolve(rec *AgreementRecord, a *model.Agreement) bool {
	ok := true
	ids := make([]model.ID, len(rec.Partners))
	for j, ref := range rec.Partners {
		id, good := e.partnerID(ref)
		ids[j], ok = id, ok && good
	}
	if !ok {
		return false
	}
	a.PartnerIDs = ids
	party := func(p *model.Party, field string) {
		q, good := e.party(*p, ids, field, rec.Origin)
		*p, ok = q, ok && good
	}
	for k := range a.Responsibilities {
		party(&a.Responsibilities[k].Party, "responsibilities["+strconv.Itoa(k)+"].party")
	}
	for k := range a.Resources {
		party(&a.Resources[k].Party, "resources["+strconv.Itoa(k)+"].party")
	}
	for k := range a.Coordinators {
		party(&a.Coordinators[k].Party, "coordinators["+strconv.Itoa(k)+"].party")
	}
	return ok
}

// partnerID finds the stored ID of a referenced partner: one of the
// file's partners (saved just before), else one found in the file by tax
// ID or name, else one in the data file, else a new partner made from the
// reference when it carries a category.
func (e *engine) partnerID(ref PartnerRef) (model.ID, bool) {
	if ref.Index >= 0 {
		return e.filePartner(ref, ref.Index)
	}
	if i, found, prob := e.findInFile(ref); prob != nil {
		e.problem(*prob)
		return 0, false
	} else if found {
		return e.filePartner(ref, i)
	}
	if p, found, prob := e.names.storeRef(e.tx, ref); prob != nil {
		prob.Loc = ref.Loc
		e.problem(*prob)
		return 0, false
	} else if found {
		return p.ID, true
	}
	if !ref.Category.Valid() {
		e.problem(Problem{Loc: ref.Loc, Value: Shorten(refText(ref)), Key: "xlsx.err.partner_missing"})
		return 0, false
	}
	return e.createPartner(ref)
}

func refText(ref PartnerRef) string {
	if ref.Name != "" {
		return ref.Name
	}
	return ref.TaxID
}

func (e *engine) filePartner(ref PartnerRef, i int) (model.ID, bool) {
	if i >= len(e.pids) || e.pids[i] == 0 {
		e.problem(Problem{Loc: ref.Loc, Value: Shorten(refText(ref)), Key: "xlsx.err.partner_invalid"})
		return 0, false
	}
	return e.pids[i], true
}

// findInFile finds a referenced partner among the file's partners by tax
// ID, then by name.
func (e *engine) findInFile(ref PartnerRef) (int, bool, *Problem) {
	var hits []int
	if t := taxKey(ref.TaxID); t != "" {
		hits = e.names.fileByTax[t]
	}
	if len(hits) == 0 && ref.Name != "" {
		for _, i := range e.names.fileByName[normName(ref.Name)] {
			if ref.TaxID == "" || e.partners[i].Partner.TaxID == "" {
				hits = append(hits, i)
			}
		}
	}
	switch len(hits) {
	case 0:
		return 0, false, nil
	case 1:
		return hits[0], true, nil
	}
	p := NewProblem(ref.Loc, "xlsx.err.partner_ambiguous", "Count", strconv.Itoa(len(hits)))
	p.Value = Shorten(refText(ref))
	return 0, false, &p
}

// createPartner adds a partner known only from an agreement's row.
func (e *engine) createPartner(ref PartnerRef) (model.ID, bool) {
	country := ref.Country
	if country == "" {
		country = GuessCountry(ref.TaxID)
	}
	rec := &PartnerRecord{
		Partner: model.Partner{Name: ref.Name, TaxID: ref.TaxID, Country: country, Category: ref.Category, Relation: model.RelationReal},
		Origin:  &CellOrigin{Base: ref.Loc, Cells: map[string]Loc{"tax_id": ref.TaxLoc, "country": ref.TaxLoc}},
	}
	e.partners = append(e.partners, rec)
	i := len(e.partners) - 1
	if err := e.partner(i); err != nil {
		return 0, false
	}
	return e.filePartner(ref, i)
}

// GuessCountry returns the country a tax ID's shape points to: 12 digits
// are a Kazakh BIN, 14 a Kyrgyz INN; otherwise KZ.
func GuessCountry(taxID string) string {
	t := taxKey(taxID)
	if len(t) == 14 && strings.Trim(t, "0123456789") == "" {
		return "KG"
	}
	return "KZ"
}

// party resolves one party code of an agreement with the partner IDs ids.
func (e *engine) party(p model.Party, ids []model.ID, field string, origin Origin) (model.Party, bool) {
	if i, ok := refIndex(p); ok {
		if i < 0 || i >= len(ids) {
			e.problem(Problem{Loc: origin.Locate(field), Key: "err.party_not_partner"})
			return p, false
		}
		return model.PartnerParty(ids[i]), true
	}
	text, ok := strings.CutPrefix(string(p), "text:")
	if !ok {
		return p, true
	}
	n := normName(text)
	switch {
	case n == "":
		return "", true // validation reports the missing party
	case e.names.inst[n]:
		return model.PartyInstitution, true
	case e.names.joint[n]:
		return model.PartyJoint, true
	}
	for _, id := range ids {
		if pt := e.names.byID[id]; pt != nil && (taxKey(pt.TaxID) == taxKey(text) && pt.TaxID != "" || containsName(pt, n)) {
			return model.PartnerParty(id), true
		}
	}
	e.problem(Problem{Loc: origin.Locate(field), Value: Shorten(text), Key: "xlsx.err.party_unknown"})
	return p, false
}

func containsName(p *model.Partner, n string) bool {
	for _, x := range partnerNames(p) {
		if x == n {
			return true
		}
	}
	return normName(p.ShortName) == n && n != ""
}
