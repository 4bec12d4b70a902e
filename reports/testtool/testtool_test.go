package testtool

import (
	"fmt"
	"strings"
	"testing"
)

// recorder is a TB that remembers whether the helper skipped or failed.
type recorder struct{ skipped, failed string }

func (r *recorder) Helper()           {}
func (r *recorder) Skip(args ...any)  { r.skipped = fmt.Sprint(args...) }
func (r *recorder) Fatal(args ...any) { r.failed = fmt.Sprint(args...) }

func TestNeed(t *testing.T) {
	for _, tc := range []struct {
		ci           string
		skip, fail   bool
		name, reason string
	}{
		{ci: "", skip: true, name: "no-such-tool-pd", reason: "no-such-tool-pd is not installed (apt-get install x)"},
		{ci: "false", skip: true, name: "no-such-tool-pd"},
		{ci: "true", fail: true, name: "no-such-tool-pd", reason: "required in CI"},
		{ci: "1", fail: true, name: "no-such-tool-pd"},
		{ci: "true", name: "sh"},
	} {
		t.Run(tc.ci+"/"+tc.name, func(t *testing.T) {
			t.Setenv("CI", tc.ci)
			var r recorder
			path := Need(&r, tc.name, "apt-get install x")
			if (r.skipped != "") != tc.skip || (r.failed != "") != tc.fail {
				t.Fatalf("CI=%q: skipped %q, failed %q", tc.ci, r.skipped, r.failed)
			}
			if !tc.skip && !tc.fail && !strings.HasSuffix(path, "/sh") {
				t.Errorf("path of sh: %q", path)
			}
			if got := r.skipped + r.failed; !strings.Contains(got, tc.reason) {
				t.Errorf("reason %q lacks %q", got, tc.reason)
			}
		})
	}
}

func TestNeedFile(t *testing.T) {
	t.Setenv("CI", "true")
	var r recorder
	NeedFile(&r, "/no/such/driver.ppd", "apt-get install cups-filters")
	if !strings.Contains(r.failed, "/no/such/driver.ppd is missing") {
		t.Errorf("failed with %q", r.failed)
	}
	r = recorder{}
	NeedFile(&r, "testtool.go", "")
	if r.failed != "" || r.skipped != "" {
		t.Errorf("an existing file: %+v", r)
	}
}
