package ics

import (
	"bufio"
	"bytes"
	"slices"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/partnerdesk/partnerdesk/model"
	"github.com/partnerdesk/partnerdesk/model/demo"
	"github.com/partnerdesk/partnerdesk/model/store"
)

var today = model.MustDate("28.11.2026")

func unfold(s string) []string {
	return strings.Split(strings.TrimSuffix(strings.ReplaceAll(s, "\r\n ", ""), "\r\n"), "\r\n")
}

func TestCalendarIsWellFormed(t *testing.T) {
	s := store.OpenMemory(store.Options{})
	if err := s.AddNew(demo.Generate(demo.Options{Seed: 5, Partners: 20, Agreements: 80, Today: today}), 100, nil); err != nil {
		t.Fatal(err)
	}
	var events []Event
	err := s.View(func(tx *store.Tx) error {
		var err error
		events, err = Events(tx, "kk", today)
		return err
	})
	if err != nil || len(events) < 50 {
		t.Fatalf("%d events, %v", len(events), err)
	}
	var buf bytes.Buffer
	if err := Write(&buf, "PartnerDesk: мерзімдер", time.Date(2026, 11, 28, 9, 0, 0, 0, time.UTC), events); err != nil {
		t.Fatal(err)
	}
	raw := buf.String()
	for i, l := range strings.Split(strings.TrimSuffix(raw, "\r\n"), "\r\n") {
		if len(l) > 75 {
			t.Fatalf("line %d has %d octets", i, len(l))
		}
		if !utf8.ValidString(l) {
			t.Fatalf("line %d splits a character", i)
		}
		if strings.ContainsAny(l, "\n\r") {
			t.Fatalf("bare line break in line %d", i)
		}
	}
	lines := unfold(raw)
	if lines[0] != "BEGIN:VCALENDAR" || lines[len(lines)-1] != "END:VCALENDAR" {
		t.Error("not a calendar")
	}
	begins, uids := 0, map[string]bool{}
	var inEvent bool
	required := map[string]bool{}
	for _, l := range lines {
		switch {
		case l == "BEGIN:VEVENT":
			begins++
			inEvent = true
			required = map[string]bool{}
		case l == "END:VEVENT":
			for _, p := range []string{"UID", "DTSTAMP", "DTSTART", "SUMMARY"} {
				if !required[p] {
					t.Fatalf("event %d lacks %s", begins, p)
				}
			}
			inEvent = false
		case inEvent:
			name := l[:strings.IndexAny(l, ":;")]
			required[name] = true
			if name == "UID" {
				if uids[l] {
					t.Fatalf("duplicate %s", l)
				}
				uids[l] = true
			}
		}
	}
	if begins != len(events) {
		t.Errorf("%d events written, %d given", begins, len(events))
	}
	if want := "SUMMARY:" + escape(events[0].Summary); !slices.Contains(lines, want) {
		t.Errorf("no line %q", want)
	}
	if !strings.Contains(events[0].Summary, "СП-") || strings.Contains(events[0].Summary, "ics.") {
		t.Errorf("summary not translated: %q", events[0].Summary)
	}
}

func TestEscapeAndFold(t *testing.T) {
	if got := escape("a;b,c\\d\ne\x01"); got != `a\;b\,c\\d\ne` {
		t.Errorf("escape = %q", got)
	}
	var buf bytes.Buffer
	w := bufioWriter(&buf)
	long := "SUMMARY:" + strings.Repeat("ә", 100)
	writeFolded(w, long)
	w.Flush()
	if got := unfold(buf.String())[0]; got != long {
		t.Errorf("fold round trip lost text")
	}
}

func bufioWriter(b *bytes.Buffer) *bufio.Writer { return bufio.NewWriter(b) }
