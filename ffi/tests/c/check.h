/* Tiny assertion helpers shared by the C test programs (C99 and C++). Each program counts its
 * failed checks and exits non-zero when there was one. */
#ifndef TELNYX_TEST_CHECK_H
#define TELNYX_TEST_CHECK_H

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "telnyx_messaging.h"

static int check_failures = 0;

#define CHECK(cond)                                                                                \
  do {                                                                                             \
    if (!(cond)) {                                                                                 \
      fprintf(stderr, "%s:%d: CHECK failed: %s\n", __FILE__, __LINE__, #cond);                    \
      check_failures++;                                                                            \
    }                                                                                              \
  } while (0)

/* `text` contains `needle` (NULL never does). */
static inline int contains(const char *text, const char *needle) {
  return text != NULL && strstr(text, needle) != NULL;
}

/* Expects `e` to be NULL (success); reports and frees it otherwise. Returns 1 on success. */
static inline int check_ok(telnyx_error *e, const char *file, int line, const char *what) {
  if (e == NULL) return 1;
  fprintf(stderr, "%s:%d: %s failed: kind %u: %s\n", file, line, what, (unsigned)telnyx_error_kind(e),
          telnyx_error_message(e));
  telnyx_error_free(e);
  check_failures++;
  return 0;
}
#define OK(call) check_ok((call), __FILE__, __LINE__, #call)

/* Expects `e` to be an error of `kind` whose message contains `needle`; frees it. */
static inline void check_fails(telnyx_error *e, uint32_t kind, const char *needle, const char *file, int line,
                               const char *what) {
  if (e == NULL) {
    fprintf(stderr, "%s:%d: %s succeeded, expected error kind %u\n", file, line, what, (unsigned)kind);
    check_failures++;
    return;
  }
  if (telnyx_error_kind(e) != kind || !contains(telnyx_error_message(e), needle)) {
    fprintf(stderr, "%s:%d: %s: expected kind %u with \"%s\", got kind %u: %s\n", file, line, what,
            (unsigned)kind, needle, (unsigned)telnyx_error_kind(e), telnyx_error_message(e));
    check_failures++;
  }
  telnyx_error_free(e);
}
#define FAILS(call, kind, needle) check_fails((call), (kind), (needle), __FILE__, __LINE__, #call)

/* Checks that an owned result string equals `expected`, then frees it. */
static inline void check_json(char *json, const char *expected, const char *file, int line) {
  if (json == NULL || strcmp(json, expected) != 0) {
    fprintf(stderr, "%s:%d: expected %s\n  got %s\n", file, line, expected, json ? json : "(NULL)");
    check_failures++;
  }
  telnyx_string_free(json);
}
#define CHECK_JSON(json, expected) check_json((json), (expected), __FILE__, __LINE__)

/* A client from `options` (JSON); aborts on failure. */
static inline telnyx_client *client_from(const char *options) {
  telnyx_client *c = NULL;
  telnyx_error *e = telnyx_client_new(options, &c);
  if (e != NULL || c == NULL) {
    fprintf(stderr, "telnyx_client_new(%s) failed: %s\n", options, e ? telnyx_error_message(e) : "(no error)");
    telnyx_error_free(e);
    exit(2);
  }
  return c;
}

/* A client for `base_url` with a test key and no retries; aborts on failure. */
static inline telnyx_client *test_client(const char *base_url, const char *extra_options) {
  char options[1024];
  snprintf(options, sizeof options, "{\"api_key\": \"test-key\", \"base_url\": \"%s\", \"max_retries\": 0%s}",
           base_url, extra_options ? extra_options : "");
  return client_from(options);
}

static inline int finish(const char *program) {
  if (check_failures != 0) {
    fprintf(stderr, "%s: %d check(s) failed\n", program, check_failures);
    return 1;
  }
  printf("%s: all checks passed\n", program);
  return 0;
}

#endif
