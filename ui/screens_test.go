package ui

import "testing"

// Each screen has exactly the abilities the registry declares for it, so
// File › New, Find and Print reach every screen that can, and no other.
func TestRegistryAbilities(t *testing.T) {
	u, _ := newTestUI(t, "en")
	for _, e := range u.screens {
		u.goTo(e.id, nil)
		s := u.currentScreen()
		_, creates := s.(creator)
		_, searches := s.(searcher)
		_, prints := s.(printable)
		for _, c := range []struct {
			name      string
			has, says bool
		}{
			{"create", creates, e.can&canCreate != 0},
			{"search", searches, e.can&canSearch != 0},
			{"print", prints, e.can&canPrint != 0},
		} {
			if c.has != c.says {
				t.Errorf("screen %s: can %s %v, the registry says %v", e.id, c.name, c.has, c.says)
			}
		}
	}
}
