package telnyxmessaging

import (
	"errors"
	"fmt"
	"net"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"
)

// startMock starts a mock for one test; it is closed when the test ends.
func startMock(t *testing.T, opts MockOptions) *MockServer {
	t.Helper()
	m, err := StartMock(opts)
	if err != nil {
		t.Fatalf("StartMock(%+v): %v", opts, err)
	}
	t.Cleanup(func() { m.Close() })
	return m
}

// mockClient is a client of m with the mock's key; edit changes its options.
func mockClient(t *testing.T, m *MockServer, edit ...func(*Options)) *Client {
	t.Helper()
	o := Options{APIKey: MockAPIKey, BaseURL: m.BaseURL(), Proxy: "none"}
	for _, e := range edit {
		e(&o)
	}
	c, err := NewClient(o)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { c.Close() })
	return c
}

func retries(n int) func(*Options) { return func(o *Options) { o.MaxRetries = Ptr(n) } }

func TestMockAPIKeyIsTheLibrarysKey(t *testing.T) {
	if got := libraryMockAPIKey(); got != MockAPIKey {
		t.Errorf("the C library's mock key is %q, MockAPIKey %q", got, MockAPIKey)
	}
}

func TestMockServesTheSeededData(t *testing.T) {
	m := startMock(t, MockOptions{})
	if u := m.BaseURL(); !strings.HasPrefix(u, "http://127.0.0.1:") || !strings.HasSuffix(u, "/v2") {
		t.Errorf("BaseURL %q", u)
	}
	if m.RequestsReceived() != 0 || m.ConnectionsAccepted() != 0 {
		t.Errorf("a new mock has counts %d, %d", m.RequestsReceived(), m.ConnectionsAccepted())
	}
	c := mockClient(t, m)
	page, err := c.MessagingProfiles.List(bg, ListMessagingProfilesParams{PageSize: 5})
	if err != nil {
		t.Fatal(err)
	}
	if want := (PageMeta{PageNumber: 1, PageSize: 5, TotalPages: 2, TotalResults: 7}); page.Meta == nil || *page.Meta != want {
		t.Errorf("meta %+v, want %+v", page.Meta, want)
	}
	if len(page.Data) != 5 || page.Data[0].Name != "Alerts (US)" {
		t.Errorf("data %+v", page.Data)
	}
	created, err := c.MessagingProfiles.Create(bg, CreateMessagingProfileParams{Name: "From Go", WhitelistedDestinations: []string{"US"}})
	if err != nil {
		t.Fatal(err)
	}
	found, err := c.MessagingProfiles.List(bg, ListMessagingProfilesParams{FilterNameContains: "from go"})
	if err != nil || len(found.Data) != 1 || found.Data[0].ID != created.ID {
		t.Errorf("filter: %+v, %v", found, err)
	}
	_, err = c.MessagingProfiles.Retrieve(bg, "00000000-0000-0000-0000-000000000000")
	var apiErr *APIError
	if !errors.As(err, &apiErr) || !errors.Is(err, ErrNotFound) || apiErr.RequestID == "" {
		t.Errorf("missing profile: %v", err)
	}
	wrong := mockClient(t, m, func(o *Options) { o.APIKey = "KEY_WRONG" })
	if _, err := wrong.ShortCodes.List(bg, ListShortCodesParams{}); !errors.Is(err, ErrAuthentication) {
		t.Errorf("wrong key: %v", err)
	}
	if m.RequestsReceived() != 5 || m.ConnectionsAccepted() != 2 {
		t.Errorf("%d requests on %d connections, want 5 on 2", m.RequestsReceived(), m.ConnectionsAccepted())
	}
}

func TestMockExtraProfiles(t *testing.T) {
	m := startMock(t, MockOptions{ExtraProfiles: 300})
	c := mockClient(t, m)
	var names []string
	for p, err := range c.MessagingProfiles.All(bg, ListMessagingProfilesParams{}) {
		if err != nil {
			t.Fatal(err)
		}
		names = append(names, p.Name)
	}
	if len(names) != 307 || names[7] != "Profile 00001" || names[306] != "Profile 00300" {
		t.Errorf("%d profiles: %v ... %v", len(names), names[:min(len(names), 8)], names[max(0, len(names)-1):])
	}
	if m.RequestsReceived() != 2 { // 250 per page
		t.Errorf("%d requests", m.RequestsReceived())
	}
}

func TestMockFaultsGiveTheExactRetryCount(t *testing.T) {
	m := startMock(t, MockOptions{FaultEvery: 2, Fault: "status:503"})
	c := mockClient(t, m, retries(2))
	for i, want := range []uint64{1, 3} { // the 2nd request gets a 503 and is retried
		if _, err := c.ShortCodes.List(bg, ListShortCodesParams{}); err != nil {
			t.Fatalf("call %d: %v", i+1, err)
		}
		if n := m.RequestsReceived(); n != want {
			t.Errorf("after call %d: %d requests, want %d", i+1, n, want)
		}
	}
	_, err := mockClient(t, m, retries(0)).ShortCodes.List(bg, ListShortCodesParams{})
	var apiErr *APIError
	if !errors.As(err, &apiErr) || apiErr.StatusCode != 503 || len(apiErr.Errors) != 1 || apiErr.Errors[0].Title != "Injected fault" {
		t.Errorf("without retries: %v", err)
	}
	if n := m.RequestsReceived(); n != 4 {
		t.Errorf("%d requests, want 4", n)
	}

	every := startMock(t, MockOptions{FaultEvery: 1})
	if _, err := mockClient(t, every, retries(2)).MessagingProfiles.List(bg, ListMessagingProfilesParams{}); !errors.Is(err, ErrInternalServer) {
		t.Errorf("every request faulted: %v", err)
	}
	if n := every.RequestsReceived(); n != 3 {
		t.Errorf("%d requests, want 1 + 2 retries", n)
	}
}

func TestMockRateLimitResetDelayAndLatency(t *testing.T) {
	limited := startMock(t, MockOptions{FaultEvery: 1, Fault: "status:429:7"})
	_, err := mockClient(t, limited, retries(0)).MessagingProfiles.List(bg, ListMessagingProfilesParams{})
	var apiErr *APIError
	if !errors.As(err, &apiErr) || !errors.Is(err, ErrRateLimited) || apiErr.RetryAfter != 7*time.Second {
		t.Errorf("429: %v", err)
	}
	reset := startMock(t, MockOptions{FaultEvery: 1, Fault: "reset"})
	if _, err := mockClient(t, reset, retries(0)).MessagingProfiles.List(bg, ListMessagingProfilesParams{}); !errors.Is(err, ErrConnection) {
		t.Errorf("reset: %v", err)
	}
	short := func(o *Options) { o.MaxRetries = Ptr(0); o.Timeout = 50 * time.Millisecond }
	delayed := startMock(t, MockOptions{FaultEvery: 1, Fault: "delay:400"})
	if _, err := mockClient(t, delayed, short).MessagingProfiles.List(bg, ListMessagingProfilesParams{}); !errors.Is(err, ErrTimeout) {
		t.Errorf("delay: %v", err)
	}
	slow := startMock(t, MockOptions{Latency: 300 * time.Millisecond})
	if _, err := mockClient(t, slow, short).MessagingProfiles.List(bg, ListMessagingProfilesParams{}); !errors.Is(err, ErrTimeout) {
		t.Errorf("latency: %v", err)
	}
}

func TestMockCloseStopsIt(t *testing.T) {
	m, err := StartMock(MockOptions{})
	if err != nil {
		t.Fatal(err)
	}
	c := mockClient(t, m, retries(0))
	if _, err := c.ShortCodes.List(bg, ListShortCodesParams{}); err != nil {
		t.Fatal(err)
	}
	// The client keeps an idle keep-alive connection: Close does not wait for it.
	if err := m.Close(); err != nil {
		t.Fatal(err)
	}
	if err := m.Close(); err != nil { // again: nothing
		t.Fatal(err)
	}
	if _, err := c.ShortCodes.List(bg, ListShortCodesParams{}); !errors.Is(err, ErrConnection) {
		t.Errorf("after Close: %v", err)
	}
	if m.RequestsReceived() != 1 || m.ConnectionsAccepted() != 1 {
		t.Errorf("counts after Close: %d, %d", m.RequestsReceived(), m.ConnectionsAccepted())
	}
	// Its port is free again.
	port, _ := strconv.Atoi(strings.TrimSuffix(strings.TrimPrefix(m.BaseURL(), "http://127.0.0.1:"), "/v2"))
	again := startMock(t, MockOptions{Port: port})
	if again.BaseURL() != m.BaseURL() {
		t.Errorf("%s, want %s", again.BaseURL(), m.BaseURL())
	}
}

func TestMockPortAndPortInUse(t *testing.T) {
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	port := l.Addr().(*net.TCPAddr).Port
	l.Close()
	m := startMock(t, MockOptions{Port: port})
	if want := fmt.Sprintf("http://127.0.0.1:%d/v2", port); m.BaseURL() != want {
		t.Errorf("%s, want %s", m.BaseURL(), want)
	}
	other, err := StartMock(MockOptions{Port: port})
	if err == nil {
		other.Close()
	}
	if !errors.Is(err, ErrConfiguration) || !mentions(fmt.Sprint(err), "port") || !strings.Contains(fmt.Sprint(err), strconv.Itoa(port)) {
		t.Errorf("port in use: %v", err)
	}
}

func TestMockIsSharedByGoroutines(t *testing.T) {
	m := startMock(t, MockOptions{})
	c := mockClient(t, m)
	page, err := c.MessagingProfiles.List(bg, ListMessagingProfilesParams{})
	if err != nil {
		t.Fatal(err)
	}
	var wg sync.WaitGroup
	for g := range 4 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range 10 {
				id := page.Data[(g+i)%7].ID
				if p, err := c.MessagingProfiles.Retrieve(bg, id); err != nil || p.ID != id {
					t.Errorf("retrieve %s: %v", id, err)
				}
				_ = m.RequestsReceived()
			}
		}()
	}
	wg.Wait()
	if n := m.RequestsReceived(); n != 41 {
		t.Errorf("%d requests, want 41", n)
	}
}
