package telnyxmessaging

import (
	"context"
	"errors"
	"log/slog"
	"strings"
	"sync"
	"testing"
)

// recorder is a slog.Handler that keeps every record's level and message.
type recorder struct {
	mu      sync.Mutex
	records []slog.Record
}

func (r *recorder) Enabled(context.Context, slog.Level) bool { return true }
func (r *recorder) WithAttrs([]slog.Attr) slog.Handler       { return r }
func (r *recorder) WithGroup(string) slog.Handler            { return r }
func (r *recorder) Handle(_ context.Context, rec slog.Record) error {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.records = append(r.records, rec)
	return nil
}

func (r *recorder) messages(level slog.Level, prefix string) []string {
	r.mu.Lock()
	defer r.mu.Unlock()
	var out []string
	for _, rec := range r.records {
		if rec.Level == level && strings.HasPrefix(rec.Message, prefix) {
			out = append(out, rec.Message)
		}
	}
	return out
}

// The records of a call retried once and of a failed call reach Options.Logger, and none holds
// the API key or the v1_secret.
func TestLoggerGetsTheRecordsOfARetriedCallWithoutSecrets(t *testing.T) {
	mock, err := StartMock(MockOptions{FaultEvery: 2, Fault: "status:503"})
	if err != nil {
		t.Fatal(err)
	}
	defer mock.Close()
	rec := &recorder{}
	defer func() { _ = setLogger(slog.New(slog.DiscardHandler)) }() // quiet again for the other tests
	c, err := NewClient(Options{APIKey: MockAPIKey, BaseURL: mock.BaseURL(), Logger: slog.New(rec)})
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close()
	page, err := c.MessagingProfiles.List(bg, ListMessagingProfilesParams{})
	if err != nil {
		t.Fatal(err)
	}
	id := page.Data[0].ID
	profile, err := c.MessagingProfiles.Retrieve(bg, id)
	if err != nil {
		t.Fatal(err)
	}
	missing := "00000000-0000-0000-0000-000000000000"
	if _, err := c.MessagingProfiles.Retrieve(bg, missing); !errors.Is(err, ErrNotFound) {
		t.Fatalf("err %v", err)
	}
	line := "GET /messaging_profiles/" + id
	debug := rec.messages(slog.LevelDebug, line+" ")
	if len(debug) != 2 || !strings.HasPrefix(debug[0], line+" -> 503 in ") || !strings.Contains(debug[0], "(attempt 1, request id ") ||
		!strings.HasPrefix(debug[1], line+" -> 200 in ") || !strings.Contains(debug[1], "(attempt 2, request id mock-") {
		t.Fatalf("debug records %q", debug)
	}
	info := rec.messages(slog.LevelInfo, line)
	if len(info) != 1 || !strings.HasPrefix(info[0], line+": retrying in ") || !strings.HasSuffix(info[0], "(attempt 1 failed)") {
		t.Fatalf("info records %q", info)
	}
	warn := rec.messages(slog.LevelWarn, "")
	if len(warn) != 1 || !strings.HasPrefix(warn[0], "GET /messaging_profiles/"+missing+" failed: API error 404") {
		t.Fatalf("warn records %q", warn)
	}
	if bodies := rec.messages(LevelTrace, line+" response body"); len(bodies) != 2 || !strings.Contains(bodies[1], `"v1_secret":"[redacted]"`) {
		t.Fatalf("trace records %q", bodies)
	}
	secret := profile.V1Secret.Expose()
	for _, r := range rec.records {
		if strings.Contains(r.Message, MockAPIKey) || (secret != "" && strings.Contains(r.Message, secret)) {
			t.Fatalf("a secret in %q", r.Message)
		}
	}
}
