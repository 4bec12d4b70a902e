package store

import (
	"crypto/x509"
	"errors"
	"io/fs"
	"net"
	"strings"

	"github.com/jackc/pgx/v5/pgconn"
)

// Why a connection to a server was refused after it answered.
var (
	// ErrPrivilegedLogin: the login is the database's owner or a
	// superuser, whom row-level security does not bind.
	ErrPrivilegedLogin = errors.New("the login is the database's owner or a superuser")
	// ErrNoPartnerDeskData: the database exists but holds no PartnerDesk
	// data (partnerctl server init was not run on it).
	ErrNoPartnerDeskData = errors.New("the database holds no PartnerDesk data yet")
	// ErrNotAPerson: the login is not a PartnerDesk user of the database.
	ErrNotAPerson = errors.New("the login is not a PartnerDesk user of this database")
)

// Connection problems ConnectProblem tells apart, for the words the app
// shows. Each names one thing the user or IT can check.
const (
	ProblemUnreachable    = "unreachable"     // no answer at the address and port
	ProblemLogin          = "login"           // wrong password, or no such login
	ProblemNoAccess       = "no_access"       // the server's rules (pg_hba.conf) let this login or computer not in
	ProblemNoDatabase     = "no_database"     // no database of that name
	ProblemNotPartnerDesk = "not_partnerdesk" // a database, but not PartnerDesk's
	ProblemNotAPerson     = "not_a_person"    // a login, but not a PartnerDesk user
	ProblemPrivileged     = "privileged"      // the owner or a superuser
	ProblemCertUnknown    = "cert_unknown"    // certificate not signed by the chosen CA
	ProblemCertName       = "cert_name"       // certificate for another host name
	ProblemCertExpired    = "cert_expired"    // certificate expired or not yet valid
	ProblemCAFile         = "ca_file"         // the CA certificate file cannot be read
	ProblemNoTLS          = "no_tls"          // the server does not offer encryption
	ProblemTLSRequired    = "tls_required"    // the server accepts only encrypted connections
	ProblemOther          = "other"           // anything else: the details say what
)

// ConnectProblem sorts an error of OpenURL into one of the Problem kinds.
func ConnectProblem(err error) string {
	if kind := refusalProblem(err); kind != "" {
		return kind
	}
	if kind := tlsProblem(err); kind != "" {
		return kind
	}
	var pe *pgconn.PgError
	if errors.As(err, &pe) {
		switch {
		case pe.Code == "28P01":
			return ProblemLogin
		case pe.Code == "28000" && strings.Contains(pe.Message, "no encryption"):
			return ProblemTLSRequired
		case pe.Code == "28000":
			return ProblemNoAccess
		case pe.Code == "3D000":
			return ProblemNoDatabase
		case pe.Code == "42501": // no CONNECT on the database: not one of its people
			return ProblemNotAPerson
		}
		return ProblemOther
	}
	var ne net.Error
	var oe *net.OpError
	if errors.Is(err, ErrServerUnreachable) || errors.As(err, &ne) || errors.As(err, &oe) || isConnError(err) {
		return ProblemUnreachable
	}
	return ProblemOther
}

func refusalProblem(err error) string {
	switch {
	case errors.Is(err, ErrPrivilegedLogin):
		return ProblemPrivileged
	case errors.Is(err, ErrNoPartnerDeskData):
		return ProblemNotPartnerDesk
	case errors.Is(err, ErrNotAPerson):
		return ProblemNotAPerson
	}
	return ""
}

func tlsProblem(err error) string {
	var unknown x509.UnknownAuthorityError
	var name x509.HostnameError
	var invalid x509.CertificateInvalidError
	var pathErr *fs.PathError
	s := err.Error()
	switch {
	case errors.As(err, &name),
		strings.Contains(s, "x509: certificate is valid for"),
		strings.Contains(s, "x509: cannot validate certificate for"),
		strings.Contains(s, "x509: certificate is not valid for any names"):
		return ProblemCertName
	case errors.As(err, &unknown), strings.Contains(s, "certificate signed by unknown authority"):
		return ProblemCertUnknown
	case errors.As(err, &invalid):
		if invalid.Reason == x509.Expired {
			return ProblemCertExpired
		}
		return ProblemCertUnknown
	case strings.Contains(s, "has expired or is not yet valid"):
		return ProblemCertExpired
	case errors.As(err, &pathErr),
		strings.Contains(s, "unable to add CA to cert pool"),
		strings.Contains(s, "unable to read CA file"):
		return ProblemCAFile
	case strings.Contains(s, "server refused TLS connection"):
		return ProblemNoTLS
	}
	return ""
}
