package telnyxmessaging_test

// Each example starts a stand-in for the API on 127.0.0.1 (net/http/httptest), so it runs
// offline under `go test` and its output is checked. Against the real API, leave BaseURL empty.

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"

	"github.com/telnyx-messaging/telnyx-messaging/ffi/go"
)

func ExampleNewClient() {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		fmt.Println("server got:", r.Method, r.URL.Path, r.Header.Get("Authorization"))
		w.Header().Set("Content-Type", "application/json")
		io.WriteString(w, `{"data": {"id": "p1", "name": "Alerts", "enabled": true}}`)
	}))
	defer srv.Close()

	client, err := telnyxmessaging.NewClient(telnyxmessaging.Options{
		APIKey:  "KEY_EXAMPLE",   // default: $TELNYX_API_KEY
		BaseURL: srv.URL + "/v2", // default: $TELNYX_BASE_URL, then https://api.telnyxmessaging.com/v2
	})
	if err != nil {
		fmt.Println(err)
		return
	}
	defer client.Close()

	profile, err := client.MessagingProfiles.Retrieve(context.Background(), "p1")
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(profile.ID, profile.Name, *profile.Enabled)
	// Output:
	// server got: GET /v2/messaging_profiles/p1 Bearer KEY_EXAMPLE
	// p1 Alerts true
}

func ExampleNewClient_configurationError() {
	// Settings are checked when the client is built: plain http to a host other than
	// loopback would send the API key in clear text.
	_, err := telnyxmessaging.NewClient(telnyxmessaging.Options{APIKey: "KEY_EXAMPLE", BaseURL: "http://api.example.com/v2"})
	fmt.Println(errors.Is(err, telnyxmessaging.ErrConfiguration))
	// Output:
	// true
}

func ExampleMessagingProfilesService_All() {
	// Two pages: the iterator asks for page 2 only when page 1 is used up.
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		q := r.URL.Query()
		fmt.Println("server got: page[number] =", q.Get("page[number]"), "page[size] =", q.Get("page[size]"))
		w.Header().Set("Content-Type", "application/json")
		switch q.Get("page[number]") {
		case "1":
			io.WriteString(w, `{"data": [{"id": "p1", "name": "Alerts"}, {"id": "p2", "name": "Billing"}],
				"meta": {"page_number": 1, "page_size": 2, "total_pages": 2, "total_results": 3}}`)
		default:
			io.WriteString(w, `{"data": [{"id": "p3", "name": "Support"}],
				"meta": {"page_number": 2, "page_size": 2, "total_pages": 2, "total_results": 3}}`)
		}
	}))
	defer srv.Close()
	client, err := telnyxmessaging.NewClient(telnyxmessaging.Options{APIKey: "KEY_EXAMPLE", BaseURL: srv.URL + "/v2"})
	if err != nil {
		fmt.Println(err)
		return
	}
	defer client.Close()

	params := telnyxmessaging.ListMessagingProfilesParams{PageSize: 2}
	for profile, err := range client.MessagingProfiles.All(context.Background(), params) {
		if err != nil {
			fmt.Println(err)
			return
		}
		fmt.Println(profile.ID, profile.Name)
	}
	// Output:
	// server got: page[number] = 1 page[size] = 2
	// p1 Alerts
	// p2 Billing
	// server got: page[number] = 2 page[size] = 2
	// p3 Support
}

func ExampleAPIError() {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/json")
		w.Header().Set("X-Request-Id", "req-42")
		w.WriteHeader(http.StatusNotFound)
		io.WriteString(w, `{"errors": [{"code": "10005", "title": "Resource not found",
			"detail": "The requested resource or URL could not be found."}]}`)
	}))
	defer srv.Close()
	client, err := telnyxmessaging.NewClient(telnyxmessaging.Options{APIKey: "KEY_EXAMPLE", BaseURL: srv.URL + "/v2"})
	if err != nil {
		fmt.Println(err)
		return
	}
	defer client.Close()

	_, err = client.MessagingProfiles.Retrieve(context.Background(), "gone")
	// errors.Is tests the kind of error against the sentinels.
	fmt.Println("not found:", errors.Is(err, telnyxmessaging.ErrNotFound), "| rate limited:", errors.Is(err, telnyxmessaging.ErrRateLimited))
	// errors.As gives every detail of the answer.
	var apiErr *telnyxmessaging.APIError
	if errors.As(err, &apiErr) {
		fmt.Println(apiErr.StatusCode, apiErr.Kind, apiErr.RequestID, apiErr.Errors[0].Code, apiErr.Errors[0].Title)
		fmt.Println("retry later:", apiErr.Temporary())
	}

	// Bad arguments are refused before any request.
	_, err = client.MessagingProfiles.Retrieve(context.Background(), "..")
	fmt.Println(errors.Is(err, telnyxmessaging.ErrInvalidArgument), err)
	// Output:
	// not found: true | rate limited: false
	// 404 not_found req-42 10005 Resource not found
	// retry later: false
	// true telnyx: invalid argument: messaging profile id ".." is not a valid id
}

func ExampleMessagingProfilesService_Update() {
	// The server shows the PATCH body it receives.
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		body, _ := io.ReadAll(r.Body)
		fmt.Println("server got:", r.Method, r.URL.Path, string(body))
		w.Header().Set("Content-Type", "application/json")
		io.WriteString(w, `{"data": {"id": "p1", "name": "Alerts (US)", "webhook_url": null, "alpha_sender": "ACME"}}`)
	}))
	defer srv.Close()
	client, err := telnyxmessaging.NewClient(telnyxmessaging.Options{APIKey: "KEY_EXAMPLE", BaseURL: srv.URL + "/v2"})
	if err != nil {
		fmt.Println(err)
		return
	}
	defer client.Close()

	// Set the name and the sender ID, clear the webhook URL, leave everything else unchanged.
	profile, err := client.MessagingProfiles.Update(context.Background(), "p1", telnyxmessaging.UpdateMessagingProfileParams{
		Name:        telnyxmessaging.Ptr("Alerts (US)"),
		WebhookURL:  telnyxmessaging.Null[string](),
		AlphaSender: telnyxmessaging.Value("ACME"),
	})
	if err != nil {
		fmt.Println(err)
		return
	}
	sender, _ := profile.AlphaSender.Get()
	fmt.Println(profile.Name, "| webhook_url null:", profile.WebhookURL.IsNull(), "| alpha_sender:", sender)
	fmt.Println("webhook_failover_url present:", !profile.WebhookFailoverURL.IsZero())
	// Output:
	// server got: PATCH /v2/messaging_profiles/p1 {"name":"Alerts (US)","webhook_url":null,"alpha_sender":"ACME"}
	// Alerts (US) | webhook_url null: true | alpha_sender: ACME
	// webhook_failover_url present: false
}

func ExampleNullable() {
	// A Nullable field is absent (zero value, left out with `omitzero`), null, or a value.
	params := telnyxmessaging.UpdateMessagingProfileParams{
		WebhookURL:  telnyxmessaging.Null[string](),
		AlphaSender: telnyxmessaging.Value("ACME"),
		// AIAssistantID stays absent: the server leaves it unchanged.
	}
	body, _ := json.Marshal(params)
	fmt.Println(string(body))

	var profile telnyxmessaging.MessagingProfile
	if err := json.Unmarshal([]byte(`{"webhook_url": null, "alpha_sender": "ACME"}`), &profile); err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(profile.WebhookURL.IsNull(), profile.AIAssistantID.IsZero(), profile.AlphaSender.Value)
	// Output:
	// {"webhook_url":null,"alpha_sender":"ACME"}
	// true true ACME
}

func ExampleClient_WithOptions() {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		fmt.Println("server got X-Trace:", r.Header.Get("X-Trace"))
		w.Header().Set("Content-Type", "application/json")
		io.WriteString(w, `{"data": {"id": "p1"}}`)
	}))
	defer srv.Close()
	client, err := telnyxmessaging.NewClient(telnyxmessaging.Options{APIKey: "KEY_EXAMPLE", BaseURL: srv.URL + "/v2"})
	if err != nil {
		fmt.Println(err)
		return
	}
	defer client.Close()

	// A client for calls that send a header and never retry; it shares the connection pool.
	traced, err := client.WithOptions(telnyxmessaging.RequestOptions{
		Headers:    map[string]string{"X-Trace": "abc"},
		MaxRetries: telnyxmessaging.Ptr(0),
	})
	if err != nil {
		fmt.Println(err)
		return
	}
	defer traced.Close()
	if _, err := traced.MessagingProfiles.Retrieve(context.Background(), "p1"); err != nil {
		fmt.Println(err)
	}
	// Output:
	// server got X-Trace: abc
}

func ExampleStartMock() {
	// The library's mock of the API, in this process: seeded data, faults on demand. Every
	// 2nd request it receives gets a 503.
	mock, err := telnyxmessaging.StartMock(telnyxmessaging.MockOptions{FaultEvery: 2, Fault: "status:503"})
	if err != nil {
		fmt.Println(err)
		return
	}
	defer mock.Close()

	client, err := telnyxmessaging.NewClient(telnyxmessaging.Options{
		APIKey:  telnyxmessaging.MockAPIKey,
		BaseURL: mock.BaseURL(),
		Proxy:   "none", // requests for 127.0.0.1 never go through a proxy
	})
	if err != nil {
		fmt.Println(err)
		return
	}
	defer client.Close()

	ctx := context.Background()
	page, err := client.MessagingProfiles.List(ctx, telnyxmessaging.ListMessagingProfilesParams{PageSize: 3})
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Printf("%d profiles, the first %q\n", page.Meta.TotalResults, page.Data[0].Name)

	// The 2nd request gets the 503, and the client retries it: 3 requests in all.
	codes, err := client.ShortCodes.List(ctx, telnyxmessaging.ListShortCodesParams{})
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Printf("%d short codes; the mock received %d requests\n", len(codes.Data), mock.RequestsReceived())
	// Output:
	// 7 profiles, the first "Alerts (US)"
	// 4 short codes; the mock received 3 requests
}
