// Handling errors: errors.As to get the *APIError (status, errors[] details, request id,
// retry-after), errors.Is with the sentinels, and per-call options (retries, timeout, headers).
//
//	go run ./error_handling                        # offline, built-in mock server
//	TELNYX_API_KEY=KEY... go run ./error_handling  # real API (reads only)
package main

import (
	"context"
	"errors"
	"fmt"
	"net"
	"time"

	"github.com/telnyx-messaging/telnyx-messaging/examples/go/internal/support"
	telnyx "github.com/telnyx-messaging/telnyx-messaging/ffi/go"
)

func main() { support.Run(run) }

// advice says what a program would do about each kind of error.
func advice(err error) string {
	switch {
	case errors.Is(err, telnyx.ErrRateLimited):
		return "rate limited: wait for RetryAfter, then try again"
	case errors.Is(err, telnyx.ErrInternalServer):
		return "the service failed: try again later"
	case errors.Is(err, telnyx.ErrAuthentication), errors.Is(err, telnyx.ErrPermissionDenied):
		return "check the API key"
	case errors.Is(err, telnyx.ErrTimeout):
		return "no answer in time: retry, or raise the timeout"
	case errors.Is(err, telnyx.ErrConnection):
		return "could not connect"
	case errors.Is(err, telnyx.ErrInvalidArgument):
		return "a bug in the caller: no request was sent"
	case errors.Is(err, telnyx.ErrConfiguration):
		return "the client settings are wrong"
	case errors.Is(err, telnyx.ErrDecode):
		return "the answer did not have the expected shape"
	}
	var apiErr *telnyx.APIError
	if errors.As(err, &apiErr) && apiErr.StatusCode != 0 {
		return "the request was refused: fix it (see the errors[] details)"
	}
	return "unexpected error"
}

func report(what string, err error) {
	if err == nil {
		fmt.Printf("%s: succeeded\n", what)
		return
	}
	fmt.Printf("%s:\n  %v\n  %s\n", what, err, advice(err))
}

func run(ctx context.Context, env *support.Env) error {
	profiles := env.Client.MessagingProfiles

	// 404: an *APIError with the parsed errors[] and the request id for support tickets.
	_, err := profiles.Retrieve(ctx, "00000000-0000-4000-8000-000000000000")
	var apiErr *telnyx.APIError
	switch {
	case errors.As(err, &apiErr) && errors.Is(err, telnyx.ErrNotFound):
		fmt.Printf("Not found (HTTP %d), request id %q\n", apiErr.StatusCode, apiErr.RequestID)
		for _, d := range apiErr.Errors {
			fmt.Printf("  code %s: %s\n", d.Code, d.Title)
		}
	case err != nil:
		return err
	default:
		fmt.Println("Unexpectedly found the all-zero profile id")
	}

	// Arguments are checked before any request is sent.
	_, err = profiles.Retrieve(ctx, "")
	report("\nAn empty id", err)
	_, err = profiles.List(ctx, telnyx.ListMessagingProfilesParams{PageSize: 1000})
	report("\nA page size of 1000", err)

	// 401: a wrong API key.
	wrong, err := telnyx.NewClient(telnyx.Options{APIKey: "KEY_WRONG", BaseURL: baseURL(env), Proxy: proxy(env)})
	if err != nil {
		return err
	}
	_, err = wrong.MessagingProfiles.List(ctx, telnyx.ListMessagingProfilesParams{})
	wrong.Close()
	fmt.Printf("\nA wrong API key: errors.Is(err, ErrAuthentication) %v\n", errors.Is(err, telnyx.ErrAuthentication))

	// 429: the client retries rate-limited calls by itself (2 retries by default, waiting as
	// long as the server says). With MaxRetries 0 for these calls the error comes back at once
	// with the wait the server asked for. Only the mock can be asked for a 429.
	if env.Mock != nil {
		limited, err := env.Client.WithOptions(telnyx.RequestOptions{
			MaxRetries: telnyx.Ptr(0),
			Headers:    map[string]string{"x-mock-status": "429"},
		})
		if err != nil {
			return err
		}
		_, err = limited.MessagingProfiles.List(ctx, telnyx.ListMessagingProfilesParams{})
		limited.Close()
		if !errors.As(err, &apiErr) || !errors.Is(err, telnyx.ErrRateLimited) {
			return fmt.Errorf("expected a 429, got %v", err)
		}
		fmt.Printf("\nRate limited: retry after %v (known: %v)\n  %s\n", apiErr.RetryAfter, apiErr.HasRetryAfter, advice(err))
	}

	// Options for some calls: a shorter timeout, one retry, an extra header. The connection
	// pool is shared; the derived client is closed separately.
	traced, err := env.Client.WithOptions(telnyx.RequestOptions{
		Timeout:    10 * time.Second,
		MaxRetries: telnyx.Ptr(1),
		Headers:    map[string]string{"X-Client-Trace": "error-handling-example"},
	})
	if err != nil {
		return err
	}
	_, err = traced.MessagingProfiles.List(ctx, telnyx.ListMessagingProfilesParams{PageSize: 1})
	traced.Close()
	report("\nWith per-call options", err)

	// A timeout: this listener accepts connections but never answers. A context deadline
	// works the same way and the error then also matches context.DeadlineExceeded.
	silent, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return err
	}
	defer silent.Close()
	impatient, err := telnyx.NewClient(telnyx.Options{APIKey: "KEY_EXAMPLE", BaseURL: "http://" + silent.Addr().String() + "/v2",
		Proxy: "none", MaxRetries: telnyx.Ptr(0)})
	if err != nil {
		return err
	}
	defer impatient.Close()
	tctx, cancel := context.WithTimeout(ctx, 300*time.Millisecond)
	defer cancel()
	_, err = impatient.ShortCodes.Retrieve(tctx, "x")
	report("\nA server that never answers", err)
	fmt.Printf("  errors.Is(err, context.DeadlineExceeded) %v\n", errors.Is(err, context.DeadlineExceeded))

	// A connection error: nothing listens on this port any more.
	closed, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return err
	}
	addr := closed.Addr().String()
	closed.Close()
	unreachable, err := telnyx.NewClient(telnyx.Options{APIKey: "KEY_EXAMPLE", BaseURL: "http://" + addr + "/v2",
		Proxy: "none", MaxRetries: telnyx.Ptr(0)})
	if err != nil {
		return err
	}
	defer unreachable.Close()
	_, err = unreachable.ShortCodes.Retrieve(ctx, "x")
	report("\nA port nobody listens on", err)
	return nil
}

func baseURL(env *support.Env) string {
	if env.Mock != nil {
		return env.Mock.BaseURL()
	}
	return "" // TELNYX_BASE_URL or the production API
}

func proxy(env *support.Env) string {
	if env.Mock != nil {
		return "none"
	}
	return ""
}
