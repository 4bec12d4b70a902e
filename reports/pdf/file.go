package pdf

import (
	"io"

	"github.com/partnerdesk/partnerdesk/model/store"
)

// Guard says whether a path may be written; *store.Store is one: its
// CheckTarget refuses the data file itself.
type Guard interface {
	CheckTarget(path string) error
}

var _ Guard = (*store.Store)(nil)

// WriteFile writes a document to path so that it is either complete or
// absent (mode 0644: a printable document, not personal data like the data
// file). write is one of the document functions bound to its data, e.g.
//
//	pdf.WriteFile(s, path, func(w io.Writer) error { return pdf.Memorandum(w, &d, o) })
//
// It refuses a path g refuses; g may be nil.
func WriteFile(g Guard, path string, write func(io.Writer) error) error {
	if g != nil {
		if err := g.CheckTarget(path); err != nil {
			return err
		}
	}
	return store.WriteFileAtomic(path, 0o644, write)
}
