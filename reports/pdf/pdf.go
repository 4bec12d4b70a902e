// Package pdf prints PartnerDesk's documents as A4 PDFs: the memorandum of
// an agreement, in one language (ru, kk, ky, en) or in two aligned columns
// (kk+ru, ky+ru); a partner card; and the register of a list of
// agreements, on landscape pages. It imports no GUI toolkit.
//
// Each document has a data type filled from a Reader (a store
// transaction, or the store) and a function that writes the PDF:
//
//	var d pdf.MemoData
//	err := s.View(func(tx *store.Tx) (err error) { d, err = pdf.LoadMemo(tx, number); return err })
//	...
//	err = pdf.WriteFile(s, path, func(w io.Writer) error { return pdf.Memorandum(w, &d, pdf.Options{Lang: "kk"}) })
//
// Load the data inside the transaction and print outside it: a memorandum
// takes some 15–20 ms, which is too long to hold a transaction or the GUI's
// event loop. Documents may be printed from several goroutines at once.
//
// The fonts are the shipped Noto Sans, embedded as subsets. User text is
// printed as entered; characters the font cannot draw become Replacement,
// never a failure.
package pdf
