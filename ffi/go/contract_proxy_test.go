//go:build contract

package telnyxmessaging

// Helpers of the Prism contract suite (contract_test.go): the recording pass-through between
// the client and Prism, and the scan of the operations listed in the OpenAPI definition.

import (
	"bufio"
	"bytes"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"sort"
	"strings"
	"sync"
	"testing"
	"time"
)

// specPath is the official OpenAPI definition, vendored in the repository (tests/api).
const specPath = "../../tests/api/telnyx-messaging.openapi.yml"

// prismURL is the Prism root (no /v2) from TELNYX_PRISM_URL; without it the test fails.
func prismURL(t *testing.T) string {
	t.Helper()
	u := strings.TrimRight(strings.TrimSpace(os.Getenv("TELNYX_PRISM_URL")), "/")
	if u == "" {
		t.Fatal("TELNYX_PRISM_URL is not set: the contract suite needs the Prism mock server; " +
			"run bash tests/run-all.sh, which starts Prism")
	}
	return u
}

// exchange is one request and its response as seen by the pass-through.
type exchange struct {
	Method     string
	Path       string // as sent, percent-encoding kept
	Query      string // raw query, "" when none
	Body       string
	Prefer     string // the request's Prefer header
	Status     int    // 0 when the pass-through failed
	Violations string // Prism's sl-violations response header
	Response   string
	ProxyErr   string
}

// String is one line (plus details) for failure messages: the request, Prism's answer, its
// sl-violations header and the bodies.
func (e exchange) String() string {
	var b strings.Builder
	fmt.Fprintf(&b, "%s %s", e.Method, e.Path)
	if e.Query != "" {
		b.WriteString("?" + e.Query)
	}
	fmt.Fprintf(&b, " -> %d", e.Status)
	if e.Prefer != "" {
		fmt.Fprintf(&b, " (Prefer: %s)", e.Prefer)
	}
	if e.Violations != "" {
		fmt.Fprintf(&b, "\n    sl-violations: %s", e.Violations)
	}
	if e.ProxyErr != "" {
		fmt.Fprintf(&b, "\n    proxy error: %s", e.ProxyErr)
	}
	if e.Body != "" {
		fmt.Fprintf(&b, "\n    request body: %s", e.Body)
	}
	if (e.Status < 200 || e.Status > 299) && e.Response != "" {
		fmt.Fprintf(&b, "\n    response body: %s", e.Response)
	}
	return b.String()
}

// clean reports whether Prism accepted the request and answered 2xx.
func (e exchange) clean() bool {
	return e.Status >= 200 && e.Status <= 299 && e.Violations == "" && e.ProxyErr == ""
}

// recordingProxy forwards every request to Prism unchanged and records the exchange before the
// client gets the answer, so a call that returned always finds its exchange in the record.
type recordingProxy struct {
	srv      *httptest.Server
	upstream string
	client   *http.Client
	mu       sync.Mutex
	log      []exchange
}

// hopHeaders are not forwarded in either direction.
var hopHeaders = map[string]bool{
	"Connection": true, "Keep-Alive": true, "Transfer-Encoding": true, "Te": true, "Trailer": true,
	"Upgrade": true, "Proxy-Connection": true, "Content-Length": true,
}

func newRecordingProxy(t *testing.T, upstream string) *recordingProxy {
	t.Helper()
	p := &recordingProxy{
		upstream: upstream,
		client: &http.Client{
			Timeout:   30 * time.Second,
			Transport: &http.Transport{Proxy: nil, DisableKeepAlives: true},
		},
	}
	// httptest listens on 127.0.0.1.
	p.srv = httptest.NewServer(http.HandlerFunc(p.serve))
	t.Cleanup(p.srv.Close)
	return p
}

func (p *recordingProxy) url() string { return p.srv.URL }

func (p *recordingProxy) serve(w http.ResponseWriter, r *http.Request) {
	path, query, _ := strings.Cut(r.RequestURI, "?")
	ex := exchange{Method: r.Method, Path: path, Query: query, Prefer: r.Header.Get("Prefer")}
	status, header, body, err := p.forward(r, &ex)
	if err != nil {
		ex.ProxyErr = err.Error()
		status, header, body = http.StatusBadGateway, http.Header{}, nil
	}
	p.mu.Lock()
	p.log = append(p.log, ex)
	p.mu.Unlock()
	for k, vs := range header {
		if !hopHeaders[http.CanonicalHeaderKey(k)] {
			w.Header()[k] = vs
		}
	}
	w.Header().Set("Content-Length", fmt.Sprint(len(body)))
	w.WriteHeader(status)
	w.Write(body)
}

func (p *recordingProxy) forward(r *http.Request, ex *exchange) (int, http.Header, []byte, error) {
	reqBody, err := io.ReadAll(r.Body)
	if err != nil {
		return 0, nil, nil, fmt.Errorf("reading the request body: %w", err)
	}
	ex.Body = string(reqBody)
	up, err := http.NewRequest(r.Method, p.upstream+r.RequestURI, bytes.NewReader(reqBody))
	if err != nil {
		return 0, nil, nil, err
	}
	for k, vs := range r.Header {
		if !hopHeaders[http.CanonicalHeaderKey(k)] {
			up.Header[k] = vs
		}
	}
	resp, err := p.client.Do(up)
	if err != nil {
		return 0, nil, nil, err
	}
	defer resp.Body.Close()
	body, err := io.ReadAll(io.LimitReader(resp.Body, 16<<20))
	if err != nil {
		return 0, nil, nil, fmt.Errorf("reading Prism's response: %w", err)
	}
	ex.Status = resp.StatusCode
	ex.Violations = resp.Header.Get("sl-violations")
	ex.Response = string(body)
	return resp.StatusCode, resp.Header, body, nil
}

// exchanges is a copy of everything recorded so far.
func (p *recordingProxy) exchanges() []exchange {
	p.mu.Lock()
	defer p.mu.Unlock()
	return append([]exchange(nil), p.log...)
}

func (p *recordingProxy) count() int {
	p.mu.Lock()
	defer p.mu.Unlock()
	return len(p.log)
}

// operation is an HTTP method and a path template of the definition.
type operation struct{ Method, Template string }

func (o operation) String() string { return o.Method + " " + o.Template }

var httpMethods = map[string]bool{
	"get": true, "put": true, "post": true, "delete": true, "patch": true, "options": true,
	"head": true, "trace": true,
}

// parseOperations reads the operations of an OpenAPI document with a line scan of the top-level
// paths: block: a path is a key indented by 2 that starts with "/", an operation an HTTP-method
// key indented by 4 under it.
func parseOperations(r io.Reader) ([]operation, error) {
	var ops []operation
	inPaths, path := false, ""
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 0, 64*1024), 1<<20)
	for sc.Scan() {
		line := sc.Text()
		trimmed := strings.TrimSpace(line)
		if trimmed == "" || strings.HasPrefix(trimmed, "#") {
			continue
		}
		indent := len(line) - len(strings.TrimLeft(line, " "))
		if indent == 0 {
			inPaths, path = strings.TrimRight(line, " ") == "paths:", ""
			continue
		}
		key, isKey := strings.CutSuffix(trimmed, ":")
		if !inPaths || !isKey {
			continue
		}
		switch {
		case indent == 2:
			key = strings.Trim(key, `'"`)
			path = ""
			if strings.HasPrefix(key, "/") {
				path = key
			}
		case indent == 4 && httpMethods[key] && path != "":
			ops = append(ops, operation{strings.ToUpper(key), path})
		}
	}
	sort.Slice(ops, func(i, j int) bool { return ops[i].String() < ops[j].String() })
	return ops, sc.Err()
}

// specOperations are the operations of the official definition.
func specOperations(t *testing.T) []operation {
	t.Helper()
	f, err := os.Open(specPath)
	if err != nil {
		t.Fatalf("the OpenAPI definition: %v", err)
	}
	defer f.Close()
	ops, err := parseOperations(f)
	if err != nil {
		t.Fatalf("reading %s: %v", specPath, err)
	}
	return ops
}

// pathMatches reports whether a request path matches a template such as
// /messaging_profiles/{id}: same segments, and a non-empty segment for each parameter.
func pathMatches(template, path string) bool {
	ts, ps := strings.Split(template, "/"), strings.Split(path, "/")
	if len(ts) != len(ps) {
		return false
	}
	for i, seg := range ts {
		if strings.HasPrefix(seg, "{") && strings.HasSuffix(seg, "}") {
			if ps[i] == "" {
				return false
			}
		} else if seg != ps[i] {
			return false
		}
	}
	return true
}

// templateOf maps a request back to the one operation of ops it reaches.
func templateOf(ops []operation, method, path string) (operation, bool) {
	for _, op := range ops {
		if op.Method == method && pathMatches(op.Template, path) {
			return op, true
		}
	}
	return operation{}, false
}
