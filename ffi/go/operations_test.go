package telnyxmessaging

import (
	"reflect"
	"strings"
	"testing"
)

// opCase is one operation: how to call it, the exact request it must send, the response the
// server gives and a check of the decoded result.
type opCase struct {
	name   string
	call   func(c *Client) (any, error)
	method string
	path   string
	query  string
	body   string // "" when the request has no body
	reply  string
	check  func(t *testing.T, got any)
}

func data(s string) string { return `{"data":` + s + `}` }
func list(s string) string { return `{"data":[` + s + `],"meta":` + metaJSON + `}` }

func checkProfile(t *testing.T, got any) {
	t.Helper()
	p := got.(*MessagingProfile)
	if p.ID != profileID || p.Name != "Profile for Messages" || p.Enabled == nil || !*p.Enabled {
		t.Errorf("profile basics: %+v", p)
	}
	if v, ok := p.WebhookURL.Get(); !ok || v != "https://www.example.com/hooks" {
		t.Errorf("webhook_url: %+v", p.WebhookURL)
	}
	if !p.WebhookFailoverURL.IsNull() || !p.AlphaSender.IsNull() || !p.AIAssistantID.IsNull() ||
		!p.URLShortenerSettings.IsNull() || !p.HealthWebhookURL.IsNull() {
		t.Errorf("null fields not null: %+v", p)
	}
	if v, _ := p.ResourceGroupID.Get(); v != "rg-1" {
		t.Errorf("resource_group_id: %+v", p.ResourceGroupID)
	}
	nps, ok := p.NumberPoolSettings.Get()
	if !ok || nps.TollFreeWeight != 10.5 || nps.LongCodeWeight != 2 || nps.StickySender == nil || !*nps.StickySender {
		t.Errorf("number_pool_settings: %+v", p.NumberPoolSettings)
	}
	if string(nps.Extra["pool_flavour"]) != `"mint"` {
		t.Errorf("number_pool_settings extra: %v", nps.Extra)
	}
	if p.WebhookAPIVersion != WebhookAPIVersion2 || p.DailySpendLimit != "100.00" || *p.RedactionLevel != 2 ||
		!*p.MMSTranscoding || *p.MobileOnly || p.OrganizationID != "org-1" ||
		p.V1Secret.Expose() != "rP1VamejkU2v0qIUxntqLW2c" ||
		p.UpdatedAt != "2023-03-21T23:37:45.858535+00:00" ||
		!reflect.DeepEqual(p.WhitelistedDestinations, []string{"US", "CA"}) {
		t.Errorf("profile fields: %+v", p)
	}
	if string(p.Extra["future_field"]) != `{"nested":[1,2.5,"x"]}` {
		t.Errorf("extra: %v", p.Extra)
	}
}

func operationCases() []opCase {
	mp := func(c *Client) MessagingProfilesService { return c.MessagingProfiles }
	ar := func(c *Client) AutorespConfigsService { return c.MessagingProfiles.AutorespConfigs("prof 1/x") }
	return []opCase{
		{
			name: "1 messaging_profiles.list",
			call: func(c *Client) (any, error) {
				return mp(c).List(bg, ListMessagingProfilesParams{FilterName: "a b", FilterNameEq: "x&y", FilterNameContains: "[z]", PageNumber: 2, PageSize: 10})
			},
			method: "GET", path: "/v2/messaging_profiles",
			query: "filter%5Bname%5D=a%20b&filter%5Bname%5D%5Beq%5D=x%26y&filter%5Bname%5D%5Bcontains%5D=%5Bz%5D&page%5Bnumber%5D=2&page%5Bsize%5D=10",
			reply: list(profileJSON),
			check: func(t *testing.T, got any) {
				p := got.(*Page[MessagingProfile])
				if len(p.Data) != 1 || p.Meta == nil || *p.Meta != (PageMeta{1, 20, 1, 1}) {
					t.Fatalf("page: %+v", p)
				}
				checkProfile(t, &p.Data[0])
			},
		},
		{
			name:   "1 messaging_profiles.list without params",
			call:   func(c *Client) (any, error) { return mp(c).List(bg, ListMessagingProfilesParams{}) },
			method: "GET", path: "/v2/messaging_profiles", reply: `{"data":[]}`,
			check: func(t *testing.T, got any) {
				p := got.(*Page[MessagingProfile])
				if len(p.Data) != 0 || p.Meta != nil {
					t.Errorf("page: %+v", p)
				}
			},
		},
		{
			name: "2 messaging_profiles.create",
			call: func(c *Client) (any, error) {
				return mp(c).Create(bg, CreateMessagingProfileParams{
					Name: "Profile", WhitelistedDestinations: []string{"*"}, Enabled: Ptr(false),
					WebhookURL: Ptr("https://h.example/hook"), WebhookAPIVersion: WebhookAPIVersion20100401,
					NumberPoolSettings:   &NumberPoolSettings{LongCodeWeight: 1, TollFreeWeight: 0.5, SkipUnhealthy: true},
					URLShortenerSettings: &URLShortenerSettings{Domain: "acct.fyi", Prefix: Ptr("")},
					AlphaSender:          Ptr("ACME"), DailySpendLimit: Ptr("10.50"), MobileOnly: Ptr(true),
					AIAssistantID: Ptr("ai-1"), ResourceGroupID: Ptr("rg-2"),
				})
			},
			method: "POST", path: "/v2/messaging_profiles",
			body: `{"name":"Profile","whitelisted_destinations":["*"],"enabled":false,"webhook_url":"https://h.example/hook",
				"webhook_api_version":"2010-04-01","number_pool_settings":{"long_code_weight":1,"toll_free_weight":0.5,"skip_unhealthy":true},
				"url_shortener_settings":{"domain":"acct.fyi","prefix":""},"alpha_sender":"ACME","daily_spend_limit":"10.50",
				"mobile_only":true,"ai_assistant_id":"ai-1","resource_group_id":"rg-2"}`,
			reply: data(profileJSON), check: checkProfile,
		},
		{
			name:   "3 messaging_profiles.retrieve",
			call:   func(c *Client) (any, error) { return mp(c).Retrieve(bg, profileID) },
			method: "GET", path: "/v2/messaging_profiles/" + profileID,
			reply: data(profileJSON), check: checkProfile,
		},
		{
			name: "4 messaging_profiles.update",
			call: func(c *Client) (any, error) {
				return mp(c).Update(bg, profileID, UpdateMessagingProfileParams{
					Name: Ptr("renamed"), WebhookURL: Null[string](), AlphaSender: Value("ACME 2"),
					WhitelistedDestinations: []string{"US"}, SmartEncoding: Ptr(false),
				})
			},
			method: "PATCH", path: "/v2/messaging_profiles/" + profileID,
			body:  `{"name":"renamed","webhook_url":null,"alpha_sender":"ACME 2","whitelisted_destinations":["US"],"smart_encoding":false}`,
			reply: data(profileJSON), check: checkProfile,
		},
		{
			name:   "5 messaging_profiles.delete",
			call:   func(c *Client) (any, error) { return mp(c).Delete(bg, profileID) },
			method: "DELETE", path: "/v2/messaging_profiles/" + profileID,
			reply: data(profileJSON), check: checkProfile,
		},
		{
			name: "6 messaging_profiles.list_phone_numbers",
			call: func(c *Client) (any, error) {
				return mp(c).ListPhoneNumbers(bg, profileID, PageParams{PageNumber: 3, PageSize: 250})
			},
			method: "GET", path: "/v2/messaging_profiles/" + profileID + "/phone_numbers",
			query: "page%5Bnumber%5D=3&page%5Bsize%5D=250",
			reply: list(phoneNumberJSON),
			check: func(t *testing.T, got any) {
				p := got.(*Page[PhoneNumberWithMessagingSettings])
				n := p.Data[0]
				if n.ID != "1293384261075731499" || n.Type != PhoneNumberTypeTollfreeAlt || !n.MessagingProfileID.IsNull() ||
					n.Health == nil || n.Health.MessageCount != 122 || n.Health.SpamRatio != 0.06 ||
					n.Features == nil || !n.Features.MMS.IsNull() || n.Tags == nil || len(n.Tags) != 0 {
					t.Errorf("phone number: %+v", n)
				}
				if sms, ok := n.Features.SMS.Get(); !ok || !sms.DomesticTwoWay || sms.InternationalOutbound {
					t.Errorf("sms: %+v", n.Features.SMS)
				}
			},
		},
		{
			name:   "7 messaging_profiles.list_short_codes",
			call:   func(c *Client) (any, error) { return mp(c).ListShortCodes(bg, profileID, PageParams{PageSize: 5}) },
			method: "GET", path: "/v2/messaging_profiles/" + profileID + "/short_codes",
			query: "page%5Bsize%5D=5", reply: list(shortCodeJSON),
			check: func(t *testing.T, got any) {
				p := got.(*Page[ShortCode])
				if p.Data[0].ShortCode != "12345" || p.Data[0].MessagingProfileID != nil {
					t.Errorf("short code: %+v", p.Data[0])
				}
			},
		},
		{
			name:   "8 messaging_profiles.regenerate_secret",
			call:   func(c *Client) (any, error) { return mp(c).RegenerateSecret(bg, profileID) },
			method: "POST", path: "/v2/messaging_profiles/" + profileID + "/actions/regenerate_secret",
			reply: data(profileJSON), check: checkProfile,
		},
		{
			name: "9 messaging_profiles.list_alphanumeric_sender_ids",
			call: func(c *Client) (any, error) {
				return mp(c).ListAlphanumericSenderIDs(bg, profileID, PageParams{PageNumber: 1})
			},
			method: "GET", path: "/v2/messaging_profiles/" + profileID + "/alphanumeric_sender_ids",
			query: "page%5Bnumber%5D=1", reply: list(senderIDJSON),
			check: func(t *testing.T, got any) {
				s := got.(*Page[AlphanumericSenderID]).Data[0]
				if s.AlphanumericSenderID != "MyCompany" || s.USLongCodeFallback != "+15551234567" || s.RecordType != "alphanumeric_sender_id" {
					t.Errorf("sender id: %+v", s)
				}
			},
		},
		{
			name: "10 messaging_profiles.retrieve_metrics",
			call: func(c *Client) (any, error) {
				return mp(c).RetrieveMetrics(bg, profileID, MetricsParams{TimeFrame: TimeFrame7d})
			},
			method: "GET", path: "/v2/messaging_profiles/" + profileID + "/metrics",
			query: "time_frame=7d", reply: data(`{"outbound":{"sent":10},"delivery_rate":0.5}`),
			check: func(t *testing.T, got any) {
				m := got.(Metrics)
				if m["delivery_rate"] != 0.5 || m["outbound"].(map[string]any)["sent"] != 10.0 {
					t.Errorf("metrics: %v", m)
				}
			},
		},
		{
			name: "11 messaging_profile_metrics.list",
			call: func(c *Client) (any, error) {
				return c.MessagingProfileMetrics.List(bg, MetricsParams{TimeFrame: TimeFrame1h})
			},
			method: "GET", path: "/v2/messaging_profile_metrics",
			query: "time_frame=1h", reply: list(`{"messaging_profile_id":"p","sent":3}`),
			check: func(t *testing.T, got any) {
				p := got.(*Page[Metrics])
				if len(p.Data) != 1 || p.Data[0]["sent"] != 3.0 || p.Meta == nil {
					t.Errorf("metrics: %+v", p)
				}
			},
		},
		{
			name: "12 autoresp_configs.list",
			call: func(c *Client) (any, error) {
				return ar(c).List(bg, ListAutorespConfigsParams{CountryCode: "US", CreatedAtGte: "2023-01-01T00:00:00Z", UpdatedAtLte: "2024-01-01"})
			},
			method: "GET", path: "/v2/messaging_profiles/prof%201%2Fx/autoresp_configs",
			query: "country_code=US&created_at%5Bgte%5D=2023-01-01T00%3A00%3A00Z&updated_at%5Blte%5D=2024-01-01",
			reply: list(autorespJSON),
			check: func(t *testing.T, got any) {
				a := got.(*Page[AutorespConfig]).Data[0]
				if a.Op != AutorespOpStart || a.Keywords[1] != "BEGIN" || *a.RespText != "Thanks" {
					t.Errorf("autoresp: %+v", a)
				}
			},
		},
		{
			name: "13 autoresp_configs.create",
			call: func(c *Client) (any, error) {
				return ar(c).Create(bg, AutorespConfigParams{Op: AutorespOpStop, Keywords: []string{"STOP"}, CountryCode: "US"})
			},
			method: "POST", path: "/v2/messaging_profiles/prof%201%2Fx/autoresp_configs",
			body:  `{"op":"stop","keywords":["STOP"],"country_code":"US"}`,
			reply: data(autorespJSON),
			check: func(t *testing.T, got any) {
				if got.(*AutorespConfig).ID != "b8f9c1c0-5b5a-4b1e-8c1c-0b5a4b1e8c1c" {
					t.Errorf("autoresp: %+v", got)
				}
			},
		},
		{
			name:   "14 autoresp_configs.retrieve",
			call:   func(c *Client) (any, error) { return ar(c).Retrieve(bg, "cfg-1") },
			method: "GET", path: "/v2/messaging_profiles/prof%201%2Fx/autoresp_configs/cfg-1",
			reply: data(autorespJSON),
			check: func(t *testing.T, got any) {
				if got.(*AutorespConfig).CountryCode != "US" {
					t.Errorf("autoresp: %+v", got)
				}
			},
		},
		{
			name: "15 autoresp_configs.update",
			call: func(c *Client) (any, error) {
				return ar(c).Update(bg, "cfg-1", AutorespConfigParams{Op: AutorespOpInfo, Keywords: []string{"HELP", "INFO"}, CountryCode: "*", RespText: Ptr("Help text")})
			},
			method: "PUT", path: "/v2/messaging_profiles/prof%201%2Fx/autoresp_configs/cfg-1",
			body:  `{"op":"info","keywords":["HELP","INFO"],"country_code":"*","resp_text":"Help text"}`,
			reply: data(autorespJSON),
			check: func(t *testing.T, got any) {
				if got.(*AutorespConfig).UpdatedAt != "2023-01-02T00:00:00Z" {
					t.Errorf("autoresp: %+v", got)
				}
			},
		},
		{
			name:   "16 autoresp_configs.delete",
			call:   func(c *Client) (any, error) { return ar(c).Delete(bg, "cfg-1") },
			method: "DELETE", path: "/v2/messaging_profiles/prof%201%2Fx/autoresp_configs/cfg-1",
			reply: `"OK"`,
			check: func(t *testing.T, got any) {
				if got.(string) != "OK" {
					t.Errorf("delete: %v", got)
				}
			},
		},
		{
			name: "17 short_codes.list",
			call: func(c *Client) (any, error) {
				return c.ShortCodes.List(bg, ListShortCodesParams{FilterMessagingProfileID: FilterUnassigned, PageSize: 2})
			},
			method: "GET", path: "/v2/short_codes",
			query: "filter%5Bmessaging_profile_id%5D=null&page%5Bsize%5D=2", reply: list(shortCodeJSON),
			check: func(t *testing.T, got any) {
				if got.(*Page[ShortCode]).Data[0].ID != "sc-1" {
					t.Errorf("short codes: %+v", got)
				}
			},
		},
		{
			name:   "18 short_codes.retrieve",
			call:   func(c *Client) (any, error) { return c.ShortCodes.Retrieve(bg, "sc-1") },
			method: "GET", path: "/v2/short_codes/sc-1",
			reply: data(strings.Replace(shortCodeJSON, `"messaging_profile_id":null`, `"messaging_profile_id":"p-9"`, 1)),
			check: func(t *testing.T, got any) {
				s := got.(*ShortCode)
				if s.MessagingProfileID == nil || *s.MessagingProfileID != "p-9" || s.Tags[0] != "a" {
					t.Errorf("short code: %+v", s)
				}
			},
		},
		{
			name: "19 short_codes.update",
			call: func(c *Client) (any, error) {
				return c.ShortCodes.Update(bg, "sc-1", UpdateShortCodeParams{MessagingProfileID: Value("p-9"), Tags: []string{"t1"}})
			},
			method: "PATCH", path: "/v2/short_codes/sc-1",
			body:  `{"messaging_profile_id":"p-9","tags":["t1"]}`,
			reply: data(shortCodeJSON),
			check: func(t *testing.T, got any) {
				if got.(*ShortCode).MessagingProfileID != nil {
					t.Errorf("short code: %+v", got)
				}
			},
		},
	}
}

// TestOperations checks every operation's exact request (method, raw path, raw query, headers,
// JSON body) and its decoded result.
func TestOperations(t *testing.T) {
	for _, tc := range operationCases() {
		t.Run(tc.name, func(t *testing.T) {
			m := newMock(t, jsonReply(200, tc.reply))
			c := newTestClient(t, m, func(o *Options) {
				o.UserAgentSuffix = "ops-test/1"
				o.Headers = map[string]string{"X-Default": "d"}
			})
			got, err := tc.call(c)
			if err != nil {
				t.Fatalf("call: %v", err)
			}
			reqs := m.requests()
			if len(reqs) != 1 {
				t.Fatalf("%d requests, want 1", len(reqs))
			}
			r := reqs[0]
			if r.Method != tc.method || r.Path != tc.path || r.Query != tc.query {
				t.Errorf("request %s %s?%s, want %s %s?%s", r.Method, r.Path, r.Query, tc.method, tc.path, tc.query)
			}
			if h := r.Header.Get("Authorization"); h != "Bearer "+testKey {
				t.Errorf("Authorization %q", h)
			}
			if h := r.Header.Get("Accept"); h != "application/json" {
				t.Errorf("Accept %q", h)
			}
			if h := r.Header.Get("X-Default"); h != "d" {
				t.Errorf("X-Default %q", h)
			}
			ua := r.Header.Get("User-Agent")
			if !strings.HasPrefix(ua, "telnyx-messaging-rust/") || !strings.HasSuffix(ua, " telnyx-messaging-go/"+BindingVersion+" ops-test/1") {
				t.Errorf("User-Agent %q", ua)
			}
			if tc.body == "" {
				if len(r.Body) != 0 || r.Header.Get("Content-Type") != "" {
					t.Errorf("unexpected body %q (Content-Type %q)", r.Body, r.Header.Get("Content-Type"))
				}
			} else {
				if ct := r.Header.Get("Content-Type"); ct != "application/json" {
					t.Errorf("Content-Type %q", ct)
				}
				assertJSON(t, "body", r.Body, tc.body)
			}
			tc.check(t, got)
		})
	}
}

func TestUpdateNullOmittedValue(t *testing.T) {
	cases := []struct {
		name   string
		params UpdateMessagingProfileParams
		want   string
	}{
		{"nothing", UpdateMessagingProfileParams{}, `{}`},
		{"all six cleared", UpdateMessagingProfileParams{
			WebhookURL: Null[string](), WebhookFailoverURL: Null[string](), AlphaSender: Null[string](),
			AIAssistantID: Null[string](), NumberPoolSettings: Null[NumberPoolSettings](),
			URLShortenerSettings: Null[URLShortenerSettings](),
		}, `{"webhook_url":null,"webhook_failover_url":null,"alpha_sender":null,"ai_assistant_id":null,"number_pool_settings":null,"url_shortener_settings":null}`},
		{"values", UpdateMessagingProfileParams{
			WebhookURL:           Value(""),
			NumberPoolSettings:   Value(NumberPoolSettings{LongCodeWeight: 0, TollFreeWeight: 1, SkipUnhealthy: false, Geomatch: Ptr(true)}),
			URLShortenerSettings: Value(URLShortenerSettings{Domain: "acct.fyi", SendWebhooks: Ptr(false)}),
			Enabled:              Ptr(false), DailySpendLimitEnabled: Ptr(true), WebhookAPIVersion: WebhookAPIVersion1,
			WhitelistedDestinations: []string{},
		}, `{"webhook_url":"","number_pool_settings":{"long_code_weight":0,"toll_free_weight":1,"skip_unhealthy":false,"geomatch":true},
			"url_shortener_settings":{"domain":"acct.fyi","send_webhooks":false},"enabled":false,"daily_spend_limit_enabled":true,
			"webhook_api_version":"1","whitelisted_destinations":[]}`},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			m := newMock(t, jsonReply(200, data(profileJSON)))
			c := newTestClient(t, m)
			if _, err := c.MessagingProfiles.Update(bg, profileID, tc.params); err != nil {
				t.Fatal(err)
			}
			assertJSON(t, "body", m.requests()[0].Body, tc.want)
		})
	}
}

func TestShortCodeUpdateNullEmptyID(t *testing.T) {
	cases := []struct {
		name   string
		params UpdateShortCodeParams
		want   string
	}{
		{"null unassigns", UpdateShortCodeParams{MessagingProfileID: Null[string]()}, `{"messaging_profile_id":null}`},
		{"empty unassigns", UpdateShortCodeParams{MessagingProfileID: Value("")}, `{"messaging_profile_id":""}`},
		{"id assigns", UpdateShortCodeParams{MessagingProfileID: Value(profileID)}, `{"messaging_profile_id":"` + profileID + `"}`},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			m := newMock(t, jsonReply(200, data(shortCodeJSON)))
			c := newTestClient(t, m)
			if _, err := c.ShortCodes.Update(bg, "sc-1", tc.params); err != nil {
				t.Fatal(err)
			}
			assertJSON(t, "body", m.requests()[0].Body, tc.want)
		})
	}
	t.Run("absent is an argument error", func(t *testing.T) {
		m := newMock(t, jsonReply(200, data(shortCodeJSON)))
		c := newTestClient(t, m)
		_, err := c.ShortCodes.Update(bg, "sc-1", UpdateShortCodeParams{Tags: []string{"x"}})
		if !isKind(err, ErrInvalidArgument) || m.count() != 0 {
			t.Fatalf("err %v, %d requests", err, m.count())
		}
	})
}

func TestResponseNullVsAbsent(t *testing.T) {
	m := newMock(t, jsonReply(200, data(`{"id":"p","webhook_url":null}`)))
	c := newTestClient(t, m)
	p, err := c.MessagingProfiles.Retrieve(bg, "p")
	if err != nil {
		t.Fatal(err)
	}
	if !p.WebhookURL.Set || !p.WebhookURL.Null {
		t.Errorf("webhook_url should be null: %+v", p.WebhookURL)
	}
	if p.WebhookFailoverURL.Set || p.NumberPoolSettings.Set {
		t.Errorf("absent fields should not be set: %+v", p)
	}
	assertJSON(t, "re-encoded", mustJSON(t, p), `{"id":"p","webhook_url":null}`)
}
