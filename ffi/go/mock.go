package telnyxmessaging

/*
#include <stdlib.h>
#include "telnyx_messaging.h"
*/
import "C"

import (
	"encoding/json"
	"reflect"
	"runtime"
	"strings"
	"sync"
	"time"
)

// MockAPIKey is the API key a [MockServer] accepts; any other key gets a 401.
const MockAPIKey = "KEY_MOCK_0123456789ABCDEF"

// MockOptions set up a [MockServer]. The zero value serves the seeded data on a free port.
type MockOptions struct {
	// Port is the port on 127.0.0.1; 0 picks a free one.
	Port int
	// ExtraProfiles adds that many messaging profiles ("Profile 00001", ...) after the seven
	// seeded ones, for pagination and load tests (at most 100000).
	ExtraProfiles int
	// Latency is waited before every answer, like a network's round trip (at most one minute).
	Latency time.Duration
	// FaultEvery makes every FaultEvery-th request the mock receives (counting from 1) get
	// Fault instead of its answer; 0 injects no faults.
	FaultEvery int
	// Fault is what those requests get: "status:CODE" or "status:CODE:RETRY_AFTER_S" (CODE 400
	// to 599, with the API's error envelope and Retry-After), "reset" (the connection is closed
	// without an answer) or "delay:MS" (the answer comes MS ms late, at most 60000). Empty means
	// "status:503". It needs FaultEvery.
	Fault string
}

type mockOptionsJSON struct {
	Port          int    `json:"port"`
	ExtraProfiles int    `json:"extra_profiles"`
	LatencyMS     int64  `json:"latency_ms"`
	FaultEvery    int    `json:"fault_every,omitempty"`
	Fault         string `json:"fault,omitempty"`
}

func (o MockOptions) toJSON() ([]byte, error) {
	const what = "MockOptions"
	if err := checkValue(reflect.ValueOf(o), what); err != nil {
		return nil, err
	}
	switch {
	case o.Port < 0 || o.Port > 65535:
		return nil, invalidArgument("%s.Port must be from 0 to 65535, got %d", what, o.Port)
	case o.ExtraProfiles < 0:
		return nil, invalidArgument("%s.ExtraProfiles must not be negative, got %d", what, o.ExtraProfiles)
	case o.FaultEvery < 0:
		return nil, invalidArgument("%s.FaultEvery must not be negative, got %d", what, o.FaultEvery)
	case o.Fault != "" && o.FaultEvery == 0:
		return nil, invalidArgument("%s.Fault needs FaultEvery (how often to inject it)", what)
	case strings.IndexByte(o.Fault, 0) >= 0:
		return nil, invalidArgument("%s.Fault contains a NUL byte", what)
	}
	latency, err := millis(o.Latency, what+".Latency")
	if err != nil {
		return nil, err
	}
	return json.Marshal(mockOptionsJSON{o.Port, o.ExtraProfiles, latency, o.FaultEvery, o.Fault})
}

// MockServer is the library's mock of the Telnyx messaging-profile API (the same one as Rust's
// telnyx_messaging::mock and the telnyx-messaging-mock program), served on 127.0.0.1 by threads
// of the C library inside this process, for testing your code offline: all 19 operations, the
// same seeded data every time (seven messaging profiles with phone numbers, short codes, sender
// IDs, auto-response configs and metrics), creates, updates and deletes that change it,
// pagination, filters, validation and the API's error envelope. A request with the header
// x-mock-status: 429 (any 4xx/5xx status) gets that error back.
//
// Point a client at it with Options{APIKey: MockAPIKey, BaseURL: m.BaseURL()}. It is safe for
// concurrent use; Close it when done (one that is garbage collected without Close is stopped by
// a cleanup).
type MockServer struct {
	h       *mockHandle
	baseURL string
	cleanup runtime.Cleanup
}

// mockHandle owns one telnyx_mock; the counters are kept when it is freed.
type mockHandle struct {
	mu          sync.RWMutex
	ptr         *C.telnyx_mock
	requests    uint64
	connections uint64
}

func (h *mockHandle) free() {
	h.mu.Lock()
	defer h.mu.Unlock()
	if h.ptr != nil {
		h.requests = uint64(C.telnyx_mock_requests_received(h.ptr))
		h.connections = uint64(C.telnyx_mock_connections_accepted(h.ptr))
		C.telnyx_mock_free(h.ptr)
		h.ptr = nil
	}
}

// StartMock starts a mock of the API on 127.0.0.1. Bad options are an [ErrInvalidArgument]
// error naming the field; a port that cannot be listened on is an [ErrConfiguration] error.
func StartMock(opts MockOptions) (*MockServer, error) {
	b, err := opts.toJSON()
	if err != nil {
		return nil, err
	}
	cj := newCJSON(b)
	defer cj.free()
	var out *C.telnyx_mock
	if e := C.telnyx_mock_start(cj.p, &out); e != nil {
		return nil, takeError(e)
	}
	m := &MockServer{h: &mockHandle{ptr: out}, baseURL: C.GoString(C.telnyx_mock_base_url(out))}
	m.cleanup = runtime.AddCleanup(m, (*mockHandle).free, m.h)
	return m, nil
}

// BaseURL is the base URL to give a client, like "http://127.0.0.1:40123/v2".
func (m *MockServer) BaseURL() string {
	if m == nil {
		return ""
	}
	return m.baseURL
}

// count reads a counter of the live server, or its value when it was closed.
func (m *MockServer) count(live func(*C.telnyx_mock) C.uint64_t, closed func(*mockHandle) uint64) uint64 {
	if m == nil || m.h == nil {
		return 0
	}
	m.h.mu.RLock()
	defer m.h.mu.RUnlock()
	if m.h.ptr == nil {
		return closed(m.h)
	}
	n := uint64(live(m.h.ptr))
	runtime.KeepAlive(m)
	return n
}

// RequestsReceived is how many requests the mock has received so far, faulted ones included
// (every retry of a client counts); after Close, how many it had received.
func (m *MockServer) RequestsReceived() uint64 {
	return m.count(func(p *C.telnyx_mock) C.uint64_t { return C.telnyx_mock_requests_received(p) },
		func(h *mockHandle) uint64 { return h.requests })
}

// ConnectionsAccepted is how many TCP connections the mock has accepted so far (a client
// reuses its connections); after Close, how many it had accepted.
func (m *MockServer) ConnectionsAccepted() uint64 {
	return m.count(func(p *C.telnyx_mock) C.uint64_t { return C.telnyx_mock_connections_accepted(p) },
		func(h *mockHandle) uint64 { return h.connections })
}

// Close stops the server and waits for its threads (answers in progress are written first).
// Clients pointed at it get connection errors afterwards. It is safe to call more than once.
func (m *MockServer) Close() error {
	if m == nil || m.h == nil {
		return nil
	}
	m.cleanup.Stop()
	m.h.free()
	runtime.KeepAlive(m)
	return nil
}

// libraryMockAPIKey is the key the C library's mock accepts (tests check MockAPIKey against it).
func libraryMockAPIKey() string { return C.GoString(C.telnyx_mock_api_key()) }
