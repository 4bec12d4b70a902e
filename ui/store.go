package ui

import (
	"github.com/partnerdesk/partnerdesk/model"
	"github.com/partnerdesk/partnerdesk/model/store"
)

// Store is what the interface needs from the data file, each method named
// for what it does; the interface never sees a transaction. The bbolt
// store satisfies it, and so does its in-memory twin (store.OpenMemory),
// which the tests use. The documents read through it (pdf.Reader).
type Store interface {
	Path() string
	// WriteRefusal says why nothing can be saved in this session (a server
	// of another schema version), or nil.
	WriteRefusal() error
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
	// ForEachAgreement calls fn with every agreement, read in one
	// transaction (the calendar, the register layouts).
	ForEachAgreement(fn func(a *model.Agreement) error) error
	AgreementByNumber(number string) (model.Agreement, error)
	SaveAgreement(a *model.Agreement) error
	DeleteAgreement(id model.ID) error
	Renew(oldID model.ID, successor *model.Agreement) error

	AddAttachment(agreement model.ID, name, mimeType string, data []byte) (model.Attachment, error)
	AttachmentData(agreement, id model.ID) ([]byte, error)
	RemoveAttachment(agreement, id model.ID) error

	History(entity model.Entity, id model.ID) ([]model.HistoryEntry, error)
	Round(id model.ID) (model.Round, error)

	RegisterLayouts() ([]model.RegisterLayout, error)
	SaveRegisterLayout(l model.RegisterLayout) error
	DeleteRegisterLayout(name string) error
}

var _ Store = (*store.Store)(nil)
