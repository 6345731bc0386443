//go:build contract

package telnyxmessaging

// Contract suite: the scenarios of tests/contract/scenarios.json, which every language's
// contract suite runs, through the Go binding against the Prism mock server serving the
// official OpenAPI definition, behind the one recording proxy of the suites
// (telnyx-contract-proxy, see tests/contract/proxy_bin.rs). The proxy also serves the
// definition's operations and checks each outcome and the requests it recorded with the shared
// checker; a failure shows the wire with Prism's sl-violations.
//
// Opt in with the build tag: go test -tags contract ./... (tests/run-all.sh does, after
// starting Prism and the proxy and setting TELNYX_CONTRACT_PROXY_URL). Without that variable the
// suite fails; it never skips.

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"iter"
	"net/http"
	"os"
	"strings"
	"testing"
	"time"
)

type contractScenario struct {
	Name, Operation, Call string
	Args                  struct {
		ID       string          `json:"id"`
		ConfigID string          `json:"config_id"`
		Params   json.RawMessage `json:"params"`
	}
	Options struct {
		Prefer     int `json:"prefer"`
		MaxRetries int `json:"max_retries"`
	}
}

// proxyJSON asks the contract proxy (GET without body, POST with one) and decodes its answer.
func proxyJSON(t *testing.T, path string, body, out any) {
	t.Helper()
	proxy := strings.TrimRight(strings.TrimSpace(os.Getenv("TELNYX_CONTRACT_PROXY_URL")), "/")
	if proxy == "" {
		t.Fatal("TELNYX_CONTRACT_PROXY_URL is not set: run bash tests/run-all.sh, which starts Prism and " +
			"the contract proxy (cargo run --features contract --bin telnyx-contract-proxy)")
	}
	client := &http.Client{Timeout: 30 * time.Second, Transport: &http.Transport{Proxy: nil}}
	var resp *http.Response
	var err error
	if body == nil {
		resp, err = client.Get(proxy + path)
	} else {
		data, _ := json.Marshal(body)
		resp, err = client.Post(proxy+path, "application/json", bytes.NewReader(data))
	}
	if err != nil {
		t.Fatalf("the contract proxy: %v", err)
	}
	defer resp.Body.Close()
	if err := json.NewDecoder(resp.Body).Decode(out); err != nil {
		t.Fatalf("the contract proxy's answer to %s: %v", path, err)
	}
}

// p decodes a scenario's params (the C ABI's JSON, which the Go params types read).
func p[T any](raw json.RawMessage) T {
	var v T
	if len(raw) > 0 {
		if err := json.Unmarshal(raw, &v); err != nil {
			panic(fmt.Sprintf("params %s: %v", raw, err))
		}
	}
	return v
}

func one[T any](v T, err error) (any, error) { return v, err }

// all collects the items of an iterator (at most 50) and the error that ends it.
func all[T any](seq iter.Seq2[T, error]) (any, error) {
	items := []T{}
	for v, err := range seq {
		if err != nil {
			return items, err
		}
		if items = append(items, v); len(items) >= 50 {
			break
		}
	}
	return items, nil
}

var ctx = context.Background()

// contractCalls maps each call of the scenarios to the Go API.
var contractCalls = map[string]func(c *Client, id, cfg string, raw json.RawMessage) (any, error){
	"messaging_profiles_list": func(c *Client, _, _ string, r json.RawMessage) (any, error) {
		return one(c.MessagingProfiles.List(ctx, p[ListMessagingProfilesParams](r)))
	},
	"messaging_profiles_list_all": func(c *Client, _, _ string, r json.RawMessage) (any, error) {
		return all(c.MessagingProfiles.All(ctx, p[ListMessagingProfilesParams](r)))
	},
	"messaging_profiles_create": func(c *Client, _, _ string, r json.RawMessage) (any, error) {
		return one(c.MessagingProfiles.Create(ctx, p[CreateMessagingProfileParams](r)))
	},
	"messaging_profiles_retrieve": func(c *Client, id, _ string, _ json.RawMessage) (any, error) {
		return one(c.MessagingProfiles.Retrieve(ctx, id))
	},
	"messaging_profiles_update": func(c *Client, id, _ string, r json.RawMessage) (any, error) {
		return one(c.MessagingProfiles.Update(ctx, id, p[UpdateMessagingProfileParams](r)))
	},
	"messaging_profiles_delete": func(c *Client, id, _ string, _ json.RawMessage) (any, error) {
		return one(c.MessagingProfiles.Delete(ctx, id))
	},
	"messaging_profiles_regenerate_secret": func(c *Client, id, _ string, _ json.RawMessage) (any, error) {
		return one(c.MessagingProfiles.RegenerateSecret(ctx, id))
	},
	"messaging_profiles_list_phone_numbers": func(c *Client, id, _ string, r json.RawMessage) (any, error) {
		return one(c.MessagingProfiles.ListPhoneNumbers(ctx, id, p[PageParams](r)))
	},
	"messaging_profiles_list_all_phone_numbers": func(c *Client, id, _ string, r json.RawMessage) (any, error) {
		return all(c.MessagingProfiles.AllPhoneNumbers(ctx, id, p[PageParams](r)))
	},
	"messaging_profiles_list_short_codes": func(c *Client, id, _ string, r json.RawMessage) (any, error) {
		return one(c.MessagingProfiles.ListShortCodes(ctx, id, p[PageParams](r)))
	},
	"messaging_profiles_list_all_short_codes": func(c *Client, id, _ string, r json.RawMessage) (any, error) {
		return all(c.MessagingProfiles.AllShortCodes(ctx, id, p[PageParams](r)))
	},
	"messaging_profiles_list_alphanumeric_sender_ids": func(c *Client, id, _ string, r json.RawMessage) (any, error) {
		return one(c.MessagingProfiles.ListAlphanumericSenderIDs(ctx, id, p[PageParams](r)))
	},
	"messaging_profiles_list_all_alphanumeric_sender_ids": func(c *Client, id, _ string, r json.RawMessage) (any, error) {
		return all(c.MessagingProfiles.AllAlphanumericSenderIDs(ctx, id, p[PageParams](r)))
	},
	"messaging_profiles_retrieve_metrics": func(c *Client, id, _ string, r json.RawMessage) (any, error) {
		return one(c.MessagingProfiles.RetrieveMetrics(ctx, id, p[MetricsParams](r)))
	},
	"messaging_profile_metrics_list": func(c *Client, _, _ string, r json.RawMessage) (any, error) {
		return one(c.MessagingProfileMetrics.List(ctx, p[MetricsParams](r)))
	},
	"messaging_profiles_autoresp_configs_list": func(c *Client, id, _ string, r json.RawMessage) (any, error) {
		return one(c.MessagingProfiles.AutorespConfigs(id).List(ctx, p[ListAutorespConfigsParams](r)))
	},
	"messaging_profiles_autoresp_configs_create": func(c *Client, id, _ string, r json.RawMessage) (any, error) {
		return one(c.MessagingProfiles.AutorespConfigs(id).Create(ctx, p[AutorespConfigParams](r)))
	},
	"messaging_profiles_autoresp_configs_retrieve": func(c *Client, id, cfg string, _ json.RawMessage) (any, error) {
		return one(c.MessagingProfiles.AutorespConfigs(id).Retrieve(ctx, cfg))
	},
	"messaging_profiles_autoresp_configs_update": func(c *Client, id, cfg string, r json.RawMessage) (any, error) {
		return one(c.MessagingProfiles.AutorespConfigs(id).Update(ctx, cfg, p[AutorespConfigParams](r)))
	},
	"messaging_profiles_autoresp_configs_delete": func(c *Client, id, cfg string, _ json.RawMessage) (any, error) {
		return one(c.MessagingProfiles.AutorespConfigs(id).Delete(ctx, cfg))
	},
	"short_codes_list": func(c *Client, _, _ string, r json.RawMessage) (any, error) {
		return one(c.ShortCodes.List(ctx, p[ListShortCodesParams](r)))
	},
	"short_codes_list_all": func(c *Client, _, _ string, r json.RawMessage) (any, error) {
		return all(c.ShortCodes.All(ctx, p[ListShortCodesParams](r)))
	},
	"short_codes_retrieve": func(c *Client, id, _ string, _ json.RawMessage) (any, error) {
		return one(c.ShortCodes.Retrieve(ctx, id))
	},
	"short_codes_update": func(c *Client, id, _ string, r json.RawMessage) (any, error) {
		return one(c.ShortCodes.Update(ctx, id, p[UpdateShortCodeParams](r)))
	},
}

// outcome runs the scenario's call: {"result": ..., "error": null | {kind, status, message, errors}}.
func outcome(t *testing.T, c *Client, s contractScenario) map[string]any {
	call, found := contractCalls[s.Call]
	if !found {
		t.Fatalf("unknown call %s", s.Call)
	}
	result, err := call(c, s.Args.ID, s.Args.ConfigID, s.Args.Params)
	if err == nil {
		return map[string]any{"result": result, "error": nil}
	}
	var ae *APIError
	if !errors.As(err, &ae) {
		t.Fatalf("expected an *APIError, got %T: %v", err, err)
	}
	if !errors.Is(err, &kindError{ae.Kind}) {
		t.Errorf("%v does not match the sentinel of its kind", err)
	}
	e := map[string]any{"kind": ae.Kind.String(), "status": nil, "message": ae.Message,
		"errors": append([]ErrorDetail{}, ae.Errors...), "retry_after_ms": nil}
	if ae.HasRetryAfter {
		e["retry_after_ms"] = ae.RetryAfter.Milliseconds()
	}
	if ae.StatusCode != 0 {
		e["status"] = ae.StatusCode
	}
	if !strings.Contains(s.Call, "list_all") {
		result = nil
	}
	return map[string]any{"result": result, "error": e}
}

// TestContract checks that the scenarios cover exactly the operations of the definition, then
// runs each one and has the proxy check it.
func TestContract(t *testing.T) {
	var doc struct{ Scenarios []contractScenario }
	data, err := os.ReadFile("../../tests/contract/scenarios.json")
	if err == nil {
		err = json.Unmarshal(data, &doc)
	}
	if err != nil {
		t.Fatalf("the scenarios: %v", err)
	}
	var ops []struct {
		OperationID string `json:"operation_id"`
	}
	proxyJSON(t, "/__contract/operations", nil, &ops)
	defined, covered := map[string]bool{}, map[string]bool{}
	for _, op := range ops {
		defined[op.OperationID] = true
	}
	for _, s := range doc.Scenarios {
		covered[s.Operation] = true
	}
	if len(ops) != 19 || fmt.Sprint(defined) != fmt.Sprint(covered) {
		t.Fatalf("the scenarios cover %v, the definition's 19 operations are %v", covered, defined)
	}
	proxy := strings.TrimRight(strings.TrimSpace(os.Getenv("TELNYX_CONTRACT_PROXY_URL")), "/")
	for i, s := range doc.Scenarios {
		t.Run(s.Name, func(t *testing.T) {
			session := fmt.Sprintf("go-%d-%d", os.Getpid(), i)
			opts := Options{APIKey: "KEYcontract_suite_go", BaseURL: proxy + "/s/" + session,
				MaxRetries: Ptr(s.Options.MaxRetries), Timeout: 30 * time.Second, Proxy: "none"}
			if s.Options.Prefer != 0 {
				opts.Headers = map[string]string{"Prefer": fmt.Sprintf("code=%d", s.Options.Prefer)}
			}
			c, err := NewClient(opts)
			if err != nil {
				t.Fatalf("NewClient: %v", err)
			}
			defer c.Close()
			var answer struct{ Failures []string }
			proxyJSON(t, "/__contract/check/"+session, map[string]any{"scenario": s.Name, "outcome": outcome(t, c, s)}, &answer)
			if len(answer.Failures) != 0 {
				t.Error(strings.Join(answer.Failures, "\n"))
			}
		})
	}
	if n := liveIters.Load(); n != 0 {
		t.Errorf("%d C page iterators not freed", n)
	}
}
