package ui

import (
	"errors"
	"strconv"
	"strings"

	"github.com/partnerdesk/partnerdesk/model/store"
)

// openServer opens the university's PartnerDesk server, named by a
// postgres:// URL in --db or PARTNERDESK_DB. What applies to a data file
// on this computer does not: no drive check, no backups (IT backs the
// server up with pg_dump), no repair. The screens for choosing a server
// and for working together come with the interface's redesign; this is
// only the opening.
func (l *launcher) openServer(url string) {
	st, err := store.OpenURL(url, store.Options{})
	if errors.Is(err, store.ErrServerUnreachable) || isConnectError(err) {
		err = errors.New(tr("server.unreachable_open", "Server", store.Redact(url)) + "\n\n" + err.Error())
	}
	if err != nil {
		ShowStartupError(l.app, l.win, err)
		return
	}
	l.st = st
	opts := l.opts
	opts.Backups = nil
	if l.u == nil {
		l.u = New(l.app, l.win, st, opts)
	} else {
		l.u.store, l.u.opts = st, opts
		if err := l.u.load(); err != nil {
			l.u.showError(err)
		}
		l.u.rebuild()
		l.u.watchChanges()
	}
	if err := st.WriteRefusal(); err != nil {
		l.u.showWarning(errorText(err))
	}
}

// serverErrorText words the server's refusals in the interface's
// language (assets/i18n/server.*.json).
func serverErrorText(err error) (string, bool) {
	var perm *store.PermissionError
	var conflict *store.ConflictError
	var schema *store.SchemaMismatchError
	switch {
	case errors.As(err, &perm):
		return tr(perm.Key, "Department", perm.Args["Department"], "Mine", perm.Args["Mine"]), true
	case errors.As(err, &conflict) && conflict.By != "":
		return tr("server.conflict_by", "By", conflict.By, "At", conflict.At), true
	case errors.As(err, &schema):
		return tr("server.schema_mismatch", "Server", strconv.Itoa(schema.Server), "Client",
			strconv.Itoa(schema.Client)), true
	case errors.Is(err, store.ErrServerUnreachable):
		return tr("server.unreachable"), true
	}
	return "", false
}

// isConnectError reports whether opening failed before the server
// answered (no route, refused, timed out).
func isConnectError(err error) bool {
	var se *store.ServerError
	return errors.As(err, &se) && strings.Contains(err.Error(), "failed to connect")
}
