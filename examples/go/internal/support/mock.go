package support

import (
	"encoding/json"
	"fmt"
	"net"
	"net/http"
	"slices"
	"strconv"
	"strings"
	"sync"
)

// MockAPIKey is the key the mock accepts.
const MockAPIKey = "KEY_MOCK"

// Mock is a small in-memory imitation of the messaging-profile endpoints the examples use. A
// request header x-mock-status: 429 (or any status) makes it answer that error.
type Mock struct {
	srv      *http.Server
	addr     string
	mu       sync.Mutex
	profiles []map[string]any
	next     int
}

// StartMock starts the mock on 127.0.0.1 with a few profiles.
func StartMock() (*Mock, error) {
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return nil, err
	}
	m := &Mock{addr: l.Addr().String()}
	for _, name := range []string{"Alerts US", "Alerts EU", "Support", "Marketing", "Billing alerts", "Ops", "Test"} {
		m.add(map[string]any{"name": name, "whitelisted_destinations": []any{"US"}, "webhook_url": "https://example.com/hooks",
			"webhook_failover_url": nil, "number_pool_settings": nil, "enabled": true})
	}
	m.srv = &http.Server{Handler: http.HandlerFunc(m.serve)}
	go m.srv.Serve(l)
	return m, nil
}

// BaseURL is the mock's API base URL.
func (m *Mock) BaseURL() string { return "http://" + m.addr + "/v2" }

// Close stops the mock.
func (m *Mock) Close() { m.srv.Close() }

func (m *Mock) add(p map[string]any) map[string]any {
	m.next++
	p["id"] = fmt.Sprintf("00000000-0000-4000-8000-%012d", m.next)
	p["record_type"] = "messaging_profile"
	p["v1_secret"] = "mock-secret"
	p["created_at"] = "2024-01-01T00:00:00Z"
	p["updated_at"] = "2024-01-01T00:00:00Z"
	m.profiles = append(m.profiles, p)
	return p
}

func reply(w http.ResponseWriter, status int, v any) {
	w.Header().Set("Content-Type", "application/json")
	w.Header().Set("x-request-id", "mock-request-1")
	w.WriteHeader(status)
	json.NewEncoder(w).Encode(v)
}

func fail(w http.ResponseWriter, status int, code, title, detail, pointer string) {
	e := map[string]any{"code": code, "title": title, "detail": detail}
	if pointer != "" {
		e["source"] = map[string]any{"pointer": pointer}
	}
	reply(w, status, map[string]any{"errors": []any{e}})
}

func (m *Mock) serve(w http.ResponseWriter, r *http.Request) {
	if r.Header.Get("Authorization") != "Bearer "+MockAPIKey {
		fail(w, 401, "10009", "Authentication failed", "The API key is wrong.", "")
		return
	}
	if s, err := strconv.Atoi(r.Header.Get("x-mock-status")); err == nil {
		if s == 429 {
			w.Header().Set("Retry-After", "2")
			w.Header().Set("x-ratelimit-remaining", "0")
			fail(w, 429, "10011", "Too many requests", "Slow down and try again later.", "")
			return
		}
		fail(w, s, "10007", "Unexpected error", "Simulated by x-mock-status.", "")
		return
	}
	m.mu.Lock()
	defer m.mu.Unlock()
	parts := strings.Split(strings.TrimPrefix(r.URL.Path, "/v2/"), "/")
	find := func(id string) int {
		return slices.IndexFunc(m.profiles, func(p map[string]any) bool { return p["id"] == id })
	}
	switch {
	case r.Method == "GET" && len(parts) == 1 && parts[0] == "messaging_profiles":
		q := r.URL.Query()
		var found []map[string]any
		for _, p := range m.profiles {
			name := p["name"].(string)
			if eq := q.Get("filter[name][eq]"); eq != "" && name != eq {
				continue
			}
			if c := q.Get("filter[name][contains]"); c != "" && !strings.Contains(strings.ToLower(name), strings.ToLower(c)) {
				continue
			}
			found = append(found, p)
		}
		number, size := atoi(q.Get("page[number]"), 1), atoi(q.Get("page[size]"), 20)
		pages := max(1, (len(found)+size-1)/size)
		from, to := min(len(found), (number-1)*size), min(len(found), number*size)
		reply(w, 200, map[string]any{"data": found[from:to], "meta": map[string]any{
			"page_number": number, "page_size": size, "total_pages": pages, "total_results": len(found)}})
	case r.Method == "POST" && len(parts) == 1 && parts[0] == "messaging_profiles":
		var body map[string]any
		if err := json.NewDecoder(r.Body).Decode(&body); err != nil {
			fail(w, 400, "10015", "Bad request", "The body is not JSON.", "")
			return
		}
		if name, _ := body["name"].(string); strings.TrimSpace(name) == "" {
			fail(w, 422, "10015", "Invalid attribute", "name must not be blank", "/name")
			return
		}
		reply(w, 200, map[string]any{"data": m.add(body)})
	case len(parts) == 2 && parts[0] == "messaging_profiles":
		i := find(parts[1])
		if i < 0 {
			fail(w, 404, "10005", "Resource not found", "No messaging profile with this id.", "")
			return
		}
		switch r.Method {
		case "GET":
			reply(w, 200, map[string]any{"data": m.profiles[i]})
		case "PATCH":
			var body map[string]any
			json.NewDecoder(r.Body).Decode(&body)
			for k, v := range body {
				m.profiles[i][k] = v // a null clears the field
			}
			reply(w, 200, map[string]any{"data": m.profiles[i]})
		case "DELETE":
			p := m.profiles[i]
			m.profiles = slices.Delete(m.profiles, i, i+1)
			reply(w, 200, map[string]any{"data": p})
		}
	default:
		fail(w, 404, "10005", "Resource not found", "The mock does not serve "+r.URL.Path, "")
	}
}

func atoi(s string, def int) int {
	if n, err := strconv.Atoi(s); err == nil && n > 0 {
		return n
	}
	return def
}
