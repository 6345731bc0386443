package telnyxmessaging

import (
	"bytes"
	"encoding/json"
	"reflect"
	"slices"
	"strings"
	"sync"
)

// Extra holds the JSON members of a model that this version does not know, exactly as the
// server sent them. MarshalJSON writes them back beside the known fields.
type Extra = map[string]json.RawMessage

// decodeJSON decodes the JSON document b into v, a non-nil pointer, with encoding/json. When v
// points to a struct with an Extra field (a model, through its UnmarshalJSON), the members no
// field is named after are kept there, exactly as sent.
func decodeJSON(b []byte, v any) error {
	if err := json.Unmarshal(b, v); err != nil {
		return err
	}
	rv := reflect.ValueOf(v).Elem()
	if rv.Kind() != reflect.Struct {
		return nil
	}
	extra := rv.FieldByName("Extra")
	if !extra.IsValid() || extra.Type() != reflect.TypeFor[Extra]() {
		return nil
	}
	// The member names first (their values skipped): most objects have no unknown member.
	var names map[string]skipped
	if err := json.Unmarshal(b, &names); err != nil {
		return err
	}
	known := knownMembers(rv.Type())
	unknown := false
	for name := range names {
		if _, ok := known[name]; !ok {
			unknown = true
			break
		}
	}
	if !unknown {
		return nil
	}
	var members map[string]json.RawMessage
	if err := json.Unmarshal(b, &members); err != nil {
		return err
	}
	for name := range members {
		if _, ok := known[name]; ok {
			delete(members, name)
		}
	}
	extra.Set(reflect.ValueOf(Extra(members)))
	return nil
}

// skipped is a JSON value read past unexamined.
type skipped struct{}

// UnmarshalJSON ignores the value.
func (*skipped) UnmarshalJSON([]byte) error { return nil }

// knownMembers are the JSON member names of struct type t's fields, cached per type.
func knownMembers(t reflect.Type) map[string]struct{} {
	if known, ok := memberCache.Load(t); ok {
		return known.(map[string]struct{})
	}
	known := map[string]struct{}{}
	for i := range t.NumField() {
		f := t.Field(i)
		name, _, _ := strings.Cut(f.Tag.Get("json"), ",")
		if !f.IsExported() || name == "-" {
			continue
		}
		if name == "" {
			name = f.Name
		}
		known[name] = struct{}{}
	}
	memberCache.Store(t, known)
	return known
}

var memberCache sync.Map

// marshalWithExtra encodes v (a struct without JSON methods) and appends the members of extra
// that v has no field for, in sorted key order.
func marshalWithExtra(v any, extra Extra) ([]byte, error) {
	b, err := json.Marshal(v)
	if err != nil || len(extra) == 0 {
		return b, err
	}
	known := knownMembers(reflect.TypeOf(v))
	keys := make([]string, 0, len(extra))
	for k := range extra {
		if _, ok := known[k]; !ok {
			keys = append(keys, k)
		}
	}
	slices.Sort(keys)
	var buf bytes.Buffer
	buf.Write(b[:len(b)-1]) // without the closing brace
	empty := bytes.Equal(bytes.TrimSpace(b[:len(b)-1]), []byte("{"))
	for _, k := range keys {
		if !empty {
			buf.WriteByte(',')
		}
		empty = false
		name, _ := json.Marshal(k)
		buf.Write(name)
		buf.WriteByte(':')
		raw := extra[k]
		if len(raw) == 0 {
			raw = json.RawMessage("null")
		}
		buf.Write(raw)
	}
	buf.WriteByte('}')
	return buf.Bytes(), nil
}
