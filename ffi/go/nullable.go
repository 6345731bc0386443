package telnyxmessaging

import (
	stdjson "encoding/json"

	"github.com/go-json-experiment/json"
	"github.com/go-json-experiment/json/jsontext"
)

// Nullable is a JSON field that can be absent, null or set. Its zero value is absent; use it
// with the `omitzero` option of encoding/json so that an absent field is left out.
//
//	Nullable[string]{}             // absent: the field is not sent (PATCH leaves it unchanged)
//	Null[string]()                 // "field": null (PATCH clears it)
//	Value("https://example.com")   // "field": "https://example.com"
type Nullable[T any] struct {
	// Set is true when the field was present (null or a value).
	Set bool
	// Null is true when the field was an explicit JSON null (Set is then true too).
	Null bool
	// Value is the value when Set && !Null.
	Value T
}

// Value returns a Nullable holding v.
func Value[T any](v T) Nullable[T] {
	return Nullable[T]{Set: true, Value: v}
}

// Null returns a Nullable that is an explicit JSON null.
func Null[T any]() Nullable[T] {
	return Nullable[T]{Set: true, Null: true}
}

// Get returns the value and whether there is one (false when absent or null).
func (n Nullable[T]) Get() (T, bool) {
	if !n.Set || n.Null {
		var zero T
		return zero, false
	}
	return n.Value, true
}

// IsNull reports whether the field was an explicit JSON null.
func (n Nullable[T]) IsNull() bool { return n.Set && n.Null }

// IsZero reports whether the field is absent; the `omitzero` option uses it.
func (n Nullable[T]) IsZero() bool { return !n.Set }

// MarshalJSON writes null or the value. An absent Nullable also writes null: tag the field
// `omitzero` to leave it out instead.
func (n Nullable[T]) MarshalJSON() ([]byte, error) {
	if !n.Set || n.Null {
		return []byte("null"), nil
	}
	return stdjson.Marshal(n.Value)
}

// UnmarshalJSONFrom records a present field: null or a value.
func (n *Nullable[T]) UnmarshalJSONFrom(d *jsontext.Decoder) error {
	if d.PeekKind() == 'n' {
		if _, err := d.ReadToken(); err != nil {
			return err
		}
		*n = Nullable[T]{Set: true, Null: true}
		return nil
	}
	var v T
	if err := json.UnmarshalDecode(d, &v); err != nil {
		return err
	}
	*n = Nullable[T]{Set: true, Value: v}
	return nil
}

// UnmarshalJSON records a present field: null or a value.
func (n *Nullable[T]) UnmarshalJSON(b []byte) error { return json.Unmarshal(b, n) }

// nullable is implemented by *Nullable[T] only.
type nullable interface{ isNullable() }

func (*Nullable[T]) isNullable() {}

// Ptr returns a pointer to v, for optional fields: Ptr(true), Ptr("name").
func Ptr[T any](v T) *T {
	return &v
}
