package store

import "github.com/partnerdesk/partnerdesk/model"

// Today returns the day this transaction validates records against (a
// signing date may not lie after it): the store clock's date in the local
// time zone. Importers check records against it before saving them.
func (t *Tx) Today() model.Date { return model.DateOf(t.now.Local()) }
