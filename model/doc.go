// Package model holds PartnerDesk's domain: institutions, partners, agreements
// with their responsibilities, principle assessments and outcomes, the
// enumerations taken from the seed paper (Bulletin of Osh State University,
// 2024, No. 1), the rules that derive statuses and indicators, and validation.
//
// The package does no I/O and imports no GUI toolkit: everything here is a
// pure function of its inputs, including "today", which callers pass in.
// Every enumeration has a stable string code that is what storage and
// exports write; translations live with the user interface.
package model
