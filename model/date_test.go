package model

import (
	"errors"
	"testing"
	"time"
)

var dateCases = []struct {
	in   string
	want Date
	ok   bool
}{
	{"28.11.2026", 20261128, true},
	{"1.2.2025", 20250201, true},
	{"01/02/2025", 20250201, true},
	{"2026-11-28", 20261128, true},
	{" 29.02.2024 ", 20240229, true},
	{"", 0, true},
	{"29.02.2025", 0, false},
	{"31.04.2026", 0, false},
	{"00.01.2026", 0, false},
	{"12.13.2026", 0, false},
	{"2026.11.28", 0, false},
	{"28.11.26", 0, false},
	{"tomorrow", 0, false},
	{"2026-02-30", 0, false},
	{"١٢.١١.٢٠٢٦", 0, false},
}

func TestParseDate(t *testing.T) {
	for _, c := range dateCases {
		got, err := ParseDate(c.in)
		if (err == nil) != c.ok || got != c.want {
			t.Errorf("ParseDate(%q) = %v, %v; want %v, ok=%v", c.in, int32(got), err, int32(c.want), c.ok)
		}
	}
}

func FuzzParseDate(f *testing.F) {
	for _, c := range dateCases {
		f.Add(c.in)
	}
	f.Fuzz(func(t *testing.T, s string) {
		d, err := ParseDate(s)
		if err != nil || d.IsZero() {
			return
		}
		if !d.Valid() {
			t.Fatalf("ParseDate(%q) = %d, not a valid date", s, d)
		}
		back, err := ParseDate(d.String())
		if err != nil || back != d {
			t.Fatalf("%q → %s → %d, %v", s, d, back, err)
		}
		if iso, _ := ParseDate(d.ISO()); iso != d {
			t.Fatalf("ISO round trip of %d gave %d", d, iso)
		}
	})
}

func TestDateArithmetic(t *testing.T) {
	d := MustDate("31.01.2024")
	if got := d.AddMonths(1); got != MustDate("29.02.2024") {
		t.Errorf("31.01.2024 + 1 month = %s", got)
	}
	if got := d.AddMonths(12); got != MustDate("31.01.2025") {
		t.Errorf("+12 months = %s", got)
	}
	if got := d.AddMonths(-2); got != MustDate("30.11.2023") {
		t.Errorf("-2 months = %s", got)
	}
	if got := d.AddDays(30); got != MustDate("01.03.2024") {
		t.Errorf("+30 days = %s", got)
	}
	if n := MustDate("28.11.2026").DaysUntil(MustDate("28.12.2026")); n != 30 {
		t.Errorf("DaysUntil = %d, want 30", n)
	}
	if n := MustDate("28.12.2026").DaysUntil(MustDate("28.11.2026")); n != -30 {
		t.Errorf("DaysUntil backwards = %d, want -30", n)
	}
	// Across the end of daylight saving somewhere: dates carry no zone.
	if n := MustDate("01.03.2026").DaysUntil(MustDate("01.04.2026")); n != 31 {
		t.Errorf("March has %d days", n)
	}
	if DateOf(time.Date(2026, 11, 28, 23, 59, 0, 0, time.UTC)) != 20261128 {
		t.Error("DateOf ignores the time of day")
	}
}

func TestDateText(t *testing.T) {
	d := MustDate("05.03.2026")
	if d.String() != "05.03.2026" || d.ISO() != "2026-03-05" {
		t.Errorf("String %q ISO %q", d.String(), d.ISO())
	}
	b, _ := d.MarshalText()
	var back Date
	if err := back.UnmarshalText(b); err != nil || back != d {
		t.Errorf("text round trip: %v %v", back, err)
	}
	if Date(0).String() != "" {
		t.Error("zero date prints as empty")
	}
}

// A date in the right format that names no day is told apart from text
// that is not a date at all.
func TestNoSuchDate(t *testing.T) {
	for _, s := range []string{"31.02.2028", "29.02.2027", "31.04.2026", "30.02.2024"} {
		if _, err := ParseDate(s); !errors.Is(err, ErrNoSuchDate) || !errors.Is(err, ErrBadDate) {
			t.Errorf("%s: %v", s, err)
		}
	}
	for _, s := range []string{"31/02", "abc", "2026.02.01", "32.13.2026", "00.05.2026", "12.13.2026"} {
		if _, err := ParseDate(s); !errors.Is(err, ErrBadDate) || errors.Is(err, ErrNoSuchDate) {
			t.Errorf("%s: %v", s, err)
		}
	}
}
