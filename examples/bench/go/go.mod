module telnyx-messaging-bench

go 1.26

require github.com/telnyx-messaging/telnyx-messaging/ffi/go v0.0.0

require github.com/go-json-experiment/json v1.27.2 // indirect

replace github.com/telnyx-messaging/telnyx-messaging/ffi/go => ../../../ffi/go
