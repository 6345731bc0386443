// Listing messaging profiles: one page, every profile through the lazy iterator, page by page,
// and with name filters.
//
//	go run ./list_profiles                        # offline, built-in mock server
//	TELNYX_API_KEY=KEY... go run ./list_profiles  # real API (reads only)
package main

import (
	"context"
	"fmt"
	"strings"

	"github.com/telnyx-messaging/telnyx-messaging/examples/go/internal/support"
	telnyx "github.com/telnyx-messaging/telnyx-messaging/ffi/go"
)

func main() { support.Run(list) }

func list(ctx context.Context, env *support.Env) error {
	profiles := env.Client.MessagingProfiles

	// One page: exactly one request. Meta tells how many pages and profiles there are.
	page, err := profiles.List(ctx, telnyx.ListMessagingProfilesParams{PageSize: 5})
	if err != nil {
		return err
	}
	if page.Meta != nil {
		fmt.Printf("One page: page %d of %d, %d of %d profiles\n",
			page.Meta.PageNumber, page.Meta.TotalPages, len(page.Data), page.Meta.TotalResults)
	}

	// Every profile: All asks for the next page only when the current one is used up, and
	// keeps the filters and page size on every page. After an error it yields (zero, err) and
	// stops. Breaking out of the loop frees the underlying iterator.
	fmt.Println("\nEvery profile, 2 per page (at most 20):")
	n := 0
	for p, err := range profiles.All(ctx, telnyx.ListMessagingProfilesParams{PageSize: 2}) {
		if err != nil {
			return err
		}
		fmt.Printf("  %s  %s\n", p.ID, p.Name)
		if n++; n == 20 {
			break
		}
	}

	// Page by page: each page with its Meta, from page 2.
	fmt.Println("\nPage by page, 3 per page, from page 2:")
	for page, err := range profiles.Pages(ctx, telnyx.ListMessagingProfilesParams{PageSize: 3, PageNumber: 2}) {
		if err != nil {
			return err
		}
		fmt.Printf("  page %d: %s\n", page.Meta.PageNumber, names(page.Data))
	}

	// Filters: exact name (filter[name][eq]) or a part of it (filter[name][contains]).
	fmt.Println("\nFilters:")
	var found []telnyx.MessagingProfile
	for p, err := range profiles.All(ctx, telnyx.ListMessagingProfilesParams{FilterNameContains: "alerts"}) {
		if err != nil {
			return err
		}
		found = append(found, p)
	}
	fmt.Printf("  name contains \"alerts\": %s\n", names(found))
	exact, err := profiles.List(ctx, telnyx.ListMessagingProfilesParams{FilterNameEq: "Support"})
	if err != nil {
		return err
	}
	fmt.Printf("  name is \"Support\": %d profile(s)\n", len(exact.Data))
	return nil
}

func names(ps []telnyx.MessagingProfile) string {
	if len(ps) == 0 {
		return "none"
	}
	var out []string
	for _, p := range ps {
		out = append(out, p.Name)
	}
	return strings.Join(out, ", ")
}
