// Creating a messaging profile with the required fields and a few optional ones, then reading
// it back and deleting it.
//
//	go run ./create_profile                                 # offline, built-in mock server
//	TELNYX_API_KEY=KEY... go run ./create_profile -- --write # real API
package main

import (
	"context"
	"encoding/json"
	"fmt"

	"github.com/telnyx-messaging/telnyx-messaging/examples/go/internal/support"
	telnyx "github.com/telnyx-messaging/telnyx-messaging/ffi/go"
)

func main() { support.Run(create) }

func create(ctx context.Context, env *support.Env) error {
	if !env.Write {
		fmt.Println("This example creates and deletes a profile: pass --write to run it against the real API.")
		return nil
	}
	profiles := env.Client.MessagingProfiles

	// Name and WhitelistedDestinations are required (["*"] allows every destination); pointer
	// fields left nil are not sent.
	created, err := profiles.Create(ctx, telnyx.CreateMessagingProfileParams{
		Name:                    "Go example profile",
		WhitelistedDestinations: []string{"US", "CA"},
		WebhookURL:              telnyx.Ptr("https://example.com/hooks"),
		WebhookAPIVersion:       telnyx.WebhookAPIVersion2,
		NumberPoolSettings: &telnyx.NumberPoolSettings{
			LongCodeWeight: 1, TollFreeWeight: 2.5, SkipUnhealthy: true, StickySender: telnyx.Ptr(true),
		},
		DailySpendLimit:        telnyx.Ptr("25.00"),
		DailySpendLimitEnabled: telnyx.Ptr(true),
	})
	if err != nil {
		return err
	}
	// The secret is never printed by fmt: %v shows [redacted].
	fmt.Printf("Created %s %q (v1_secret %v)\n", created.ID, created.Name, created.V1Secret)

	again, err := profiles.Retrieve(ctx, created.ID)
	if err != nil {
		return err
	}
	fmt.Printf("Retrieved: destinations %v, webhook_url %s\n", again.WhitelistedDestinations, support.Show(again.WebhookURL))
	// Fields this version does not know are kept in Extra and written back by MarshalJSON.
	b, _ := json.Marshal(again)
	fmt.Printf("As JSON: %.120s...\n", b)

	if _, err := profiles.Delete(ctx, created.ID); err != nil {
		return err
	}
	fmt.Println("Deleted the example profile.")
	return nil
}
