package backup

import (
	"crypto/sha256"
	"os"
	"path/filepath"
	"strconv"
	"testing"
	"time"

	"github.com/partnerdesk/partnerdesk/model"
	"github.com/partnerdesk/partnerdesk/model/store"
	"github.com/partnerdesk/partnerdesk/model/store/storetest"
)

// almaty is a fixed UTC+5 zone, so that local days differ from UTC days.
var almaty = time.FixedZone("UTC+5", 5*3600)

// env is a data file with a fake clock and its backup set.
type env struct {
	t     *testing.T
	path  string
	clock *storetest.Clock
	set   *Set
	st    *store.Store
	n     int
}

func newEnv(t *testing.T) *env {
	t.Helper()
	e := &env{t: t, path: filepath.Join(t.TempDir(), "data", "partnerdesk.db"),
		clock: &storetest.Clock{T: time.Date(2026, 11, 28, 9, 30, 0, 0, almaty)}}
	e.set = New(e.path, Options{Now: e.clock.Now})
	e.open()
	return e
}

func (e *env) open() {
	e.t.Helper()
	st, err := store.Open(e.path, store.Options{Now: e.clock.Now, User: "test", BeforeMigrate: e.set.BeforeMigrate})
	if err != nil {
		e.t.Fatal(err)
	}
	e.st = st
}

func (e *env) close() {
	e.t.Helper()
	if err := e.st.Close(); err != nil {
		e.t.Fatal(err)
	}
}

// save adds a partner (with a tax-free name) and an agreement naming it.
func (e *env) save() model.ID {
	e.t.Helper()
	e.n++
	p := storetest.FullPartner("Партнёр "+strconv.Itoa(e.n), "")
	if err := e.st.SavePartner(&p); err != nil {
		e.t.Fatal(err)
	}
	a := storetest.FullAgreement("СП-"+strconv.Itoa(e.n), p.ID)
	if err := e.st.SaveAgreement(&a); err != nil {
		e.t.Fatal(err)
	}
	return a.ID
}

func (e *env) counts() store.Counts {
	e.t.Helper()
	c, err := e.st.Counts()
	if err != nil {
		e.t.Fatal(err)
	}
	return c
}

func sum(t *testing.T, path string) [32]byte {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return sha256.Sum256(b)
}

// held returns the SHA-256 of the data file a backup holds: its bytes,
// or for a compressed backup the bytes it decompresses to.
func held(t *testing.T, path string) [32]byte {
	t.Helper()
	if !IsCompressed(path) {
		return sum(t, path)
	}
	h := sha256.New()
	if _, _, err := decompress(path, h); err != nil {
		t.Fatal(err)
	}
	return [32]byte(h.Sum(nil))
}

// files lists the names in dir.
func files(t *testing.T, dir string) []string {
	t.Helper()
	entries, err := os.ReadDir(dir)
	if err != nil && !os.IsNotExist(err) {
		t.Fatal(err)
	}
	var names []string
	for _, e := range entries {
		names = append(names, e.Name())
	}
	return names
}
