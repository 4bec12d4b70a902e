package excel

import (
	"context"
	"path/filepath"
	"testing"

	"github.com/xuri/excelize/v2"

	"github.com/partnerdesk/partnerdesk/model/store"
	"github.com/partnerdesk/partnerdesk/reports/internal/snapshot"
)

// export writes the register of s with o (Today defaults to the tests'
// day) and returns its path.
func export(t testing.TB, s *store.Store, o Options) string {
	t.Helper()
	if o.Today.IsZero() {
		o.Today = snapshot.Today
	}
	path := filepath.Join(t.TempDir(), "register.xlsx")
	if err := WriteRegister(context.Background(), s, path, o); err != nil {
		t.Fatal(err)
	}
	return path
}

func openXLSX(t testing.TB, path string) *excelize.File {
	t.Helper()
	f, err := excelize.OpenFile(path)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { f.Close() })
	return f
}
