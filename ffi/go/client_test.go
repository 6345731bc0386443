package telnyxmessaging

import (
	"errors"
	"fmt"
	"net/http"
	"runtime"
	"strings"
	"sync"
	"testing"
	"time"
)

func TestVersion(t *testing.T) {
	if v := Version(); v == "" || !strings.Contains(v, ".") {
		t.Errorf("Version() = %q", v)
	}
}

func TestWithOptions(t *testing.T) {
	m := newMock(t, jsonReply(200, data(profileJSON)))
	c := newTestClient(t, m, func(o *Options) { o.Headers = map[string]string{"X-Client": "c"} })
	d1, err := c.WithOptions(RequestOptions{Headers: map[string]string{"X-Trace": "t1", "X-Keep": "k"}})
	if err != nil {
		t.Fatal(err)
	}
	defer d1.Close()
	d2, err := d1.WithOptions(RequestOptions{Headers: map[string]string{"X-Trace": "t2"}, Timeout: time.Second})
	if err != nil {
		t.Fatal(err)
	}
	defer d2.Close()
	for _, cl := range []*Client{c, d1, d2} {
		if _, err := cl.MessagingProfiles.Retrieve(bg, "p"); err != nil {
			t.Fatal(err)
		}
	}
	r := m.requests()
	check := func(i int, name, want string) {
		t.Helper()
		if got := r[i].Header.Values(name); strings.Join(got, ",") != want {
			t.Errorf("request %d %s = %q, want %q", i, name, got, want)
		}
	}
	check(0, "X-Client", "c")
	check(0, "X-Trace", "")
	check(1, "X-Client", "c")
	check(1, "X-Trace", "t1")
	check(2, "X-Trace", "t2")
	check(2, "X-Keep", "k")
	check(2, "X-Client", "c")

	// Closing a derived client leaves its parent working.
	d1.Close()
	if _, err := d1.MessagingProfiles.Retrieve(bg, "p"); err != ErrClosed {
		t.Errorf("closed derived: %v", err)
	}
	if _, err := c.MessagingProfiles.Retrieve(bg, "p"); err != nil {
		t.Errorf("parent: %v", err)
	}
}

func TestRetriesAndRequestOptions(t *testing.T) {
	// 500 with a 5 ms retry hint: retried quickly, and (being no 503) POST only with RetryPost.
	m := newMock(t, func(w http.ResponseWriter, r *recorded) {
		w.Header().Set("retry-after-ms", "5")
		jsonReply(500, `{"errors":[]}`)(w, r)
	})
	c := newTestClient(t, m)
	if _, err := c.MessagingProfiles.Retrieve(bg, "p"); !isKind(err, ErrInternalServer) || m.count() != 1 {
		t.Fatalf("no retries: err %v, %d requests", err, m.count())
	}
	// MaxRetryWait: a server asking for a longer wait fails the call at once.
	slow, err := NewClient(Options{APIKey: testKey, BaseURL: m.baseURL(), MaxRetries: Ptr(2), MaxRetryWait: time.Millisecond})
	if err != nil {
		t.Fatal(err)
	}
	defer slow.Close()
	_, err = slow.MessagingProfiles.Retrieve(bg, "p")
	var ae *APIError
	if !errors.As(err, &ae) || !ae.HasRetryAfter || ae.RetryAfter != 5*time.Millisecond || m.count() != 2 {
		t.Fatalf("MaxRetryWait: err %+v, %d requests", err, m.count())
	}
	d, err := c.WithOptions(RequestOptions{MaxRetries: Ptr(2)})
	if err != nil {
		t.Fatal(err)
	}
	defer d.Close()
	if _, err := d.MessagingProfiles.Retrieve(bg, "p"); !isKind(err, ErrInternalServer) || m.count() != 5 {
		t.Fatalf("2 retries: err %v, %d requests", err, m.count())
	}
	// POST is not retried unless RetryPost says so.
	if _, err := d.MessagingProfiles.RegenerateSecret(bg, "p"); !isKind(err, ErrInternalServer) {
		t.Fatal(err)
	}
	noRetryPost := m.count() - 5
	d2, err := d.WithOptions(RequestOptions{RetryPost: Ptr(true)})
	if err != nil {
		t.Fatal(err)
	}
	defer d2.Close()
	before := m.count()
	if _, err := d2.MessagingProfiles.RegenerateSecret(bg, "p"); !isKind(err, ErrInternalServer) {
		t.Fatal(err)
	}
	if got := m.count() - before; got != 3 || noRetryPost != 1 {
		t.Errorf("POST attempts: %d without RetryPost, %d with", noRetryPost, got)
	}
}

func TestCloseIsIdempotent(t *testing.T) {
	m := newMock(t, jsonReply(200, data(profileJSON)))
	c := newTestClient(t, m)
	if err := c.Close(); err != nil {
		t.Fatal(err)
	}
	if err := c.Close(); err != nil {
		t.Fatal(err)
	}
	if _, err := c.MessagingProfiles.Retrieve(bg, "p"); !errors.Is(err, ErrClosed) {
		t.Errorf("after Close: %v", err)
	}
	if _, err := c.WithOptions(RequestOptions{}); !errors.Is(err, ErrClosed) {
		t.Errorf("WithOptions after Close: %v", err)
	}
}

func TestCleanupFreesForgottenClients(t *testing.T) {
	m := newMock(t, jsonReply(200, data(profileJSON)))
	base := liveClients.Load()
	func() {
		for range 10 {
			c, err := NewClient(Options{APIKey: testKey, BaseURL: m.baseURL()})
			if err != nil {
				t.Fatal(err)
			}
			if _, err := c.MessagingProfiles.Retrieve(bg, "p"); err != nil {
				t.Fatal(err)
			}
		}
	}()
	if liveClients.Load() < base+10 {
		t.Fatalf("live %d, base %d", liveClients.Load(), base)
	}
	deadline := time.Now().Add(10 * time.Second)
	for liveClients.Load() > base && time.Now().Before(deadline) {
		runtime.GC()
		time.Sleep(10 * time.Millisecond)
	}
	if n := liveClients.Load(); n > base {
		t.Errorf("%d forgotten clients not freed", n-base)
	}
}

// TestConcurrentUse shares one client between 64 goroutines, mixing calls, iterators,
// WithOptions and Close of derived clients.
func TestConcurrentUse(t *testing.T) {
	m := newMock(t, func(w http.ResponseWriter, r *recorded) {
		id := r.Path[strings.LastIndexByte(r.Path, '/')+1:]
		if id == "messaging_profiles" {
			pagedMockReply(w, r)
			return
		}
		jsonReply(200, data(fmt.Sprintf(`{"id":%q,"name":"n"}`, id)))(w, r)
	})
	c := newTestClient(t, m)
	var wg sync.WaitGroup
	errs := make(chan error, 64*20)
	for g := range 64 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range 10 {
				id := fmt.Sprintf("g%d-%d", g, i)
				p, err := c.MessagingProfiles.Retrieve(bg, id)
				if err != nil {
					errs <- err
					continue
				}
				if p.ID != id {
					errs <- fmt.Errorf("asked %s, got %s", id, p.ID)
				}
			}
			switch g % 4 {
			case 0:
				n := 0
				for _, err := range c.MessagingProfiles.All(bg, ListMessagingProfilesParams{PageSize: 2}) {
					if err != nil {
						errs <- err
						break
					}
					n++
				}
				if n != 5 {
					errs <- fmt.Errorf("iterated %d profiles", n)
				}
			case 1:
				d, err := c.WithOptions(RequestOptions{Headers: map[string]string{"X-G": fmt.Sprint(g)}})
				if err != nil {
					errs <- err
					return
				}
				if _, err := d.MessagingProfiles.Retrieve(bg, "d"); err != nil {
					errs <- err
				}
				d.Close()
			}
		}()
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Error(err)
	}
	checkNoLiveIters(t)
}

// pagedMockReply answers 5 profiles in pages of 2.
func pagedMockReply(w http.ResponseWriter, r *recorded) {
	n := 1
	if i := strings.Index(r.Query, "page%5Bnumber%5D="); i >= 0 {
		fmt.Sscanf(r.Query[i+len("page%5Bnumber%5D="):], "%d", &n)
	}
	var items []string
	for i := (n - 1) * 2; i < n*2 && i < 5; i++ {
		items = append(items, profileItem(i))
	}
	jsonReply(200, fmt.Sprintf(`{"data":[%s],"meta":{"page_number":%d,"page_size":2,"total_pages":3,"total_results":5}}`,
		strings.Join(items, ","), n))(w, r)
}

func TestCloseWhileCallsRun(t *testing.T) {
	m := newMock(t, func(w http.ResponseWriter, r *recorded) {
		time.Sleep(20 * time.Millisecond)
		jsonReply(200, data(profileJSON))(w, r)
	})
	c := newTestClient(t, m)
	var wg sync.WaitGroup
	for range 16 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for range 5 {
				if _, err := c.MessagingProfiles.Retrieve(bg, "p"); err != nil && err != ErrClosed {
					t.Error(err)
				}
			}
		}()
	}
	time.Sleep(30 * time.Millisecond)
	c.Close()
	wg.Wait()
}

// Chained WithOptions keep the earlier options (issue 11, item 9): the header of the first call
// is still sent after a second call that only changes MaxRetries. The C library merges them;
// the Go side only passes each call's own options down.
func TestChainedWithOptionsKeepEarlierOptions(t *testing.T) {
	m := newMock(t, jsonReply(500, `{"errors":[]}`))
	c := newTestClient(t, m, func(o *Options) { o.MaxRetries = Ptr(2); o.MaxRetryWait = time.Millisecond })
	a, err := c.WithOptions(RequestOptions{Headers: map[string]string{"X-A": "1"}})
	if err != nil {
		t.Fatal(err)
	}
	defer a.Close()
	b, err := a.WithOptions(RequestOptions{MaxRetries: Ptr(0)})
	if err != nil {
		t.Fatal(err)
	}
	defer b.Close()
	if _, err := b.MessagingProfiles.Retrieve(bg, "p"); !isKind(err, ErrInternalServer) {
		t.Fatalf("err %v", err)
	}
	r := m.requests()
	if len(r) != 1 || r[0].Header.Get("X-A") != "1" {
		t.Fatalf("%d requests (want 1: MaxRetries 0), X-A %q (want the first WithOptions' header)", len(r), r[0].Header.Get("X-A"))
	}
}

// ExtraQuery and ExtraBody reach the wire (issue 11, item 17): parameters and body members newer
// than the package, merged across chained WithOptions; a body member overrides a typed field.
func TestExtraQueryAndExtraBody(t *testing.T) {
	m := newMock(t, jsonReply(200, data(profileJSON)))
	c := newTestClient(t, m)
	a, err := c.WithOptions(RequestOptions{ExtraQuery: map[string]string{"x_new": "a b"}})
	if err != nil {
		t.Fatal(err)
	}
	defer a.Close()
	b, err := a.WithOptions(RequestOptions{ExtraBody: map[string]any{"x_flag": true, "name": "B"}})
	if err != nil {
		t.Fatal(err)
	}
	defer b.Close()
	if _, err := b.MessagingProfiles.Update(bg, "p", UpdateMessagingProfileParams{Name: Ptr("A")}); err != nil {
		t.Fatal(err)
	}
	r := m.requests()
	if len(r) != 1 || r[0].Method != "PATCH" || r[0].Path != "/v2/messaging_profiles/p" || r[0].Query != "x_new=a%20b" ||
		string(r[0].Body) != `{"name":"B","x_flag":true}` {
		t.Fatalf("requests %+v", r)
	}
	_, err = c.WithOptions(RequestOptions{ExtraBody: map[string]any{"f": func() {}}})
	if want := "telnyx: RequestOptions.ExtraBody must encode as JSON: json: unsupported type: func()"; err == nil || err.Error() != want {
		t.Fatalf("err %v, want %q", err, want)
	}
}

// Option errors name the Go field and its rule (issue 11, item 13), before anything is sent.
func TestOptionErrorsNameTheGoField(t *testing.T) {
	m := newMock(t, jsonReply(200, data(profileJSON)))
	c := newTestClient(t, m)
	cases := []struct {
		err  error
		want string
	}{
		{func() error { _, err := NewClient(Options{APIKey: testKey, MaxRetries: Ptr(-1)}); return err }(),
			"telnyx: Options.MaxRetries must be a non-negative integer, got -1"},
		{func() error { _, err := NewClient(Options{APIKey: testKey, Timeout: -time.Second}); return err }(),
			"telnyx: Options.Timeout must be a non-negative duration, got -1s"},
		{func() error {
			_, err := NewClient(Options{APIKey: testKey, MaxRetryWait: -time.Millisecond})
			return err
		}(),
			"telnyx: Options.MaxRetryWait must be a non-negative duration, got -1ms"},
		{func() error { _, err := c.WithOptions(RequestOptions{MaxRetries: Ptr(-3)}); return err }(),
			"telnyx: RequestOptions.MaxRetries must be a non-negative integer, got -3"},
		{func() error { _, err := c.WithOptions(RequestOptions{Deadline: -time.Second}); return err }(),
			"telnyx: RequestOptions.Deadline must be a non-negative duration, got -1s"},
	}
	for _, tc := range cases {
		if !isKind(tc.err, ErrInvalidArgument) || tc.err.Error() != tc.want {
			t.Errorf("got %v, want %q", tc.err, tc.want)
		}
	}
	if m.count() != 0 {
		t.Errorf("%d requests sent", m.count())
	}
}
