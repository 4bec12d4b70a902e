package store_test

import (
	"path/filepath"
	"testing"

	"github.com/partnerdesk/partnerdesk/model/store"
	"github.com/partnerdesk/partnerdesk/model/store/storetest"
)

func TestContractBolt(t *testing.T) {
	storetest.Run(t, func(t *testing.T, opts store.Options) *store.Store {
		s, err := store.Open(filepath.Join(t.TempDir(), "partnerdesk.db"), opts)
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
