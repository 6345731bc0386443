//! C ABI of telnyx-messaging (work in progress).
