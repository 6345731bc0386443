//go:build contract

package telnyxmessaging

// Contract suite: every operation of the Go binding against the official OpenAPI definition
// served by the Prism mock server (@stainless-api/prism-cli), the same scenarios as the Rust
// suite (tests/contract.rs) and the Python one.
//
// Prism checks each request against the definition: a request that breaks it gets a 4xx and an
// sl-violations header; a valid one gets the definition's static example. Each scenario talks
// to Prism through a recording pass-through (contract_proxy_test.go), so a failing call prints
// Prism's sl-violations header and the request, and any non-2xx answer or sl-violations header
// fails the scenario unless the scenario expects that error. The last subtest compares the
// operations the scenarios reached (mapped back to path templates) with the operations listed
// in the definition.
//
// Opt in with the build tag: go test -tags contract ./... (tests/run-all.sh does).
// Prism comes from TELNYX_PRISM_URL (the Prism root, no /v2), which bash tests/run-all.sh sets
// after starting Prism. Without it the suite fails; it never skips.
//
// Prism behaviour (5.16.1, static examples) the scenarios pin down:
//   - every paginated list answers page 2 of 3 (size 25, 55 results) whatever page was asked
//     for, so every All iterator ends with ErrUnexpectedPage;
//   - PATCH /short_codes/{id} with "messaging_profile_id": null is rejected with 422 and an
//     sl-violations "must be string": the schema types the field as a plain string although its
//     description allows null; "" and a profile id are accepted;
//   - Prefer: code=N answers the operation's error example for N (or 4XX); for a code the
//     operation does not define, Prism answers 404 with its own problem+json body.

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"iter"
	"reflect"
	"sort"
	"strings"
	"sync"
	"testing"
	"time"
)

const (
	cProfileID      = "16fd2706-8baf-433b-82eb-8c7fada847da"
	cOtherProfileID = "abc85f64-5717-4562-b3fc-2c9600000000"
	cShortCodeID    = "8d0f7c8e-3b5a-4c1e-9f2d-6a7b8c9d0e1f"
	cConfigID       = "c2298f86-a4dc-4cac-b6b6-4a3d01c290fa"
	// cExampleID is the id in the definition's examples of profiles and short codes.
	cExampleID = "3fa85f64-5717-4562-b3fc-2c963f66afa6"
	// cIterLimit bounds how many items or pages a test takes from an iterator.
	cIterLimit = 50
)

var cTimeFrames = []TimeFrame{TimeFrame1h, TimeFrame3h, TimeFrame24h, TimeFrame3d, TimeFrame7d, TimeFrame30d}

// contractExercised records, across scenarios, every operation a request reached.
var contractExercised = struct {
	sync.Mutex
	ops map[operation]int
}{ops: map[operation]int{}}

// contractFx is one scenario's pass-through, client and record of what was checked.
type contractFx struct {
	t       *testing.T
	ops     []operation
	proxy   *recordingProxy
	client  *Client
	checked int // exchanges already checked by ok, apiErr or rejected
}

func newContractFx(t *testing.T, prism string, ops []operation) *contractFx {
	t.Helper()
	f := &contractFx{t: t, ops: ops, proxy: newRecordingProxy(t, prism)}
	c, err := NewClient(Options{
		APIKey:     "KEYcontract_suite_go",
		BaseURL:    f.proxy.url(),
		MaxRetries: Ptr(0),
		Timeout:    30 * time.Second,
		Proxy:      "none",
	})
	if err != nil {
		t.Fatalf("NewClient: %v", err)
	}
	f.client = c
	t.Cleanup(func() {
		c.Close()
		f.finish()
	})
	return f
}

// prefer is a client asking Prism for the error example of status code, without retries.
func (f *contractFx) prefer(code int) *Client {
	f.t.Helper()
	c, err := f.client.WithOptions(RequestOptions{
		Headers:    map[string]string{"Prefer": fmt.Sprintf("code=%d", code)},
		MaxRetries: Ptr(0),
	})
	if err != nil {
		f.t.Fatalf("WithOptions: %v", err)
	}
	f.t.Cleanup(func() { c.Close() })
	return c
}

func (f *contractFx) count() int { return f.proxy.count() }

func (f *contractFx) last() exchange {
	f.t.Helper()
	all := f.proxy.exchanges()
	if len(all) == 0 {
		f.t.Fatal("no request reached Prism")
	}
	return all[len(all)-1]
}

// fresh returns the exchanges since the last check and marks them checked.
func (f *contractFx) fresh() []exchange {
	all := f.proxy.exchanges()
	start := min(f.checked, len(all))
	f.checked = len(all)
	return all[start:]
}

func wire(exs []exchange) string {
	if len(exs) == 0 {
		return "  (no request reached Prism)"
	}
	lines := make([]string, len(exs))
	for i, e := range exs {
		lines[i] = "  " + e.String()
	}
	return strings.Join(lines, "\n")
}

// ok checks a call that must succeed with requests Prism accepts.
func (f *contractFx) ok(err error) {
	f.t.Helper()
	exs := f.fresh()
	if err != nil {
		f.t.Fatalf("call failed: %v\nwire:\n%s", err, wire(exs))
	}
	if len(exs) == 0 {
		f.t.Fatal("the call succeeded without reaching Prism")
	}
	for _, e := range exs {
		if !e.clean() {
			f.t.Fatalf("Prism did not accept the request:\n  %s", e)
		}
	}
}

// apiErr checks a call whose valid request asked Prism for error status, and that the error
// matches sentinel (and no other kind).
func (f *contractFx) apiErr(err error, status int, sentinel error) *APIError {
	f.t.Helper()
	exs := f.fresh()
	if err == nil {
		f.t.Fatalf("expected HTTP %d, the call succeeded\nwire:\n%s", status, wire(exs))
	}
	var ae *APIError
	if !errors.As(err, &ae) {
		f.t.Fatalf("expected an *APIError, got %T: %v", err, err)
	}
	if ae.StatusCode != status || !errors.Is(err, sentinel) {
		f.t.Fatalf("expected HTTP %d matching %v, got kind %v status %d: %v\nwire:\n%s",
			status, sentinel, ae.Kind, ae.StatusCode, err, wire(exs))
	}
	for _, other := range []error{ErrBadRequest, ErrAuthentication, ErrNotFound, ErrUnprocessableEntity, ErrRateLimited} {
		if other != sentinel && errors.Is(err, other) {
			f.t.Errorf("%v also matches %v", err, other)
		}
	}
	for _, e := range exs {
		if e.Violations != "" || e.ProxyErr != "" || e.Status != status {
			f.t.Fatalf("expected only HTTP %d answers to valid requests:\n  %s", status, e)
		}
	}
	return ae
}

// rejected checks a call Prism must reject as breaking the definition; it returns the error
// and the sl-violations header.
func (f *contractFx) rejected(err error, status int) (*APIError, string) {
	f.t.Helper()
	exs := f.fresh()
	if err == nil {
		f.t.Fatalf("expected Prism to reject the request, the call succeeded\nwire:\n%s", wire(exs))
	}
	var ae *APIError
	if !errors.As(err, &ae) || ae.StatusCode != status {
		f.t.Fatalf("expected HTTP %d, got %v\nwire:\n%s", status, err, wire(exs))
	}
	if len(exs) != 1 || exs[0].Violations == "" {
		f.t.Fatalf("expected one request rejected with sl-violations:\n%s", wire(exs))
	}
	return ae, exs[0].Violations
}

// finish checks what no helper looked at and records the operations reached.
func (f *contractFx) finish() {
	f.t.Helper()
	for _, e := range f.fresh() {
		if !e.clean() {
			f.t.Errorf("Prism did not accept a request no check looked at:\n  %s", e)
		}
	}
	contractExercised.Lock()
	defer contractExercised.Unlock()
	for _, e := range f.proxy.exchanges() {
		op, found := templateOf(f.ops, e.Method, e.Path)
		if !found {
			f.t.Errorf("a request reached no operation of the definition:\n  %s", e)
			continue
		}
		contractExercised.ops[op]++
	}
}

// assertQuery checks that the last request's query has exactly these pairs, in any order.
func (f *contractFx) assertQuery(pairs ...string) {
	f.t.Helper()
	q := f.last().Query
	var got []string
	if q != "" {
		got = strings.Split(q, "&")
	}
	want := append([]string(nil), pairs...)
	sort.Strings(got)
	sort.Strings(want)
	if !reflect.DeepEqual(got, want) {
		f.t.Errorf("query %q, want the pairs %q", q, pairs)
	}
}

// assertBody checks that the last request's body is this JSON document (key order ignored,
// null and absent kept apart).
func (f *contractFx) assertBody(want string) {
	f.t.Helper()
	body := f.last().Body
	if want == "" {
		if body != "" {
			f.t.Errorf("expected no request body, got %s", body)
		}
		return
	}
	var g, w any
	if err := json.Unmarshal([]byte(body), &g); err != nil {
		f.t.Fatalf("request body is not JSON (%v): %q", err, body)
	}
	if err := json.Unmarshal([]byte(want), &w); err != nil {
		f.t.Fatalf("bad expected JSON %q: %v", want, err)
	}
	if !reflect.DeepEqual(g, w) {
		f.t.Errorf("request body\n got %s\nwant %s", body, want)
	}
}

func assertMeta(t *testing.T, m *PageMeta, number, size, pages, results int) {
	t.Helper()
	want := PageMeta{PageNumber: number, PageSize: size, TotalPages: pages, TotalResults: results}
	if m == nil || *m != want {
		t.Errorf("meta %+v, want %+v", m, want)
	}
}

func eq[T comparable](t *testing.T, what string, got, want T) {
	t.Helper()
	if got != want {
		t.Errorf("%s = %v, want %v", what, got, want)
	}
}

func deref[T any](p *T) any {
	if p == nil {
		return nil
	}
	return *p
}

// checkExampleProfile checks the definition's MessagingProfile example, decoded.
func checkExampleProfile(t *testing.T, p *MessagingProfile) {
	t.Helper()
	if p == nil {
		t.Fatal("no profile")
	}
	eq(t, "id", p.ID, cExampleID)
	eq(t, "record_type", p.RecordType, "messaging_profile")
	eq(t, "name", p.Name, "Profile for Messages")
	eq(t, "enabled", deref(p.Enabled), any(true))
	eq(t, "webhook_url", p.WebhookURL, Value("https://www.example.com/hooks"))
	eq(t, "webhook_failover_url", p.WebhookFailoverURL, Value("https://backup.example.com/hooks"))
	eq(t, "webhook_api_version", p.WebhookAPIVersion, WebhookAPIVersion2)
	eq(t, "health_webhook_url", p.HealthWebhookURL, Null[string]())
	eq(t, "whitelisted_destinations", strings.Join(p.WhitelistedDestinations, ","), "US")
	pool, ok := p.NumberPoolSettings.Get()
	if !ok {
		t.Fatalf("number_pool_settings: %+v", p.NumberPoolSettings)
	}
	eq(t, "pool weights", fmt.Sprint(pool.LongCodeWeight, pool.TollFreeWeight, pool.SkipUnhealthy), "2 10 false")
	eq(t, "pool geomatch", deref(pool.Geomatch), any(false))
	eq(t, "pool sticky_sender", deref(pool.StickySender), any(true))
	short, ok := p.URLShortenerSettings.Get()
	if !ok {
		t.Fatalf("url_shortener_settings: %+v", p.URLShortenerSettings)
	}
	eq(t, "shortener domain", short.Domain, "example.ex")
	eq(t, "shortener prefix", deref(short.Prefix), any("cmpny"))
	eq(t, "shortener replace_blacklist_only", deref(short.ReplaceBlacklistOnly), any(true))
	eq(t, "shortener send_webhooks", deref(short.SendWebhooks), any(false))
	eq(t, "alpha_sender absent", p.AlphaSender.Set, false)
	eq(t, "daily_spend_limit", p.DailySpendLimit, "100.00")
	eq(t, "daily_spend_limit_enabled", deref(p.DailySpendLimitEnabled), any(false))
	eq(t, "mms_fall_back_to_sms", deref(p.MMSFallBackToSMS), any(false))
	eq(t, "mms_transcoding", deref(p.MMSTranscoding), any(false))
	eq(t, "mobile_only", deref(p.MobileOnly), any(false))
	eq(t, "redaction_enabled", deref(p.RedactionEnabled), any(false))
	eq(t, "redaction_level", deref(p.RedactionLevel), any(2))
	eq(t, "v1_secret", p.V1Secret.Expose(), "rP1VamejkU2v0qIUxntqLW2c")
	eq(t, "created_at", p.CreatedAt, "2019-01-23T18:10:02.574Z")
	eq(t, "updated_at", p.UpdatedAt, "2019-01-23T18:10:02.574Z")
	if len(p.Extra) != 0 {
		t.Errorf("unexpected fields: %v", p.Extra)
	}
	for _, format := range []string{"%v", "%+v", "%#v"} {
		if strings.Contains(fmt.Sprintf(format, p), "rP1VamejkU2v0qIUxntqLW2c") {
			t.Errorf("%s shows v1_secret", format)
		}
	}
}

// checkExampleShortCode checks the definition's ShortCode example, decoded.
func checkExampleShortCode(t *testing.T, s *ShortCode) {
	t.Helper()
	if s == nil {
		t.Fatal("no short code")
	}
	eq(t, "id", s.ID, cExampleID)
	eq(t, "record_type", s.RecordType, "short_code")
	eq(t, "short_code", s.ShortCode, "12345")
	eq(t, "messaging_profile_id", deref(s.MessagingProfileID), any(cExampleID))
	eq(t, "country_code", s.CountryCode, "US")
	eq(t, "tags", strings.Join(s.Tags, ","), "test_customer")
	if len(s.Extra) != 0 {
		t.Errorf("unexpected fields: %v", s.Extra)
	}
}

// checkUnexpectedPage checks that err is the iterator's ErrUnexpectedPage after asking for
// page requested (Prism always answers page 2).
func checkUnexpectedPage(t *testing.T, err error, requested int) {
	t.Helper()
	var ae *APIError
	if !errors.Is(err, ErrUnexpectedPage) || !errors.As(err, &ae) {
		t.Fatalf("expected ErrUnexpectedPage, got %v", err)
	}
	want := fmt.Sprintf("asked for page %d but the server answered page 2", requested)
	if !strings.Contains(ae.Message, want) {
		t.Errorf("message %q lacks %q", ae.Message, want)
	}
}

type result[T any] struct {
	v   T
	err error
}

// take collects at most cIterLimit pairs of seq.
func take[T any](seq iter.Seq2[T, error]) []result[T] {
	var out []result[T]
	for v, err := range seq {
		out = append(out, result[T]{v, err})
		if len(out) >= cIterLimit {
			break
		}
	}
	return out
}

// checkRepeatedPageStops: with Prism repeating page 2 of 3, an All iterator (pages of 25, plus
// the caller's filters in query) stops with ErrUnexpectedPage after a bounded number of
// requests, whether it starts at the default first page or at page 2; so does Pages.
func checkRepeatedPageStops[T any](f *contractFx, all func(start int) iter.Seq2[T, error],
	pages func(start int) iter.Seq2[*Page[T], error], query ...string) {
	t := f.t
	t.Helper()
	withPage := func(n int) []string {
		return append([]string{fmt.Sprintf("page%%5Bnumber%%5D=%d", n), "page%5Bsize%5D=25"}, query...)
	}

	// From the first page: page 1 asked for, page 2 answered; one request, then the end.
	before := f.count()
	got := take(all(0))
	if len(got) != 1 {
		t.Fatalf("from page 1: %d results, want 1 error: %+v", len(got), got)
	}
	checkUnexpectedPage(t, got[0].err, 1)
	eq(t, "requests from page 1", f.count()-before, 1)
	f.assertQuery(withPage(1)...)
	f.ok(nil)

	// From page 2: its item comes, page 3 is asked for and page 2 answered again.
	before = f.count()
	got = take(all(2))
	if len(got) != 2 || got[0].err != nil {
		t.Fatalf("from page 2: want one item then an error, got %+v", got)
	}
	checkUnexpectedPage(t, got[1].err, 3)
	sent := f.proxy.exchanges()[before:]
	eq(t, "requests from page 2", len(sent), 2)
	if len(sent) == 2 {
		f.assertQueryOf(sent[0], withPage(2)...)
		f.assertQueryOf(sent[1], withPage(3)...)
		eq(t, "same path on every page", sent[0].Path, sent[1].Path)
	}
	f.ok(nil)

	// Page by page: page 2 with its meta, then the error.
	before = f.count()
	ps := take(pages(2))
	if len(ps) != 2 || ps[0].err != nil || ps[0].v == nil {
		t.Fatalf("pages from page 2: want one page then an error, got %+v", ps)
	}
	if len(ps[0].v.Data) == 0 {
		t.Error("page 2 has no items")
	}
	assertMeta(t, ps[0].v.Meta, 2, 25, 3, 55)
	checkUnexpectedPage(t, ps[1].err, 3)
	eq(t, "requests of Pages", f.count()-before, 2)
	f.ok(nil)
}

func (f *contractFx) assertQueryOf(e exchange, pairs ...string) {
	f.t.Helper()
	got := strings.Split(e.Query, "&")
	want := append([]string(nil), pairs...)
	sort.Strings(got)
	sort.Strings(want)
	if !reflect.DeepEqual(got, want) {
		f.t.Errorf("%s %s: query %q, want the pairs %q", e.Method, e.Path, e.Query, pairs)
	}
}

// contractScenario is one subtest of TestContract.
type contractScenario struct {
	name string
	run  func(f *contractFx)
}

var ctx = context.Background() // the scenarios' context

var contractScenarios = []contractScenario{
	// Operation 1 with every filter and page parameter, and without any.
	{"list messaging profiles", func(f *contractFx) {
		page, err := f.client.MessagingProfiles.List(ctx, ListMessagingProfilesParams{
			FilterName: "Alerts", FilterNameEq: "Alerts US", FilterNameContains: "Alert",
			PageNumber: 1, PageSize: 250,
		})
		f.ok(err)
		f.assertQuery("filter%5Bname%5D=Alerts", "filter%5Bname%5D%5Beq%5D=Alerts%20US",
			"filter%5Bname%5D%5Bcontains%5D=Alert", "page%5Bnumber%5D=1", "page%5Bsize%5D=250")
		if len(page.Data) != 1 {
			f.t.Fatalf("%d profiles, want the definition's one example", len(page.Data))
		}
		checkExampleProfile(f.t, &page.Data[0])
		assertMeta(f.t, page.Meta, 2, 25, 3, 55)

		page, err = f.client.MessagingProfiles.List(ctx, ListMessagingProfilesParams{})
		f.ok(err)
		f.assertQuery()
		checkExampleProfile(f.t, &page.Data[0])
	}},

	// Operation 2 with every optional field set (valid per the definition's patterns), and
	// with only the required ones.
	{"create messaging profile", func(f *contractFx) {
		p, err := f.client.MessagingProfiles.Create(ctx, CreateMessagingProfileParams{
			Name:                    "Contract suite",
			WhitelistedDestinations: []string{"US", "CA"},
			Enabled:                 Ptr(true),
			WebhookURL:              Ptr("https://hooks.example.com/telnyx"),
			WebhookFailoverURL:      Ptr("https://backup.example.com/telnyx"),
			WebhookAPIVersion:       WebhookAPIVersion20100401,
			HealthWebhookURL:        Ptr("https://health.example.com/telnyx"),
			NumberPoolSettings: &NumberPoolSettings{LongCodeWeight: 1, TollFreeWeight: 10.5, SkipUnhealthy: true,
				Geomatch: Ptr(true), StickySender: Ptr(false)},
			URLShortenerSettings: &URLShortenerSettings{Domain: "acct.fyi", Prefix: Ptr("cmpny"),
				ReplaceBlacklistOnly: Ptr(true), SendWebhooks: Ptr(false)},
			AlphaSender:            Ptr("Acme Alerts"),
			DailySpendLimit:        Ptr("250.75"),
			DailySpendLimitEnabled: Ptr(true),
			MMSFallBackToSMS:       Ptr(true),
			MMSTranscoding:         Ptr(true),
			MobileOnly:             Ptr(false),
			SmartEncoding:          Ptr(true),
			AIAssistantID:          Ptr("assistant-a80a9d4a-728c-4593-852c-2e93ad890000"),
			ResourceGroupID:        Ptr("rg-6a1f0c2e-5d4b-4c3a-9e8f-7d6c5b4a3f21"),
		})
		f.ok(err)
		checkExampleProfile(f.t, p)
		f.assertBody(`{
			"name": "Contract suite", "whitelisted_destinations": ["US", "CA"], "enabled": true,
			"webhook_url": "https://hooks.example.com/telnyx",
			"webhook_failover_url": "https://backup.example.com/telnyx",
			"webhook_api_version": "2010-04-01",
			"health_webhook_url": "https://health.example.com/telnyx",
			"number_pool_settings": {"long_code_weight": 1, "toll_free_weight": 10.5, "skip_unhealthy": true,
				"geomatch": true, "sticky_sender": false},
			"url_shortener_settings": {"domain": "acct.fyi", "prefix": "cmpny", "replace_blacklist_only": true,
				"send_webhooks": false},
			"alpha_sender": "Acme Alerts", "daily_spend_limit": "250.75", "daily_spend_limit_enabled": true,
			"mms_fall_back_to_sms": true, "mms_transcoding": true, "mobile_only": false, "smart_encoding": true,
			"ai_assistant_id": "assistant-a80a9d4a-728c-4593-852c-2e93ad890000",
			"resource_group_id": "rg-6a1f0c2e-5d4b-4c3a-9e8f-7d6c5b4a3f21"
		}`)

		p, err = f.client.MessagingProfiles.Create(ctx, CreateMessagingProfileParams{
			Name: "Minimal", WhitelistedDestinations: []string{"US"},
		})
		f.ok(err)
		checkExampleProfile(f.t, p)
		f.assertBody(`{"name": "Minimal", "whitelisted_destinations": ["US"]}`)
	}},

	// Operation 3.
	{"retrieve messaging profile", func(f *contractFx) {
		p, err := f.client.MessagingProfiles.Retrieve(ctx, cProfileID)
		f.ok(err)
		checkExampleProfile(f.t, p)
		eq(f.t, "path", f.last().Path, "/messaging_profiles/"+cProfileID)
		f.assertBody("")
	}},

	// Operation 4: the six nullable fields cleared with null and the others set; then every
	// nullable field set to a value; then an empty update.
	{"update messaging profile", func(f *contractFx) {
		p, err := f.client.MessagingProfiles.Update(ctx, cProfileID, UpdateMessagingProfileParams{
			Name:                    Ptr("Renamed"),
			Enabled:                 Ptr(false),
			WebhookURL:              Null[string](),
			WebhookFailoverURL:      Null[string](),
			WebhookAPIVersion:       WebhookAPIVersion1,
			WhitelistedDestinations: []string{"US", "CA", "GB"},
			NumberPoolSettings:      Null[NumberPoolSettings](),
			URLShortenerSettings:    Null[URLShortenerSettings](),
			AlphaSender:             Null[string](),
			DailySpendLimit:         Ptr("100"),
			DailySpendLimitEnabled:  Ptr(false),
			MMSFallBackToSMS:        Ptr(false),
			MMSTranscoding:          Ptr(false),
			MobileOnly:              Ptr(true),
			SmartEncoding:           Ptr(false),
			AIAssistantID:           Null[string](),
		})
		f.ok(err)
		checkExampleProfile(f.t, p)
		f.assertBody(`{
			"name": "Renamed", "enabled": false, "webhook_url": null, "webhook_failover_url": null,
			"webhook_api_version": "1", "whitelisted_destinations": ["US", "CA", "GB"],
			"number_pool_settings": null, "url_shortener_settings": null, "alpha_sender": null,
			"daily_spend_limit": "100", "daily_spend_limit_enabled": false, "mms_fall_back_to_sms": false,
			"mms_transcoding": false, "mobile_only": true, "smart_encoding": false, "ai_assistant_id": null
		}`)

		p, err = f.client.MessagingProfiles.Update(ctx, cProfileID, UpdateMessagingProfileParams{
			WebhookURL:           Value("https://www.example.com/hooks"),
			WebhookFailoverURL:   Value("https://backup.example.com/hooks"),
			WebhookAPIVersion:    WebhookAPIVersion2,
			NumberPoolSettings:   Value(NumberPoolSettings{LongCodeWeight: 0.5}),
			URLShortenerSettings: Value(URLShortenerSettings{Domain: "example.ex"}),
			AlphaSender:          Value("Telnyx"),
			AIAssistantID:        Value("ai_assistant-a80a9d4a-728c-4593-852c-2e93ad890000"),
		})
		f.ok(err)
		checkExampleProfile(f.t, p)
		f.assertBody(`{
			"webhook_url": "https://www.example.com/hooks", "webhook_failover_url": "https://backup.example.com/hooks",
			"webhook_api_version": "2",
			"number_pool_settings": {"long_code_weight": 0.5, "toll_free_weight": 0, "skip_unhealthy": false},
			"url_shortener_settings": {"domain": "example.ex"}, "alpha_sender": "Telnyx",
			"ai_assistant_id": "ai_assistant-a80a9d4a-728c-4593-852c-2e93ad890000"
		}`)

		_, err = f.client.MessagingProfiles.Update(ctx, cProfileID, UpdateMessagingProfileParams{})
		f.ok(err)
		f.assertBody(`{}`)
	}},

	// Operation 5: the deleted profile comes back.
	{"delete messaging profile", func(f *contractFx) {
		p, err := f.client.MessagingProfiles.Delete(ctx, cProfileID)
		f.ok(err)
		checkExampleProfile(f.t, p)
		f.assertBody("")
	}},

	// Operation 6 with page params, and the definition's phone-number example decoded.
	{"list profile phone numbers", func(f *contractFx) {
		page, err := f.client.MessagingProfiles.ListPhoneNumbers(ctx, cProfileID, PageParams{PageNumber: 1, PageSize: 100})
		f.ok(err)
		f.assertQuery("page%5Bnumber%5D=1", "page%5Bsize%5D=100")
		assertMeta(f.t, page.Meta, 2, 25, 3, 55)
		if len(page.Data) != 1 {
			f.t.Fatalf("%d phone numbers, want 1", len(page.Data))
		}
		n := page.Data[0]
		eq(f.t, "id", n.ID, "1293384261075731499")
		eq(f.t, "record_type", n.RecordType, "messaging_settings")
		eq(f.t, "phone_number", n.PhoneNumber, "+18005550001")
		eq(f.t, "messaging_profile_id", n.MessagingProfileID, Value(cExampleID))
		eq(f.t, "type", n.Type, PhoneNumberTypeTollfreeAlt)
		eq(f.t, "eligible_messaging_products", strings.Join(n.EligibleMessagingProducts, ","), "A2P")
		if n.Features == nil {
			f.t.Fatal("no features")
		}
		eq(f.t, "mms is null", n.Features.MMS.IsNull(), true)
		sms, ok := n.Features.SMS.Get()
		eq(f.t, "sms", ok && sms.DomesticTwoWay && sms.InternationalInbound && sms.InternationalOutbound, true)
		if n.Health == nil {
			f.t.Fatal("no health")
		}
		h := n.Health
		eq(f.t, "health", fmt.Sprint(h.MessageCount, h.InboundOutboundRatio, h.SuccessRatio, h.SpamRatio), "122 0.43 0.94 0.06")
		if len(n.Extra) != 0 {
			f.t.Errorf("unexpected fields: %v", n.Extra)
		}

		_, err = f.client.MessagingProfiles.ListPhoneNumbers(ctx, cProfileID, PageParams{})
		f.ok(err)
		f.assertQuery()
	}},

	// Operation 7 with page params.
	{"list profile short codes", func(f *contractFx) {
		page, err := f.client.MessagingProfiles.ListShortCodes(ctx, cProfileID, PageParams{PageNumber: 3, PageSize: 1})
		f.ok(err)
		f.assertQuery("page%5Bnumber%5D=3", "page%5Bsize%5D=1")
		assertMeta(f.t, page.Meta, 2, 25, 3, 55)
		checkExampleShortCode(f.t, &page.Data[0])
	}},

	// Operation 8: no body, the profile with its secret comes back.
	{"regenerate secret", func(f *contractFx) {
		p, err := f.client.MessagingProfiles.RegenerateSecret(ctx, cProfileID)
		f.ok(err)
		checkExampleProfile(f.t, p)
		f.assertBody("")
	}},

	// Operation 9 with page params (the definition gives them no bounds).
	{"list alphanumeric sender ids", func(f *contractFx) {
		page, err := f.client.MessagingProfiles.ListAlphanumericSenderIDs(ctx, cProfileID, PageParams{PageNumber: 2, PageSize: 250})
		f.ok(err)
		f.assertQuery("page%5Bnumber%5D=2", "page%5Bsize%5D=250")
		assertMeta(f.t, page.Meta, 2, 25, 3, 55)
		s := page.Data[0]
		eq(f.t, "record_type", s.RecordType, "alphanumeric_sender_id")
		eq(f.t, "alphanumeric_sender_id", s.AlphanumericSenderID, "MyCompany")
		eq(f.t, "id", s.ID, "6a09cdc3-8948-47f0-aa62-74ac943d6c58")
		eq(f.t, "us_long_code_fallback", s.USLongCodeFallback, "+15551234567")
		if s.MessagingProfileID == "" {
			f.t.Error("no messaging_profile_id")
		}
	}},

	// Operation 10 with the default and each of the six time frames.
	{"profile metrics", func(f *contractFx) {
		m, err := f.client.MessagingProfiles.RetrieveMetrics(ctx, cProfileID, MetricsParams{})
		f.ok(err)
		f.assertQuery()
		if len(m) != 0 {
			f.t.Errorf("the definition's ProfileMetrics has no example, got %v", m)
		}
		for _, frame := range cTimeFrames {
			_, err := f.client.MessagingProfiles.RetrieveMetrics(ctx, cProfileID, MetricsParams{TimeFrame: frame})
			f.ok(err)
			f.assertQuery("time_frame=" + string(frame))
		}
	}},

	// Operation 11 with the default and each of the six time frames.
	{"account profile metrics", func(f *contractFx) {
		list, err := f.client.MessagingProfileMetrics.List(ctx, MetricsParams{})
		f.ok(err)
		f.assertQuery()
		if len(list.Data) != 1 || len(list.Data[0]) != 0 {
			f.t.Errorf("want one empty metrics object, got %v", list.Data)
		}
		assertMeta(f.t, list.Meta, 2, 25, 3, 55)
		for _, frame := range cTimeFrames {
			_, err := f.client.MessagingProfileMetrics.List(ctx, MetricsParams{TimeFrame: frame})
			f.ok(err)
			f.assertQuery("time_frame=" + string(frame))
		}
	}},

	// Operations 12-16: list with every filter and without, create, retrieve, replace (PUT)
	// with each other op, delete.
	{"autoresp configs", func(f *contractFx) {
		configs := f.client.MessagingProfiles.AutorespConfigs(cProfileID)
		list, err := configs.List(ctx, ListAutorespConfigsParams{
			CountryCode:  "US",
			CreatedAtGte: "2023-01-01T00:00:00Z",
			CreatedAtLte: "2023-12-31T23:59:59Z",
			UpdatedAtGte: "2023-02-01T00:00:00+00:00",
			UpdatedAtLte: "2023-11-30T00:00:00+00:00",
		})
		f.ok(err)
		f.assertQuery("country_code=US", "created_at%5Bgte%5D=2023-01-01T00%3A00%3A00Z",
			"created_at%5Blte%5D=2023-12-31T23%3A59%3A59Z",
			"updated_at%5Bgte%5D=2023-02-01T00%3A00%3A00%2B00%3A00",
			"updated_at%5Blte%5D=2023-11-30T00%3A00%3A00%2B00%3A00")
		assertMeta(f.t, list.Meta, 1, 5, 1, 3)
		var ids []string
		for _, c := range list.Data {
			ids = append(ids, c.ID)
		}
		eq(f.t, "ids", strings.Join(ids, ","),
			"677ec1cb-949e-4aeb-a1c3-6d9ddffc1409,54b7e19f-98a8-416f-81d1-a2782eade48b,cfe07be1-2369-433f-be00-eb176008e834")
		if len(list.Data) == 3 {
			first := list.Data[0]
			eq(f.t, "op", first.Op, AutorespOpStart)
			eq(f.t, "country_code", first.CountryCode, "US")
			eq(f.t, "keywords", strings.Join(first.Keywords, ","), "START,BEGIN")
			eq(f.t, "resp_text", deref(first.RespText), any("Thank you for subscribing US customer."))
			eq(f.t, "created_at", first.CreatedAt, "2023-03-21T23:37:45.858535+00:00")
			eq(f.t, "second op", list.Data[1].Op, AutorespOpStop)
			eq(f.t, "third country", list.Data[2].CountryCode, "*")
		}
		_, err = configs.List(ctx, ListAutorespConfigsParams{})
		f.ok(err)
		f.assertQuery()

		created, err := configs.Create(ctx, AutorespConfigParams{
			Op: AutorespOpStart, Keywords: []string{"START", "YES"}, CountryCode: "US", RespText: Ptr("Hello there!"),
		})
		f.ok(err)
		f.assertBody(`{"op": "start", "keywords": ["START", "YES"], "country_code": "US", "resp_text": "Hello there!"}`)
		eq(f.t, "created id", created.ID, cConfigID)
		eq(f.t, "created updated_at", created.UpdatedAt, "2023-03-22T00:06:49.068817+00:00")

		got, err := configs.Retrieve(ctx, cConfigID)
		f.ok(err)
		eq(f.t, "path", f.last().Path, "/messaging_profiles/"+cProfileID+"/autoresp_configs/"+cConfigID)
		eq(f.t, "retrieved id", got.ID, "adc37adf-d110-4355-9e9a-262847e68e89")
		eq(f.t, "retrieved keywords", strings.Join(got.Keywords, ","), "UNSTOP")

		for _, op := range []AutorespOp{AutorespOpStop, AutorespOpInfo} {
			replaced, err := configs.Update(ctx, cConfigID, AutorespConfigParams{
				Op: op, Keywords: []string{"STOP", "HELP"}, CountryCode: "*",
			})
			f.ok(err)
			f.assertBody(fmt.Sprintf(`{"op": %q, "keywords": ["STOP", "HELP"], "country_code": "*"}`, op))
			eq(f.t, "replaced id", replaced.ID, "54b7e19f-98a8-416f-81d1-a2782eade48b")
			eq(f.t, "replaced country", replaced.CountryCode, "*")
		}

		answer, err := configs.Delete(ctx, cConfigID)
		f.ok(err)
		eq(f.t, "delete answer", answer, "OK")
	}},

	// Operation 17 with the profile filter and page params, and the "null" filter for
	// unassigned short codes.
	{"list short codes", func(f *contractFx) {
		page, err := f.client.ShortCodes.List(ctx, ListShortCodesParams{
			FilterMessagingProfileID: cProfileID, PageNumber: 1, PageSize: 20,
		})
		f.ok(err)
		f.assertQuery("filter%5Bmessaging_profile_id%5D="+cProfileID, "page%5Bnumber%5D=1", "page%5Bsize%5D=20")
		assertMeta(f.t, page.Meta, 2, 25, 3, 55)
		checkExampleShortCode(f.t, &page.Data[0])

		_, err = f.client.ShortCodes.List(ctx, ListShortCodesParams{FilterMessagingProfileID: FilterUnassigned})
		f.ok(err)
		f.assertQuery("filter%5Bmessaging_profile_id%5D=null")
	}},

	// Operation 18.
	{"retrieve short code", func(f *contractFx) {
		s, err := f.client.ShortCodes.Retrieve(ctx, cShortCodeID)
		f.ok(err)
		checkExampleShortCode(f.t, s)
		eq(f.t, "path", f.last().Path, "/short_codes/"+cShortCodeID)
	}},

	// Operation 19: assign with tags, unassign with "", and unassign with null, which Prism
	// rejects because the schema types messaging_profile_id as a non-null string.
	{"update short code", func(f *contractFx) {
		s, err := f.client.ShortCodes.Update(ctx, cShortCodeID, UpdateShortCodeParams{
			MessagingProfileID: Value(cOtherProfileID), Tags: []string{"test_customer", "contract"},
		})
		f.ok(err)
		checkExampleShortCode(f.t, s)
		f.assertBody(fmt.Sprintf(`{"messaging_profile_id": %q, "tags": ["test_customer", "contract"]}`, cOtherProfileID))

		s, err = f.client.ShortCodes.Update(ctx, cShortCodeID, UpdateShortCodeParams{MessagingProfileID: Value("")})
		f.ok(err)
		checkExampleShortCode(f.t, s)
		f.assertBody(`{"messaging_profile_id": ""}`)

		_, err = f.client.ShortCodes.Update(ctx, cShortCodeID, UpdateShortCodeParams{MessagingProfileID: Null[string]()})
		ae, violations := f.rejected(err, 422)
		f.assertBody(`{"messaging_profile_id": null}`)
		if !errors.Is(err, ErrUnprocessableEntity) || errors.Is(err, ErrNotFound) || errors.Is(err, ErrRateLimited) {
			f.t.Errorf("kind %v, want unprocessable_entity", ae.Kind)
		}
		var got []map[string]any
		if err := json.Unmarshal([]byte(violations), &got); err != nil {
			f.t.Fatalf("sl-violations is not JSON (%v): %s", err, violations)
		}
		want := []map[string]any{{
			"location": []any{"request", "body", "messaging_profile_id"},
			"severity": "Error",
			"code":     "type",
			"message":  "Request body property messaging_profile_id must be string",
		}}
		if !reflect.DeepEqual(got, want) {
			f.t.Errorf("sl-violations\n got %s\nwant exactly one \"must be string\" violation of messaging_profile_id", violations)
		}
	}},

	// ["*"] allows every destination according to the field's description, but the items'
	// pattern ^[A-Z]{2}$ forbids it, so Prism rejects it; the client sends it as given.
	{"whitelist wildcard breaks the pattern", func(f *contractFx) {
		_, err := f.client.MessagingProfiles.Create(ctx, CreateMessagingProfileParams{
			Name: "Everywhere", WhitelistedDestinations: []string{"*"},
		})
		if _, v := f.rejected(err, 422); !strings.Contains(v, "whitelisted_destinations") {
			f.t.Errorf("sl-violations: %s", v)
		}
		_, err = f.client.MessagingProfiles.Update(ctx, cProfileID, UpdateMessagingProfileParams{
			WhitelistedDestinations: []string{"*"},
		})
		if _, v := f.rejected(err, 422); !strings.Contains(v, "whitelisted_destinations") {
			f.t.Errorf("sl-violations: %s", v)
		}
	}},

	// Error classes through per-call options: Prefer: code=N makes Prism answer the
	// operation's error example for N after validating the request; MaxRetries 0.
	{"error mapping", func(f *contractFx) {
		cases := []struct {
			code     int
			sentinel error
			kind     ErrorKind
		}{
			{401, ErrAuthentication, KindAuthentication},
			{404, ErrNotFound, KindNotFound},
			{422, ErrUnprocessableEntity, KindUnprocessableEntity},
			{429, ErrRateLimited, KindRateLimited},
		}
		for _, c := range cases {
			before := f.count()
			_, err := f.prefer(c.code).MessagingProfiles.Retrieve(ctx, cProfileID)
			ae := f.apiErr(err, c.code, c.sentinel)
			eq(f.t, "requests (no retries)", f.count()-before, 1)
			eq(f.t, "Prefer sent", f.last().Prefer, fmt.Sprintf("code=%d", c.code))
			eq(f.t, "kind", ae.Kind, c.kind)
			// The definition's messaging_Errors example, as Prism generates it.
			if len(ae.Errors) != 1 {
				f.t.Fatalf("%d: errors %+v, want the definition's one example", c.code, ae.Errors)
			}
			d := ae.Errors[0]
			eq(f.t, "code", d.Code, "string")
			eq(f.t, "title", d.Title, "string")
			eq(f.t, "detail", d.Detail, "string")
			if d.Source == nil || d.Source.Pointer != "/json/pointer" || d.Source.Parameter != "string" {
				f.t.Errorf("source %+v", d.Source)
			}
			eq(f.t, "retry after", ae.HasRetryAfter, false)
			eq(f.t, "temporary", ae.Temporary(), c.code == 429)
			if !strings.Contains(err.Error(), fmt.Sprint(c.code)) {
				f.t.Errorf("error text %q lacks the status", err)
			}
		}

		create := CreateMessagingProfileParams{Name: "Rejected", WhitelistedDestinations: []string{"US"}}
		_, err := f.prefer(422).MessagingProfiles.Create(ctx, create)
		f.apiErr(err, 422, ErrUnprocessableEntity)
		_, err = f.prefer(429).MessagingProfiles.Create(ctx, create)
		f.apiErr(err, 429, ErrRateLimited)

		// Operations with explicit 400, 401 and 404 responses.
		_, err = f.prefer(404).MessagingProfiles.RegenerateSecret(ctx, cProfileID)
		f.apiErr(err, 404, ErrNotFound)
		_, err = f.prefer(401).MessagingProfiles.RegenerateSecret(ctx, cProfileID)
		f.apiErr(err, 401, ErrAuthentication)
		metrics := MetricsParams{TimeFrame: TimeFrame7d}
		_, err = f.prefer(400).MessagingProfiles.RetrieveMetrics(ctx, cProfileID, metrics)
		f.apiErr(err, 400, ErrBadRequest)
		_, err = f.prefer(404).MessagingProfiles.RetrieveMetrics(ctx, cProfileID, metrics)
		f.apiErr(err, 404, ErrNotFound)
		_, err = f.prefer(401).MessagingProfileMetrics.List(ctx, metrics)
		f.apiErr(err, 401, ErrAuthentication)
		_, err = f.prefer(404).MessagingProfiles.AutorespConfigs(cProfileID).Delete(ctx, cConfigID)
		f.apiErr(err, 404, ErrNotFound)
		_, err = f.prefer(404).ShortCodes.Update(ctx, cShortCodeID, UpdateShortCodeParams{MessagingProfileID: Value(cOtherProfileID)})
		f.apiErr(err, 404, ErrNotFound)

		// A code the operation does not define: Prism answers 404 with its own problem body,
		// which has no errors array.
		_, err = f.prefer(429).MessagingProfiles.RegenerateSecret(ctx, cProfileID)
		ae := f.apiErr(err, 404, ErrNotFound)
		if len(ae.Errors) != 0 {
			f.t.Errorf("errors %+v, want none from Prism's problem body", ae.Errors)
		}
		if !strings.Contains(f.last().Response, "Requested status code 429 is not defined") {
			f.t.Errorf("Prism's body: %s", f.last().Response)
		}

		// An iterator yields the error once, then ends, without another request.
		before := f.count()
		got := take(f.prefer(429).MessagingProfiles.All(ctx, ListMessagingProfilesParams{}))
		if len(got) != 1 {
			f.t.Fatalf("want one error, got %+v", got)
		}
		f.apiErr(got[0].err, 429, ErrRateLimited)
		eq(f.t, "iterator requests", f.count()-before, 1)
	}},

	// A 429 is retried with the client's retry budget: with MaxRetries 1 Prism is asked twice.
	{"rate limit retried with budget", func(f *contractFx) {
		c, err := f.client.WithOptions(RequestOptions{
			Headers: map[string]string{"Prefer": "code=429"}, MaxRetries: Ptr(1),
		})
		if err != nil {
			f.t.Fatal(err)
		}
		defer c.Close()
		before := f.count()
		_, err = c.MessagingProfiles.Retrieve(ctx, cProfileID)
		f.apiErr(err, 429, ErrRateLimited)
		eq(f.t, "requests", f.count()-before, 2)
	}},

	// Prism answers every paginated list with page 2 of 3: each All iterator (operations 1,
	// 6, 7, 9, 17) stops with ErrUnexpectedPage after a bounded number of requests.
	{"pagination stops on a repeated page", func(f *contractFx) {
		mp := f.client.MessagingProfiles
		profiles := func(start int) ListMessagingProfilesParams {
			return ListMessagingProfilesParams{FilterNameContains: "Alert", PageNumber: start, PageSize: 25}
		}
		checkRepeatedPageStops(f,
			func(s int) iter.Seq2[MessagingProfile, error] { return mp.All(ctx, profiles(s)) },
			func(s int) iter.Seq2[*Page[MessagingProfile], error] { return mp.Pages(ctx, profiles(s)) },
			"filter%5Bname%5D%5Bcontains%5D=Alert")
		page := func(start int) PageParams { return PageParams{PageNumber: start, PageSize: 25} }
		checkRepeatedPageStops(f,
			func(s int) iter.Seq2[PhoneNumberWithMessagingSettings, error] {
				return mp.AllPhoneNumbers(ctx, cProfileID, page(s))
			},
			func(s int) iter.Seq2[*Page[PhoneNumberWithMessagingSettings], error] {
				return mp.PhoneNumberPages(ctx, cProfileID, page(s))
			})
		checkRepeatedPageStops(f,
			func(s int) iter.Seq2[ShortCode, error] { return mp.AllShortCodes(ctx, cProfileID, page(s)) },
			func(s int) iter.Seq2[*Page[ShortCode], error] { return mp.ShortCodePages(ctx, cProfileID, page(s)) })
		checkRepeatedPageStops(f,
			func(s int) iter.Seq2[AlphanumericSenderID, error] {
				return mp.AllAlphanumericSenderIDs(ctx, cProfileID, page(s))
			},
			func(s int) iter.Seq2[*Page[AlphanumericSenderID], error] {
				return mp.AlphanumericSenderIDPages(ctx, cProfileID, page(s))
			})
		codes := func(start int) ListShortCodesParams {
			return ListShortCodesParams{FilterMessagingProfileID: FilterUnassigned, PageNumber: start, PageSize: 25}
		}
		checkRepeatedPageStops(f,
			func(s int) iter.Seq2[ShortCode, error] { return f.client.ShortCodes.All(ctx, codes(s)) },
			func(s int) iter.Seq2[*Page[ShortCode], error] { return f.client.ShortCodes.Pages(ctx, codes(s)) },
			"filter%5Bmessaging_profile_id%5D=null")
		if liveIters.Load() != 0 {
			f.t.Errorf("%d C page iterators not freed", liveIters.Load())
		}
	}},
}

// TestContract runs every scenario against Prism, then checks that together they reached
// exactly the operations of the definition.
func TestContract(t *testing.T) {
	prism := prismURL(t)
	ops := specOperations(t)
	if len(ops) != 19 {
		t.Fatalf("the definition should list 19 operations, found %d: %v", len(ops), ops)
	}
	for _, s := range contractScenarios {
		t.Run(s.name, func(t *testing.T) {
			s.run(newContractFx(t, prism, ops))
		})
	}
	t.Run("every operation of the definition is exercised", func(t *testing.T) {
		contractExercised.Lock()
		defer contractExercised.Unlock()
		var missing, unknown []string
		for _, op := range ops {
			if contractExercised.ops[op] == 0 {
				missing = append(missing, op.String())
			}
		}
		for op := range contractExercised.ops {
			if _, found := templateOf(ops, op.Method, op.Template); !found {
				unknown = append(unknown, op.String())
			}
		}
		if len(missing) != 0 {
			t.Errorf("operations of the definition no scenario reached:\n  %s", strings.Join(missing, "\n  "))
		}
		if len(unknown) != 0 {
			t.Errorf("operations reached that the definition lacks:\n  %s", strings.Join(unknown, "\n  "))
		}
		if !t.Failed() {
			t.Logf("all %d operations reached, %d requests in all", len(ops), sumCounts(contractExercised.ops))
		}
	})
}

func sumCounts(m map[operation]int) int {
	n := 0
	for _, c := range m {
		n += c
	}
	return n
}

// TestContractOperationScan checks the line scan of paths: (no Prism needed): it reads only
// the paths block, skips non-method keys, and maps request paths back to templates.
func TestContractOperationScan(t *testing.T) {
	yaml := "openapi: 3.1.0\npaths:\n  /a:\n    get:\n      parameters:\n      - name: x\n    post:\n" +
		"    parameters: []\n  '/a/{id}':\n    delete:\n      responses: {}\ncomponents:\n  /b:\n    get: {}\n"
	ops, err := parseOperations(strings.NewReader(yaml))
	if err != nil {
		t.Fatal(err)
	}
	want := []operation{{"DELETE", "/a/{id}"}, {"GET", "/a"}, {"POST", "/a"}}
	if !reflect.DeepEqual(ops, want) {
		t.Errorf("got %v, want %v", ops, want)
	}
	if op, ok := templateOf(ops, "DELETE", "/a/123"); !ok || op.Template != "/a/{id}" {
		t.Errorf("templateOf DELETE /a/123 = %v, %v", op, ok)
	}
	for _, p := range []string{"/a/", "/a/1/b", "/b"} {
		if op, ok := templateOf(ops, "DELETE", p); ok {
			t.Errorf("templateOf DELETE %s = %v", p, op)
		}
	}
	// The real definition: 19 operations, as API-NOTES.md lists them.
	if n := len(specOperations(t)); n != 19 {
		t.Errorf("the definition lists %d operations, want 19", n)
	}
}
