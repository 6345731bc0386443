//go:build !cgo

package telnyxmessaging

// This package calls the telnyx-messaging C library through cgo, so it needs cgo
// (CGO_ENABLED=1 and a C compiler) and the installed library (make -C ffi install PREFIX=DIR,
// with PKG_CONFIG_PATH=DIR/lib/pkgconfig): see README.md. Without cgo the build stops here.
var _ = telnyxmessaging_requires_cgo__set_CGO_ENABLED_1_and_install_the_C_library_see_README
