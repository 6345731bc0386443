package telnyxmessaging

// Bad input against every public method: a table of the methods (checked against reflection, so a
// new method fails TestAdversarialTableCoversEveryMethod until it is added), bad values generated
// from each params type's fields, and for each case: an ErrInvalidArgument (or ErrConfiguration for
// client settings) whose message names the field, and zero requests at the local server. The
// MockServer's options and methods are covered at the end.

import (
	"errors"
	"fmt"
	"iter"
	"math"
	"reflect"
	"strings"
	"testing"
	"time"
	"unicode"
)

// method is one public method, called with its ids and a params value.
type method struct {
	name   string   // Type.Method
	ids    []string // the names of its id arguments, in order (AutorespConfigs' profileID first)
	params any      // valid params; its type drives the generated bad values (nil: none)
	query  bool     // params become the query string (huge strings make a too-long URL)
	call   func(c *Client, ids []string, params any) error
}

// firstErr runs a sequence up to its first element and returns that element's error.
func firstErr[T any](seq iter.Seq2[T, error]) error {
	for _, err := range seq {
		return err
	}
	return nil
}

func retErr[T any](_ T, err error) error { return err }

var (
	createParams   = CreateMessagingProfileParams{Name: "n", WhitelistedDestinations: []string{"US"}}
	autorespParams = AutorespConfigParams{Op: AutorespOpStart, Keywords: []string{"START"}, CountryCode: "US"}
	assignParams   = UpdateShortCodeParams{MessagingProfileID: Value("p")}
)

var methods = []method{
	{"MessagingProfilesService.List", nil, ListMessagingProfilesParams{}, true, func(c *Client, _ []string, p any) error {
		return retErr(c.MessagingProfiles.List(bg, p.(ListMessagingProfilesParams)))
	}},
	{"MessagingProfilesService.Pages", nil, ListMessagingProfilesParams{}, true, func(c *Client, _ []string, p any) error {
		return firstErr(c.MessagingProfiles.Pages(bg, p.(ListMessagingProfilesParams)))
	}},
	{"MessagingProfilesService.All", nil, ListMessagingProfilesParams{}, true, func(c *Client, _ []string, p any) error {
		return firstErr(c.MessagingProfiles.All(bg, p.(ListMessagingProfilesParams)))
	}},
	{"MessagingProfilesService.Create", nil, createParams, false, func(c *Client, _ []string, p any) error {
		return retErr(c.MessagingProfiles.Create(bg, p.(CreateMessagingProfileParams)))
	}},
	{"MessagingProfilesService.Retrieve", []string{"id"}, nil, false, func(c *Client, id []string, _ any) error {
		return retErr(c.MessagingProfiles.Retrieve(bg, id[0]))
	}},
	{"MessagingProfilesService.Update", []string{"id"}, UpdateMessagingProfileParams{}, false, func(c *Client, id []string, p any) error {
		return retErr(c.MessagingProfiles.Update(bg, id[0], p.(UpdateMessagingProfileParams)))
	}},
	{"MessagingProfilesService.Delete", []string{"id"}, nil, false, func(c *Client, id []string, _ any) error {
		return retErr(c.MessagingProfiles.Delete(bg, id[0]))
	}},
	{"MessagingProfilesService.RegenerateSecret", []string{"id"}, nil, false, func(c *Client, id []string, _ any) error {
		return retErr(c.MessagingProfiles.RegenerateSecret(bg, id[0]))
	}},
	{"MessagingProfilesService.ListPhoneNumbers", []string{"id"}, PageParams{}, true, func(c *Client, id []string, p any) error {
		return retErr(c.MessagingProfiles.ListPhoneNumbers(bg, id[0], p.(PageParams)))
	}},
	{"MessagingProfilesService.PhoneNumberPages", []string{"id"}, PageParams{}, true, func(c *Client, id []string, p any) error {
		return firstErr(c.MessagingProfiles.PhoneNumberPages(bg, id[0], p.(PageParams)))
	}},
	{"MessagingProfilesService.AllPhoneNumbers", []string{"id"}, PageParams{}, true, func(c *Client, id []string, p any) error {
		return firstErr(c.MessagingProfiles.AllPhoneNumbers(bg, id[0], p.(PageParams)))
	}},
	{"MessagingProfilesService.ListShortCodes", []string{"id"}, PageParams{}, true, func(c *Client, id []string, p any) error {
		return retErr(c.MessagingProfiles.ListShortCodes(bg, id[0], p.(PageParams)))
	}},
	{"MessagingProfilesService.ShortCodePages", []string{"id"}, PageParams{}, true, func(c *Client, id []string, p any) error {
		return firstErr(c.MessagingProfiles.ShortCodePages(bg, id[0], p.(PageParams)))
	}},
	{"MessagingProfilesService.AllShortCodes", []string{"id"}, PageParams{}, true, func(c *Client, id []string, p any) error {
		return firstErr(c.MessagingProfiles.AllShortCodes(bg, id[0], p.(PageParams)))
	}},
	{"MessagingProfilesService.ListAlphanumericSenderIDs", []string{"id"}, PageParams{}, true, func(c *Client, id []string, p any) error {
		return retErr(c.MessagingProfiles.ListAlphanumericSenderIDs(bg, id[0], p.(PageParams)))
	}},
	{"MessagingProfilesService.AlphanumericSenderIDPages", []string{"id"}, PageParams{}, true, func(c *Client, id []string, p any) error {
		return firstErr(c.MessagingProfiles.AlphanumericSenderIDPages(bg, id[0], p.(PageParams)))
	}},
	{"MessagingProfilesService.AllAlphanumericSenderIDs", []string{"id"}, PageParams{}, true, func(c *Client, id []string, p any) error {
		return firstErr(c.MessagingProfiles.AllAlphanumericSenderIDs(bg, id[0], p.(PageParams)))
	}},
	{"MessagingProfilesService.RetrieveMetrics", []string{"id"}, MetricsParams{}, true, func(c *Client, id []string, p any) error {
		return retErr(c.MessagingProfiles.RetrieveMetrics(bg, id[0], p.(MetricsParams)))
	}},
	{"ShortCodesService.List", nil, ListShortCodesParams{}, true, func(c *Client, _ []string, p any) error {
		return retErr(c.ShortCodes.List(bg, p.(ListShortCodesParams)))
	}},
	{"ShortCodesService.Pages", nil, ListShortCodesParams{}, true, func(c *Client, _ []string, p any) error {
		return firstErr(c.ShortCodes.Pages(bg, p.(ListShortCodesParams)))
	}},
	{"ShortCodesService.All", nil, ListShortCodesParams{}, true, func(c *Client, _ []string, p any) error {
		return firstErr(c.ShortCodes.All(bg, p.(ListShortCodesParams)))
	}},
	{"ShortCodesService.Retrieve", []string{"id"}, nil, false, func(c *Client, id []string, _ any) error {
		return retErr(c.ShortCodes.Retrieve(bg, id[0]))
	}},
	{"ShortCodesService.Update", []string{"id"}, assignParams, false, func(c *Client, id []string, p any) error {
		return retErr(c.ShortCodes.Update(bg, id[0], p.(UpdateShortCodeParams)))
	}},
	{"MessagingProfileMetricsService.List", nil, MetricsParams{}, true, func(c *Client, _ []string, p any) error {
		return retErr(c.MessagingProfileMetrics.List(bg, p.(MetricsParams)))
	}},
	{"AutorespConfigsService.List", []string{"profileID"}, ListAutorespConfigsParams{}, true, func(c *Client, id []string, p any) error {
		return retErr(c.MessagingProfiles.AutorespConfigs(id[0]).List(bg, p.(ListAutorespConfigsParams)))
	}},
	{"AutorespConfigsService.Create", []string{"profileID"}, autorespParams, false, func(c *Client, id []string, p any) error {
		return retErr(c.MessagingProfiles.AutorespConfigs(id[0]).Create(bg, p.(AutorespConfigParams)))
	}},
	{"AutorespConfigsService.Retrieve", []string{"profileID", "id"}, nil, false, func(c *Client, id []string, _ any) error {
		return retErr(c.MessagingProfiles.AutorespConfigs(id[0]).Retrieve(bg, id[1]))
	}},
	{"AutorespConfigsService.Update", []string{"profileID", "id"}, autorespParams, false, func(c *Client, id []string, p any) error {
		return retErr(c.MessagingProfiles.AutorespConfigs(id[0]).Update(bg, id[1], p.(AutorespConfigParams)))
	}},
	{"AutorespConfigsService.Delete", []string{"profileID", "id"}, nil, false, func(c *Client, id []string, _ any) error {
		return retErr(c.MessagingProfiles.AutorespConfigs(id[0]).Delete(bg, id[1]))
	}},
}

// coveredElsewhere are public methods with no input of their own or with their own tests below.
var coveredElsewhere = map[string]bool{
	"Client.Close":       true, // TestAdversarialZeroAndClosedClients
	"Client.WithOptions": true, // TestAdversarialRequestOptions
	"MessagingProfilesService.AutorespConfigs": true, // its profileID: the AutorespConfigsService rows
}

func TestAdversarialTableCoversEveryMethod(t *testing.T) {
	inTable := map[string]bool{}
	for _, m := range methods {
		inTable[m.name] = true
	}
	// The services: the Client's service fields and what their methods return.
	types := []reflect.Type{reflect.TypeFor[*Client]()}
	for i := range reflect.TypeFor[Client]().NumField() {
		if f := reflect.TypeFor[Client]().Field(i); f.IsExported() && strings.HasSuffix(f.Type.Name(), "Service") {
			types = append(types, f.Type)
		}
	}
	types = append(types, reflect.TypeFor[AutorespConfigsService]())
	n := 0
	for _, typ := range types {
		for i := range typ.NumMethod() {
			m := typ.Method(i)
			name := strings.TrimPrefix(typ.String(), "*telnyxmessaging.")
			name = strings.TrimPrefix(name, "telnyxmessaging.") + "." + m.Name
			n++
			if !inTable[name] && !coveredElsewhere[name] {
				t.Errorf("%s has no row in the adversarial table", name)
			}
		}
	}
	if n != len(methods)+len(coveredElsewhere) {
		t.Errorf("%d methods found, %d rows: a row names a method that does not exist", n, len(methods)+len(coveredElsewhere))
	}
}

// mentions reports whether msg names field (letters and digits compared without case, so
// "PageSize", "page_size" and "page size" all match).
func mentions(msg string, fields ...string) bool {
	norm := func(s string) string {
		return strings.Map(func(r rune) rune {
			if unicode.IsLetter(r) || unicode.IsDigit(r) {
				return unicode.ToLower(r)
			}
			return -1
		}, s)
	}
	for _, f := range fields {
		if strings.Contains(norm(msg), norm(f)) {
			return true
		}
	}
	return false
}

// refused checks that err is of the sentinel kind (any of them), names one of fields, and that
// nothing reached m.
func refused(t *testing.T, m *mock, err error, fields []string, kinds ...error) {
	t.Helper()
	ok := false
	for _, k := range kinds {
		ok = ok || errors.Is(err, k)
	}
	if !ok {
		t.Errorf("error %.300v, want kind %v", err, kinds)
	} else if !mentions(err.Error(), fields...) {
		t.Errorf("error %.300q does not name %v", err.Error(), fields)
	}
	if len(fmt.Sprint(err)) > 1000 {
		t.Errorf("the message repeats a huge value (%d bytes)", len(fmt.Sprint(err)))
	}
	if n := m.count(); n != 0 {
		t.Errorf("%d request(s) reached the server", n)
	}
}

var hugeString = strings.Repeat("x", 1<<20)

var badIDs = []struct{ label, value string }{
	{"empty", ""}, {"dot", "."}, {"dotdot", ".."}, {"NUL", "a\x00b"}, {"invalid UTF-8", "\xff\xfe"},
	{"1 MB", hugeString},
}

func validIDs(m method) []string {
	ids := make([]string, len(m.ids))
	for i := range ids {
		ids[i] = "p1"
	}
	return ids
}

func TestAdversarialIDs(t *testing.T) {
	for _, mt := range methods {
		for i, name := range mt.ids {
			for _, bad := range badIDs {
				t.Run(fmt.Sprintf("%s(%s=%s)", mt.name, name, bad.label), func(t *testing.T) {
					m := newMock(t, jsonReply(200, `{"data":{"id":"p1"}}`))
					c := newTestClient(t, m)
					ids := validIDs(mt)
					ids[i] = bad.value
					refused(t, m, mt.call(c, ids, mt.params), []string{name}, ErrInvalidArgument)
				})
			}
		}
	}
}

// badParam is one generated bad value: the Go name and JSON name of the field, and how to set it.
type badParam struct {
	field, tag, label string
	set               func(root reflect.Value)
}

// badParams generates bad values for every field of the params type t (nested structs,
// pointers and Nullable included), each applied to a copy of the valid params.
func badParams(t reflect.Type, query bool) []badParam {
	var out []badParam
	var leaf func(ft reflect.Type, get func(reflect.Value) reflect.Value, name, tag string)
	walk := func(st reflect.Type, get func(reflect.Value) reflect.Value) {
		for i := range st.NumField() {
			f := st.Field(i)
			if !f.IsExported() {
				continue
			}
			tag, _, _ := strings.Cut(f.Tag.Get("json"), ",")
			leaf(f.Type, func(r reflect.Value) reflect.Value { return get(r).Field(i) }, f.Name, tag)
		}
	}
	add := func(name, tag, label string, set func(reflect.Value)) {
		out = append(out, badParam{name, tag, label, set})
	}
	leaf = func(ft reflect.Type, get func(reflect.Value) reflect.Value, name, tag string) {
		switch {
		case ft == reflect.TypeFor[Extra]():
			add(name, tag, "raw JSON {", func(r reflect.Value) { get(r).Set(reflect.ValueOf(Extra{"x": []byte("{")})) })
		case ft.Kind() == reflect.String:
			add(name, tag, "invalid UTF-8", func(r reflect.Value) { get(r).SetString("\xff") })
			if query {
				add(name, tag, "1 MB", func(r reflect.Value) { get(r).SetString(hugeString) })
			}
		case ft.Kind() == reflect.Int:
			add(name, tag, "negative", func(r reflect.Value) { get(r).SetInt(-1) })
			add(name, tag, "2^40", func(r reflect.Value) { get(r).SetInt(1 << 40) })
		case ft.Kind() == reflect.Float64:
			add(name, tag, "NaN", func(r reflect.Value) { get(r).SetFloat(math.NaN()) })
			add(name, tag, "Inf", func(r reflect.Value) { get(r).SetFloat(math.Inf(1)) })
		case ft.Kind() == reflect.Slice && ft.Elem().Kind() == reflect.String:
			add(name, tag, "invalid UTF-8 item", func(r reflect.Value) { get(r).Set(reflect.ValueOf([]string{"US", "\xff"})) })
		case ft.Kind() == reflect.Pointer && ft.Elem().Kind() == reflect.Struct:
			walk(ft.Elem(), func(r reflect.Value) reflect.Value {
				if get(r).IsNil() {
					get(r).Set(reflect.New(ft.Elem()))
				}
				return get(r).Elem()
			})
		case ft.Kind() == reflect.Pointer:
			leaf(ft.Elem(), func(r reflect.Value) reflect.Value {
				if get(r).IsNil() {
					get(r).Set(reflect.New(ft.Elem()))
				}
				return get(r).Elem()
			}, name, tag)
		case ft.Kind() == reflect.Struct && reflect.PointerTo(ft).Implements(reflect.TypeFor[nullable]()):
			leaf(ft.Field(2).Type, func(r reflect.Value) reflect.Value {
				get(r).FieldByName("Set").SetBool(true)
				return get(r).FieldByName("Value")
			}, name, tag)
		case ft.Kind() == reflect.Struct:
			walk(ft, get)
		}
	}
	walk(t, func(r reflect.Value) reflect.Value { return r })
	return out
}

func TestAdversarialParams(t *testing.T) {
	for _, mt := range methods {
		if mt.params == nil {
			continue
		}
		cases := badParams(reflect.TypeOf(mt.params), mt.query)
		if len(cases) == 0 {
			t.Errorf("%s: no bad values generated for %T", mt.name, mt.params)
		}
		for _, bad := range cases {
			t.Run(fmt.Sprintf("%s(%s=%s)", mt.name, bad.field, bad.label), func(t *testing.T) {
				m := newMock(t, jsonReply(200, `{"data":{"id":"p1"}}`))
				c := newTestClient(t, m)
				p := reflect.New(reflect.TypeOf(mt.params)).Elem()
				p.Set(reflect.ValueOf(mt.params))
				bad.set(p)
				refused(t, m, mt.call(c, validIDs(mt), p.Interface()), []string{bad.field, bad.tag}, ErrInvalidArgument)
			})
		}
	}
}

// The valid input the bad cases start from reaches the server: a bad case cannot pass because
// the call was refused for another reason.
func TestAdversarialBaselineIsSent(t *testing.T) {
	for _, mt := range methods {
		t.Run(mt.name, func(t *testing.T) {
			m := newMock(t, jsonReply(200, `{"data":{"id":"p1"}}`))
			c := newTestClient(t, m)
			err := mt.call(c, validIDs(mt), mt.params)
			if errors.Is(err, ErrInvalidArgument) || m.count() != 1 {
				t.Errorf("err %v, %d requests; want one request", err, m.count())
			}
		})
	}
}

// Ids that look like URL structure are legal: each is sent as one percent-encoded segment.
func TestAdversarialHostileIDsStayOneSegment(t *testing.T) {
	hostile := []string{"../x", "%2F", "?a=b", "#", " ", "a/b", "x\r\nHost: evil", "é"}
	for _, mt := range methods {
		for i := range mt.ids {
			for _, id := range hostile {
				m := newMock(t, jsonReply(200, `{"data":{"id":"p1"}}`))
				c := newTestClient(t, m)
				ids := validIDs(mt)
				ids[i] = id
				_ = mt.call(c, ids, mt.params)
				r := m.requests()
				enc := pathEscape(id)
				if len(r) != 1 || !strings.Contains(r[0].Path+"/", "/"+enc+"/") || strings.Contains(r[0].Path, "/../") {
					t.Errorf("%s(%q): requests %+v, want one with segment %s", mt.name, id, r, enc)
				}
			}
		}
	}
}

// pathEscape encodes all but RFC 3986 unreserved characters, as the library does.
func pathEscape(s string) string {
	var b strings.Builder
	for _, c := range []byte(s) {
		if c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || strings.IndexByte("-_.~", c) >= 0 {
			b.WriteByte(c)
		} else {
			fmt.Fprintf(&b, "%%%02X", c)
		}
	}
	return b.String()
}

func TestAdversarialZeroAndClosedClients(t *testing.T) {
	m := newMock(t, jsonReply(200, `{"data":{"id":"p1"}}`))
	closed := newTestClient(t, m)
	closed.Close()
	var nilClient *Client
	if err := nilClient.Close(); err != nil {
		t.Errorf("nil Close: %v", err)
	}
	if _, err := nilClient.WithOptions(RequestOptions{}); !errors.Is(err, ErrClosed) {
		t.Errorf("nil WithOptions: %v", err)
	}
	for _, c := range []*Client{closed, {}} {
		for _, mt := range methods {
			if err := mt.call(c, validIDs(mt), mt.params); !errors.Is(err, ErrClosed) {
				t.Errorf("%s on a closed or zero client: %v", mt.name, err)
			}
		}
	}
	if m.count() != 0 {
		t.Errorf("%d requests", m.count())
	}
}

// optionCase is one bad client setting.
type optionCase struct {
	field, label string
	set          func(o reflect.Value)
}

// badOptions generates bad values for every field of an options struct type.
func badOptions(t reflect.Type) []optionCase {
	var out []optionCase
	for i := range t.NumField() {
		f := t.Field(i)
		add := func(label string, v any) {
			out = append(out, optionCase{f.Name, label, func(o reflect.Value) {
				o.FieldByName(f.Name).Set(reflect.ValueOf(v))
			}})
		}
		switch {
		case f.Type == reflect.TypeFor[time.Duration]():
			add("negative", -time.Second) // (0 means "keep the default" in Go)
		case f.Type == reflect.TypeFor[*int]():
			add("negative", Ptr(-1))
		case f.Type.Kind() == reflect.String:
			add("invalid UTF-8", "\xff")
			add("NUL", "a\x00b")
			if f.Name != "UserAgentSuffix" {
				add("CR LF", "a\r\nX-Evil: 1")
			}
		case f.Name == "ExtraQuery": // percent-encoded, so only what JSON cannot carry is bad
			add("invalid UTF-8 value", map[string]string{"x": "\xff"})
			add("invalid UTF-8 name", map[string]string{"\xff": "1"})
		case f.Name == "ExtraBody":
			add("not JSON", map[string]any{"x": make(chan int)})
			add("NaN", map[string]any{"x": math.NaN()})
			add("invalid UTF-8", map[string]any{"x": "\xff"})
		case f.Type == reflect.TypeFor[map[string]string]():
			for label, h := range map[string]map[string]string{
				"CR LF value": {"X": "a\r\nY: 1"}, "CR LF name": {"X\r\nY": "1"}, "space in name": {"X Y": "1"},
				"Authorization": {"Authorization": "Bearer other"}, "Content-Length": {"Content-Length": "5"},
				"Host": {"Host": "evil"}, "invalid UTF-8": {"X": "\xff"}, "NUL": {"X": "a\x00"},
			} {
				add(label, h)
			}
		}
	}
	return out
}

func TestAdversarialOptions(t *testing.T) {
	m := newMock(t, jsonReply(200, `{"data":{"id":"p1"}}`))
	for _, oc := range badOptions(reflect.TypeFor[Options]()) {
		t.Run(oc.field+"="+oc.label, func(t *testing.T) {
			o := reflect.ValueOf(&Options{APIKey: testKey, BaseURL: m.baseURL()}).Elem()
			oc.set(o)
			c, err := NewClient(o.Interface().(Options))
			if err == nil {
				c.Close()
			}
			refused(t, m, err, []string{oc.field, strings.TrimSuffix(oc.field, "s"), "header"}, ErrInvalidArgument, ErrConfiguration)
		})
	}
	for _, u := range []string{"not a url", "ftp://127.0.0.1/v2", "http://127.0.0.1:99999/v2", "http://127.0.0.1:abc/v2",
		"http://127.0.0.1/v2#frag", "http://user:pw@127.0.0.1:bad/v2", "http://[::1/v2", "https://", "//127.0.0.1/v2",
		"http://example.com/v2", "http://" + strings.Repeat("a", 70000) + "/v2"} {
		t.Run("BaseURL="+u[:min(len(u), 40)], func(t *testing.T) {
			c, err := NewClient(Options{APIKey: testKey, BaseURL: u})
			if err == nil {
				c.Close()
			}
			refused(t, m, err, []string{"BaseURL", "base url"}, ErrConfiguration)
			if err != nil && strings.Contains(err.Error(), "pw@") {
				t.Errorf("credentials echoed: %v", err)
			}
		})
	}
	for _, p := range []string{"garbage", "socks5://127.0.0.1:1080", "ftp://proxy", "http://:0"} {
		t.Run("Proxy="+p, func(t *testing.T) {
			c, err := NewClient(Options{APIKey: testKey, BaseURL: m.baseURL(), Proxy: p})
			if err == nil {
				c.Close()
			}
			refused(t, m, err, []string{"Proxy"}, ErrConfiguration, ErrInvalidArgument)
		})
	}
	t.Run("APIKey=non-ASCII", func(t *testing.T) {
		c, err := NewClient(Options{APIKey: "KEY-café", BaseURL: m.baseURL()})
		if err == nil {
			c.Close()
		}
		refused(t, m, err, []string{"APIKey", "API key"}, ErrConfiguration, ErrInvalidArgument)
	})
}

// WithOptions refuses what NewClient refuses, when it is called (not on a later request).
func TestAdversarialRequestOptions(t *testing.T) {
	m := newMock(t, jsonReply(200, `{"data":{"id":"p1"}}`))
	c := newTestClient(t, m)
	cases := badOptions(reflect.TypeFor[RequestOptions]())
	for _, oc := range cases {
		t.Run(oc.field+"="+oc.label, func(t *testing.T) {
			o := reflect.ValueOf(&RequestOptions{}).Elem()
			oc.set(o)
			d, err := c.WithOptions(o.Interface().(RequestOptions))
			if err == nil {
				d.Close()
			}
			refused(t, m, err, []string{oc.field, strings.TrimSuffix(oc.field, "s"), "header"}, ErrInvalidArgument, ErrConfiguration)
		})
	}
}

// Bad MockOptions: every field has cases, each refused with an error naming the field.
func TestAdversarialMockOptions(t *testing.T) {
	cases := map[string][]MockOptions{
		"Port":          {{Port: -1}, {Port: 65536}, {Port: 1 << 40}},
		"ExtraProfiles": {{ExtraProfiles: -1}, {ExtraProfiles: 100_001}, {ExtraProfiles: 1 << 40}},
		"Latency":       {{Latency: -time.Millisecond}, {Latency: time.Minute + time.Millisecond}, {Latency: 1 << 62}},
		"FaultEvery":    {{FaultEvery: -1}, {FaultEvery: 0, Fault: "reset"}},
		"Fault": {{FaultEvery: 2, Fault: "explode"}, {FaultEvery: 2, Fault: "status:200"}, {FaultEvery: 2, Fault: "status:600"},
			{FaultEvery: 2, Fault: "delay:60001"}, {FaultEvery: 2, Fault: "status:503:x"}, {FaultEvery: 2, Fault: "\xff"},
			{FaultEvery: 2, Fault: "reset\x00"}, {FaultEvery: 2, Fault: hugeString}, {Fault: "reset"}},
	}
	typ := reflect.TypeFor[MockOptions]()
	for i := range typ.NumField() {
		if _, ok := cases[typ.Field(i).Name]; !ok {
			t.Errorf("MockOptions.%s has no bad cases", typ.Field(i).Name)
		}
	}
	for field, list := range cases {
		for _, o := range list {
			t.Run(fmt.Sprintf("%s=%.40q", field, fmt.Sprintf("%+v", o)), func(t *testing.T) {
				m, err := StartMock(o)
				if err == nil {
					m.Close()
				}
				msg := fmt.Sprint(err)
				if !errors.Is(err, ErrInvalidArgument) || !mentions(msg, field) || len(msg) > 1000 {
					t.Errorf("error %.300q, want an invalid argument naming %s", msg, field)
				}
			})
		}
	}
}

// A nil or zero MockServer, and a closed one, never crash.
func TestAdversarialNilZeroAndClosedMock(t *testing.T) {
	closed, err := StartMock(MockOptions{})
	if err != nil {
		t.Fatal(err)
	}
	closed.Close()
	for _, m := range []*MockServer{nil, {}, closed} {
		if m.RequestsReceived() != 0 || m.ConnectionsAccepted() != 0 || m.Close() != nil {
			t.Errorf("%#v", m)
		}
	}
	if (*MockServer)(nil).BaseURL() != "" || closed.BaseURL() == "" {
		t.Error("BaseURL")
	}
}
