package model

import (
	"fmt"
	"testing"
)

var taxIDCases = []struct {
	country, id string
	want        string
}{
	{"KZ", "971240001315", ""}, // Kaspi Bank
	{"KZ", "940140000385", ""}, // Halyk Bank
	{"KZ", "020240000555", ""}, // KazMunayGas
	{"KZ", "971240001316", "err.bin_checksum"},
	{"KZ", "940140000384", "err.bin_checksum"},
	{"KZ", "97124000131", "err.bin_format"},
	{"KZ", "9712400013155", "err.bin_format"},
	{"KZ", "97124000131A", "err.bin_format"},
	{"KZ", "971 240 001 315", "err.bin_format"}, // normalisation is the caller's job
	{"KZ", "", ""},
	{"KG", "01234567891234", ""},
	{"KG", "0123456789123", "err.inn_format"},
	{"KG", "0123456789123X", "err.inn_format"},
	{"RU", "7707083893", ""},
	{"DE", "DE 123-456", ""},
	{"DE", "DE_123", "err.taxid_format"},
	{"US", "123456789012345678901", "err.taxid_format"},
}

func TestCheckTaxID(t *testing.T) {
	for _, c := range taxIDCases {
		if got := CheckTaxID(c.country, c.id); got != c.want {
			t.Errorf("CheckTaxID(%s, %q) = %q, want %q", c.country, c.id, got, c.want)
		}
	}
}

func TestBINSecondPass(t *testing.T) {
	// A prefix whose first weighted sum leaves 10 needs the second pass.
	found := false
	for n := 0; n < 100000 && !found; n++ {
		p := fmt.Sprintf("9712400%04d", n)
		s := 0
		for i := range 11 {
			s += int(p[i]-'0') * (i + 1)
		}
		if s%11 != 10 {
			continue
		}
		found = true
		d := BINCheckDigit(p)
		if d == -1 {
			continue
		}
		if CheckTaxID("KZ", p+string(rune('0'+d))) != "" {
			t.Errorf("second-pass BIN %s%d refused", p, d)
		}
	}
	if !found {
		t.Fatal("no prefix exercised the second pass")
	}
}

func TestNormalizeTaxID(t *testing.T) {
	if got := NormalizeTaxID("KZ", " 971 240-001 315 "); got != "971240001315" {
		t.Errorf("got %q", got)
	}
	if got := NormalizeTaxID("DE", " DE 123 "); got != "DE 123" {
		t.Errorf("got %q", got)
	}
}

func FuzzCheckTaxID(f *testing.F) {
	for _, c := range taxIDCases {
		f.Add(c.country, c.id)
	}
	f.Fuzz(func(t *testing.T, country, id string) {
		if CheckTaxID(country, id) != "" || id == "" {
			return
		}
		switch country {
		case "KZ":
			if len(id) != 12 || !allDigits(id) || BINCheckDigit(id[:11]) != int(id[11]-'0') {
				t.Fatalf("accepted bad BIN %q", id)
			}
		case "KG":
			if len(id) != 14 || !allDigits(id) {
				t.Fatalf("accepted bad INN %q", id)
			}
		default:
			if len(id) > 20 {
				t.Fatalf("accepted long tax id %q", id)
			}
		}
	})
}
