// The benchmark scenarios through the Go binding (built and run by examples/bench).
//
// usage: bench_go <list250|list20|create|retrieve|iter100k> <base_url> <runs>
//
// One client for the whole process: one warm-up run, then <runs> timed runs. Prints one JSON
// line: {"times_ms": [...], "items": N, "hwm_kib": N}.
package main

import (
	"bufio"
	"context"
	"encoding/json"
	"fmt"
	"os"
	"strconv"
	"strings"
	"time"

	telnyx "github.com/telnyx-messaging/telnyx-messaging/ffi/go"
)

const singleCalls = 1000

func hwmKiB() int64 {
	f, err := os.Open("/proc/self/status")
	if err != nil {
		return 0
	}
	defer f.Close()
	scanner := bufio.NewScanner(f)
	for scanner.Scan() {
		if rest, ok := strings.CutPrefix(scanner.Text(), "VmHWM:"); ok {
			kib, _ := strconv.ParseInt(strings.TrimSpace(strings.TrimSuffix(strings.TrimSpace(rest), "kB")), 10, 64)
			return kib
		}
	}
	return 0
}

func run(ctx context.Context, client *telnyx.Client, scenario string) (int, error) {
	seen, checksum := 0, 0
	switch scenario {
	case "list250", "list20", "iter100k":
		size := 250
		if scenario == "list20" {
			size = 20
		}
		for profile, err := range client.MessagingProfiles.All(ctx, telnyx.ListMessagingProfilesParams{PageSize: size}) {
			if err != nil {
				return seen, err
			}
			checksum += len(profile.Name)
			seen++
		}
	case "create":
		for k := range singleCalls {
			params := telnyx.CreateMessagingProfileParams{
				Name:                    fmt.Sprintf("bench %d", k),
				WhitelistedDestinations: []string{"US", "CA"},
			}
			profile, err := client.MessagingProfiles.Create(ctx, params)
			if err != nil {
				return seen, err
			}
			checksum += len(profile.Name)
			seen++
		}
	case "retrieve":
		ids := strings.Split(os.Getenv("BENCH_IDS"), ",")
		for k := range singleCalls {
			profile, err := client.MessagingProfiles.Retrieve(ctx, ids[k%len(ids)])
			if err != nil {
				return seen, err
			}
			checksum += len(profile.Name)
			seen++
		}
	default:
		return 0, fmt.Errorf("unknown scenario %s", scenario)
	}
	_ = checksum
	return seen, nil
}

func main() {
	if len(os.Args) != 4 {
		fmt.Fprintln(os.Stderr, "usage: bench_go <scenario> <base_url> <runs>")
		os.Exit(2)
	}
	scenario, baseURL := os.Args[1], os.Args[2]
	runs, err := strconv.Atoi(os.Args[3])
	if err != nil || runs < 1 || runs > 50 {
		fmt.Fprintln(os.Stderr, "bench_go: runs must be 1..50")
		os.Exit(2)
	}
	client, err := telnyx.NewClient(telnyx.Options{APIKey: "KEY_MOCK_0123456789ABCDEF", BaseURL: baseURL, Proxy: "none"})
	if err != nil {
		fmt.Fprintln(os.Stderr, "bench_go:", err)
		os.Exit(1)
	}
	defer client.Close()
	ctx := context.Background()
	times := make([]float64, 0, runs)
	items := 0
	for i := 0; i <= runs; i++ {
		start := time.Now()
		seen, err := run(ctx, client, scenario)
		elapsed := float64(time.Since(start).Nanoseconds()) / 1e6
		if err != nil {
			fmt.Fprintln(os.Stderr, "bench_go:", err)
			os.Exit(1)
		}
		if i > 0 {
			times = append(times, elapsed)
			if seen != items {
				fmt.Fprintf(os.Stderr, "bench_go: run %d saw %d items, the warm-up %d\n", i, seen, items)
				os.Exit(1)
			}
		}
		items = seen
	}
	line, _ := json.Marshal(map[string]any{"times_ms": times, "items": items, "hwm_kib": hwmKiB()})
	fmt.Println(string(line))
}
