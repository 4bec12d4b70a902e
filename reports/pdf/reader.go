package pdf

import "github.com/partnerdesk/partnerdesk/model"

// Reader is what the documents read from the data file: a read
// transaction (*store.Tx) or the store itself (*store.Store) both serve.
type Reader interface {
	Institution() (model.Institution, error)
	Partner(id model.ID) (model.Partner, error)
	Agreement(id model.ID) (model.Agreement, error)
	AgreementByNumber(number string) (model.Agreement, error)
	Summaries() ([]model.Summary, error)
	Round(id model.ID) (model.Round, error)
}
