package telnyxmessaging

import (
	"context"
	"errors"
	"net"
	"net/http"
	"strconv"
	"strings"
	"testing"
	"time"
)

func isKind(err error, sentinel error) bool { return err != nil && errors.Is(err, sentinel) }

var allSentinels = []error{
	ErrInvalidArgument, ErrConfiguration, ErrConnection, ErrTimeout, ErrBadRequest, ErrAuthentication,
	ErrPermissionDenied, ErrNotFound, ErrConflict, ErrUnprocessableEntity, ErrRateLimited,
	ErrInternalServer, ErrAPIStatus, ErrDecode, ErrUnexpectedPage, ErrPanic,
}

// onlyKind checks that err matches sentinel and no other sentinel.
func onlyKind(t *testing.T, err error, sentinel error) {
	t.Helper()
	if err == nil {
		t.Fatalf("no error, want %v", sentinel)
	}
	for _, s := range allSentinels {
		if got, want := errors.Is(err, s), s == sentinel; got != want {
			t.Errorf("errors.Is(%v, %v) = %v", err, s, got)
		}
	}
}

const errorBody = `{"errors":[{"code":"10015","title":"Invalid attribute","detail":"name is bad","source":{"pointer":"/name"},"meta":{"url":"https://developers.telnyx.com"}},{"code":10011,"title":"Second"}]}`

func TestStatusErrors(t *testing.T) {
	cases := []struct {
		status   int
		sentinel error
		kind     ErrorKind
	}{
		{400, ErrBadRequest, KindBadRequest},
		{401, ErrAuthentication, KindAuthentication},
		{403, ErrPermissionDenied, KindPermissionDenied},
		{404, ErrNotFound, KindNotFound},
		{409, ErrConflict, KindConflict},
		{422, ErrUnprocessableEntity, KindUnprocessableEntity},
		{429, ErrRateLimited, KindRateLimited},
		{500, ErrInternalServer, KindInternalServer},
		{503, ErrInternalServer, KindInternalServer},
		{418, ErrAPIStatus, KindAPIStatus},
	}
	for _, tc := range cases {
		t.Run(http.StatusText(tc.status), func(t *testing.T) {
			m := newMock(t, func(w http.ResponseWriter, r *recorded) {
				w.Header().Set("x-request-id", "req-42")
				w.Header().Set("Retry-After", "7")
				w.Header().Set("x-ratelimit-remaining", "0")
				jsonReply(tc.status, errorBody)(w, r)
			})
			c := newTestClient(t, m)
			_, err := c.MessagingProfiles.Retrieve(bg, profileID)
			onlyKind(t, err, tc.sentinel)
			var ae *APIError
			if !errors.As(err, &ae) {
				t.Fatalf("not an *APIError: %T", err)
			}
			if ae.Kind != tc.kind || ae.StatusCode != tc.status || ae.RequestID != "req-42" {
				t.Errorf("error fields: %+v", ae)
			}
			if len(ae.Errors) != 2 || ae.Errors[0].Code != "10015" || ae.Errors[0].Title != "Invalid attribute" ||
				ae.Errors[0].Detail != "name is bad" || ae.Errors[0].Source == nil || ae.Errors[0].Source.Pointer != "/name" ||
				ae.Errors[1].Code != "10011" {
				t.Errorf("error details: %+v", ae.Errors)
			}
			if !jsonEqual(t, ae.Errors[0].Meta, []byte(`{"url":"https://developers.telnyx.com"}`)) {
				t.Errorf("meta %s", ae.Errors[0].Meta)
			}
			if rl := ae.RateLimit; rl == nil || rl.Limit != nil || rl.Reset != nil || rl.Remaining == nil || *rl.Remaining != 0 {
				t.Errorf("rate limit: %+v", rl)
			}
			if tc.status == 429 && (!ae.HasRetryAfter || ae.RetryAfter != 7*time.Second) {
				t.Errorf("retry after: %v %v", ae.HasRetryAfter, ae.RetryAfter)
			}
			if msg := ae.Error(); !strings.HasPrefix(msg, "telnyx: ") || !strings.Contains(msg, "req-42") ||
				!strings.Contains(msg, strconv.Itoa(tc.status)) || !strings.Contains(msg, "name is bad") {
				t.Errorf("message %q", ae.Error())
			}
			if m.count() != 1 {
				t.Errorf("%d requests with MaxRetries 0", m.count())
			}
		})
	}
}

func TestErrorBodyNotJSON(t *testing.T) {
	m := newMock(t, func(w http.ResponseWriter, r *recorded) {
		w.Header().Set("Content-Type", "text/html")
		w.WriteHeader(502)
		w.Write([]byte("<html>bad gateway</html>"))
	})
	c := newTestClient(t, m)
	_, err := c.ShortCodes.Retrieve(bg, "x")
	onlyKind(t, err, ErrInternalServer)
	var ae *APIError
	errors.As(err, &ae)
	if ae.StatusCode != 502 || len(ae.Errors) != 0 || ae.HasRetryAfter {
		t.Errorf("error: %+v", ae)
	}
}

func TestDecodeError(t *testing.T) {
	m := newMock(t, jsonReply(200, `{"data": {"id": 12}}`))
	c := newTestClient(t, m)
	_, err := c.MessagingProfiles.Retrieve(bg, "x")
	onlyKind(t, err, ErrDecode)
	m2 := newMock(t, jsonReply(200, `not json`))
	c2 := newTestClient(t, m2)
	_, err = c2.ShortCodes.List(bg, ListShortCodesParams{})
	onlyKind(t, err, ErrDecode)
}

func TestConnectionRefused(t *testing.T) {
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	addr := l.Addr().String()
	l.Close()
	c, err := NewClient(Options{APIKey: testKey, BaseURL: "http://" + addr, MaxRetries: Ptr(0)})
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close()
	_, err = c.MessagingProfiles.Retrieve(bg, "x")
	onlyKind(t, err, ErrConnection)
	var ae *APIError
	if !errors.As(err, &ae) || ae.StatusCode != 0 || ae.Message == "" {
		t.Errorf("error: %+v", ae)
	}
}

// blockingMock answers nothing until the test ends.
func blockingMock(t *testing.T) *mock {
	release := make(chan struct{})
	m := newMock(t, func(w http.ResponseWriter, r *recorded) { <-release })
	t.Cleanup(func() { close(release) }) // runs before the server's Close
	return m
}

// The server never answers, so only the timeout can end these calls: no clock is read.
func TestTimeout(t *testing.T) {
	m := blockingMock(t)
	c := newTestClient(t, m, func(o *Options) { o.Timeout = 200 * time.Millisecond })
	_, err := c.MessagingProfiles.Retrieve(bg, "x")
	onlyKind(t, err, ErrTimeout)
	if m.count() != 1 {
		t.Errorf("%d requests, want 1", m.count())
	}
	if errors.Is(err, context.DeadlineExceeded) {
		t.Errorf("a client timeout should not look like a context deadline")
	}
}

func TestContextDeadline(t *testing.T) {
	m := blockingMock(t)
	// An hour per attempt and a server that never answers: only the context's deadline can end
	// the call (were it ignored, the test would hang until go test's -timeout).
	c := newTestClient(t, m, func(o *Options) { o.Timeout = time.Hour })
	ctx, cancel := context.WithTimeout(bg, 300*time.Millisecond)
	defer cancel()
	_, err := c.MessagingProfiles.Retrieve(ctx, "x")
	if !isKind(err, ErrTimeout) || !errors.Is(err, context.DeadlineExceeded) {
		t.Fatalf("err %v", err)
	}
	// The same for an iterator.
	ctx2, cancel2 := context.WithTimeout(bg, 300*time.Millisecond)
	defer cancel2()
	for _, err := range c.ShortCodes.All(ctx2, ListShortCodesParams{}) {
		if !isKind(err, ErrTimeout) || !errors.Is(err, context.DeadlineExceeded) {
			t.Fatalf("iterator err %v", err)
		}
	}
}

func TestContextDoneBeforeCall(t *testing.T) {
	m := newMock(t, jsonReply(200, data(profileJSON)))
	c := newTestClient(t, m)
	ctx, cancel := context.WithCancel(bg)
	cancel()
	if _, err := c.MessagingProfiles.Retrieve(ctx, "x"); !errors.Is(err, context.Canceled) {
		t.Errorf("err %v", err)
	}
	n := 0
	for _, err := range c.MessagingProfiles.All(ctx, ListMessagingProfilesParams{}) {
		n++
		if !errors.Is(err, context.Canceled) {
			t.Errorf("iterator err %v", err)
		}
	}
	if n != 1 || m.count() != 0 {
		t.Errorf("%d yields, %d requests", n, m.count())
	}
	// A nil context is Background.
	//lint:ignore SA1012 a nil context is accepted on purpose
	if _, err := c.MessagingProfiles.Retrieve(nil, "x"); err != nil { //nolint:staticcheck
		t.Errorf("nil ctx: %v", err)
	}
}

func TestInvalidArguments(t *testing.T) {
	m := newMock(t, jsonReply(200, data(profileJSON)))
	c := newTestClient(t, m)
	cases := map[string]func() error{
		"NUL in id": func() error { _, err := c.MessagingProfiles.Retrieve(bg, "a\x00b"); return err },
		"empty id":  func() error { _, err := c.MessagingProfiles.Delete(bg, ""); return err },
		"empty autoresp profile id": func() error {
			_, err := c.MessagingProfiles.AutorespConfigs("").Retrieve(bg, "x")
			return err
		},
		"page size too big": func() error {
			_, err := c.MessagingProfiles.List(bg, ListMessagingProfilesParams{PageSize: 251})
			return err
		},
		"missing whitelisted destinations": func() error {
			_, err := c.MessagingProfiles.Create(bg, CreateMessagingProfileParams{Name: "x"})
			return err
		},
		"negative timeout": func() error {
			_, err := c.WithOptions(RequestOptions{Timeout: -time.Second})
			return err
		},
		"iterator with a bad page size": func() error {
			for _, err := range c.ShortCodes.All(bg, ListShortCodesParams{PageSize: 1000}) {
				return err
			}
			return nil
		},
		"invalid raw JSON in Extra": func() error {
			_, err := c.MessagingProfiles.Create(bg, CreateMessagingProfileParams{Name: "x", WhitelistedDestinations: []string{"US"},
				NumberPoolSettings: &NumberPoolSettings{Extra: Extra{"x": []byte("{")}}})
			return err
		},
	}
	for name, f := range cases {
		t.Run(name, func(t *testing.T) {
			err := f()
			onlyKind(t, err, ErrInvalidArgument)
			var ae *APIError
			if !errors.As(err, &ae) || ae.Message == "" {
				t.Errorf("error: %#v", err)
			}
		})
	}
	if m.count() != 0 {
		t.Errorf("%d requests sent for invalid arguments", m.count())
	}
}

func TestConfigurationErrors(t *testing.T) {
	t.Setenv("TELNYX_API_KEY", "")
	t.Setenv("TELNYX_BASE_URL", "")
	cases := map[string]Options{
		"no api key":           {},
		"bad base url":         {APIKey: "k", BaseURL: "ftp://example.com"},
		"plain http off host":  {APIKey: "k", BaseURL: "http://example.com/v2"},
		"not a url":            {APIKey: "k", BaseURL: "::::"},
		"unknown proxy choice": {APIKey: "k", Proxy: "::bad proxy::"},
	}
	for name, opts := range cases {
		t.Run(name, func(t *testing.T) {
			c, err := NewClient(opts)
			if err == nil {
				c.Close()
				t.Fatal("no error")
			}
			if !isKind(err, ErrConfiguration) && !isKind(err, ErrInvalidArgument) {
				t.Errorf("err %v", err)
			}
			if name == "no api key" || name == "plain http off host" {
				onlyKind(t, err, ErrConfiguration)
			}
		})
	}
	c, err := NewClient(Options{APIKey: "k", BaseURL: "http://example.com/v2", AllowInsecureHTTP: true})
	if err != nil {
		t.Fatalf("AllowInsecureHTTP: %v", err)
	}
	c.Close()
}

func TestEnvironmentDefaults(t *testing.T) {
	m := newMock(t, jsonReply(200, data(profileJSON)))
	t.Setenv("TELNYX_API_KEY", "env-key")
	t.Setenv("TELNYX_BASE_URL", m.baseURL())
	c, err := NewClient(Options{MaxRetries: Ptr(0)})
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close()
	if _, err := c.MessagingProfiles.Retrieve(bg, "p"); err != nil {
		t.Fatal(err)
	}
	r := m.requests()[0]
	if r.Header.Get("Authorization") != "Bearer env-key" || r.Path != "/v2/messaging_profiles/p" {
		t.Errorf("request %+v", r)
	}
}

func TestErrorKindNames(t *testing.T) {
	if KindRateLimited.String() != "rate_limit" || ErrorKind(99).String() != "kind_99" {
		t.Error(KindRateLimited.String(), ErrorKind(99).String())
	}
	if ErrNotFound.Error() != "telnyx: not found" {
		t.Error(ErrNotFound.Error())
	}
	if s := (&APIError{Kind: KindNotFound, StatusCode: 404, Message: "gone", RequestID: "r"}).Error(); s != "telnyx: gone [request id r]" {
		t.Error(s)
	}
	e := &APIError{Kind: KindNotFound, StatusCode: 404}
	if e.Error() != "telnyx: not found (HTTP 404)" || !errors.Is(e, ErrNotFound) || errors.Is(e, ErrConflict) {
		t.Error(e.Error())
	}
	if !(&APIError{Kind: KindRateLimited}).Temporary() || (&APIError{Kind: KindNotFound}).Temporary() {
		t.Error("Temporary")
	}
}
