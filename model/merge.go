package model

import "reflect"

// FieldValue returns the value of the top-level field of the struct v
// (or a pointer to one) with the given JSON name, as ChangedFields names
// it; nil when there is no such field.
func FieldValue(v any, name string) any {
	sv := reflect.Indirect(reflect.ValueOf(v))
	if sv.Kind() != reflect.Struct {
		return nil
	}
	t := sv.Type()
	for i := range t.NumField() {
		if t.Field(i).IsExported() && jsonName(t.Field(i)) == name {
			return sv.Field(i).Interface()
		}
	}
	return nil
}

// TakeFields copies the top-level fields with the given JSON names from
// src into dst, two pointers to values of the same struct type: the merge
// of two versions of a record, field by field. Slices and maps are shared
// with src, not copied. Unknown names are ignored.
func TakeFields(dst, src any, names []string) {
	dv, sv := reflect.ValueOf(dst).Elem(), reflect.ValueOf(src).Elem()
	if dv.Type() != sv.Type() || dv.Kind() != reflect.Struct {
		return
	}
	want := make(map[string]bool, len(names))
	for _, n := range names {
		want[n] = true
	}
	t := dv.Type()
	for i := range t.NumField() {
		if t.Field(i).IsExported() && want[jsonName(t.Field(i))] {
			dv.Field(i).Set(sv.Field(i))
		}
	}
}
