package ui

import (
	"errors"

	"github.com/partnerdesk/partnerdesk/model"
	"github.com/partnerdesk/partnerdesk/model/catalog"
	"github.com/partnerdesk/partnerdesk/model/store"
)

// maxPatch is the largest batch whose records are read one by one; a
// larger one (an import, a merge) reloads everything at once.
const maxPatch = 50

// patchable reports whether the batch names only partners and agreements,
// few enough to read one by one.
func patchable(batch []store.Change) bool {
	if len(batch) > maxPatch {
		return false
	}
	for _, ch := range batch {
		if ch.Action == "" || (ch.Entity != model.EntityAgreement && ch.Entity != model.EntityPartner) {
			return false
		}
	}
	return true
}

// patch holds the records a batch names, as the store has them now.
type patch struct {
	partners   []model.Partner
	agreements []model.Summary
	gone       []store.Change // deleted since
}

// read reads the records the batch names (each once).
func (p *patch) read(st Store, batch []store.Change) error {
	seen := map[store.Change]bool{}
	for _, ch := range batch {
		key := store.Change{Entity: ch.Entity, ID: ch.ID}
		if seen[key] {
			continue
		}
		seen[key] = true
		var err error
		if ch.Entity == model.EntityPartner {
			var pt model.Partner
			if pt, err = st.Partner(ch.ID); err == nil {
				p.partners = append(p.partners, pt)
			}
		} else {
			var a model.Agreement
			if a, err = st.Agreement(ch.ID); err == nil {
				p.agreements = append(p.agreements, model.Summarize(&a))
			}
		}
		switch {
		case errors.Is(err, store.ErrNotFound):
			p.gone = append(p.gone, key)
		case err != nil:
			return err
		}
	}
	return nil
}

// apply puts the records into the catalog: partners first, so that the
// agreements find their names.
func (p *patch) apply(cat *catalog.Catalog) {
	for _, pt := range p.partners {
		cat.PutPartner(pt)
	}
	for _, s := range p.agreements {
		cat.PutAgreement(s)
	}
	for _, g := range p.gone {
		if g.Entity == model.EntityPartner {
			cat.DeletePartner(g.ID)
		} else {
			cat.DeleteAgreement(g.ID)
		}
	}
}
