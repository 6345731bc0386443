package telnyxmessaging

import (
	stdjson "encoding/json"

	"github.com/go-json-experiment/json"
)

// Extra holds the JSON members of a model that this version does not know, exactly as the
// server sent them. Encoding a model writes them back beside the known fields; a member of
// Extra with the name of a known field is an error then, not a silent override.
type Extra = map[string]stdjson.RawMessage

// decodeJSON decodes the JSON document b into v, a non-nil pointer, with
// github.com/go-json-experiment/json, the Go project's encoding/json/v2 (the same API, under
// GOEXPERIMENT=jsonv2 an alias of it). Unlike encoding/json it decodes a model and collects its
// unknown members in one pass (encoding/json would need each model's UnmarshalJSON to decode its
// object twice, and validates the input again at each level of such methods). Member names
// match exactly, as in the Rust core: a member spelt in another case is an unknown member and
// lands in Extra; a name given twice is an error. Nothing decoded refers to b.
func decodeJSON(b []byte, v any) error {
	return json.Unmarshal(b, v)
}

// encodeModel encodes the fields of a model (its type without methods) as encoding/json would
// (nil slices and maps as null), then the members of its Extra in sorted order.
func encodeModel(v any) ([]byte, error) {
	return json.Marshal(v, json.Deterministic(true), json.FormatNilSliceAsNull(true), json.FormatNilMapAsNull(true))
}
