// Updating a messaging profile: fields left out stay unchanged, fields set to JSON null are
// cleared. Nullable[T] in the update params says which is which.
//
//	go run ./update_with_null                                  # offline, built-in mock server
//	TELNYX_API_KEY=KEY... go run ./update_with_null -- --write # real API
package main

import (
	"context"
	"encoding/json"
	"fmt"

	"github.com/telnyx-messaging/telnyx-messaging/examples/go/internal/support"
	telnyx "github.com/telnyx-messaging/telnyx-messaging/ffi/go"
)

func main() { support.Run(update) }

func update(ctx context.Context, env *support.Env) error {
	if !env.Write {
		fmt.Println("This example creates, updates and deletes a profile: pass --write to run it against the real API.")
		return nil
	}
	profiles := env.Client.MessagingProfiles
	created, err := profiles.Create(ctx, telnyx.CreateMessagingProfileParams{
		Name:                    "Update example",
		WhitelistedDestinations: []string{"US"},
		WebhookURL:              telnyx.Ptr("https://example.com/hooks"),
		WebhookFailoverURL:      telnyx.Ptr("https://backup.example.com/hooks"),
		NumberPoolSettings:      &telnyx.NumberPoolSettings{LongCodeWeight: 1, TollFreeWeight: 1},
	})
	if err != nil {
		return err
	}
	printProfile("Before", created)

	// Set the name, clear the webhook URL and turn the number pool off; send nothing else, so
	// the failover URL and every other field stay as they are.
	params := telnyx.UpdateMessagingProfileParams{
		Name:               telnyx.Ptr("Update example (renamed)"),
		WebhookURL:         telnyx.Null[string](),
		NumberPoolSettings: telnyx.Null[telnyx.NumberPoolSettings](),
	}
	body, _ := json.Marshal(params)
	fmt.Printf("\nPATCH body: %s\n", body)
	updated, err := profiles.Update(ctx, created.ID, params)
	if err != nil {
		return err
	}
	printProfile("After", updated)

	// Response fields keep the difference too: a cleared field comes back as null.
	switch {
	case updated.WebhookURL.IsNull():
		fmt.Println("\nwebhook_url is null: cleared")
	case updated.WebhookURL.Set:
		fmt.Printf("\nwebhook_url is still %s\n", updated.WebhookURL.Value)
	default:
		fmt.Println("\nthe server did not send webhook_url")
	}

	if _, err := profiles.Delete(ctx, created.ID); err != nil {
		return err
	}
	fmt.Println("Deleted the example profile.")
	return nil
}

func printProfile(title string, p *telnyx.MessagingProfile) {
	fmt.Printf("%s:\n", title)
	fmt.Printf("  name:                 %s\n", p.Name)
	fmt.Printf("  webhook_url:          %s\n", support.Show(p.WebhookURL))
	fmt.Printf("  webhook_failover_url: %s\n", support.Show(p.WebhookFailoverURL))
	if pool, ok := p.NumberPoolSettings.Get(); ok {
		fmt.Printf("  number_pool_settings: long code %v, toll-free %v\n", pool.LongCodeWeight, pool.TollFreeWeight)
	} else {
		fmt.Println("  number_pool_settings: null")
	}
}
