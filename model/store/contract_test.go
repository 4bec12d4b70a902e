package store_test

import (
	"path/filepath"
	"testing"

	"github.com/partnerdesk/partnerdesk/model/store"
	"github.com/partnerdesk/partnerdesk/model/store/storetest"
)

func TestContractBolt(t *testing.T) {
	storetest.Run(t, func(t *testing.T, opts store.Options) *store.Store {
		path := filepath.Join(t.TempDir(), "partnerdesk.db")
		if opts.ReadOnly {
			rw := opts
			rw.ReadOnly = false
			s, err := store.Open(path, rw)
			if err != nil {
				t.Fatal(err)
			}
			s.Close()
		}
		s, err := store.Open(path, opts)
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { s.Close() })
		return s
	})
}

func TestContractMemory(t *testing.T) {
	storetest.Run(t, func(t *testing.T, opts store.Options) *store.Store {
		return store.OpenMemory(opts)
	})
}
