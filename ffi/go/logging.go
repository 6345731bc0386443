package telnyxmessaging

/*
#include <stdint.h>
#include "telnyx_messaging.h"
extern void goTelnyxLog(void *user_data, uint32_t level, char *target, char *message);
*/
import "C"

import (
	"context"
	"log/slog"
	"sync/atomic"
	"unsafe"
)

// LevelTrace is the slog level of the library's trace records (request and response bodies,
// secrets redacted).
const LevelTrace = slog.LevelDebug - 4

// logSink receives the C library's records; nil drops them.
var logSink atomic.Pointer[slog.Logger]

//export goTelnyxLog
func goTelnyxLog(userData unsafe.Pointer, level C.uint32_t, target *C.char, message *C.char) {
	if l := logSink.Load(); l != nil {
		levels := [...]slog.Level{slog.LevelError, slog.LevelError, slog.LevelWarn, slog.LevelInfo, slog.LevelDebug, LevelTrace}
		l.Log(context.Background(), levels[min(int(level), len(levels)-1)], C.GoString(message))
	}
}

// setLogger sends the C library's records to l, at the most detailed level l accepts now. The
// C library's logger is one per process: the last client created with a Logger sets it.
func setLogger(l *slog.Logger) error {
	ctx := context.Background()
	level := C.uint32_t(0)
	for c, sl := range []slog.Level{slog.LevelError, slog.LevelWarn, slog.LevelInfo, slog.LevelDebug, LevelTrace} {
		if l.Enabled(ctx, sl) {
			level = C.uint32_t(c + 1)
		}
	}
	logSink.Store(l)
	if e := C.telnyx_set_logger(C.telnyx_log_callback(C.goTelnyxLog), nil, level); e != nil {
		return takeError(e)
	}
	return nil
}
