package pgtest_test

import (
	"context"
	"crypto/ecdsa"
	"crypto/elliptic"
	"crypto/rand"
	"crypto/tls"
	"crypto/x509"
	"crypto/x509/pkix"
	"encoding/pem"
	"fmt"
	"io"
	"math/big"
	"net"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/jackc/pgx/v5"

	"github.com/partnerdesk/partnerdesk/model/store"
	"github.com/partnerdesk/partnerdesk/model/store/pgtest"
)

// Every way a connection fails on a real server is told apart, so the app
// can say what to check.
func TestConnectProblems(t *testing.T) {
	srv := pgtest.Need(t)
	db := srv.NewDB(t, store.NumbersPerUniversity)
	empty := srv.EmptyDB(t)
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	c, err := pgx.Connect(ctx, srv.AdminURL("postgres"))
	if err != nil {
		t.Fatal(err)
	}
	stranger := db.Prefix + "stranger"
	if _, err := c.Exec(ctx, fmt.Sprintf("CREATE ROLE %s LOGIN PASSWORD '%s'", stranger, pgtest.Password)); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { c.Exec(context.Background(), "DROP ROLE IF EXISTS "+stranger); c.Close(context.Background()) })
	base := fmt.Sprintf("127.0.0.1:%d", srv.Port)
	cases := []struct{ name, url, want string }{
		{
			"wrong password",
			fmt.Sprintf("postgres://%s:wrong@%s/%s?sslmode=disable", db.Login("office"), base, db.Name),
			store.ProblemLogin,
		},
		{"no such login", fmt.Sprintf("postgres://nobody:x@%s/%s?sslmode=disable", base, db.Name), store.ProblemLogin},
		{
			"nothing at the port",
			"postgres://a:b@127.0.0.1:1/x?sslmode=disable&connect_timeout=5",
			store.ProblemUnreachable,
		},
		{
			"no such database",
			fmt.Sprintf("postgres://%s:%s@%s/nosuchdb?sslmode=disable", db.Login("office"), pgtest.Password, base),
			store.ProblemNoDatabase,
		},
		{"not PartnerDesk's", srv.URL(empty, "postgres"), store.ProblemPrivileged},
		{"a stranger", srv.URL(db.Name, stranger), store.ProblemNotAPerson},
		{"the superuser", srv.URL(db.Name, "postgres"), store.ProblemPrivileged},
		{
			"no TLS on the server",
			fmt.Sprintf("postgres://%s:%s@%s/%s?sslmode=require", db.Login("office"), pgtest.Password, base, db.Name),
			store.ProblemNoTLS,
		},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			s, err := store.OpenURL(tc.url, store.Options{})
			if err == nil {
				s.Close()
				t.Fatal("opened")
			}
			if got := store.ConnectProblem(err); got != tc.want {
				t.Errorf("%v: %s, want %s", err, got, tc.want)
			}
		})
	}
	t.Run("not PartnerDesk's, as a person", func(t *testing.T) {
		_, err := store.OpenURL(srv.URL(empty, stranger), store.Options{})
		if got := store.ConnectProblem(err); got != store.ProblemNotPartnerDesk {
			t.Errorf("%v: %s", err, got)
		}
	})
}

// The certificate failures of verify-full, against a listener that
// answers PostgreSQL's TLS request with a real handshake.
func TestConnectCertificateProblems(t *testing.T) {
	dir := t.TempDir()
	caFile, cert := certificate(t, dir, "ca", "db.university.kz", time.Now().Add(time.Hour))
	otherCA, _ := certificate(t, dir, "other", "127.0.0.1", time.Now().Add(time.Hour))
	_, local := certificate(t, dir, "local", "127.0.0.1", time.Now().Add(time.Hour))
	_, old := certificate(t, dir, "old", "127.0.0.1", time.Now().Add(-time.Hour))
	cases := []struct {
		name, ca string
		cert     tls.Certificate
		want     string
	}{
		{"signed by another CA", otherCA, local, store.ProblemCertUnknown},
		{"for another name", caFile, cert, store.ProblemCertName},
		{"expired", filepath.Join(dir, "old.pem"), old, store.ProblemCertExpired},
		{"no CA file", filepath.Join(dir, "missing.pem"), cert, store.ProblemCAFile},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			addr := tlsListener(t, tc.cert)
			_, err := store.OpenURL(
				fmt.Sprintf("postgres://a:b@%s/db?sslmode=verify-full&sslrootcert=%s&connect_timeout=5", addr, tc.ca),
				store.Options{},
			)
			if got := store.ConnectProblem(err); got != tc.want {
				t.Errorf("%v: %s, want %s", err, got, tc.want)
			}
		})
	}
}

// certificate writes a self-signed certificate for host to dir/name.pem
// and returns its path and the key pair.
func certificate(t *testing.T, dir, name, host string, notAfter time.Time) (string, tls.Certificate) {
	t.Helper()
	key, err := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
	if err != nil {
		t.Fatal(err)
	}
	tmpl := &x509.Certificate{
		SerialNumber: big.NewInt(time.Now().UnixNano()), Subject: pkix.Name{CommonName: host},
		NotBefore: notAfter.Add(-48 * time.Hour), NotAfter: notAfter, IsCA: true, BasicConstraintsValid: true,
		KeyUsage: x509.KeyUsageCertSign | x509.KeyUsageDigitalSignature, ExtKeyUsage: []x509.ExtKeyUsage{x509.ExtKeyUsageServerAuth},
	}
	if ip := net.ParseIP(host); ip != nil {
		tmpl.IPAddresses = []net.IP{ip}
	} else {
		tmpl.DNSNames = []string{host}
	}
	der, err := x509.CreateCertificate(rand.Reader, tmpl, tmpl, &key.PublicKey, key)
	if err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(dir, name+".pem")
	if err := os.WriteFile(path, pem.EncodeToMemory(&pem.Block{Type: "CERTIFICATE", Bytes: der}), 0o600); err != nil {
		t.Fatal(err)
	}
	return path, tls.Certificate{Certificate: [][]byte{der}, PrivateKey: key}
}

// tlsListener accepts connections on a loopback port, says yes to
// PostgreSQL's SSLRequest and shakes hands with the certificate.
func tlsListener(t *testing.T, cert tls.Certificate) string {
	t.Helper()
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { l.Close() })
	go func() {
		for {
			c, err := l.Accept()
			if err != nil {
				return
			}
			go func() {
				defer c.Close()
				c.SetDeadline(time.Now().Add(10 * time.Second))
				if _, err := io.ReadFull(c, make([]byte, 8)); err != nil {
					return
				}
				c.Write([]byte("S"))
				tc := tls.Server(c, &tls.Config{Certificates: []tls.Certificate{cert}})
				tc.Handshake()
				tc.Close()
			}()
		}
	}()
	return l.Addr().String()
}
