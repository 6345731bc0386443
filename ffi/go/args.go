package telnyxmessaging

/*
#include <stdlib.h>
*/
import "C"

import (
	"encoding/json"
	"fmt"
	"math"
	"reflect"
	"unicode/utf8"
)

// cargs collects the C strings of one call and frees them together; the first conversion
// error is kept in err.
type cargs struct {
	strs []cstring
	err  error
}

// str converts a string argument (an id).
func (a *cargs) str(s, what string) *C.char {
	if a.err != nil {
		return nil
	}
	if !utf8.ValidString(s) {
		a.err = invalidArgument("%s is not valid UTF-8", what)
		return nil
	}
	cs, err := newCString(s, what)
	if err != nil {
		a.err = err
		return nil
	}
	a.strs = append(a.strs, cs)
	return cs.p
}

// json encodes a params or body value.
func (a *cargs) json(v any, what string) *C.char {
	if a.err != nil {
		return nil
	}
	// encoding/json would silently replace invalid UTF-8 and report NaN without naming the
	// field: check first, in the caller's terms (params.NumberPoolSettings.LongCodeWeight).
	if err := checkValue(reflect.ValueOf(v), what); err != nil {
		a.err = err
		return nil
	}
	b, err := json.Marshal(v)
	if err != nil {
		a.err = invalidArgument("encoding %s: %v", what, err)
		return nil
	}
	cs := newCJSON(b)
	a.strs = append(a.strs, cs)
	return cs.p
}

func (a *cargs) free() {
	for _, s := range a.strs {
		s.free()
	}
}

// checkValue walks v (params and bodies: structs, pointers, slices, maps, Nullable, Extra) and
// reports the first string that is not valid UTF-8, float that is not finite, or raw JSON that
// does not parse, naming it by its Go path.
func checkValue(v reflect.Value, path string) error {
	switch v.Kind() {
	case reflect.Pointer, reflect.Interface:
		if v.IsNil() {
			return nil
		}
		return checkValue(v.Elem(), path)
	case reflect.String:
		if !utf8.ValidString(v.String()) {
			return invalidArgument("%s is not valid UTF-8", path)
		}
	case reflect.Float32, reflect.Float64:
		if f := v.Float(); math.IsNaN(f) || math.IsInf(f, 0) {
			return invalidArgument("%s must be a finite number, got %v", path, f)
		}
	case reflect.Slice:
		if v.Type() == reflect.TypeFor[json.RawMessage]() {
			if !json.Valid(v.Bytes()) {
				return invalidArgument("%s is not valid JSON", path)
			}
			return nil
		}
		fallthrough
	case reflect.Array:
		for i := range v.Len() {
			if err := checkValue(v.Index(i), fmt.Sprintf("%s[%d]", path, i)); err != nil {
				return err
			}
		}
	case reflect.Map:
		iter := v.MapRange()
		for iter.Next() {
			k := fmt.Sprint(iter.Key().Interface())
			if !utf8.ValidString(k) {
				return invalidArgument("%s has a key that is not valid UTF-8", path)
			}
			if err := checkValue(iter.Value(), fmt.Sprintf("%s[%q]", path, k)); err != nil {
				return err
			}
		}
	case reflect.Struct:
		if reflect.PointerTo(v.Type()).Implements(reflect.TypeFor[nullable]()) {
			return checkValue(v.FieldByName("Value"), path) // Nullable[T]: its value, same name
		}
		for i := range v.NumField() {
			if f := v.Type().Field(i); f.IsExported() {
				if err := checkValue(v.Field(i), path+"."+f.Name); err != nil {
					return err
				}
			}
		}
	}
	return nil
}
