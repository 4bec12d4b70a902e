package model

import (
	"errors"
	"fmt"
	"strconv"
	"strings"
	"time"
)

// Date is a calendar date without a time of day or a time zone, stored as
// the decimal number yyyymmdd (20261128 is 28 November 2026). The zero Date
// means "not set". Dates compare with the ordinary integer operators.
type Date int32

// ErrBadDate is returned by ParseDate for text that is not a calendar date.
var ErrBadDate = errors.New("not a date: use dd.mm.yyyy")

// ErrNoSuchDate is returned by ParseDate for a day past the end of its
// month (31.02.2028, 29.02.2027); it is also an ErrBadDate.
var ErrNoSuchDate = fmt.Errorf("%w: there is no such day", ErrBadDate)

// NewDate returns the date y-m-d, normalising out-of-range days and months
// the way time.Date does (31 April becomes 1 May).
func NewDate(y int, m time.Month, d int) Date {
	return DateOf(time.Date(y, m, d, 0, 0, 0, 0, time.UTC))
}

// DateOf returns the calendar date of t in t's own location.
func DateOf(t time.Time) Date {
	y, m, d := t.Date()
	return Date(y*10000 + int(m)*100 + d)
}

// Today returns the current date in the local time zone.
func Today() Date { return DateOf(time.Now()) }

// ParseDate reads a date written as dd.mm.yyyy (the users' format, also with
// '/' or '-' as separator) or as ISO yyyy-mm-dd. Empty text gives the zero
// Date and no error.
func ParseDate(s string) (Date, error) {
	s = strings.TrimSpace(s)
	if s == "" {
		return 0, nil
	}
	var y, m, d int
	var ok bool
	if len(s) == 10 && s[4] == '-' && s[7] == '-' {
		y, m, d, ok = atoi3(s[0:4], s[5:7], s[8:10])
	} else {
		parts := strings.FieldsFunc(s, func(r rune) bool { return r == '.' || r == '/' || r == '-' })
		if len(parts) == 3 && len(parts[2]) == 4 && len(parts[0]) <= 2 && len(parts[1]) <= 2 {
			d, m, y, ok = atoi3(parts[0], parts[1], parts[2])
		}
	}
	if !ok {
		return 0, ErrBadDate
	}
	if err := checkDay(y, m, d); err != nil {
		return 0, err
	}
	return Date(y*10000 + m*100 + d), nil
}

// checkDay tells numbers that cannot be a date (ErrBadDate) from a day
// past the end of its month (ErrNoSuchDate: 31.02.2028, 29.02.2027).
func checkDay(y, m, d int) error {
	switch {
	case y < 1 || y > 9999 || m < 1 || m > 12 || d < 1 || d > 31:
		return ErrBadDate
	case d > daysIn(y, time.Month(m)):
		return ErrNoSuchDate
	}
	return nil
}

// MustDate is ParseDate for constants in tests and demo data; it panics on
// bad input.
func MustDate(s string) Date {
	d, err := ParseDate(s)
	if err != nil {
		panic(fmt.Sprintf("model.MustDate(%q): %v", s, err))
	}
	return d
}

func atoi3(a, b, c string) (int, int, int, bool) {
	x, err1 := strconv.Atoi(a)
	y, err2 := strconv.Atoi(b)
	z, err3 := strconv.Atoi(c)
	return x, y, z, err1 == nil && err2 == nil && err3 == nil
}

func daysIn(y int, m time.Month) int {
	return time.Date(y, m+1, 0, 0, 0, 0, 0, time.UTC).Day()
}

// IsZero reports whether the date is unset.
func (d Date) IsZero() bool { return d == 0 }

// Valid reports whether d is a real calendar date (the zero Date is not).
func (d Date) Valid() bool {
	y, m, day := d.Year(), d.Month(), d.Day()
	return y >= 1 && y <= 9999 && m >= 1 && m <= 12 && day >= 1 && day <= daysIn(y, m)
}

// Year returns the year of d.
func (d Date) Year() int { return int(d) / 10000 }

// Month returns the month of d.
func (d Date) Month() time.Month { return time.Month(int(d) / 100 % 100) }

// Day returns the day of the month of d.
func (d Date) Day() int { return int(d) % 100 }

// Time returns midnight UTC at the start of d.
func (d Date) Time() time.Time {
	return time.Date(d.Year(), d.Month(), d.Day(), 0, 0, 0, 0, time.UTC)
}

// AddDays returns the date n days after d (before, for negative n).
func (d Date) AddDays(n int) Date { return DateOf(d.Time().AddDate(0, 0, n)) }

// AddMonths returns the date n months after d, clamped to the last day of
// the target month (31 January + 1 month is 28 or 29 February).
func (d Date) AddMonths(n int) Date {
	total := d.Year()*12 + int(d.Month()) - 1 + n
	y, m := total/12, time.Month(total%12+1)
	day := min(d.Day(), daysIn(y, m))
	return Date(y*10000 + int(m)*100 + day)
}

// DaysUntil returns the number of days from d to other: positive when other
// is later.
func (d Date) DaysUntil(other Date) int {
	return int(other.Time().Sub(d.Time()).Hours() / 24)
}

// String formats d as dd.mm.yyyy, or "" for the zero Date.
func (d Date) String() string {
	if d == 0 {
		return ""
	}
	return fmt.Sprintf("%02d.%02d.%04d", d.Day(), int(d.Month()), d.Year())
}

// ISO formats d as yyyy-mm-dd, or "" for the zero Date.
func (d Date) ISO() string {
	if d == 0 {
		return ""
	}
	return fmt.Sprintf("%04d-%02d-%02d", d.Year(), int(d.Month()), d.Day())
}

// MarshalText writes the ISO form, so JSON holds "2026-11-28".
func (d Date) MarshalText() ([]byte, error) { return []byte(d.ISO()), nil }

// UnmarshalText reads the ISO or the dd.mm.yyyy form.
func (d *Date) UnmarshalText(b []byte) error {
	v, err := ParseDate(string(b))
	if err != nil {
		return err
	}
	*d = v
	return nil
}
