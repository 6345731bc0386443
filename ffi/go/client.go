package telnyxmessaging

/*
#include <stdlib.h>
#include "telnyx_messaging.h"
*/
import "C"

import (
	"context"
	"encoding/json"
	"fmt"
	"log/slog"
	"reflect"
	"runtime"
	"sync"
	"sync/atomic"
	"time"
)

// Options configure a [Client]. Every field is optional; a zero field keeps the library's
// default (the environment for APIKey and BaseURL).
type Options struct {
	// APIKey is the Telnyx API key; default $TELNYX_API_KEY.
	APIKey string
	// BaseURL is the API base URL; default $TELNYX_BASE_URL, then https://api.telnyx.com/v2.
	// Plain http is only accepted for loopback hosts unless AllowInsecureHTTP is set.
	BaseURL string
	// Timeout is the timeout of each attempt (default 60 s).
	Timeout time.Duration
	// ConnectTimeout is the connect timeout (default 5 s).
	ConnectTimeout time.Duration
	// MaxRetries is how many times a failed request is retried; nil keeps the default (2).
	MaxRetries *int
	// Deadline is an overall deadline for each call, retries and waits included (default none).
	Deadline time.Duration
	// MaxRetryWait is the longest single wait between attempts (default 60 s): when the server
	// asks for a longer wait, the call fails at once with that error and its RetryAfter.
	MaxRetryWait time.Duration
	// RetryPost allows retrying a POST that may have reached the server; nil keeps the default.
	RetryPost *bool
	// UserAgentSuffix is appended to the User-Agent header (after "telnyx-messaging-go/<version>").
	UserAgentSuffix string
	// Headers are sent with every request.
	Headers map[string]string
	// Proxy is "env" (the default: the proxy environment variables), "none", or a proxy URL.
	Proxy string
	// AllowInsecureHTTP accepts a plain-http BaseURL on a non-loopback host.
	AllowInsecureHTTP bool
	// Logger receives the library's records: a Debug record per attempt (method, path, status,
	// duration, attempt, request id), Info for each retry with its wait and reason, Warn when a
	// call fails, and the bodies at [LevelTrace]; never the API key or a v1_secret. The C
	// library has one logger per process: the last client created with a Logger sets it, for
	// every client, at the most detailed level the Logger accepted then.
	Logger *slog.Logger
	// ReadAhead makes list iterators fetch the next page on a background thread while the
	// caller uses the current one (at most one page ahead); nil keeps the default (off).
	ReadAhead *bool
}

// BindingVersion is the version of this Go package, sent in the User-Agent header as
// "telnyx-messaging-go/<version>" after the library's own product token.
const BindingVersion = "0.1.0"

func userAgentSuffix(user string) string {
	s := "telnyx-messaging-go/" + BindingVersion
	if user != "" {
		s += " " + user
	}
	return s
}

// String hides the API key.
func (o Options) String() string {
	key := ""
	if o.APIKey != "" {
		key = "[redacted]"
	}
	return "Options{APIKey:" + key + " BaseURL:" + o.BaseURL + "}"
}

// GoString hides the API key.
func (o Options) GoString() string { return o.String() }

// Format hides the API key under every verb (see [Secret.Format]).
func (o Options) Format(f fmt.State, verb rune) { redactedFormat(f, verb, o.String(), o.GoString()) }

// RequestOptions change the settings of the calls made through a client returned by
// [Client.WithOptions]. Zero fields keep the parent client's settings.
type RequestOptions struct {
	// Headers are sent in addition to the client's headers.
	Headers map[string]string
	// Timeout is the timeout of each attempt.
	Timeout time.Duration
	// MaxRetries is how many times a failed request is retried; nil keeps the client's.
	MaxRetries *int
	// Deadline is an overall deadline for each call, retries and waits included.
	Deadline time.Duration
	// RetryPost allows retrying a POST that may have reached the server; nil keeps the client's.
	RetryPost *bool
	// ExtraQuery adds query parameters to every request: for API parameters newer than this
	// package.
	ExtraQuery map[string]string
	// ExtraBody adds members to (or overrides members of) every JSON request body: for API
	// fields newer than this package. Values must encode as JSON.
	ExtraBody map[string]any
}

type optionsJSON struct {
	APIKey            string            `json:"api_key,omitempty"`
	BaseURL           string            `json:"base_url,omitempty"`
	TimeoutMS         int64             `json:"timeout_ms,omitempty"`
	ConnectTimeoutMS  int64             `json:"connect_timeout_ms,omitempty"`
	MaxRetries        *int              `json:"max_retries,omitempty"`
	DeadlineMS        int64             `json:"deadline_ms,omitempty"`
	MaxRetryWaitMS    int64             `json:"max_retry_wait_ms,omitempty"`
	RetryPost         *bool             `json:"retry_post,omitempty"`
	AllowInsecureHTTP bool              `json:"allow_insecure_http,omitempty"`
	UserAgentSuffix   string            `json:"user_agent_suffix,omitempty"`
	Headers           map[string]string `json:"headers,omitempty"`
	Proxy             string            `json:"proxy,omitempty"`
	ReadAhead         *bool             `json:"read_ahead,omitempty"`
}

type requestOptionsJSON struct {
	Headers    map[string]string `json:"headers,omitempty"`
	TimeoutMS  int64             `json:"timeout_ms,omitempty"`
	MaxRetries *int              `json:"max_retries,omitempty"`
	DeadlineMS int64             `json:"deadline_ms,omitempty"`
	RetryPost  *bool             `json:"retry_post,omitempty"`
	ExtraQuery map[string]string `json:"extra_query,omitempty"`
	ExtraBody  map[string]any    `json:"extra_body,omitempty"`
}

// millis converts a duration to whole milliseconds, rounding up so that a positive duration
// never becomes 0 (unset).
func millis(d time.Duration, what string) (int64, error) {
	if d < 0 {
		return 0, invalidArgument("%s must be a non-negative duration, got %v", what, d)
	}
	return int64((d + time.Millisecond - 1) / time.Millisecond), nil
}

func (o Options) toJSON() ([]byte, error) {
	const what = "Options"
	if err := checkValue(reflect.ValueOf(o), what); err != nil {
		return nil, err
	}
	j := optionsJSON{
		APIKey:            o.APIKey,
		BaseURL:           o.BaseURL,
		MaxRetries:        o.MaxRetries,
		RetryPost:         o.RetryPost,
		AllowInsecureHTTP: o.AllowInsecureHTTP,
		UserAgentSuffix:   userAgentSuffix(o.UserAgentSuffix),
		Headers:           o.Headers,
		Proxy:             o.Proxy,
		ReadAhead:         o.ReadAhead,
	}
	var err error
	if j.TimeoutMS, err = millis(o.Timeout, what+".Timeout"); err != nil {
		return nil, err
	}
	if j.ConnectTimeoutMS, err = millis(o.ConnectTimeout, what+".ConnectTimeout"); err != nil {
		return nil, err
	}
	if j.DeadlineMS, err = millis(o.Deadline, what+".Deadline"); err != nil {
		return nil, err
	}
	if j.MaxRetryWaitMS, err = millis(o.MaxRetryWait, what+".MaxRetryWait"); err != nil {
		return nil, err
	}
	if o.MaxRetries != nil && *o.MaxRetries < 0 {
		return nil, invalidArgument("%s.MaxRetries must be a non-negative integer, got %d", what, *o.MaxRetries)
	}
	return json.Marshal(j)
}

func (o RequestOptions) toJSON() ([]byte, error) {
	const what = "RequestOptions"
	if err := checkValue(reflect.ValueOf(o), what); err != nil {
		return nil, err
	}
	j := requestOptionsJSON{
		Headers:    o.Headers,
		MaxRetries: o.MaxRetries,
		RetryPost:  o.RetryPost,
		ExtraQuery: o.ExtraQuery,
		ExtraBody:  o.ExtraBody,
	}
	var err error
	if j.TimeoutMS, err = millis(o.Timeout, what+".Timeout"); err != nil {
		return nil, err
	}
	if j.DeadlineMS, err = millis(o.Deadline, what+".Deadline"); err != nil {
		return nil, err
	}
	if o.MaxRetries != nil && *o.MaxRetries < 0 {
		return nil, invalidArgument("%s.MaxRetries must be a non-negative integer, got %d", what, *o.MaxRetries)
	}
	b, err := json.Marshal(j)
	if err != nil {
		return nil, invalidArgument("%s.ExtraBody must encode as JSON: %v", what, err)
	}
	return b, nil
}

// handle owns one telnyx_client. Calls hold the read lock while they use the pointer, Close
// takes the write lock, so the pointer is never freed during a call.
type handle struct {
	mu  sync.RWMutex
	ptr *C.telnyx_client
}

func (h *handle) free() {
	h.mu.Lock()
	defer h.mu.Unlock()
	if h.ptr != nil {
		C.telnyx_client_free(h.ptr)
		h.ptr = nil
		liveClients.Add(-1)
	}
}

// liveClients counts C client handles not yet freed (tests check that cleanups run).
var liveClients atomic.Int64

// Client is a Telnyx messaging-profile API client. It is safe for concurrent use; Close it
// when done (a client that is garbage collected without Close is freed by a cleanup).
type Client struct {
	// MessagingProfiles: operations on messaging profiles and everything under them.
	MessagingProfiles MessagingProfilesService
	// ShortCodes: the account's short codes.
	ShortCodes ShortCodesService
	// MessagingProfileMetrics: high-level metrics of every profile.
	MessagingProfileMetrics MessagingProfileMetricsService

	h *handle
	// deadline is the overall deadline the C handle was given through WithOptions (0: none
	// known); a context deadline only replaces it when shorter.
	deadline time.Duration
	cleanup  runtime.Cleanup
}

func newClient(ptr *C.telnyx_client, deadline time.Duration) *Client {
	liveClients.Add(1)
	c := &Client{h: &handle{ptr: ptr}, deadline: deadline}
	c.MessagingProfiles = MessagingProfilesService{c}
	c.ShortCodes = ShortCodesService{c}
	c.MessagingProfileMetrics = MessagingProfileMetricsService{c}
	c.cleanup = runtime.AddCleanup(c, (*handle).free, c.h)
	return c
}

// NewClient builds a client. Settings left zero come from the environment (TELNYX_API_KEY,
// TELNYX_BASE_URL) or the library's defaults. A missing API key or a bad base URL is an
// [ErrConfiguration] error.
func NewClient(opts Options) (*Client, error) {
	b, err := opts.toJSON()
	if err != nil {
		return nil, err
	}
	if opts.Logger != nil {
		if err := setLogger(opts.Logger); err != nil {
			return nil, err
		}
	}
	cj := newCJSON(b)
	defer cj.free()
	var out *C.telnyx_client
	if e := C.telnyx_client_new(cj.p, &out); e != nil {
		return nil, takeError(e)
	}
	return newClient(out, 0), nil
}

// Close frees the client. It waits for calls in flight, is safe to call more than once, and
// later calls return [ErrClosed]. Clients made with WithOptions are separate and need their own
// Close.
func (c *Client) Close() error {
	if c == nil || c.h == nil {
		return nil
	}
	c.cleanup.Stop()
	c.h.free()
	runtime.KeepAlive(c)
	return nil
}

// WithOptions returns a new client whose calls use opts on top of c's settings (and those of
// the WithOptions calls c came from: the C library merges them field by field, later ones
// winning, headers combined). It shares c's connection pool but must be closed separately.
func (c *Client) WithOptions(opts RequestOptions) (*Client, error) {
	var out *C.telnyx_client
	err := c.withHandle(func(ptr *C.telnyx_client) error {
		p, err := derive(ptr, opts)
		out = p
		return err
	})
	if err != nil {
		return nil, err
	}
	deadline := c.deadline
	if opts.Deadline != 0 {
		deadline = opts.Deadline
	}
	return newClient(out, deadline), nil
}

func derive(ptr *C.telnyx_client, opts RequestOptions) (*C.telnyx_client, error) {
	b, err := opts.toJSON()
	if err != nil {
		return nil, err
	}
	cj := newCJSON(b)
	defer cj.free()
	var out *C.telnyx_client
	if e := C.telnyx_client_with_options(ptr, cj.p, &out); e != nil {
		return nil, takeError(e)
	}
	return out, nil
}

// withHandle runs f with the live C handle, holding it against Close.
func (c *Client) withHandle(f func(*C.telnyx_client) error) error {
	if c == nil || c.h == nil { // a nil *Client or a zero Client (or service) is not usable
		return ErrClosed
	}
	c.h.mu.RLock()
	defer c.h.mu.RUnlock()
	if c.h.ptr == nil {
		return ErrClosed
	}
	err := f(c.h.ptr)
	runtime.KeepAlive(c)
	return err
}

// withContext runs f with a C handle that honours ctx: ctx is checked first, and when it has a
// deadline f gets a temporary handle whose overall deadline is the time left. A timeout error
// caused by that deadline also matches ctx.Err().
func (c *Client) withContext(ctx context.Context, f func(*C.telnyx_client) error) error {
	if ctx == nil {
		ctx = context.Background()
	}
	if err := ctx.Err(); err != nil {
		return err
	}
	err := c.withHandle(func(ptr *C.telnyx_client) error {
		dl, ok := ctx.Deadline()
		if !ok {
			return f(ptr)
		}
		left := time.Until(dl)
		if left <= 0 {
			return context.DeadlineExceeded
		}
		if c.deadline != 0 && c.deadline <= left {
			return f(ptr)
		}
		tmp, err := derive(ptr, RequestOptions{Deadline: left})
		if err != nil {
			return err
		}
		defer C.telnyx_client_free(tmp)
		return f(tmp)
	})
	if ae, ok := err.(*APIError); ok && ae.Kind == KindTimeout && ctx.Err() != nil {
		ae.cause = ctx.Err()
	}
	return err
}

// callFunc is one C call that writes an owned JSON string.
type callFunc func(ptr *C.telnyx_client, out **C.char) *C.telnyx_error

// callInto runs f and decodes the JSON it wrote into a new T.
func callInto[T any](c *Client, ctx context.Context, what string, f callFunc) (*T, error) {
	v := new(T)
	var derr error
	err := c.withContext(ctx, func(ptr *C.telnyx_client) error {
		var out *C.char
		if e := f(ptr, &out); e != nil {
			return takeError(e)
		}
		if out == nil {
			derr = decodeJSON(nil, v) // the decoder's error for empty input
			return nil
		}
		derr = takeJSON(out, v)
		return nil
	})
	if err != nil {
		return nil, err
	}
	if derr != nil {
		return nil, decodeError(what, derr)
	}
	return v, nil
}
