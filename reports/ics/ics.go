// Package ics writes agreement end dates and responsibility due dates as
// an iCalendar file (RFC 5545) that calendar programs import: one all-day
// event per date, with a reminder before it.
package ics

import (
	"bufio"
	"fmt"
	"io"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/partnerdesk/partnerdesk/model"
	"github.com/partnerdesk/partnerdesk/reports"
)

// Event is one all-day event.
type Event struct {
	UID         string
	Date        model.Date
	Summary     string
	Description string
	Category    string
	// RemindDays, when positive, adds a reminder that many days before.
	RemindDays int
}

// Reader is what Events reads: a read transaction (*store.Tx) serves.
type Reader interface {
	Institution() (model.Institution, error)
	Partners() ([]model.Partner, error)
	// ForEachAgreement calls fn with every agreement, stopping at its
	// first error.
	ForEachAgreement(fn func(a *model.Agreement) error) error
}

// Events collects, for every agreement in force or still a draft, the end
// of its current term and the due date of each responsibility not done,
// with texts in lang. Dates before today minus a year are left out.
func Events(tx Reader, lang string, today model.Date) ([]Event, error) {
	in, err := tx.Institution()
	if err != nil {
		return nil, err
	}
	partners, err := tx.Partners()
	if err != nil {
		return nil, err
	}
	names := make(map[model.ID]*model.Partner, len(partners))
	for i := range partners {
		names[partners[i].ID] = &partners[i]
	}
	since := today.AddDays(-365)
	var out []Event
	err = tx.ForEachAgreement(func(a *model.Agreement) error {
		if a.Status == model.StatusTerminated || a.Status == model.StatusRenewed {
			return nil
		}
		var with []string
		for _, id := range a.PartnerIDs {
			if p := names[id]; p != nil {
				with = append(with, p.NameIn(lang))
			}
		}
		if end := a.EndOn(today); !end.IsZero() && end >= since {
			out = append(out, Event{
				UID: fmt.Sprintf("agreement-%d-end-%s@partnerdesk", a.ID, end.ISO()), Date: end, RemindDays: 30,
				Summary:     reports.T(lang, "ics.ends", map[string]string{"Number": a.Number}),
				Description: a.Title + "\n" + strings.Join(with, "; "), Category: reports.T(lang, "ics.category_end", nil),
			})
		}
		for i, r := range a.Responsibilities {
			if r.Status == model.TaskDone || r.Due.IsZero() || r.Due < since {
				continue
			}
			out = append(out, Event{
				UID: fmt.Sprintf("agreement-%d-task-%d-%s@partnerdesk", a.ID, i, r.Due.ISO()), Date: r.Due, RemindDays: 7,
				Summary:     reports.T(lang, "ics.due", map[string]string{"Number": a.Number, "Party": reports.PartyName(lang, r.Party, &in, names)}),
				Description: r.Description + "\n" + r.Owner, Category: reports.T(lang, "ics.category_task", nil),
			})
		}
		return nil
	})
	return out, err
}

// Write writes the events as a calendar named name; stamp is the time the
// file is made (DTSTAMP).
func Write(w io.Writer, name string, stamp time.Time, events []Event) error {
	bw := bufio.NewWriter(w)
	line := func(s string) { writeFolded(bw, s) }
	line("BEGIN:VCALENDAR")
	line("VERSION:2.0")
	line("PRODID:-//PartnerDesk//PartnerDesk//RU")
	line("CALSCALE:GREGORIAN")
	line("METHOD:PUBLISH")
	line("X-WR-CALNAME:" + escape(name))
	ts := stamp.UTC().Format("20060102T150405Z")
	for _, e := range events {
		line("BEGIN:VEVENT")
		line("UID:" + escape(e.UID))
		line("DTSTAMP:" + ts)
		line("DTSTART;VALUE=DATE:" + compact(e.Date))
		line("DTEND;VALUE=DATE:" + compact(e.Date.AddDays(1)))
		line("SUMMARY:" + escape(e.Summary))
		if e.Description != "" {
			line("DESCRIPTION:" + escape(strings.TrimSpace(e.Description)))
		}
		if e.Category != "" {
			line("CATEGORIES:" + escape(e.Category))
		}
		line("TRANSP:TRANSPARENT")
		if e.RemindDays > 0 {
			line("BEGIN:VALARM")
			line("ACTION:DISPLAY")
			line("DESCRIPTION:" + escape(e.Summary))
			line(fmt.Sprintf("TRIGGER:-P%dD", e.RemindDays))
			line("END:VALARM")
		}
		line("END:VEVENT")
	}
	line("END:VCALENDAR")
	return bw.Flush()
}

func compact(d model.Date) string {
	return fmt.Sprintf("%04d%02d%02d", d.Year(), int(d.Month()), d.Day())
}

// escape escapes a TEXT value (RFC 5545 §3.3.11) and drops the control
// characters the format cannot carry.
func escape(s string) string {
	var b strings.Builder
	for _, r := range s {
		switch r {
		case '\\', ';', ',':
			b.WriteByte('\\')
			b.WriteRune(r)
		case '\n':
			b.WriteString(`\n`)
		case '\r':
		default:
			if r < 0x20 || r == 0x7f {
				continue
			}
			b.WriteRune(r)
		}
	}
	return b.String()
}

// writeFolded writes one content line, folded so that no line exceeds 75
// octets (RFC 5545 §3.1) and no UTF-8 character is split, ending in CRLF.
func writeFolded(w *bufio.Writer, s string) {
	limit := 75
	for len(s) > limit {
		cut := limit
		for cut > 0 && !utf8.RuneStart(s[cut]) {
			cut--
		}
		w.WriteString(s[:cut])
		w.WriteString("\r\n ")
		s = s[cut:]
		limit = 74 // the leading space counts
	}
	w.WriteString(s)
	w.WriteString("\r\n")
}
