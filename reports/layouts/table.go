package layouts

import (
	"cmp"
	"context"
	"fmt"
	"slices"

	"github.com/partnerdesk/partnerdesk/assets"
	"github.com/partnerdesk/partnerdesk/model"
)

// Options choose the languages, period and agreements of a printed
// register.
type Options struct {
	// Langs are the header languages, one line each: {"ru"}, or
	// {"kk", "ru"}, {"ky", "ru"}, optionally with "en" last. The first
	// is also the language of the values (kinds, statuses, names).
	Langs []string
	// From and To bound the report period (zero: open); Statuses keeps
	// agreements of these statuses on Today (empty: all).
	From, To model.Date
	Statuses []model.Status
	// Categories keeps agreements with a partner of these categories
	// (empty: all); Only, when not nil, keeps just these agreements.
	Categories []model.Category
	Only       map[model.ID]bool
	// PerPartner, when set, overrides the layout's choice of one row per
	// partner.
	PerPartner *bool
	// Today is the day statuses and terms are worked out for.
	Today model.Date
}

// Bilingual are the accepted header language pairs besides one language.
var Bilingual = []string{"kk+ru", "ky+ru", "kk+ru+en", "ky+ru+en"}

// Column is one printed column.
type Column struct {
	Code string
	// Header holds the header in each of Options.Langs.
	Header []string
	// MM is the column's printed width in millimetres; Align is L, C or R.
	MM    float64
	Align string
}

// Table is a register laid out for printing.
type Table struct {
	// Heading holds, per language, the institution's name and the
	// register's title with its period.
	Heading [][2]string
	Columns []Column
	Rows    [][]string
	// Agreements counts the agreements (rows may be more, one per
	// partner).
	Agreements int
	Langs      []string
}

// Reader is what Build reads from the data file: the store itself
// (*store.Store) or a read transaction (*store.Tx) both serve.
type Reader interface {
	Institution() (model.Institution, error)
	Partner(id model.ID) (model.Partner, error)
	// ForEachAgreement calls fn with every agreement, stopping at its
	// first error.
	ForEachAgreement(fn func(a *model.Agreement) error) error
}

// Build lays out the register of layout l from the data file.
func Build(ctx context.Context, tx Reader, l model.RegisterLayout, o Options) (*Table, error) {
	if err := l.Validate(); err != nil && !isPreset(l.Name) {
		return nil, err
	}
	o = o.withDefaults()
	in, err := tx.Institution()
	if err != nil {
		return nil, err
	}
	t := &Table{Langs: o.Langs}
	for _, lang := range o.Langs {
		t.Heading = append(t.Heading, [2]string{in.Names.In(lang), assets.T(lang, "layout.title", map[string]string{
			"Layout": Title(lang, l.Name), "Period": period(lang, o)})})
	}
	for _, code := range l.Columns {
		c := Column{Code: code, MM: catalogue[code].mm, Align: catalogue[code].align}
		for _, lang := range o.Langs {
			c.Header = append(c.Header, ColumnHeader(lang, code))
		}
		t.Columns = append(t.Columns, c)
	}
	list, err := agreements(ctx, tx, l, o, in.Warning())
	if err != nil {
		return nil, err
	}
	if o.PerPartner != nil {
		l.PerPartner = *o.PerPartner
	}
	partners := map[model.ID]*model.Partner{}
	for _, a := range list {
		ps, err := partnersOf(tx, a, partners)
		if err != nil {
			return nil, err
		}
		if len(o.Categories) > 0 && !slices.ContainsFunc(ps, func(p *model.Partner) bool { return slices.Contains(o.Categories, p.Category) }) {
			continue
		}
		t.Agreements++
		r := rowCtx{lang: o.Langs[0], today: o.Today, in: &in, a: a, partners: ps, seq: t.Agreements}
		t.Rows = append(t.Rows, rows(&r, l)...)
	}
	return t, nil
}

func (o Options) withDefaults() Options {
	langs := o.Langs[:0:0]
	for _, l := range o.Langs {
		if slices.Contains(model.Languages, l) && !slices.Contains(langs, l) {
			langs = append(langs, l)
		}
	}
	if len(langs) == 0 {
		langs = []string{"ru"}
	}
	o.Langs = langs
	if o.Today.IsZero() {
		o.Today = model.Today()
	}
	return o
}

// rows writes an agreement as one row, or one row per partner with the
// agreement's own columns on the first only.
func rows(r *rowCtx, l model.RegisterLayout) [][]string {
	if !l.PerPartner || len(r.partners) < 2 {
		return [][]string{values(r, l, true)}
	}
	all := r.partners
	var out [][]string
	for i, p := range all {
		r.partners = []*model.Partner{p}
		out = append(out, values(r, l, i == 0))
	}
	r.partners = all
	return out
}

func values(r *rowCtx, l model.RegisterLayout, first bool) []string {
	out := make([]string, len(l.Columns))
	for i, code := range l.Columns {
		if c := catalogue[code]; first || c.perPartner {
			out[i] = c.value(r)
		}
	}
	return out
}

// agreements returns the agreements the layout and options keep, by
// signing date and number.
func agreements(ctx context.Context, tx Reader, l model.RegisterLayout, o Options, warn int) ([]*model.Agreement, error) {
	var out []*model.Agreement
	err := tx.ForEachAgreement(func(a *model.Agreement) error {
		if err := ctx.Err(); err != nil {
			return err
		}
		if keep(a, l, o, warn) {
			out = append(out, a)
		}
		return nil
	})
	slices.SortStableFunc(out, func(a, b *model.Agreement) int {
		return cmp.Or(cmp.Compare(a.SignedOn, b.SignedOn), cmp.Compare(a.Number, b.Number))
	})
	return out, err
}

func keep(a *model.Agreement, l model.RegisterLayout, o Options, warn int) bool {
	if o.Only != nil && !o.Only[a.ID] || len(l.Kinds) > 0 && !slices.Contains(l.Kinds, a.Kind) {
		return false
	}
	if len(o.Statuses) > 0 && !slices.Contains(o.Statuses, a.StatusOn(o.Today, warn)) {
		return false
	}
	start := a.ValidFrom
	if start.IsZero() {
		start = a.SignedOn
	}
	end := a.EndOn(o.Today)
	return (o.To.IsZero() || start.IsZero() || start <= o.To) && (o.From.IsZero() || end.IsZero() || end >= o.From)
}

func partnersOf(tx Reader, a *model.Agreement, cache map[model.ID]*model.Partner) ([]*model.Partner, error) {
	out := make([]*model.Partner, 0, len(a.PartnerIDs))
	for _, id := range a.PartnerIDs {
		p := cache[id]
		if p == nil {
			q, err := tx.Partner(id)
			if err != nil {
				return nil, fmt.Errorf("partner %s of agreement %s: %w", id, a.Number, err)
			}
			p = &q
			cache[id] = p
		}
		out = append(out, p)
	}
	return out, nil
}

// period describes the report period in lang.
func period(lang string, o Options) string {
	args := map[string]string{"From": o.From.String(), "To": o.To.String(), "Date": o.Today.String()}
	switch {
	case !o.From.IsZero() && !o.To.IsZero():
		return assets.T(lang, "xlsx.period", args)
	case !o.From.IsZero():
		return assets.T(lang, "xlsx.period_from", args)
	case !o.To.IsZero():
		return assets.T(lang, "xlsx.period_to", args)
	}
	return assets.T(lang, "xlsx.as_of", args)
}

// ParseLangs turns "kk+ru", "ky+ru+en" or a single language into header
// languages; ok is false for anything else.
func ParseLangs(s string) ([]string, bool) {
	if slices.Contains(model.Languages, s) {
		return []string{s}, true
	}
	if !slices.Contains(Bilingual, s) {
		return nil, false
	}
	var out []string
	for i := 0; i < len(s); i += 3 {
		out = append(out, s[i:i+2])
	}
	return out, true
}
