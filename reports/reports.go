// Package reports turns PartnerDesk's records into documents: Excel
// registers for ministry reporting (package reports/excel), PDF memoranda
// and printable lists (package reports/pdf) and the JSON interchange
// format. Nothing here imports Fyne; the desktop app and partnerctl call
// the same functions.
//
// This root package holds what every report shares: translated labels and
// party names.
package reports

import (
	"strconv"

	"github.com/partnerdesk/partnerdesk/assets"
	"github.com/partnerdesk/partnerdesk/model"
)

// Keyed is any enumeration value with a translation key (categories,
// kinds, statuses, principles, …).
type Keyed interface{ Key() string }

// Label returns the translated label of an enumeration value, or "" for an
// empty one.
func Label(lang string, k Keyed) string {
	if k.Key() == "" || k.Key()[len(k.Key())-1] == '.' {
		return ""
	}
	return assets.T(lang, k.Key(), nil)
}

// T translates a message key; see assets.T.
func T(lang, key string, args map[string]string) string { return assets.T(lang, key, args) }

// PartyName returns the name of a party in lang: the institution's name,
// "all parties", or the partner's full name from partners.
func PartyName(lang string, p model.Party, in *model.Institution, partners map[model.ID]*model.Partner) string {
	switch p {
	case model.PartyInstitution:
		return in.Names.In(lang)
	case model.PartyJoint:
		return assets.T(lang, "party.joint", nil)
	}
	if id, ok := p.PartnerID(); ok {
		if pt := partners[id]; pt != nil {
			return pt.NameIn(lang)
		}
	}
	return string(p)
}

// FormatSize writes a byte count for people: "512 B", "48 KiB", "1.5 MiB",
// "32 MiB".
func FormatSize(n int64) string {
	switch {
	case n >= 1<<20 && n%(1<<20) == 0:
		return strconv.FormatInt(n>>20, 10) + " MiB"
	case n >= 1<<20:
		return strconv.FormatFloat(float64(n)/(1<<20), 'f', 1, 64) + " MiB"
	case n >= 1<<10:
		return strconv.FormatInt(n>>10, 10) + " KiB"
	}
	return strconv.FormatInt(n, 10) + " B"
}
