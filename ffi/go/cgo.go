package telnyxmessaging

/*
// The installed C library, found through pkg-config (make -C ffi install PREFIX=DIR, then
// PKG_CONFIG_PATH=DIR/lib/pkgconfig). Linked statically: -Bstatic selects libtelnyx_messaging.a,
// and the module's Libs.private switch back to shared system libraries (-Wl,-Bdynamic), so
// programs need no libtelnyx_messaging.so at run time.
#cgo LDFLAGS: -Wl,-Bstatic
#cgo pkg-config: --static telnyx_messaging
#include <stdlib.h>
#include <string.h>
#include "telnyx_messaging.h"
*/
import "C"

import (
	"strings"
	"sync/atomic"
	"unsafe"
)

// Version returns the version of the underlying C library.
func Version() string {
	return C.GoString(C.telnyx_version())
}

// cstring is a C copy of a Go string, freed with free.
type cstring struct{ p *C.char }

// newCString copies s to C memory; what names the argument in the error when s contains NUL.
func newCString(s, what string) (cstring, error) {
	if strings.IndexByte(s, 0) >= 0 {
		return cstring{}, invalidArgument("%s contains a NUL byte", what)
	}
	return cstring{C.CString(s)}, nil
}

// newCJSON copies a JSON document to C memory; nil gives NULL (no parameters).
func newCJSON(b []byte) cstring {
	if b == nil {
		return cstring{}
	}
	return cstring{C.CString(string(b))}
}

func (s cstring) free() {
	if s.p != nil {
		C.free(unsafe.Pointer(s.p))
	}
}

// takeString copies an owned C string into Go and frees it.
func takeString(p *C.char) []byte {
	if p == nil {
		return nil
	}
	defer C.telnyx_string_free(p)
	return C.GoBytes(unsafe.Pointer(p), C.int(C.strlen(p)))
}

// takeJSON decodes an owned C string of JSON into v, from a Go copy, and frees it.
func takeJSON(p *C.char, v any) error {
	b := C.GoBytes(unsafe.Pointer(p), C.int(C.strlen(p)))
	C.telnyx_string_free(p)
	return decodeJSON(b, v)
}

// takeError converts an owned telnyx_error into an *APIError and frees it.
func takeError(e *C.telnyx_error) *APIError {
	defer C.telnyx_error_free(e)
	j := C.telnyx_error_to_json(e)
	if j == nil {
		return &APIError{
			Kind:       ErrorKind(C.telnyx_error_kind(e)),
			StatusCode: int(C.telnyx_error_status(e)),
			Message:    C.GoString(C.telnyx_error_message(e)),
		}
	}
	return errorFromJSON(takeString(j))
}

// liveIters counts C page iterators not yet freed (tests check it returns to zero).
var liveIters atomic.Int64

func freeIter(it *C.telnyx_page_iter) {
	C.telnyx_page_iter_free(it)
	liveIters.Add(-1)
}
