package telnyxmessaging

import (
	"bytes"
	"encoding"
	"encoding/binary"
	"encoding/json"
	"fmt"
	"reflect"
	"slices"
	"strconv"
	"strings"
	"sync"
	"unicode/utf8"
)

// Extra holds the JSON members of a model that this version does not know, exactly as the
// server sent them. MarshalJSON writes them back beside the known fields.
type Extra = map[string]json.RawMessage

// Decoding. encoding/json is slow for the models: a model has to find its unknown members
// itself, so its UnmarshalJSON would decode every object twice, and encoding/json validates
// the input again at each level of custom methods. decodeJSON instead reads a document once,
// in one pass, with encoding/json's results: it checks the syntax as it goes, sets strings,
// booleans, numbers, pointers, slices, structs and Nullables itself, keeps the unknown members
// of a struct with an Extra field there, and hands any other value (maps, interfaces, types
// with their own JSON or text methods, escaped strings, type mismatches) to encoding/json.
// Member names are matched exactly, else case-insensitively as encoding/json does (such a
// member is also kept in Extra, since MarshalJSON will not write it under the field's name);
// the order of members does not matter. Nothing decoded refers to b (strings and Extra values
// are copies), so b may be freed or reused afterwards.

// decodeJSON decodes the JSON document b into v, a non-nil pointer.
func decodeJSON(b []byte, v any) error {
	rv := reflect.ValueOf(v)
	if rv.Kind() != reflect.Pointer || rv.IsNil() {
		return json.Unmarshal(b, v) // the InvalidUnmarshalError
	}
	d := decoder{b: b}
	err := d.value(rv.Elem(), infoOf(rv.Type().Elem()))
	if err == nil {
		if d.ws(); d.i < len(d.b) {
			err = d.fail("after the top-level value")
		}
	}
	if _, ok := err.(*syntaxError); ok {
		// encoding/json's own description of the error, when it agrees.
		if jerr := json.Unmarshal(b, new(json.RawMessage)); jerr != nil {
			return jerr
		}
	}
	return err
}

// marshalWithExtra encodes v (a struct without JSON methods) and appends the members of extra
// that v has no field for, in sorted key order.
func marshalWithExtra(v any, extra Extra) ([]byte, error) {
	b, err := json.Marshal(v)
	if err != nil || len(extra) == 0 {
		return b, err
	}
	known := infoOf(reflect.TypeOf(v)).byName
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

// kind is how decodeJSON decodes a type.
type kind uint8

const (
	kOther    kind = iota // through encoding/json
	kString               // a string kind
	kBool                 // a bool kind
	kInt                  // a signed integer kind
	kUint                 // an unsigned integer kind
	kFloat                // a float kind
	kPtr                  // a pointer: elem
	kSlice                // a slice: elem
	kStruct               // a struct: fields and extra
	kNullable             // a Nullable: elem is its Value
)

// typeInfo is how to decode one type.
type typeInfo struct {
	kind   kind
	bits   int            // kInt, kUint, kFloat
	elem   *typeInfo      // kPtr, kSlice, kNullable
	fields []field        // kStruct: in declaration order
	byName map[string]int // kStruct: the position in fields of each JSON name
	extra  int            // kStruct: the index of its Extra field, or -1
}

type field struct {
	name  string // the JSON name
	index int    // the struct field
	info  *typeInfo
}

// nullable is implemented by *Nullable[T] only.
type nullable interface{ isNullable() }

var (
	typeInfos  sync.Map // reflect.Type -> *typeInfo
	typeInfoMu sync.Mutex

	extraType           = reflect.TypeFor[Extra]()
	nullableType        = reflect.TypeFor[nullable]()
	unmarshalerType     = reflect.TypeFor[json.Unmarshaler]()
	textUnmarshalerType = reflect.TypeFor[encoding.TextUnmarshaler]()
)

func infoOf(t reflect.Type) *typeInfo {
	if ti, ok := typeInfos.Load(t); ok {
		return ti.(*typeInfo)
	}
	typeInfoMu.Lock()
	defer typeInfoMu.Unlock()
	built := map[reflect.Type]*typeInfo{}
	ti := buildInfo(t, built)
	for t, ti := range built {
		typeInfos.Store(t, ti)
	}
	return ti
}

// buildInfo works out how to decode t; built holds the types under way (for recursive types).
func buildInfo(t reflect.Type, built map[reflect.Type]*typeInfo) *typeInfo {
	if ti, ok := typeInfos.Load(t); ok {
		return ti.(*typeInfo)
	}
	if ti := built[t]; ti != nil {
		return ti
	}
	ti := &typeInfo{extra: -1}
	built[t] = ti
	pt := reflect.PointerTo(t)
	if pt.Implements(nullableType) {
		f, _ := t.FieldByName("Value")
		ti.kind, ti.elem = kNullable, buildInfo(f.Type, built)
		return ti
	}
	if t.Kind() == reflect.Struct {
		if f, ok := t.FieldByName("Extra"); ok && f.Type == extraType && f.Tag.Get("json") == "-" {
			ti.extra = f.Index[0] // a model: its UnmarshalJSON is decodeJSON
		}
	}
	if ti.extra < 0 && (pt.Implements(unmarshalerType) || pt.Implements(textUnmarshalerType)) {
		return ti // kOther
	}
	switch t.Kind() {
	case reflect.String:
		ti.kind = kString
	case reflect.Bool:
		ti.kind = kBool
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		ti.kind, ti.bits = kInt, t.Bits()
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64, reflect.Uintptr:
		ti.kind, ti.bits = kUint, t.Bits()
	case reflect.Float32, reflect.Float64:
		ti.kind, ti.bits = kFloat, t.Bits()
	case reflect.Pointer:
		ti.kind, ti.elem = kPtr, buildInfo(t.Elem(), built)
	case reflect.Slice:
		if t.Elem().Kind() != reflect.Uint8 { // []byte is base64
			ti.kind, ti.elem = kSlice, buildInfo(t.Elem(), built)
		}
	case reflect.Struct:
		for i := range t.NumField() {
			f := t.Field(i)
			tag := f.Tag.Get("json")
			name, opts, _ := strings.Cut(tag, ",")
			if f.Anonymous || strings.Contains(","+opts+",", ",string,") {
				if ti.extra >= 0 {
					panic(fmt.Sprintf("telnyxmessaging: decodeJSON cannot decode field %s of %v", f.Name, t))
				}
				return ti // embedded structs and ,string: kOther
			}
			if !f.IsExported() || tag == "-" {
				continue
			}
			if name == "" {
				name = f.Name
			}
			ti.fields = append(ti.fields, field{name, i, buildInfo(f.Type, built)})
		}
		ti.kind, ti.byName = kStruct, map[string]int{}
		for j, f := range ti.fields {
			ti.byName[f.name] = j
		}
	}
	return ti
}

// syntaxError is invalid JSON.
type syntaxError struct {
	msg string
	off int
}

func (e *syntaxError) Error() string {
	return fmt.Sprintf("invalid JSON %s (offset %d)", e.msg, e.off)
}

// decoder reads one JSON document.
type decoder struct {
	b []byte
	i int
}

func (d *decoder) fail(msg string) error {
	if d.i >= len(d.b) {
		msg = "unexpected end"
	}
	return &syntaxError{msg, d.i}
}

// ws skips whitespace.
func (d *decoder) ws() {
	for d.i < len(d.b) {
		switch d.b[d.i] {
		case ' ', '\t', '\n', '\r':
			d.i++
		default:
			return
		}
	}
}

// peek skips whitespace and returns the next byte (0 at the end).
func (d *decoder) peek() byte {
	if d.ws(); d.i < len(d.b) {
		return d.b[d.i]
	}
	return 0
}

// lit consumes the literal s if it comes next.
func (d *decoder) lit(s string) bool {
	if d.peek() == s[0] && len(d.b)-d.i >= len(s) && string(d.b[d.i:d.i+len(s)]) == s {
		d.i += len(s)
		return true
	}
	return false
}

// str reads a string, quotes included; plain says whether it is ASCII without escapes.
func (d *decoder) str() (raw []byte, plain bool, err error) {
	start := d.i
	d.i++ // the opening quote
	escaped, high := false, uint64(0)
	for d.i < len(d.b) {
		// Eight bytes at a time while none is a quote, a backslash or a control character.
		for ; d.i+8 <= len(d.b); d.i += 8 {
			x := binary.LittleEndian.Uint64(d.b[d.i:])
			if hasZero(x^(lsb*'"'))|hasZero(x^(lsb*'\\'))|hasLess(x, 0x20) != 0 {
				break
			}
			high |= x
		}
		for d.i < len(d.b) && plainByte[d.b[d.i]] {
			high |= uint64(d.b[d.i])
			d.i++
		}
		if d.i >= len(d.b) {
			break
		}
		switch c := d.b[d.i]; {
		case c == '"':
			d.i++
			return d.b[start:d.i], !escaped && high&(lsb*0x80) == 0, nil
		case c == '\\':
			escaped = true
			if d.i+1 >= len(d.b) {
				return nil, false, d.fail("")
			}
			switch d.b[d.i+1] {
			case '"', '\\', '/', 'b', 'f', 'n', 'r', 't':
				d.i += 2
			case 'u':
				d.i += 2
				for range 4 {
					if d.i >= len(d.b) || !isHex(d.b[d.i]) {
						return nil, false, d.fail("in a \\u escape")
					}
					d.i++
				}
			default:
				d.i++
				return nil, false, d.fail("escape in a string")
			}
		case c < 0x20:
			return nil, false, d.fail("control character in a string")
		default:
			d.i++
		}
	}
	return nil, false, d.fail("")
}

const lsb = 0x0101010101010101

// hasZero is non-zero when a byte of x is zero.
func hasZero(x uint64) uint64 { return (x - lsb) &^ x & (lsb * 0x80) }

// hasLess is non-zero when a byte of x is less than n (n <= 128).
func hasLess(x uint64, n byte) uint64 { return (x - lsb*uint64(n)) &^ x & (lsb * 0x80) }

// plainByte tells the bytes that stand for themselves in a string.
var plainByte = func() (t [256]bool) {
	for c := 0x20; c < 256; c++ {
		t[c] = c != '"' && c != '\\'
	}
	return t
}()

func isHex(c byte) bool {
	return '0' <= c && c <= '9' || 'a' <= c && c <= 'f' || 'A' <= c && c <= 'F'
}

func isDigit(c byte) bool { return '0' <= c && c <= '9' }

// num reads a number.
func (d *decoder) num() ([]byte, error) {
	start := d.i
	digits := func() bool {
		n := d.i
		for d.i < len(d.b) && isDigit(d.b[d.i]) {
			d.i++
		}
		return d.i > n
	}
	if d.i < len(d.b) && d.b[d.i] == '-' {
		d.i++
	}
	if d.i < len(d.b) && d.b[d.i] == '0' {
		d.i++
	} else if !digits() {
		return nil, d.fail("in a number")
	}
	if d.i < len(d.b) && d.b[d.i] == '.' {
		d.i++
		if !digits() {
			return nil, d.fail("in a number")
		}
	}
	if d.i < len(d.b) && (d.b[d.i] == 'e' || d.b[d.i] == 'E') {
		d.i++
		if d.i < len(d.b) && (d.b[d.i] == '+' || d.b[d.i] == '-') {
			d.i++
		}
		if !digits() {
			return nil, d.fail("in a number")
		}
	}
	return d.b[start:d.i], nil
}

// more moves to the next member or element of the object or array being read (its opening
// bracket read), past the comma unless first; false at the closing bracket, which it reads.
func (d *decoder) more(end byte, first bool) (bool, error) {
	c := d.peek()
	if c == end {
		d.i++
		return false, nil
	}
	if first {
		return true, nil
	}
	if c != ',' {
		return false, d.fail("after an object member or array element")
	}
	d.i++
	return true, nil
}

// key reads a member name and the colon after it.
func (d *decoder) key() ([]byte, error) {
	if d.peek() != '"' {
		return nil, d.fail("where a member name should be")
	}
	raw, plain, err := d.str()
	if err != nil {
		return nil, err
	}
	key := raw[1 : len(raw)-1]
	if !plain && bytes.IndexByte(key, '\\') >= 0 {
		var s string
		if err := json.Unmarshal(raw, &s); err != nil {
			return nil, err
		}
		key = []byte(s)
	}
	if d.peek() != ':' {
		return nil, d.fail("after a member name")
	}
	d.i++
	return key, nil
}

// maxDepth is encoding/json's nesting limit.
const maxDepth = 10000

// skip reads a value of any type and returns it.
func (d *decoder) skip(depth int) ([]byte, error) {
	c := d.peek()
	start := d.i
	switch {
	case c == '"':
		_, _, err := d.str()
		return d.b[start:d.i], err
	case c == '{' || c == '[':
		if depth >= maxDepth {
			return nil, d.fail("nested too deeply")
		}
		end := byte(']') + c - '[' // '}' for '{'
		d.i++
		for first := true; ; first = false {
			more, err := d.more(end, first)
			if err != nil || !more {
				return d.b[start:d.i], err
			}
			if c == '{' {
				if _, err := d.key(); err != nil {
					return nil, err
				}
			}
			if _, err := d.skip(depth + 1); err != nil {
				return nil, err
			}
		}
	case c == '-' || isDigit(c):
		return d.num()
	case d.lit("true") || d.lit("false") || d.lit("null"):
		return d.b[start:d.i], nil
	}
	return nil, d.fail("where a value should be")
}

// value reads the next value into v, addressable, of the type ti describes.
func (d *decoder) value(v reflect.Value, ti *typeInfo) error {
	c := d.peek()
	if c == 'n' && d.lit("null") {
		switch ti.kind {
		case kPtr, kSlice:
			v.SetZero()
		case kNullable:
			v.Field(0).SetBool(true) // Set
			v.Field(1).SetBool(true) // Null
			v.Field(2).SetZero()     // Value
		case kStruct:
			if ti.extra >= 0 {
				v.Field(ti.extra).SetZero()
			}
		case kOther:
			return json.Unmarshal([]byte("null"), v.Addr().Interface())
		}
		return nil // like encoding/json: no change
	}
	switch ti.kind {
	case kString:
		if c == '"' {
			raw, plain, err := d.str()
			if err != nil {
				return err
			}
			if s := raw[1 : len(raw)-1]; plain || bytes.IndexByte(s, '\\') < 0 && utf8.Valid(s) {
				v.SetString(string(s))
				return nil
			}
			return json.Unmarshal(raw, v.Addr().Interface())
		}
	case kBool:
		if d.lit("true") {
			v.SetBool(true)
			return nil
		}
		if d.lit("false") {
			v.SetBool(false)
			return nil
		}
	case kInt, kUint, kFloat:
		if c == '-' || isDigit(c) {
			raw, err := d.num()
			if err != nil {
				return err
			}
			switch ti.kind {
			case kInt:
				if n, err := strconv.ParseInt(string(raw), 10, ti.bits); err == nil {
					v.SetInt(n)
					return nil
				}
			case kUint:
				if n, err := strconv.ParseUint(string(raw), 10, ti.bits); err == nil {
					v.SetUint(n)
					return nil
				}
			default:
				if f, err := strconv.ParseFloat(string(raw), ti.bits); err == nil {
					v.SetFloat(f)
					return nil
				}
			}
			return json.Unmarshal(raw, v.Addr().Interface()) // encoding/json's error
		}
	case kPtr:
		if v.IsNil() {
			v.Set(reflect.New(v.Type().Elem()))
		}
		return d.value(v.Elem(), ti.elem)
	case kNullable:
		v.Field(0).SetBool(true)
		v.Field(1).SetBool(false)
		v.Field(2).SetZero()
		return d.value(v.Field(2), ti.elem)
	case kSlice:
		if c == '[' {
			return d.array(v, ti.elem)
		}
	case kStruct:
		if c == '{' {
			return d.object(v, ti)
		}
	}
	// Anything else, type mismatches included, through encoding/json.
	raw, err := d.skip(0)
	if err != nil {
		return err
	}
	return json.Unmarshal(raw, v.Addr().Interface())
}

// array reads an array into the slice v.
func (d *decoder) array(v reflect.Value, elem *typeInfo) error {
	d.i++ // '['
	v.SetLen(0)
	n := 0
	for first := true; ; first = false {
		more, err := d.more(']', first)
		if err != nil {
			return err
		}
		if !more {
			break
		}
		if n == v.Cap() {
			v.Grow(1)
		}
		v.SetLen(n + 1)
		e := v.Index(n)
		e.SetZero()
		if err := d.value(e, elem); err != nil {
			return err
		}
		n++
	}
	if v.IsNil() {
		v.Set(reflect.MakeSlice(v.Type(), 0, 0)) // [] is an empty slice, not nil
	}
	return nil
}

// object reads an object into the struct v.
func (d *decoder) object(v reflect.Value, ti *typeInfo) error {
	d.i++ // '{'
	var extra Extra
	next := 0
	for first := true; ; first = false {
		more, err := d.more('}', first)
		if err != nil {
			return err
		}
		if !more {
			break
		}
		key, err := d.key()
		if err != nil {
			return err
		}
		// Members usually come in the order of the fields: try the next field first.
		j, known := next, next < len(ti.fields) && ti.fields[next].name == string(key)
		if !known {
			j, known = ti.byName[string(key)]
		}
		folded := false
		if !known {
			for k := range ti.fields {
				if strings.EqualFold(ti.fields[k].name, string(key)) {
					j, known, folded = k, true, true
					break
				}
			}
		}
		d.ws()
		start := d.i
		if known {
			next = j + 1
			f := ti.fields[j]
			err = d.value(v.Field(f.index), f.info)
		} else {
			_, err = d.skip(0)
		}
		if err != nil {
			return err
		}
		if ti.extra >= 0 && (!known || folded) {
			if extra == nil {
				extra = make(Extra)
			}
			extra[string(key)] = bytes.Clone(d.b[start:d.i])
		}
	}
	if ti.extra >= 0 {
		v.Field(ti.extra).Set(reflect.ValueOf(extra))
	}
	return nil
}
