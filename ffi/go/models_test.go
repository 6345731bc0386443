package telnyxmessaging

import (
	"encoding/json"
	"fmt"
	"strings"
	"testing"
)

func TestNullable(t *testing.T) {
	type S struct {
		A Nullable[string] `json:"a,omitzero"`
		B Nullable[int]    `json:"b,omitzero"`
		C Nullable[string] `json:"c,omitzero"`
	}
	b := mustJSON(t, S{A: Null[string](), B: Value(0)})
	if string(b) != `{"a":null,"b":0}` {
		t.Errorf("marshal %s", b)
	}
	var s S
	if err := json.Unmarshal([]byte(`{"a":null,"b":5}`), &s); err != nil {
		t.Fatal(err)
	}
	if !s.A.IsNull() || s.B != Value(5) || s.C.Set {
		t.Errorf("unmarshal %+v", s)
	}
	if v, ok := s.B.Get(); !ok || v != 5 {
		t.Error("Get")
	}
	if _, ok := s.A.Get(); ok {
		t.Error("Get on null")
	}
	if err := json.Unmarshal([]byte(`{"b":"x"}`), &s); err == nil {
		t.Error("type error not reported")
	}
}

// TestModelsRoundTrip decodes every model and encodes it again: the same JSON, unknown fields,
// nulls and nested unknown fields included.
func TestModelsRoundTrip(t *testing.T) {
	cases := []struct {
		name string
		doc  string
		v    any
	}{
		{"MessagingProfile", profileJSON, new(MessagingProfile)},
		{"ShortCode", strings.Replace(shortCodeJSON, `"tags"`, `"vanity":{"a":[null]},"tags"`, 1), new(ShortCode)},
		{"PhoneNumberWithMessagingSettings", strings.Replace(phoneNumberJSON, `"mms":null`, `"mms":null,"rcs":{"x":1}`, 1), new(PhoneNumberWithMessagingSettings)},
		{"AlphanumericSenderID", strings.Replace(senderIDJSON, `{`, `{"status":"approved",`, 1), new(AlphanumericSenderID)},
		{"AutorespConfig", strings.Replace(autorespJSON, `{`, `{"priority":3,`, 1), new(AutorespConfig)},
		{"NumberPoolSettings", `{"long_code_weight":1.5,"toll_free_weight":0,"skip_unhealthy":true,"x":null}`, new(NumberPoolSettings)},
		{"URLShortenerSettings", `{"domain":"d","prefix":"","z":[]}`, new(URLShortenerSettings)},
		{"empty", `{}`, new(MessagingProfile)},
		{"only unknown", `{"q":1}`, new(ShortCode)},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			if err := json.Unmarshal([]byte(tc.doc), tc.v); err != nil {
				t.Fatal(err)
			}
			if tc.name == "only unknown" {
				// messaging_profile_id is required and written as null.
				assertJSON(t, "re-encoded", mustJSON(t, tc.v), `{"q":1,"messaging_profile_id":null}`)
				return
			}
			assertJSON(t, "re-encoded", mustJSON(t, tc.v), tc.doc)
		})
	}
}

func TestExtraDoesNotOverrideKnownFields(t *testing.T) {
	p := MessagingProfile{Name: "real", Extra: Extra{"new": json.RawMessage(`1`)}}
	assertJSON(t, "encoded", mustJSON(t, p), `{"name":"real","new":1}`)
	p.Extra["name"] = json.RawMessage(`"fake"`)
	if _, err := json.Marshal(p); err == nil || !strings.Contains(err.Error(), `duplicate object member name "name"`) {
		t.Errorf("a known name in Extra: %v", err)
	}
	var q MessagingProfile
	if err := json.Unmarshal([]byte(`{"name":"a","other":2}`), &q); err != nil {
		t.Fatal(err)
	}
	if _, ok := q.Extra["name"]; ok || len(q.Extra) != 1 {
		t.Errorf("extra %v", q.Extra)
	}
}

func TestUnknownFieldsThroughTheLibrary(t *testing.T) {
	m := newMock(t, jsonReply(200, data(profileJSON)))
	c := newTestClient(t, m)
	p, err := c.MessagingProfiles.Retrieve(bg, profileID)
	if err != nil {
		t.Fatal(err)
	}
	assertJSON(t, "profile", mustJSON(t, p), profileJSON)
}

func TestSecretsAreNotPrinted(t *testing.T) {
	p := MessagingProfile{V1Secret: "s3cr3t"}
	page := Page[MessagingProfile]{Data: []MessagingProfile{p}}
	o := Options{APIKey: "key-s3cr3t"}
	// %d, %t and %x: fmt reports a wrong verb with the raw value unless Format intercepts it.
	verbs := []string{"%v", "%+v", "%#v", "%s", "%q", "%x", "%d", "%t", "%10.3s"}
	for _, v := range []any{p, &p, page, p.V1Secret, o, &o} {
		for _, f := range verbs {
			if s := fmt.Sprintf(f, v); strings.Contains(s, "s3cr3t") || strings.Contains(s, "733363723374") {
				t.Errorf("%s printed the secret of %T: %s", f, v, s)
			}
		}
	}
	if s := fmt.Sprintf("%v|%#v", p.V1Secret, p.V1Secret); s != `[redacted]|"[redacted]"` {
		t.Errorf("Secret prints %s", s)
	}
	if !strings.Contains(string(mustJSON(t, p)), "s3cr3t") {
		t.Error("JSON must keep the secret")
	}
}
