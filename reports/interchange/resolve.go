package interchange

import (
	"slices"
	"strconv"
	"strings"

	"github.com/partnerdesk/partnerdesk/model"
)

// fakeBase starts the stand-in IDs that partners still to be created get
// while their agreement is checked.
const fakeBase = model.ID(1) << 62

// resolved is an agreement's partners after resolve: stored IDs, or
// stand-ins for partners to create once the agreement is known good.
type resolved struct {
	ids     []model.ID
	pending map[model.ID]*model.Partner // stand-in ID → partner to create
}

// resolve turns the partner references of an agreement read from a file
// into partner IDs and its parties into party codes, reporting what
// cannot be resolved. It returns false when something could not.
func (e *engine) resolve(rec *AgreementRecord, a *model.Agreement) (resolved, bool) {
	ok := true
	r := resolved{ids: make([]model.ID, len(rec.Partners)), pending: map[model.ID]*model.Partner{}}
	for j, ref := range rec.Partners {
		id, p, good := e.partnerID(ref, rec.Bad)
		if p != nil {
			id = fakeBase + model.ID(j)
			r.pending[id] = p
		}
		r.ids[j], ok = id, ok && good
	}
	if !ok {
		return r, false
	}
	a.PartnerIDs = r.ids
	party := func(p *model.Party, field string) {
		q, good := e.party(*p, r, field, rec.Origin)
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
	return r, ok
}

// partnerID finds the stored ID of a referenced partner: one of the
// file's partners (saved just before), else one found in the file by tax
// ID or name, else one in the data file. A partner known nowhere whose
// reference carries a category is returned to be created. A record with
// reading problems (quiet) does not report a partner known nowhere: its
// reading problem, such as an unknown category, is the cause.
func (e *engine) partnerID(ref PartnerRef, quiet bool) (model.ID, *model.Partner, bool) {
	if ref.Index >= 0 {
		id, ok := e.filePartner(ref, ref.Index)
		return id, nil, ok
	}
	if i, found, prob := e.findInFile(ref); prob != nil {
		e.problem(*prob)
		return 0, nil, false
	} else if found {
		id, ok := e.filePartner(ref, i)
		return id, nil, ok
	}
	if id, found, ok := e.inStore(ref); found || !ok {
		return id, nil, ok
	}
	if !ref.Category.Valid() {
		if !quiet {
			e.problem(Problem{Loc: ref.Loc, Value: Shorten(refText(ref)), Key: "xlsx.err.partner_missing"})
		}
		return 0, nil, false
	}
	country := ref.Country
	if country == "" {
		country = GuessCountry(ref.TaxID)
	}
	p := &model.Partner{Name: ref.Name, TaxID: model.NormalizeTaxID(country, ref.TaxID), Country: country, Category: ref.Category,
		SubKind: ref.SubKind, Relation: model.RelationReal, Review: ref.Guess != ""}
	if err := p.Validate(); err != nil {
		e.failed(err, refOrigin(ref))
		return 0, nil, false
	}
	if ref.Guess != "" {
		key := "import.warn.category_guessed"
		if ref.Guess == "—" {
			key = "import.warn.category_default"
		}
		e.problem(Problem{Loc: ref.Loc, Key: key, Warning: true,
			Args: map[string]string{"Name": Shorten(ref.Name), "CategoryKey": ref.Category.Key(), "From": ref.Guess}})
	}
	if _, err := e.tx.PartnerByTaxID(p.Country, p.TaxID); err == nil && p.TaxID != "" {
		e.problem(Problem{Loc: ref.TaxLoc, Value: Shorten(p.TaxID), Key: "err.taxid_taken", Args: map[string]string{"Other": p.Name}})
		return 0, nil, false
	}
	return 0, p, true
}

// inStore finds a referenced partner in the data file (found), or, when
// the user rejected the match of its name, among the partners this
// import created; ok is false when the reference is ambiguous.
func (e *engine) inStore(ref PartnerRef) (id model.ID, found, ok bool) {
	if e.rejected[normName(ref.Name)] && ref.TaxID == "" {
		// The user said the partner of that name in the data file is
		// another one: only one this import created can be it.
		for _, id := range e.names.byName[normName(ref.Name)] {
			if e.created[id] {
				return id, true, true
			}
		}
		return 0, false, true
	}
	p, found, prob := e.names.storeRef(e.tx, ref)
	if prob != nil {
		prob.Loc = ref.Loc
		e.problem(*prob)
		return 0, false, false
	}
	if found {
		e.match(ref, p)
	}
	return p.ID, found, true
}

// match lists a partner found in the data file once, unless this import
// created it.
func (e *engine) match(ref PartnerRef, p model.Partner) {
	if !e.trial() || e.created[p.ID] {
		return
	}
	key := normName(ref.Name) + "|" + p.ID.String()
	if e.matched[key] {
		return
	}
	e.matched[key] = true
	byTax := model.TaxKey(ref.TaxID) != "" && model.TaxKey(ref.TaxID) == model.TaxKey(p.TaxID)
	e.out.Matches = append(e.out.Matches, Match{Name: refText(ref), Loc: ref.Loc, ID: p.ID, Existing: p.Name, ByTaxID: byTax})
}

func refOrigin(ref PartnerRef) Origin {
	tax := ref.TaxLoc
	if tax == (Loc{}) {
		tax = ref.Loc
	}
	return &CellOrigin{Base: ref.Loc, Cells: map[string]Loc{"tax_id": tax, "country": tax}}
}

// create saves the partners an agreement brought and puts their IDs in
// place of the stand-ins.
func (e *engine) create(r resolved, rec *AgreementRecord, a *model.Agreement) error {
	real := map[model.ID]model.ID{}
	for j, ref := range rec.Partners {
		fake := r.ids[j]
		p := r.pending[fake]
		if p == nil {
			continue
		}
		rec := &PartnerRecord{Partner: *p, Origin: refOrigin(ref)}
		e.partners = append(e.partners, rec)
		if err := e.partner(len(e.partners) - 1); err != nil {
			return err
		}
		id := e.pids[len(e.pids)-1]
		if id == 0 {
			return errSkip
		}
		e.created[id] = true
		real[fake] = id
	}
	if len(real) == 0 {
		return nil
	}
	a.MapPartners(func(id model.ID) model.ID {
		if to, ok := real[id]; ok {
			return to
		}
		return id
	})
	return nil
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
	if t := model.TaxKey(ref.TaxID); t != "" {
		hits = e.names.fileByTax[t]
	}
	if len(hits) == 0 && ref.Name != "" {
		for _, i := range byNameOf(e.names.fileByName, ref.Name) {
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

// GuessCountry returns the country a tax ID's shape points to: 12 digits
// are a Kazakh BIN, 14 a Kyrgyz INN; otherwise KZ.
func GuessCountry(taxID string) string {
	t := model.TaxKey(taxID)
	if len(t) == 14 && strings.Trim(t, "0123456789") == "" {
		return "KG"
	}
	return "KZ"
}

// party resolves one party code of an agreement with its partners r.
func (e *engine) party(p model.Party, r resolved, field string, origin Origin) (model.Party, bool) {
	ids := r.ids
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
	n, cached := e.partyNames[text]
	if !cached {
		n = normName(text)
		e.partyNames[text] = n // parties repeat: "Колледж", "Партнёр", "Стороны"
	}
	switch {
	case n == "":
		return "", true // validation reports the missing party
	case e.names.inst[n]:
		return model.PartyInstitution, true
	case e.names.joint[n]:
		return model.PartyJoint, true
	}
	for _, id := range ids {
		pt := e.names.byID[id]
		if pt == nil {
			pt = r.pending[id]
		}
		if pt != nil && (model.TaxKey(pt.TaxID) == model.TaxKey(text) && pt.TaxID != "" || e.containsName(pt, n)) {
			return model.PartnerParty(id), true
		}
	}
	e.problem(Problem{Loc: origin.Locate(field), Value: Shorten(text), Key: "xlsx.err.party_unknown"})
	return p, false
}

// partnerNameSet is a partner's normalised names, with the names they
// were made from.
type partnerNameSet struct {
	from  [6]string
	names []string
	short string
}

// containsName reports whether n is one of the partner's normalised names
// or its short name. The names are normalised once per partner, not once
// per party of every detail row (1.2 s for a register of 50,000
// agreements), and again if the partner's names have changed.
func (e *engine) containsName(p *model.Partner, n string) bool {
	from := [6]string{p.Name, p.Names.RU, p.Names.KK, p.Names.KY, p.Names.EN, p.ShortName}
	set := e.namesOf[p]
	if set == nil || set.from != from {
		set = &partnerNameSet{from: from, names: partnerNames(p), short: normName(p.ShortName)}
		e.namesOf[p] = set
	}
	return slices.Contains(set.names, n) || set.short == n && n != ""
}
