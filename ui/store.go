package ui

import (
	"github.com/partnerdesk/partnerdesk/model"
	"github.com/partnerdesk/partnerdesk/model/store"
)

// Store is what the interface needs from the data file. The bbolt store
// satisfies it, and so does its in-memory twin (store.OpenMemory), which
// the tests use.
type Store interface {
	Path() string
	View(fn func(*store.Tx) error) error
	Update(fn func(*store.Tx) error) error
	Counts() (store.Counts, error)
	CheckTarget(path string) error

	Institution() (model.Institution, error)
	SaveInstitution(in *model.Institution) error

	Partners() ([]model.Partner, error)
	Partner(id model.ID) (model.Partner, error)
	SavePartner(p *model.Partner) error
	DeletePartner(id model.ID) error

	Summaries() ([]model.Summary, error)
	ListData() (model.Institution, []model.Partner, []model.Summary, error)
	Agreement(id model.ID) (model.Agreement, error)
	SaveAgreement(a *model.Agreement) error
	DeleteAgreement(id model.ID) error
	Renew(oldID model.ID, successor *model.Agreement) error

	AddAttachment(agreement model.ID, name, mimeType string, data []byte) (model.Attachment, error)
	AttachmentData(agreement, id model.ID) ([]byte, error)
	RemoveAttachment(agreement, id model.ID) error

	History(entity model.Entity, id model.ID) ([]model.HistoryEntry, error)
}

var _ Store = (*store.Store)(nil)
