package model

import "strings"

// Tax identifiers: Kazakhstan's BIN (business identification number) and
// IIN share a 12-digit format with a check digit; Kyrgyzstan's INN is 14
// digits. Other countries' numbers are free text of limited shape.

var binWeights1 = [11]int{1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11}
var binWeights2 = [11]int{3, 4, 5, 6, 7, 8, 9, 10, 11, 1, 2}

// BINCheckDigit computes the check digit of the first 11 digits of a
// Kazakh BIN/IIN by the public algorithm: weights 1..11, remainder modulo
// 11; when that remainder is 10, a second pass with weights 3..11, 1, 2.
// It returns -1 when the second remainder is 10 too: no number with that
// prefix is valid.
func BINCheckDigit(first11 string) int {
	sum := func(w [11]int) int {
		s := 0
		for i := range 11 {
			s += int(first11[i]-'0') * w[i]
		}
		return s % 11
	}
	r := sum(binWeights1)
	if r == 10 {
		r = sum(binWeights2)
		if r == 10 {
			return -1
		}
	}
	return r
}

func allDigits(s string) bool {
	if s == "" {
		return false
	}
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}

// CheckTaxID returns the message key of the problem with taxID as a tax
// number of the given country, or "" when it is acceptable. An empty tax
// ID is acceptable: schools and public councils often have none to hand.
func CheckTaxID(country, taxID string) string {
	if taxID == "" {
		return ""
	}
	switch country {
	case "KZ":
		if len(taxID) != 12 || !allDigits(taxID) {
			return "err.bin_format"
		}
		if BINCheckDigit(taxID[:11]) != int(taxID[11]-'0') {
			return "err.bin_checksum"
		}
	case "KG":
		if len(taxID) != 14 || !allDigits(taxID) {
			return "err.inn_format"
		}
	default:
		if len(taxID) > 20 || strings.TrimLeft(taxID, "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz -") != "" {
			return "err.taxid_format"
		}
	}
	return ""
}

// NormalizeTaxID removes the spaces and dashes people type into Kazakh and
// Kyrgyz numbers ("050 740 004 819"), leaving other countries' numbers as
// typed apart from surrounding space.
func NormalizeTaxID(country, taxID string) string {
	taxID = strings.TrimSpace(taxID)
	if country == "KZ" || country == "KG" {
		taxID = strings.NewReplacer(" ", "", "-", "", "\u00a0", "").Replace(taxID)
	}
	return taxID
}

// TaxKey is the form in which imports compare tax IDs across countries:
// without spaces and dashes, whatever the country.
func TaxKey(taxID string) string { return NormalizeTaxID("KZ", taxID) }
