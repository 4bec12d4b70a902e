// Package snapshot takes a comparable picture of a data file's partners and
// agreements for round-trip tests of exports and imports: records keyed by
// tax ID (or name) and number, with everything that differs between two
// data files by nature (IDs, revisions, time stamps) taken out, and
// references to other records written as their keys.
package snapshot

import (
	"encoding/json"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/partnerdesk/partnerdesk/model"
	"github.com/partnerdesk/partnerdesk/model/store"
)

// Options leave out what a format cannot carry.
type Options struct {
	// Attachments keeps attachment metadata (without its IDs and times).
	Attachments bool
}

// Snapshot holds one JSON text per record, by key.
type Snapshot map[string]string

// Take returns the snapshot of s.
func Take(s *store.Store, o Options) (Snapshot, error) {
	out := Snapshot{}
	err := s.View(func(tx *store.Tx) error {
		partners, err := tx.Partners()
		if err != nil {
			return err
		}
		keys, seen := map[model.ID]string{}, map[string]int{}
		for _, p := range partners {
			k := partnerKey(&p)
			if seen[k]++; seen[k] > 1 { // partners of one name without a tax ID, in ID order
				k += "#" + strconv.Itoa(seen[k])
			}
			keys[p.ID] = k
		}
		for _, p := range partners {
			k := keys[p.ID]
			p.ID, p.Rev, p.Created, p.Updated = 0, 0, time.Time{}, time.Time{}
			if err := put(out, "partner "+k, p); err != nil {
				return err
			}
		}
		sums, err := tx.Summaries()
		if err != nil {
			return err
		}
		numbers := map[model.ID]string{}
		for _, sm := range sums {
			numbers[sm.ID] = sm.Number
		}
		return tx.ForEachAgreement(func(a *model.Agreement) error {
			return put(out, "agreement "+a.Number, canonical(*a, keys, numbers, o))
		})
	})
	return out, err
}

func partnerKey(p *model.Partner) string {
	if p.TaxID != "" {
		return p.Country + "/" + p.TaxID
	}
	return "name/" + p.Name
}

type agreement struct {
	model.Agreement
	Partners               []string
	Predecessor, Successor string
}

func canonical(a model.Agreement, keys map[model.ID]string, numbers map[model.ID]string, o Options) agreement {
	party := func(p model.Party) model.Party {
		if id, ok := p.PartnerID(); ok {
			return model.Party("partner:" + keys[id])
		}
		return p
	}
	out := agreement{Predecessor: numbers[a.PredecessorID], Successor: numbers[a.SuccessorID]}
	for _, id := range a.PartnerIDs {
		out.Partners = append(out.Partners, keys[id])
	}
	a.Responsibilities = slices.Clone(a.Responsibilities)
	a.Resources = slices.Clone(a.Resources)
	a.Coordinators = slices.Clone(a.Coordinators)
	a.MapParties(party)
	a.Attachments = slices.Clone(a.Attachments)
	for i := range a.Attachments {
		a.Attachments[i].ID, a.Attachments[i].Added, a.Attachments[i].AddedBy = 0, time.Time{}, ""
	}
	if !o.Attachments {
		a.Attachments = nil
	}
	a.ID, a.Rev, a.PartnerIDs, a.PredecessorID, a.SuccessorID = 0, 0, nil, 0, 0
	a.Created, a.Updated = time.Time{}, time.Time{}
	out.Agreement = a
	return out
}

func put(s Snapshot, key string, v any) error {
	if _, dup := s[key]; dup {
		return fmt.Errorf("snapshot: %s twice", key)
	}
	b, err := json.Marshal(v)
	s[key] = string(b)
	return err
}

// Diff lists the records that differ between want and got (at most max).
func Diff(want, got Snapshot, max int) []string {
	var out []string
	keys := make([]string, 0, len(want))
	for k := range want {
		keys = append(keys, k)
	}
	for k := range got {
		if _, ok := want[k]; !ok {
			keys = append(keys, k)
		}
	}
	slices.Sort(keys)
	for _, k := range keys {
		w, okW := want[k]
		g, okG := got[k]
		switch {
		case !okG:
			out = append(out, "missing: "+k)
		case !okW:
			out = append(out, "unexpected: "+k)
		case w != g:
			out = append(out, k+":\n  want "+w+"\n  got  "+g+"\n  first difference at: "+firstDiff(w, g))
		}
		if len(out) >= max {
			break
		}
	}
	return out
}

func firstDiff(a, b string) string {
	i := 0
	for i < len(a) && i < len(b) && a[i] == b[i] {
		i++
	}
	start := max(0, i-40)
	return strings.ToValidUTF8(a[start:min(len(a), i+40)], "?")
}
