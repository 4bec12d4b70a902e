package interchange

import (
	"strconv"

	"github.com/partnerdesk/partnerdesk/assets"
	"github.com/partnerdesk/partnerdesk/model"
	"github.com/partnerdesk/partnerdesk/model/store"
)

// nameIndex finds partners by tax ID and by name, in the data file (as it
// stands inside the running transaction) and in the file being imported,
// and recognises the names of the institution and of "all parties".
type nameIndex struct {
	byID       map[model.ID]*model.Partner
	byName     map[string][]model.ID
	byTax      map[string][]model.ID // taxKey → IDs, in any country
	fileByTax  map[string][]int
	fileByName map[string][]int
	inst       map[string]bool
	joint      map[string]bool
	// fresh holds the partners of the file saved during this run (with
	// where they came from): records of one file are distinct, so they are
	// never matched with each other.
	fresh map[model.ID]string
}

func loadNames(tx *store.Tx, d *Dataset) (*nameIndex, error) {
	x := &nameIndex{
		byID: map[model.ID]*model.Partner{}, byName: map[string][]model.ID{}, byTax: map[string][]model.ID{},
		fileByTax: map[string][]int{}, fileByName: map[string][]int{},
		inst: map[string]bool{normName(string(model.PartyInstitution)): true}, joint: map[string]bool{normName(string(model.PartyJoint)): true},
		fresh: map[model.ID]string{},
	}
	all, err := tx.Partners()
	if err != nil {
		return nil, err
	}
	for _, p := range all {
		x.add(p)
	}
	in, err := tx.Institution()
	if err != nil {
		return nil, err
	}
	names := append([]string{in.Names.RU, in.Names.KK, in.Names.KY, in.Names.EN, in.ShortName}, d.InstitutionNames...)
	if d.Institution != nil {
		n := d.Institution.Names
		names = append(names, n.RU, n.KK, n.KY, n.EN, d.Institution.ShortName)
	}
	for _, lang := range model.Languages {
		names = append(names, assets.T(lang, "party.institution", nil))
		x.joint[normName(assets.T(lang, "party.joint", nil))] = true
	}
	for _, n := range names {
		if n = normName(n); n != "" {
			x.inst[n] = true
		}
	}
	for i, r := range d.Partners {
		if t := model.TaxKey(r.Partner.TaxID); t != "" {
			x.fileByTax[t] = append(x.fileByTax[t], i)
		}
		for _, n := range partnerNames(&r.Partner) {
			x.fileByName[n] = appendOnce(x.fileByName[n], i)
		}
	}
	return x, nil
}

func appendOnce[T comparable](list []T, v T) []T {
	for _, x := range list {
		if x == v {
			return list
		}
	}
	return append(list, v)
}

// partnerNames returns the normalised names a partner may be called by,
// each also in its strict form (see strictName).
func partnerNames(p *model.Partner) []string {
	var out []string
	for _, n := range []string{p.Name, p.Names.RU, p.Names.KK, p.Names.KY, p.Names.EN} {
		if loose := normName(n); loose != "" {
			out = appendOnce(appendOnce(out, loose), strictName(n))
		}
	}
	return out
}

// byNameOf returns the entries of index under a name: those whose strict
// form matches, else those whose loose form does.
func byNameOf[T any](index map[string][]T, name string) []T {
	if hits := index[strictName(name)]; len(hits) > 0 {
		return hits
	}
	return index[normName(name)]
}

// add indexes a stored partner.
func (x *nameIndex) add(p model.Partner) {
	if old := x.byID[p.ID]; old != nil {
		for _, n := range partnerNames(old) {
			x.byName[n] = remove(x.byName[n], p.ID)
		}
		if t := model.TaxKey(old.TaxID); t != "" {
			x.byTax[t] = remove(x.byTax[t], p.ID)
		}
	}
	c := p
	x.byID[p.ID] = &c
	for _, n := range partnerNames(&c) {
		x.byName[n] = appendOnce(x.byName[n], p.ID)
	}
	if t := model.TaxKey(c.TaxID); t != "" {
		x.byTax[t] = appendOnce(x.byTax[t], p.ID)
	}
}

func remove(list []model.ID, id model.ID) []model.ID {
	out := list[:0]
	for _, x := range list {
		if x != id {
			out = append(out, x)
		}
	}
	return out
}

// storePartner finds a stored partner by tax ID, else by exact name among
// partners where one side has no tax ID. Several partners of that name
// give a problem.
func (x *nameIndex) storePartner(tx *store.Tx, taxID, country, name string) (model.Partner, bool, *Problem) {
	if taxID != "" {
		if p, err := tx.PartnerByTaxID(country, taxID); err == nil {
			if where, dup := x.fresh[p.ID]; dup {
				prob := NewProblem(Loc{}, "xlsx.err.dup_partner", "Where", where)
				prob.Value = Shorten(taxID)
				return model.Partner{}, false, &prob
			}
			return p, true, nil
		}
	}
	var hits []model.ID
	for _, id := range byNameOf(x.byName, name) {
		if _, own := x.fresh[id]; own {
			continue
		}
		if taxID == "" || x.byID[id].TaxID == "" {
			hits = append(hits, id)
		}
	}
	switch len(hits) {
	case 0:
		return model.Partner{}, false, nil
	case 1:
		return *x.byID[hits[0]], true, nil
	}
	p := NewProblem(Loc{}, "xlsx.err.partner_ambiguous", "Count", strconv.Itoa(len(hits)))
	p.Value = Shorten(name)
	return model.Partner{}, false, &p
}

// storeRef finds the stored partner an agreement's reference names: by
// tax ID (in its country, or in any when the reference has none), then by
// exact name.
func (x *nameIndex) storeRef(tx *store.Tx, ref PartnerRef) (model.Partner, bool, *Problem) {
	if t := model.TaxKey(ref.TaxID); t != "" {
		var ids []model.ID
		for _, id := range x.byTax[t] {
			if _, own := x.fresh[id]; !own {
				ids = append(ids, id)
			}
		}
		for _, id := range ids {
			if (ref.Country == "" && len(ids) == 1) || x.byID[id].Country == ref.Country {
				return *x.byID[id], true, nil
			}
		}
	}
	return x.storePartner(tx, ref.TaxID, ref.Country, ref.Name)
}
