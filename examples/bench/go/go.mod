module telnyx-messaging-bench

go 1.24

require github.com/telnyx-messaging/telnyx-messaging/ffi/go v0.0.0

replace github.com/telnyx-messaging/telnyx-messaging/ffi/go => ../../../ffi/go
