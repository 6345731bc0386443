package telnyxmessaging

import (
	"bytes"
	"context"
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"reflect"
	"strings"
	"sync"
	"testing"
	"time"
)

const testKey = "test-key-123"

// recorded is one request the mock server received, exactly as sent.
type recorded struct {
	Method string
	Path   string // raw path as sent, percent-encoding kept
	Query  string // raw query as sent
	Header http.Header
	Body   []byte
}

// mock is an httptest server on 127.0.0.1 that records requests and answers with respond.
type mock struct {
	srv     *httptest.Server
	mu      sync.Mutex
	reqs    []recorded
	respond func(w http.ResponseWriter, r *recorded)
}

func newMock(t *testing.T, respond func(w http.ResponseWriter, r *recorded)) *mock {
	t.Helper()
	m := &mock{respond: respond}
	m.srv = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		body, _ := io.ReadAll(r.Body)
		path, query, _ := strings.Cut(r.RequestURI, "?")
		rec := recorded{Method: r.Method, Path: path, Query: query, Header: r.Header.Clone(), Body: body}
		m.mu.Lock()
		m.reqs = append(m.reqs, rec)
		m.mu.Unlock()
		m.respond(w, &rec)
	}))
	t.Cleanup(m.srv.Close)
	return m
}

// baseURL is the server URL with the API's /v2 prefix.
func (m *mock) baseURL() string { return m.srv.URL + "/v2" }

func (m *mock) requests() []recorded {
	m.mu.Lock()
	defer m.mu.Unlock()
	return append([]recorded(nil), m.reqs...)
}

func (m *mock) count() int {
	m.mu.Lock()
	defer m.mu.Unlock()
	return len(m.reqs)
}

// jsonReply answers with status and body.
func jsonReply(status int, body string) func(w http.ResponseWriter, r *recorded) {
	return func(w http.ResponseWriter, r *recorded) {
		w.Header().Set("Content-Type", "application/json")
		w.WriteHeader(status)
		io.WriteString(w, body)
	}
}

// newTestClient builds a client for m without retries.
func newTestClient(t *testing.T, m *mock, edit ...func(*Options)) *Client {
	t.Helper()
	opts := Options{APIKey: testKey, BaseURL: m.baseURL(), MaxRetries: Ptr(0), Timeout: 10 * time.Second}
	for _, e := range edit {
		e(&opts)
	}
	c, err := NewClient(opts)
	if err != nil {
		t.Fatalf("NewClient: %v", err)
	}
	t.Cleanup(func() { c.Close() })
	return c
}

// jsonEqual reports whether two JSON documents are equal as values (key order ignored, null and
// absent kept apart).
func jsonEqual(t *testing.T, got, want []byte) bool {
	t.Helper()
	var g, w any
	if err := json.Unmarshal(got, &g); err != nil {
		t.Fatalf("got invalid JSON %q: %v", got, err)
	}
	if err := json.Unmarshal(want, &w); err != nil {
		t.Fatalf("want invalid JSON %q: %v", want, err)
	}
	return reflect.DeepEqual(g, w)
}

func assertJSON(t *testing.T, what string, got []byte, want string) {
	t.Helper()
	if !jsonEqual(t, got, []byte(want)) {
		t.Errorf("%s:\n got %s\nwant %s", what, got, want)
	}
}

func mustJSON(t *testing.T, v any) []byte {
	t.Helper()
	b, err := json.Marshal(v)
	if err != nil {
		t.Fatalf("marshal: %v", err)
	}
	return b
}

// compact removes insignificant whitespace.
func compact(s string) string {
	var b bytes.Buffer
	if err := json.Compact(&b, []byte(s)); err != nil {
		panic(err)
	}
	return b.String()
}

var bg = context.Background()

const profileID = "3fa85f64-5717-4562-b3fc-2c963f66afa6"

// profileJSON is a profile with every field of the definition, nulls and an unknown field.
var profileJSON = compact(`{
	"id": "3fa85f64-5717-4562-b3fc-2c963f66afa6",
	"record_type": "messaging_profile",
	"name": "Profile for Messages",
	"enabled": true,
	"webhook_url": "https://www.example.com/hooks",
	"webhook_failover_url": null,
	"webhook_api_version": "2",
	"health_webhook_url": null,
	"whitelisted_destinations": ["US", "CA"],
	"number_pool_settings": {"geomatch": false, "long_code_weight": 2, "skip_unhealthy": false,
		"sticky_sender": true, "toll_free_weight": 10.5, "pool_flavour": "mint"},
	"url_shortener_settings": null,
	"alpha_sender": null,
	"daily_spend_limit": "100.00",
	"daily_spend_limit_enabled": false,
	"mms_fall_back_to_sms": false,
	"mms_transcoding": true,
	"mobile_only": false,
	"redaction_enabled": false,
	"redaction_level": 2,
	"smart_encoding": true,
	"ai_assistant_id": null,
	"resource_group_id": "rg-1",
	"organization_id": "org-1",
	"v1_secret": "rP1VamejkU2v0qIUxntqLW2c",
	"created_at": "2019-01-23T18:10:02.574Z",
	"updated_at": "2023-03-21T23:37:45.858535+00:00",
	"future_field": {"nested": [1, 2.5, "x"]}
}`)

const shortCodeJSON = `{"id":"sc-1","record_type":"short_code","short_code":"12345","messaging_profile_id":null,"country_code":"US","tags":["a"],"created_at":"2019-01-23T18:10:02.574Z","updated_at":"2019-01-23T18:10:02.574Z"}`

var phoneNumberJSON = compact(`{
	"id": "1293384261075731499", "record_type": "messaging_settings", "phone_number": "+18005550001",
	"messaging_profile_id": null, "country_code": "US", "type": "tollfree",
	"messaging_product": "A2P", "eligible_messaging_products": ["A2P"], "traffic_type": "A2P",
	"features": {"sms": {"domestic_two_way": true, "international_inbound": true, "international_outbound": false}, "mms": null},
	"health": {"inbound_outbound_ratio": 0.43, "message_count": 122, "spam_ratio": 0.06, "success_ratio": 0.94},
	"tags": [], "organization_id": "org-1",
	"created_at": "2019-01-23T18:10:02.574Z", "updated_at": "2019-01-23T18:10:02.574Z"
}`)

const senderIDJSON = `{"id":"6a09cdc3-8948-47f0-aa62-74ac943d6c58","record_type":"alphanumeric_sender_id","alphanumeric_sender_id":"MyCompany","messaging_profile_id":"3fa85f64-5717-4562-b3fc-2c963f66afa6","organization_id":"org-1","us_long_code_fallback":"+15551234567"}`

const autorespJSON = `{"id":"b8f9c1c0-5b5a-4b1e-8c1c-0b5a4b1e8c1c","op":"start","keywords":["START","BEGIN"],"country_code":"US","resp_text":"Thanks","created_at":"2023-01-01T00:00:00Z","updated_at":"2023-01-02T00:00:00Z"}`

const metaJSON = `{"page_number":1,"page_size":20,"total_pages":1,"total_results":1}`
