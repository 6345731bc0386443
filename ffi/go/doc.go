// Package telnyxmessaging is a Go client for the Telnyx messaging-profile API: messaging
// profiles, their phone numbers, short codes, alphanumeric sender IDs, metrics and
// auto-response configs, and the account's short codes.
//
// It wraps the C ABI of the Rust library telnyx-messaging through cgo and links the installed
// C library statically, found with pkg-config (module telnyx_messaging). Install it first, from
// a clone of the repository, and build with cgo enabled:
//
//	make -C ffi install PREFIX="$HOME/.local"
//	export PKG_CONFIG_PATH="$HOME/.local/lib/pkgconfig"
//	go build ./...
//
// # Usage
//
//	client, err := telnyxmessaging.NewClient(telnyxmessaging.Options{}) // TELNYX_API_KEY from the environment
//	if err != nil {
//		return err
//	}
//	defer client.Close()
//
//	for profile, err := range client.MessagingProfiles.All(ctx, telnyxmessaging.ListMessagingProfilesParams{PageSize: 50}) {
//		if err != nil {
//			return err
//		}
//		fmt.Println(profile.ID, profile.Name)
//	}
//
// # Contexts
//
// Every call takes a [context.Context]. The underlying C call blocks and cannot be interrupted
// midway, so a context is honoured in two ways only: it is checked before each request (and
// before each page of an iterator), and its deadline, if any, becomes the overall deadline of the
// call (retries and waits included). Cancelling a context without a deadline does not stop a
// request that is already in flight. A nil context is treated as [context.Background].
//
// # Errors
//
// Every error from a call is an [*APIError] (use [errors.As]) that matches one of the sentinel
// values such as [ErrNotFound] or [ErrRateLimited] with [errors.Is]; when the deadline of the
// context ran out, it also matches [context.DeadlineExceeded].
//
// # Absent, null and set
//
// Nullable fields use [Nullable], which tells an absent field, an explicit JSON null and a value
// apart. Fields of models the library does not know are kept in each model's Extra map and
// written back by MarshalJSON.
//
// A [Client] is safe for concurrent use by multiple goroutines.
package telnyxmessaging
