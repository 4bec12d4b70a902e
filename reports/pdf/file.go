package pdf

import (
	"io"

	"github.com/partnerdesk/partnerdesk/model/store"
)

// WriteFile writes a document to path so that it is either complete or
// absent (mode 0644: a printable document, not personal data like the data
// file). write is one of the document functions bound to its data, e.g.
//
//	pdf.WriteFile(s, path, func(w io.Writer) error { return pdf.Memorandum(w, &d, o) })
//
// It refuses to write over s's data file; s may be nil.
func WriteFile(s *store.Store, path string, write func(io.Writer) error) error {
	if s != nil {
		if err := s.CheckTarget(path); err != nil {
			return err
		}
	}
	return store.WriteFileAtomic(path, 0o644, write)
}
