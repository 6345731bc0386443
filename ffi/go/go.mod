module github.com/telnyx-messaging/telnyx-messaging/ffi/go

go 1.24
