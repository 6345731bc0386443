package telnyxmessaging

import (
	"encoding/json"
	"errors"
	"fmt"
	"strings"
	"time"
)

// ErrorKind is the category of an [APIError], the stable error kind of the C ABI.
type ErrorKind uint32

// The error kinds (values of the C ABI, never renumbered).
const (
	KindInvalidArgument     ErrorKind = 1  // bad argument, caught before any request
	KindConfiguration       ErrorKind = 2  // the client could not be built
	KindConnection          ErrorKind = 3  // connection failed
	KindTimeout             ErrorKind = 4  // timeout or deadline
	KindBadRequest          ErrorKind = 5  // HTTP 400
	KindAuthentication      ErrorKind = 6  // HTTP 401
	KindPermissionDenied    ErrorKind = 7  // HTTP 403
	KindNotFound            ErrorKind = 8  // HTTP 404
	KindConflict            ErrorKind = 9  // HTTP 409
	KindUnprocessableEntity ErrorKind = 10 // HTTP 422
	KindRateLimited         ErrorKind = 11 // HTTP 429
	KindInternalServer      ErrorKind = 12 // HTTP 500-599
	KindAPIStatus           ErrorKind = 13 // any other non-2xx status
	KindDecode              ErrorKind = 14 // a 2xx body not as the API definition says
	KindUnexpectedPage      ErrorKind = 15 // an iterator got a page other than the one it asked for
	KindPanic               ErrorKind = 16 // a bug in the library, caught at the boundary
	KindInternal            ErrorKind = 17 // an error this version does not classify
)

var kindNames = map[ErrorKind]string{
	KindInvalidArgument:     "invalid_argument",
	KindConfiguration:       "configuration",
	KindConnection:          "connection",
	KindTimeout:             "timeout",
	KindBadRequest:          "bad_request",
	KindAuthentication:      "authentication",
	KindPermissionDenied:    "permission_denied",
	KindNotFound:            "not_found",
	KindConflict:            "conflict",
	KindUnprocessableEntity: "unprocessable_entity",
	KindRateLimited:         "rate_limit",
	KindInternalServer:      "internal_server",
	KindAPIStatus:           "api_status",
	KindDecode:              "decode",
	KindUnexpectedPage:      "unexpected_page",
	KindPanic:               "panic",
	KindInternal:            "internal",
}

// String returns the snake_case name of the kind, as in the C ABI's error JSON.
func (k ErrorKind) String() string {
	if name, ok := kindNames[k]; ok {
		return name
	}
	return fmt.Sprintf("kind_%d", uint32(k))
}

// kindError is a sentinel value: an [*APIError] matches it with errors.Is when the kinds agree.
type kindError struct {
	kind ErrorKind
}

func (e *kindError) Error() string {
	return "telnyx: " + strings.ReplaceAll(e.kind.String(), "_", " ")
}

// Sentinel errors for errors.Is. Every error a call returns is an [*APIError]; it matches the
// sentinel of its [ErrorKind]:
//
//	if errors.Is(err, telnyxmessaging.ErrNotFound) { ... }
var (
	ErrInvalidArgument     error = &kindError{KindInvalidArgument}
	ErrConfiguration       error = &kindError{KindConfiguration}
	ErrConnection          error = &kindError{KindConnection}
	ErrTimeout             error = &kindError{KindTimeout}
	ErrBadRequest          error = &kindError{KindBadRequest}
	ErrAuthentication      error = &kindError{KindAuthentication}
	ErrPermissionDenied    error = &kindError{KindPermissionDenied}
	ErrNotFound            error = &kindError{KindNotFound}
	ErrConflict            error = &kindError{KindConflict}
	ErrUnprocessableEntity error = &kindError{KindUnprocessableEntity}
	ErrRateLimited         error = &kindError{KindRateLimited}
	ErrInternalServer      error = &kindError{KindInternalServer}
	ErrAPIStatus           error = &kindError{KindAPIStatus}
	ErrDecode              error = &kindError{KindDecode}
	ErrUnexpectedPage      error = &kindError{KindUnexpectedPage}
	ErrPanic               error = &kindError{KindPanic}
)

// ErrClosed is returned by calls on a [Client] after Close.
var ErrClosed = errors.New("telnyx: client is closed")

// APIError is the error of a failed call. Use errors.As to get it and errors.Is with the
// sentinels ([ErrNotFound], [ErrRateLimited], ...) to test its kind.
type APIError struct {
	// Kind is the category of the error.
	Kind ErrorKind
	// StatusCode is the HTTP status, 0 when there was no response.
	StatusCode int
	// Message describes the error.
	Message string
	// Errors are the entries of the response's `errors` array, parsed.
	Errors []ErrorDetail
	// RetryAfter is how long the server asked to wait (Retry-After), when HasRetryAfter.
	RetryAfter time.Duration
	// HasRetryAfter is true when the response said how long to wait.
	HasRetryAfter bool
	// RequestID is the x-request-id of the response, "" when none.
	RequestID string
	// RateLimit holds the x-ratelimit-* headers of the response, nil without an HTTP answer.
	RateLimit *RateLimit

	cause error // context.DeadlineExceeded when the context's deadline caused a timeout
}

// RateLimit is the x-ratelimit-* headers of a response; each is nil when the server did not send it.
type RateLimit struct {
	Limit     *uint64 `json:"limit"`     // requests allowed per window
	Remaining *uint64 `json:"remaining"` // requests left in the window
	Reset     *uint64 `json:"reset"`     // seconds until the window resets
}

// ErrorDetail is one entry of an error response's `errors` array.
type ErrorDetail struct {
	// Code is the Telnyx error code, a numeric-looking string such as "10015".
	Code string `json:"code"`
	// Title is a short summary.
	Title string `json:"title"`
	// Detail is a longer explanation.
	Detail string `json:"detail,omitempty"`
	// Source is the part of the request that caused it, when known.
	Source *ErrorSource `json:"source,omitempty"`
	// Meta is free-form extra information.
	Meta json.RawMessage `json:"meta,omitempty"`
}

// ErrorSource says where in the request an error was found.
type ErrorSource struct {
	// Pointer is a JSON pointer (RFC 6901) into the request body.
	Pointer string `json:"pointer,omitempty"`
	// Parameter is the query parameter at fault.
	Parameter string `json:"parameter,omitempty"`
}

// Error returns "telnyx: " and the library's message (which names the status and every entry
// of errors[]), or the kind and status when there is no message, then the request id.
func (e *APIError) Error() string {
	var b strings.Builder
	b.WriteString("telnyx: ")
	if e.Message != "" {
		b.WriteString(e.Message)
	} else {
		b.WriteString(strings.ReplaceAll(e.Kind.String(), "_", " "))
		if e.StatusCode != 0 {
			fmt.Fprintf(&b, " (HTTP %d)", e.StatusCode)
		}
	}
	if e.RequestID != "" {
		fmt.Fprintf(&b, " [request id %s]", e.RequestID)
	}
	return b.String()
}

// Is matches the sentinel of e's kind.
func (e *APIError) Is(target error) bool {
	t, ok := target.(*kindError)
	return ok && t.kind == e.Kind
}

// Unwrap returns the context error when the context's deadline caused the error.
func (e *APIError) Unwrap() error { return e.cause }

// Temporary reports whether trying again later may succeed: connection errors, timeouts,
// 409, 429 and 5xx responses.
func (e *APIError) Temporary() bool {
	switch e.Kind {
	case KindConnection, KindTimeout, KindConflict, KindRateLimited, KindInternalServer:
		return true
	}
	return false
}

// errorJSON is the shape of telnyx_error_to_json.
type errorJSON struct {
	Kind         uint32        `json:"kind"`
	Status       *int          `json:"status"`
	Message      string        `json:"message"`
	Errors       []ErrorDetail `json:"errors"`
	RetryAfterMS *int64        `json:"retry_after_ms"`
	RequestID    *string       `json:"request_id"`
	RateLimit    *RateLimit    `json:"rate_limit"`
}

func errorFromJSON(b []byte) *APIError {
	var j errorJSON
	if err := json.Unmarshal(b, &j); err != nil {
		return &APIError{Kind: KindPanic, Message: "unreadable error from the library: " + err.Error()}
	}
	e := &APIError{Kind: ErrorKind(j.Kind), Message: j.Message, Errors: j.Errors, RateLimit: j.RateLimit}
	if j.Status != nil {
		e.StatusCode = *j.Status
	}
	if j.RetryAfterMS != nil && *j.RetryAfterMS >= 0 {
		e.RetryAfter = time.Duration(*j.RetryAfterMS) * time.Millisecond
		e.HasRetryAfter = true
	}
	if j.RequestID != nil {
		e.RequestID = *j.RequestID
	}
	return e
}

func invalidArgument(format string, args ...any) *APIError {
	return &APIError{Kind: KindInvalidArgument, Message: fmt.Sprintf(format, args...)}
}

func decodeError(what string, err error) *APIError {
	return &APIError{Kind: KindDecode, Message: fmt.Sprintf("decoding %s: %v", what, err)}
}
