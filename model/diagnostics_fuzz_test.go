package model_test

import (
	"encoding/json"
	"testing"

	"github.com/partnerdesk/partnerdesk/model"
	"github.com/partnerdesk/partnerdesk/model/demo"
)

// Any round decoded from a file validates without panicking, and a round
// that validates gives its views and tests without panicking.
func FuzzRound(f *testing.F) {
	for _, r := range append(demo.Rounds(1, model.NewDate(2026, 11, 28), nil), demo.PaperRound(model.NewDate(2023, 12, 15))) {
		raw, _ := json.Marshal(r)
		f.Add(raw)
	}
	f.Add([]byte(`{"title":"x","date":"2026-01-01","stage":"control","mode":"students","scale":{"indicators":[{"code":"a","names":{"ru":"А"}}],"levels":[{"code":"l","names":{"ru":"Л"}},{"code":"m","names":{"ru":"М"}}]},"groups":[{"name":"G","kind":"other","students":2,"results":[{"code":"s","levels":["m","x","l"]}]}]}`))
	f.Fuzz(func(t *testing.T, raw []byte) {
		var r model.Round
		if json.Unmarshal(raw, &r) != nil {
			return
		}
		if r.Validate() != nil {
			return
		}
		for g := range r.Groups {
			_ = r.Table1("ru", g)
			_ = r.ShareByIndicator(g)
			_ = r.Consistent(g)
		}
		if a, b, ok := r.ComparedGroups(); ok {
			for _, tst := range r.Tests(a, b) {
				if tst.Testable() && (tst.P < 0 || tst.P > 1 || tst.V < 0 || tst.V > 1+1e-9) {
					t.Errorf("p %v, V %v out of range", tst.P, tst.V)
				}
			}
		}
		_ = model.Change(&r, 0, &r, 0)
	})
}
