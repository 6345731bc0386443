// Package support is what the Go examples share: a client for the real API when TELNYX_API_KEY
// is set, otherwise a client for the library's mock of the API (telnyx.StartMock: seven seeded
// profiles and everything under them, served in-process on 127.0.0.1), and a Run wrapper that
// prints errors and sets the exit code.
package support

import (
	"context"
	"fmt"
	"os"
	"slices"
	"strings"

	telnyx "github.com/telnyx-messaging/telnyx-messaging/ffi/go"
)

// Env is where an example sends its requests.
type Env struct {
	// Client is the client to use.
	Client *telnyx.Client
	// Write says whether the example may create, change and delete things: always with the
	// mock, with the real API only when --write was passed.
	Write bool
	// Mock is the mock server (nil with the real API).
	Mock *telnyx.MockServer
}

// Connect builds the client: the real API (or TELNYX_BASE_URL) when TELNYX_API_KEY is set, the
// mock server otherwise.
func Connect() (*Env, error) {
	write := slices.Contains(os.Args[1:], "--write")
	if strings.TrimSpace(os.Getenv("TELNYX_API_KEY")) != "" {
		client, err := telnyx.NewClient(telnyx.Options{}) // key and base URL from the environment
		if err != nil {
			return nil, err
		}
		mode := "read-only; pass --write to change data"
		if write {
			mode = "reads and writes"
		}
		fmt.Printf("Using the Telnyx API (%s)\n", mode)
		return &Env{Client: client, Write: write}, nil
	}
	mock, err := telnyx.StartMock(telnyx.MockOptions{})
	if err != nil {
		return nil, err
	}
	client, err := telnyx.NewClient(telnyx.Options{
		APIKey:  telnyx.MockAPIKey,
		BaseURL: mock.BaseURL(),
		Proxy:   "none", // a proxy from the environment must not see requests meant for 127.0.0.1
	})
	if err != nil {
		mock.Close()
		return nil, err
	}
	fmt.Printf("No TELNYX_API_KEY set: using the built-in mock server at %s\n", mock.BaseURL())
	return &Env{Client: client, Write: true, Mock: mock}, nil
}

// Close frees the client and stops the mock.
func (e *Env) Close() {
	e.Client.Close()
	if e.Mock != nil {
		e.Mock.Close()
	}
}

// Run connects, runs body, prints an error and exits non-zero on failure.
func Run(body func(ctx context.Context, env *Env) error) {
	env, err := Connect()
	if err == nil {
		err = body(context.Background(), env)
		env.Close()
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, "error:", err)
		os.Exit(1)
	}
}

// Show prints a nullable string field: the value, null, or (absent).
func Show(n telnyx.Nullable[string]) string {
	switch {
	case !n.Set:
		return "(absent)"
	case n.Null:
		return "null"
	default:
		return n.Value
	}
}
