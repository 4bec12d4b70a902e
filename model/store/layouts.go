package store

import (
	"errors"
	"slices"
	"strings"

	"github.com/partnerdesk/partnerdesk/model"
)

// Saved register layouts live beside the institution's settings, as one
// record (checksummed like every record).
var keyLayouts = []byte("register_layouts")

// RegisterLayouts returns the register layouts the user saved, in the
// order they were first saved.
func (t *Tx) RegisterLayouts() ([]model.RegisterLayout, error) {
	var list []model.RegisterLayout
	err := t.getJSON(bucketInstitution, keyLayouts, &list)
	if errors.Is(err, ErrNotFound) {
		err = nil
	}
	return list, err
}

// RegisterLayout returns the saved layout of that name (compared without
// regard to case), and whether there is one.
func (t *Tx) RegisterLayout(name string) (model.RegisterLayout, bool, error) {
	list, err := t.RegisterLayouts()
	if i := layoutIndex(list, name); i >= 0 {
		return list[i], true, err
	}
	return model.RegisterLayout{}, false, err
}

func layoutIndex(list []model.RegisterLayout, name string) int {
	return slices.IndexFunc(list, func(l model.RegisterLayout) bool {
		return strings.EqualFold(strings.TrimSpace(l.Name), strings.TrimSpace(name))
	})
}

// SaveRegisterLayout validates l and stores it, replacing a saved layout
// of the same name.
func (t *Tx) SaveRegisterLayout(l model.RegisterLayout) error {
	l.Name = strings.TrimSpace(l.Name)
	if err := l.Validate(); err != nil {
		return err
	}
	list, err := t.RegisterLayouts()
	if err != nil {
		return err
	}
	action := model.ActionUpdated
	if i := layoutIndex(list, l.Name); i >= 0 {
		list[i] = l
	} else {
		list, action = append(list, l), model.ActionCreated
	}
	if err := t.putJSON(bucketInstitution, keyLayouts, list); err != nil {
		return err
	}
	return t.log(model.EntityInstitution, 0, action, []string{"register_layouts"}, l.Name)
}

// DeleteRegisterLayout removes the saved layout of that name; a name not
// saved is no error.
func (t *Tx) DeleteRegisterLayout(name string) error {
	list, err := t.RegisterLayouts()
	if err != nil {
		return err
	}
	i := layoutIndex(list, name)
	if i < 0 {
		return nil
	}
	list = slices.Delete(list, i, i+1)
	if err := t.putJSON(bucketInstitution, keyLayouts, list); err != nil {
		return err
	}
	return t.log(model.EntityInstitution, 0, model.ActionDeleted, []string{"register_layouts"}, name)
}

// RegisterLayouts returns the saved register layouts.
func (s *Store) RegisterLayouts() (list []model.RegisterLayout, err error) {
	err = s.View(func(t *Tx) error { list, err = t.RegisterLayouts(); return err })
	return list, err
}

// SaveRegisterLayout stores a register layout; see Tx.SaveRegisterLayout.
func (s *Store) SaveRegisterLayout(l model.RegisterLayout) error {
	return s.Update(func(t *Tx) error { return t.SaveRegisterLayout(l) })
}

// DeleteRegisterLayout removes a saved register layout.
func (s *Store) DeleteRegisterLayout(name string) error {
	return s.Update(func(t *Tx) error { return t.DeleteRegisterLayout(name) })
}
