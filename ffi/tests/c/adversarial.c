/* Adversarial bad input for every exported function: NULL for every pointer, invalid UTF-8,
 * 1 MB strings, malformed JSON, JSON of every wrong type, hostile ids, headers and URLs.
 * Usage: adversarial BASE_URL COVERAGE_FILE
 * BASE_URL is a recording server (see ffi/tests/adversarial.rs). Phase 1 (bad input) must send
 * nothing; then one request to /messaging_profiles/phase-marker; phase 2 sends ids that are odd
 * but valid, which must arrive percent-encoded as one path segment. Every function exercised is
 * written to COVERAGE_FILE, one name a line, and the Rust side compares them with the header.
 * Each failed case prints "CASE FAILED <function> <label>: <why>". */
#include "check.h"

#define KEY "adv-KEY-9f3c"   /* the API key: never in a message */
#define CRED "hunter2pw"     /* a password in URLs: never in a message */
#define BIG (1024 * 1024)    /* "1 MB" */
#define LONG_ID 70000        /* past the 65,534-byte URL limit */
#define DEEP 100000          /* nesting depth */

/* The kinds a case accepts, as a bit mask. */
#define INVALID (1u << TELNYX_ERROR_KIND_INVALID_ARGUMENT)
#define CONFIG (1u << TELNYX_ERROR_KIND_CONFIGURATION)

static const char *base_url;

/* A client of the recording server with the secret key and no retries; exits on failure. */
static telnyx_client *key_client(void) {
  char options[512];
  snprintf(options, sizeof options, "{\"api_key\": \"" KEY "\", \"base_url\": \"%s\", \"max_retries\": 0}", base_url);
  return client_from(options);
}

static int cases_run = 0;
static const char *covered_names[64];
static int covered_count = 0;

static void cover(const char *name) {
  int i;
  for (i = 0; i < covered_count; i++)
    if (strcmp(covered_names[i], name) == 0) return;
  if (covered_count < 64) covered_names[covered_count++] = name;
}

static char *repeat(char ch, size_t n) {
  char *s = (char *)malloc(n + 1);
  if (s == NULL) exit(3);
  memset(s, ch, n);
  s[n] = '\0';
  return s;
}

/* `prefix` + `n` x `ch` + `suffix`. */
static char *padded(const char *prefix, char ch, size_t n, const char *suffix) {
  size_t a = strlen(prefix), b = strlen(suffix);
  char *s = (char *)malloc(a + n + b + 1);
  if (s == NULL) exit(3);
  memcpy(s, prefix, a);
  memset(s + a, ch, n);
  memcpy(s + a + n, suffix, b + 1);
  return s;
}

/* `depth` x `open` then `depth` x `close`, around `middle`. */
static char *nested(const char *open, const char *middle, const char *close, size_t depth) {
  size_t o = strlen(open), m = strlen(middle), c = strlen(close), i;
  char *s = (char *)malloc(depth * (o + c) + m + 1), *p;
  if (s == NULL) exit(3);
  p = s;
  for (i = 0; i < depth; i++, p += o) memcpy(p, open, o);
  memcpy(p, middle, m);
  p += m;
  for (i = 0; i < depth; i++, p += c) memcpy(p, close, c);
  *p = '\0';
  return s;
}

static void fail_case(const char *fn, const char *label, const char *why, telnyx_error *e) {
  fprintf(stderr, "CASE FAILED %s %s: %s (kind %u: %.300s)\n", fn, label, why, (unsigned)telnyx_error_kind(e),
          e ? telnyx_error_message(e) : "no error");
  check_failures++;
}

/* What to free when a bad call wrongly succeeded. */
enum out_type { OUT_STRING, OUT_CLIENT, OUT_ITER, OUT_MOCK };

static void free_out(void *out, enum out_type t) {
  if (t == OUT_STRING) telnyx_string_free((char *)out);
  if (t == OUT_CLIENT) telnyx_client_free((telnyx_client *)out);
  if (t == OUT_ITER) telnyx_page_iter_free((telnyx_page_iter *)out);
  if (t == OUT_MOCK) telnyx_mock_free((telnyx_mock *)out);
}

/* When set, the field every message must name (the cases of one option field). */
static char want_field[64];

/* Sets `want_field` to the first word of `label` without a unit suffix ("timeout_ms negative" ->
 * "timeout": messages name the setting, shared by every language; the JSON key adds the unit),
 * or clears it when `named` is 0. */
static void name_field(const char *label, int named) {
  size_t n = strcspn(label, " ");
  want_field[0] = '\0';
  if (named && n < sizeof want_field) {
    memcpy(want_field, label, n);
    if (n > 3 && strncmp(label + n - 3, "_ms", 3) == 0) n -= 3;
    want_field[n] = '\0';
  }
}

/* One bad-input case: an error whose kind is in `kinds`, with a non-empty message free of
 * secrets, shorter than 4 KB (a huge input must not be echoed) and naming `want_field` when
 * set, and `out` left NULL. */
static void expect_bad(telnyx_error *e, void *out, enum out_type t, unsigned kinds, const char *fn,
                       const char *label) {
  const char *m;
  cases_run++;
  cover(fn);
  if (e == NULL) {
    fail_case(fn, label, "succeeded", e);
  } else {
    m = telnyx_error_message(e);
    if (!((1u << telnyx_error_kind(e)) & kinds)) fail_case(fn, label, "wrong kind", e);
    else if (m == NULL || m[0] == '\0') fail_case(fn, label, "empty message", e);
    else if (contains(m, KEY) || contains(m, CRED)) fail_case(fn, label, "message shows a secret", e);
    else if (strlen(m) > 4096) fail_case(fn, label, "message longer than 4 KB", e);
    else if (want_field[0] != '\0' && !contains(m, want_field)) fail_case(fn, label, "message does not name the field", e);
  }
  if (out != NULL) {
    fail_case(fn, label, "out-pointer not NULL", e);
    free_out(out, t);
  }
  telnyx_error_free(e);
}

/* `expect_bad` for a call that writes `out`: the call is made first (argument evaluation order
 * is unspecified in C). */
#define BAD(call, out, ...)                                                                           \
  do {                                                                                               \
    telnyx_error *bad_e_ = (call);                                                                   \
    expect_bad(bad_e_, (out), __VA_ARGS__);                                                          \
  } while (0)

/* ---------- the generated inputs ---------- */

struct input {
  const char *label;
  const char *text;
};

static char *big_x, *big_id, *long_id, *deep_array, *deep_object, *big_filter;

/* Invalid for every required string: NULL and invalid UTF-8. */
static struct input bad_strings[] = {
    {"NULL", NULL},
    {"invalid UTF-8 ff fe", "\xff\xfe"},
    {"overlong UTF-8 c0 af", "\xc0\xaf"},
    {"lone surrogate ed a0 80", "\xed\xa0\x80"},
};

/* Ids that are never valid (the long ones are filled in by main). */
static struct input bad_ids[] = {
    {"empty id", ""}, {"id .", "."}, {"id ..", ".."}, {"70 KB id", NULL}, {"1 MB id", NULL},
};

/* JSON that is bad for every JSON argument, required or optional (filled in by main). */
static struct input bad_json[] = {
    {"empty string", ""},
    {"unterminated object", "{"},
    {"unterminated member", "{\"a\":"},
    {"lone brace", "}"},
    {"bare word", "nul"},
    {"trailing comma", "{\"page_size\": 1,}"},
    {"single quotes", "{'a': 1}"},
    {"two values", "{} {}"},
    {"NaN", "{\"page_size\": NaN}"},
    {"1 MB of x", NULL},
    {"empty array", "[]"},
    {"array", "[1, 2]"},
    {"12-element array", "[null,null,null,null,null,null,null,null,null,null,null,null]"},
    {"number", "1"},
    {"negative number", "-1"},
    {"float", "1.5"},
    {"string", "\"str\""},
    {"boolean", "true"},
    {"100k-deep arrays", NULL},
    {"100k-deep objects", NULL},
    {"unknown key", "{\"no_such_key_zz\": 1}"},
    {"invalid UTF-8 in a string", "{\"a\": \"\xff\"}"},
};
#define N(a) (sizeof(a) / sizeof((a)[0]))

/* ---------- the endpoint shapes ---------- */

typedef telnyx_error *(*fn_p)(const telnyx_client *, const char *, char **);         /* c, params?, out */
typedef telnyx_error *(*fn_pi)(const telnyx_client *, const char *, telnyx_page_iter **); /* c, params?, it */
typedef telnyx_error *(*fn_b)(const telnyx_client *, const char *, char **);         /* c, body, out */
typedef telnyx_error *(*fn_i)(const telnyx_client *, const char *, char **);         /* c, id, out */
typedef telnyx_error *(*fn_ij)(const telnyx_client *, const char *, const char *, char **); /* c, id, json, out */
typedef telnyx_error *(*fn_iji)(const telnyx_client *, const char *, const char *, telnyx_page_iter **);
typedef telnyx_error *(*fn_ii)(const telnyx_client *, const char *, const char *, char **); /* c, id, id, out */
typedef telnyx_error *(*fn_iij)(const telnyx_client *, const char *, const char *, const char *, char **);

/* A function and its name, spelled once. */
#define F(fn) #fn, fn

/* Values that are bad for one kind of JSON argument only. */
static const char *page_bad[] = {"{\"page_size\": 0}", "{\"page_size\": 251}", "{\"page_number\": 0}",
                                 "{\"page_size\": \"5\"}", "{\"page_number\": -1}",
                                 "{\"page_size\": 1.5}"};

/* A JSON argument: required (NULL and `null` are bad too) or optional; `extra` are bad values
 * of that argument's own fields. */
struct json_arg {
  int required;
  const char *const *extra;
  size_t n_extra;
};

/* Runs `call(arg)` for every bad JSON value of `a`. */
#define EACH_BAD_JSON(a, CALL)                                                                        \
  do {                                                                                               \
    size_t k_;                                                                                       \
    const char *j_;                                                                                  \
    char lbl_[128];                                                                                  \
    for (k_ = 0; k_ < N(bad_json); k_++) {                                                           \
      j_ = bad_json[k_].text;                                                                        \
      snprintf(lbl_, sizeof lbl_, "json: %s", bad_json[k_].label);                                   \
      CALL;                                                                                          \
    }                                                                                                \
    for (k_ = 1; k_ < N(bad_strings); k_++) {                                                        \
      j_ = bad_strings[k_].text;                                                                     \
      snprintf(lbl_, sizeof lbl_, "json: %s", bad_strings[k_].label);                                \
      CALL;                                                                                          \
    }                                                                                                \
    if ((a).required) {                                                                              \
      j_ = NULL;                                                                                     \
      snprintf(lbl_, sizeof lbl_, "json: NULL");                                                     \
      CALL;                                                                                          \
      j_ = "null";                                                                                   \
      snprintf(lbl_, sizeof lbl_, "json: null");                                                     \
      CALL;                                                                                          \
    }                                                                                                \
    for (k_ = 0; k_ < (a).n_extra; k_++) {                                                           \
      j_ = (a).extra[k_];                                                                            \
      snprintf(lbl_, sizeof lbl_, "json: %.100s", j_);                                              \
      CALL;                                                                                          \
    }                                                                                                \
  } while (0)

/* Runs `CALL` with `i_` set to every bad id (required string). */
#define EACH_BAD_ID(CALL)                                                                             \
  do {                                                                                               \
    size_t k_;                                                                                       \
    const char *i_;                                                                                  \
    char lbl_[128];                                                                                  \
    for (k_ = 0; k_ < N(bad_strings); k_++) {                                                        \
      i_ = bad_strings[k_].text;                                                                     \
      snprintf(lbl_, sizeof lbl_, "id: %s", bad_strings[k_].label);                                  \
      CALL;                                                                                          \
    }                                                                                                \
    for (k_ = 0; k_ < N(bad_ids); k_++) {                                                            \
      i_ = bad_ids[k_].text;                                                                         \
      snprintf(lbl_, sizeof lbl_, "id: %s", bad_ids[k_].label);                                      \
      CALL;                                                                                          \
    }                                                                                                \
  } while (0)

/* A list_all call that fails at once, or (`deferred`, for values only the first page request
 * can check) whose first `telnyx_page_iter_next` fails: either way nothing is sent. */
static void expect_bad_iter(telnyx_error *e, telnyx_page_iter *it, int deferred, const char *fn,
                            const char *label) {
  char *page = NULL;
  if (deferred && e == NULL && it != NULL) {
    char lbl[160];
    snprintf(lbl, sizeof lbl, "%s (first next)", label);
    cover("telnyx_page_iter_next");
    BAD(telnyx_page_iter_next(it, &page), page, OUT_STRING, INVALID, fn, lbl);
    telnyx_page_iter_free(it);
    return;
  }
  expect_bad(e, it, OUT_ITER, INVALID, fn, label);
}

static void null_c_and_out(const char *fn, telnyx_error *no_c, void *out_no_c, enum out_type t,
                           telnyx_error *no_out) {
  expect_bad(no_c, out_no_c, t, INVALID, fn, "c NULL");
  expect_bad(no_out, NULL, t, INVALID, fn, "out NULL");
}

/* (c, params?, out) */
static void shape_p(const char *fn, fn_p f, telnyx_client *c, struct json_arg a) {
  char *out = NULL;
  telnyx_error *e = f(NULL, NULL, &out);
  null_c_and_out(fn, e, out, OUT_STRING, f(c, NULL, NULL));
  EACH_BAD_JSON(a, (out = NULL, e = f(c, j_, &out), expect_bad(e, out, OUT_STRING, INVALID, fn, lbl_)));
}

/* (c, params?, iterator) */
static void shape_pi(const char *fn, fn_pi f, telnyx_client *c, struct json_arg a) {
  telnyx_page_iter *it = NULL;
  telnyx_error *e = f(NULL, NULL, &it);
  null_c_and_out(fn, e, it, OUT_ITER, f(c, NULL, NULL));
  EACH_BAD_JSON(a, (it = NULL, e = f(c, j_, &it), expect_bad_iter(e, it, k_ < (a).n_extra && j_ == (a).extra[k_], fn, lbl_)));
}

/* (c, id, out) */
static void shape_i(const char *fn, fn_i f, telnyx_client *c) {
  char *out = NULL;
  telnyx_error *e = f(NULL, "p1", &out);
  null_c_and_out(fn, e, out, OUT_STRING, f(c, "p1", NULL));
  EACH_BAD_ID((out = NULL, e = f(c, i_, &out), expect_bad(e, out, OUT_STRING, INVALID, fn, lbl_)));
}

/* (c, id, json, out) */
static void shape_ij(const char *fn, fn_ij f, telnyx_client *c, const char *good_json, struct json_arg a) {
  char *out = NULL;
  telnyx_error *e = f(NULL, "p1", good_json, &out);
  null_c_and_out(fn, e, out, OUT_STRING, f(c, "p1", good_json, NULL));
  EACH_BAD_ID((out = NULL, e = f(c, i_, good_json, &out), expect_bad(e, out, OUT_STRING, INVALID, fn, lbl_)));
  EACH_BAD_JSON(a, (out = NULL, e = f(c, "p1", j_, &out), expect_bad(e, out, OUT_STRING, INVALID, fn, lbl_)));
}

/* (c, id, page?, iterator) */
static void shape_iji(const char *fn, fn_iji f, telnyx_client *c, struct json_arg a) {
  telnyx_page_iter *it = NULL;
  telnyx_error *e = f(NULL, "p1", NULL, &it);
  null_c_and_out(fn, e, it, OUT_ITER, f(c, "p1", NULL, NULL));
  EACH_BAD_ID((it = NULL, e = f(c, i_, NULL, &it), expect_bad_iter(e, it, 1, fn, lbl_)));
  EACH_BAD_JSON(a, (it = NULL, e = f(c, "p1", j_, &it), expect_bad_iter(e, it, k_ < (a).n_extra && j_ == (a).extra[k_], fn, lbl_)));
}

/* (c, id, id, out) */
static void shape_ii(const char *fn, fn_ii f, telnyx_client *c) {
  char *out = NULL;
  telnyx_error *e = f(NULL, "p1", "c1", &out);
  null_c_and_out(fn, e, out, OUT_STRING, f(c, "p1", "c1", NULL));
  EACH_BAD_ID((out = NULL, e = f(c, i_, "c1", &out), expect_bad(e, out, OUT_STRING, INVALID, fn, lbl_)));
  EACH_BAD_ID((out = NULL, e = f(c, "p1", i_, &out), expect_bad(e, out, OUT_STRING, INVALID, fn, lbl_)));
}

/* (c, id, id, body, out) */
static void shape_iij(const char *fn, fn_iij f, telnyx_client *c, const char *good_json, struct json_arg a) {
  char *out = NULL;
  telnyx_error *e = f(NULL, "p1", "c1", good_json, &out);
  null_c_and_out(fn, e, out, OUT_STRING, f(c, "p1", "c1", good_json, NULL));
  EACH_BAD_ID((out = NULL, e = f(c, i_, "c1", good_json, &out), expect_bad(e, out, OUT_STRING, INVALID, fn, lbl_)));
  EACH_BAD_ID((out = NULL, e = f(c, "p1", i_, good_json, &out), expect_bad(e, out, OUT_STRING, INVALID, fn, lbl_)));
  EACH_BAD_JSON(a, (out = NULL, e = f(c, "p1", "c1", j_, &out), expect_bad(e, out, OUT_STRING, INVALID, fn, lbl_)));
}

/* ---------- client options ---------- */

/* `telnyx_client_new` with options `json` (a printf format with one %s for the base URL). */
static void client_new_bad(const char *label, const char *format, const char *url, unsigned kinds, int named) {
  size_t n = strlen(format) + strlen(url) + 1;
  char *json = (char *)malloc(n);
  telnyx_client *c = NULL;
  if (json == NULL) exit(3);
  snprintf(json, n, format, url);
  name_field(label, named);
  BAD(telnyx_client_new(json, &c), c, OUT_CLIENT, kinds, "telnyx_client_new", label);
  name_field("", 0);
  free(json);
}

static void client_new_cases(void) {
  const char *fn = "telnyx_client_new";
  telnyx_client *c = NULL;
  char *long_url = padded("http://127.0.0.1:1/", 'a', LONG_ID, "");
  char *long_host = padded("https://", 'h', LONG_ID, ".example.com/v2");
  size_t k;
  char lbl[128];
  char *json;

  BAD(telnyx_client_new("{\"api_key\": \"" KEY "\"}", NULL), NULL, OUT_CLIENT, INVALID, fn, "out NULL");
  /* NULL options: the environment, which has no TELNYX_API_KEY in this test. */
  BAD(telnyx_client_new(NULL, &c), c, OUT_CLIENT, CONFIG, fn, "NULL options, no key in env");
  for (k = 0; k < N(bad_json); k++) {
    c = NULL;
    snprintf(lbl, sizeof lbl, "json: %s", bad_json[k].label);
    BAD(telnyx_client_new(bad_json[k].text, &c), c, OUT_CLIENT, INVALID, fn, lbl);
  }
  for (k = 1; k < N(bad_strings); k++) {
    c = NULL;
    snprintf(lbl, sizeof lbl, "json: %s", bad_strings[k].label);
    BAD(telnyx_client_new(bad_strings[k].text, &c), c, OUT_CLIENT, INVALID, fn, lbl);
  }

  /* Wrong types and ranges of each field. */
#define OPT(label, fields, kinds) client_new_bad(label, "{\"api_key\": \"" KEY "\", \"base_url\": \"%s\", " fields "}", base_url, kinds, 1)
  OPT("timeout_ms string", "\"timeout_ms\": \"5\"", INVALID);
  OPT("timeout_ms negative", "\"timeout_ms\": -1", INVALID);
  OPT("timeout_ms float", "\"timeout_ms\": 1.5", INVALID);
  OPT("timeout_ms 2^64", "\"timeout_ms\": 18446744073709551616", INVALID);
  OPT("timeout_ms 0", "\"timeout_ms\": 0", INVALID | CONFIG);
  OPT("connect_timeout_ms 0", "\"connect_timeout_ms\": 0", INVALID | CONFIG);
  OPT("deadline_ms 0", "\"deadline_ms\": 0", INVALID | CONFIG);
  OPT("max_retries -1", "\"max_retries\": -1", INVALID);
  OPT("max_retries null-ish string", "\"max_retries\": \"2\"", INVALID);
  OPT("retry_post string", "\"retry_post\": \"yes\"", INVALID);
  OPT("allow_insecure_http 1", "\"allow_insecure_http\": 1", INVALID);
  OPT("headers array", "\"headers\": [\"X-A: b\"]", INVALID);
  OPT("header value number", "\"headers\": {\"X-A\": 1}", INVALID);
  OPT("header value CR LF", "\"headers\": {\"X-A\": \"a\\r\\nX-Injected: 1\"}", CONFIG);
  OPT("header value LF", "\"headers\": {\"X-A\": \"a\\nb\"}", CONFIG);
  OPT("header value NUL", "\"headers\": {\"X-A\": \"a\\u0000b\"}", CONFIG);
  OPT("header name with space", "\"headers\": {\"X A\": \"b\"}", CONFIG);
  OPT("header name with colon", "\"headers\": {\"X-A:\": \"b\"}", CONFIG);
  OPT("header name empty", "\"headers\": {\"\": \"b\"}", CONFIG);
  OPT("header Authorization", "\"headers\": {\"Authorization\": \"Bearer x\"}", CONFIG);
  OPT("header authorization lower case", "\"headers\": {\"authorization\": \"Bearer x\"}", CONFIG);
  OPT("header Content-Length", "\"headers\": {\"Content-Length\": \"5\"}", CONFIG);
  OPT("header Content-Length 0", "\"headers\": {\"content-length\": \"0\"}", CONFIG);
  OPT("header Host", "\"headers\": {\"Host\": \"evil.example\"}", CONFIG);
  OPT("header Transfer-Encoding", "\"headers\": {\"Transfer-Encoding\": \"chunked\"}", CONFIG);
  OPT("user_agent_suffix CR LF", "\"user_agent_suffix\": \"x\\r\\nX-Injected: 1\"", CONFIG);
  OPT("proxy garbage", "\"proxy\": \"garbage\"", CONFIG);
  OPT("proxy NONE", "\"proxy\": \"NONE\"", CONFIG);
  OPT("proxy number", "\"proxy\": 3128", INVALID);
  OPT("proxy with credentials, bad port", "\"proxy\": \"http://user:" CRED "@127.0.0.1:99999\"", CONFIG);
#undef OPT
#define KEYOPT(label, key, kinds) client_new_bad(label, "{\"api_key\": \"" key "\", \"base_url\": \"%s\"}", base_url, kinds, 1)
  KEYOPT("api_key empty", "", CONFIG);
  KEYOPT("api_key blank", "   ", CONFIG);
  KEYOPT("api_key non-ASCII", "KEY-caf\xc3\xa9", CONFIG);
  KEYOPT("api_key CR LF", "KEY\\r\\nX-Injected: 1", CONFIG);
  KEYOPT("api_key NUL", "KEY\\u0000x", CONFIG);
#undef KEYOPT
  client_new_bad("api_key number", "{\"api_key\": 5, \"base_url\": \"%s\"}", base_url, INVALID, 1);

  /* Hostile base URLs. */
#define URL(label, url, kinds) client_new_bad(label, "{\"api_key\": \"" KEY "\", \"base_url\": \"%s\"}", url, kinds, 0)
  URL("base_url empty", "", CONFIG);
  URL("base_url not a URL", "not a url", CONFIG);
  URL("base_url no host", "http://", CONFIG);
  URL("base_url ftp", "ftp://127.0.0.1/v2", CONFIG);
  URL("base_url plain http remote", "http://10.0.0.1/v2", CONFIG);
  URL("base_url with query", "http://127.0.0.1:1/v2?x=1", CONFIG);
  URL("base_url with fragment", "http://127.0.0.1:1/v2#frag", CONFIG);
  URL("base_url with empty fragment", "http://127.0.0.1:1/v2#", CONFIG);
  URL("base_url port 99999", "http://127.0.0.1:99999/v2", CONFIG);
  URL("base_url port abc", "http://127.0.0.1:abc/v2", CONFIG);
  URL("base_url port -1", "http://127.0.0.1:-1/v2", CONFIG);
  URL("base_url CR LF", "http://127.0.0.1:1/v2\\r\\nHost: evil", CONFIG);
  URL("base_url space", "http://127.0.0.1:1/v 2", CONFIG);
  URL("base_url userinfo", "http://user:" CRED "@127.0.0.1:1/v2", CONFIG);
  URL("base_url userinfo and bad port", "http://user:" CRED "@127.0.0.1:99999/v2", CONFIG);
  URL("base_url userinfo and fragment", "https://user:" CRED "@api.example.com/v2#x", CONFIG);
  URL("base_url userinfo, bad scheme", "ftp://user:" CRED "@api.example.com/v2", CONFIG);
  URL("base_url 70 KB path", long_url, CONFIG);
  URL("base_url 70 KB host", long_host, CONFIG);
#undef URL
  /* A 1 MB base URL and a 1 MB header value. */
  json = padded("{\"api_key\": \"" KEY "\", \"base_url\": \"http://127.0.0.1:1/", 'a', BIG, "\"}");
  c = NULL;
  BAD(telnyx_client_new(json, &c), c, OUT_CLIENT, CONFIG, fn, "base_url 1 MB");
  free(json);
  free(long_url);
  free(long_host);
}

static void with_options_cases(telnyx_client *good) {
  const char *fn = "telnyx_client_with_options";
  telnyx_client *c = NULL;
  size_t k;
  char lbl[128];
  static const struct input bad_options[] = {
      {"headers array", "{\"headers\": [\"X-A\"]}"},
      {"header value number", "{\"headers\": {\"X-A\": 1}}"},
      {"timeout_ms string", "{\"timeout_ms\": \"5\"}"},
      {"timeout_ms negative", "{\"timeout_ms\": -5}"},
      {"max_retries -1", "{\"max_retries\": -1}"},
      {"max_retries 2^32", "{\"max_retries\": 4294967296}"},
      {"deadline_ms float", "{\"deadline_ms\": 0.5}"},
      {"retry_post string", "{\"retry_post\": \"true\"}"},
      {"api_key is not a request option", "{\"api_key\": \"x\"}"},
      {"base_url is not a request option", "{\"base_url\": \"http://127.0.0.1:1\"}"},
  };
  static const struct input bad_values[] = {
      {"header value CR LF", "{\"headers\": {\"X-A\": \"a\\r\\nX-Injected: 1\"}}"},
      {"header value LF", "{\"headers\": {\"X-A\": \"a\\nb\"}}"},
      {"header name with space", "{\"headers\": {\"X A\": \"b\"}}"},
      {"header name empty", "{\"headers\": {\"\": \"b\"}}"},
      {"header Authorization", "{\"headers\": {\"Authorization\": \"Bearer x\"}}"},
      {"header Content-Length", "{\"headers\": {\"Content-Length\": \"5\"}}"},
      {"header Host", "{\"headers\": {\"Host\": \"evil.example\"}}"},
      {"header Transfer-Encoding", "{\"headers\": {\"Transfer-Encoding\": \"chunked\"}}"},
      {"timeout_ms 0", "{\"timeout_ms\": 0}"},
      {"deadline_ms 0", "{\"deadline_ms\": 0}"},
  };

  BAD(telnyx_client_with_options(NULL, "{}", &c), c, OUT_CLIENT, INVALID, fn, "c NULL");
  BAD(telnyx_client_with_options(good, "{}", NULL), NULL, OUT_CLIENT, INVALID, fn, "out NULL");
  for (k = 0; k < N(bad_json); k++) {
    c = NULL;
    snprintf(lbl, sizeof lbl, "json: %s", bad_json[k].label);
    BAD(telnyx_client_with_options(good, bad_json[k].text, &c), c, OUT_CLIENT, INVALID, fn, lbl);
  }
  for (k = 1; k < N(bad_strings); k++) {
    c = NULL;
    snprintf(lbl, sizeof lbl, "json: %s", bad_strings[k].label);
    BAD(telnyx_client_with_options(good, bad_strings[k].text, &c), c, OUT_CLIENT, INVALID, fn, lbl);
  }
  for (k = 0; k < N(bad_options); k++) {
    c = NULL;
    name_field(bad_options[k].label, 1);
    BAD(telnyx_client_with_options(good, bad_options[k].text, &c), c, OUT_CLIENT, INVALID, fn,
               bad_options[k].label);
  }
  for (k = 0; k < N(bad_values); k++) {
    c = NULL;
    name_field(bad_values[k].label, 1);
    BAD(telnyx_client_with_options(good, bad_values[k].text, &c), c, OUT_CLIENT, INVALID | CONFIG, fn,
               bad_values[k].label);
  }
  name_field("", 0);
}

/* ---------- the in-process mock's options ---------- */

/* `telnyx_mock_start` with options `json`; `named`: the message must name the label's field. */
static void mock_start_bad(const char *label, const char *json, unsigned kinds, int named) {
  telnyx_mock *m = NULL;
  name_field(label, named);
  BAD(telnyx_mock_start(json, &m), m, OUT_MOCK, kinds, "telnyx_mock_start", label);
  name_field("", 0);
}

static void mock_start_cases(void) {
  size_t k;
  char lbl[128];
  char *json;
  telnyx_mock *live = NULL;
  static const struct input bad_options[] = {
      {"port -1", "{\"port\": -1}"},
      {"port 65536", "{\"port\": 65536}"},
      {"port 2^64", "{\"port\": 18446744073709551616}"},
      {"port string", "{\"port\": \"80\"}"},
      {"port float", "{\"port\": 80.5}"},
      {"port true", "{\"port\": true}"},
      {"extra_profiles -1", "{\"extra_profiles\": -1}"},
      {"extra_profiles 100001", "{\"extra_profiles\": 100001}"},
      {"extra_profiles 2^63", "{\"extra_profiles\": 9223372036854775808}"},
      {"extra_profiles 2^64", "{\"extra_profiles\": 18446744073709551616}"},
      {"extra_profiles string", "{\"extra_profiles\": \"3\"}"},
      {"extra_profiles array", "{\"extra_profiles\": [3]}"},
      {"latency_ms -1", "{\"latency_ms\": -1}"},
      {"latency_ms 60001", "{\"latency_ms\": 60001}"},
      {"latency_ms 2^64-1", "{\"latency_ms\": 18446744073709551615}"},
      {"latency_ms float", "{\"latency_ms\": 0.5}"},
      {"latency_ms object", "{\"latency_ms\": {}}"},
      {"fault_every 0", "{\"fault_every\": 0}"},
      {"fault_every -1", "{\"fault_every\": -1}"},
      {"fault_every string", "{\"fault_every\": \"2\"}"},
      {"fault without fault_every", "{\"fault\": \"reset\"}"},
      {"fault number", "{\"fault_every\": 2, \"fault\": 503}"},
      {"fault array", "{\"fault_every\": 2, \"fault\": [\"reset\"]}"},
      {"fault empty", "{\"fault_every\": 2, \"fault\": \"\"}"},
      {"fault unknown", "{\"fault_every\": 2, \"fault\": \"explode\"}"},
      {"fault status:200", "{\"fault_every\": 2, \"fault\": \"status:200\"}"},
      {"fault status:600", "{\"fault_every\": 2, \"fault\": \"status:600\"}"},
      {"fault status:-1", "{\"fault_every\": 2, \"fault\": \"status:-1\"}"},
      {"fault status:abc", "{\"fault_every\": 2, \"fault\": \"status:abc\"}"},
      {"fault status:66039 (503 + 2^16)", "{\"fault_every\": 2, \"fault\": \"status:66039\"}"},
      {"fault status:503:x", "{\"fault_every\": 2, \"fault\": \"status:503:x\"}"},
      {"fault status:503:1:2", "{\"fault_every\": 2, \"fault\": \"status:503:1:2\"}"},
      {"fault status", "{\"fault_every\": 2, \"fault\": \"status\"}"},
      {"fault delay:60001", "{\"fault_every\": 2, \"fault\": \"delay:60001\"}"},
      {"fault delay:2^64", "{\"fault_every\": 2, \"fault\": \"delay:18446744073709551616\"}"},
      {"fault delay", "{\"fault_every\": 2, \"fault\": \"delay\"}"},
      {"fault reset:1", "{\"fault_every\": 2, \"fault\": \"reset:1\"}"},
      {"fault RESET", "{\"fault_every\": 2, \"fault\": \"RESET\"}"},
      {"fault NUL", "{\"fault_every\": 2, \"fault\": \"reset\\u0000\"}"},
      {"fault CR LF", "{\"fault_every\": 2, \"fault\": \"status:503\\r\\nX: 1\"}"},
  };

  BAD(telnyx_mock_start(NULL, NULL), NULL, OUT_MOCK, INVALID, "telnyx_mock_start", "out NULL");
  for (k = 0; k < N(bad_json); k++) {
    snprintf(lbl, sizeof lbl, "json: %s", bad_json[k].label);
    mock_start_bad(lbl, bad_json[k].text, INVALID, 0);
  }
  for (k = 1; k < N(bad_strings); k++) {
    snprintf(lbl, sizeof lbl, "json: %s", bad_strings[k].label);
    mock_start_bad(lbl, bad_strings[k].text, INVALID, 0);
  }
  for (k = 0; k < N(bad_options); k++) mock_start_bad(bad_options[k].label, bad_options[k].text, INVALID, 1);
  /* A 1 MB fault is refused without being echoed (expect_bad checks the message's length). */
  json = padded("{\"fault_every\": 2, \"fault\": \"status:503", '0', BIG, "\"}");
  mock_start_bad("fault 1 MB", json, INVALID, 1);
  free(json);
  /* A port in use: another mock's. */
  if (OK(telnyx_mock_start(NULL, &live))) {
    char options[64];
    const char *url = telnyx_mock_base_url(live);
    const char *colon = url ? strrchr(url, ':') : NULL;
    cover("telnyx_mock_base_url");
    snprintf(options, sizeof options, "{\"port\": %d}", colon ? atoi(colon + 1) : 0);
    mock_start_bad("port in use", options, CONFIG, 1);
    telnyx_mock_free(live);
  }
}

/* ---------- the functions that take no bad input: NULL handling only ---------- */

static void support_cases(void) {
  char *out = (char *)"not touched";
  const char *v = telnyx_version();
  cover("telnyx_version");
  cases_run++;
  CHECK(v != NULL && v[0] != '\0');
  cases_run += 11;
  cover("telnyx_error_kind");
  CHECK(telnyx_error_kind(NULL) == 0);
  cover("telnyx_error_status");
  CHECK(telnyx_error_status(NULL) == 0);
  cover("telnyx_error_message");
  CHECK(telnyx_error_message(NULL) == NULL);
  cover("telnyx_error_errors_json");
  CHECK(telnyx_error_errors_json(NULL) == NULL);
  cover("telnyx_error_retry_after_ms");
  CHECK(telnyx_error_retry_after_ms(NULL) == -1);
  cover("telnyx_error_to_json");
  CHECK(telnyx_error_to_json(NULL) == NULL);
  cover("telnyx_error_free");
  telnyx_error_free(NULL);
  cover("telnyx_string_free");
  telnyx_string_free(NULL);
  cover("telnyx_client_free");
  telnyx_client_free(NULL);
  cover("telnyx_page_iter_free");
  telnyx_page_iter_free(NULL);
  cases_run += 5;
  cover("telnyx_mock_base_url");
  CHECK(telnyx_mock_base_url(NULL) == NULL);
  cover("telnyx_mock_requests_received");
  CHECK(telnyx_mock_requests_received(NULL) == 0);
  cover("telnyx_mock_connections_accepted");
  CHECK(telnyx_mock_connections_accepted(NULL) == 0);
  cover("telnyx_mock_api_key");
  CHECK(telnyx_mock_api_key() != NULL && telnyx_mock_api_key()[0] != '\0');
  cover("telnyx_mock_free");
  telnyx_mock_free(NULL);
  /* Logger: a level out of range is refused by name; NULL callbacks turn logging off. */
  {
    unsigned levels[] = {6u, 99u, 0xFFFFFFFFu};
    size_t i;
    name_field("level", 1);
    for (i = 0; i < sizeof levels / sizeof levels[0]; i++)
      expect_bad(telnyx_set_logger(NULL, NULL, levels[i]), NULL, OUT_STRING, INVALID, "telnyx_set_logger", "level");
    name_field("", 0);
    CHECK(telnyx_set_logger(NULL, NULL, 5) == NULL);
    CHECK(telnyx_set_logger(NULL, (void *)&levels, 0) == NULL);
    cases_run += 2;
  }
  /* NULL iterator: an error, and the out-pointer set to NULL. */
  {
    char *before = out;
    telnyx_error *e = telnyx_page_iter_next(NULL, &out);
    if (out == before) {
      fail_case("telnyx_page_iter_next", "it NULL", "out-pointer not set to NULL on entry", e);
      out = NULL; /* a literal: not ours to free */
    }
    expect_bad(e, out, OUT_STRING, INVALID, "telnyx_page_iter_next", "it NULL");
  }
}

/* The error of a bad call, fully read through every accessor (no crash, valid JSON text). */
static void read_every_accessor(const telnyx_client *c) {
  char *out = NULL, *json;
  telnyx_error *e = telnyx_messaging_profiles_retrieve(c, "", &out);
  cases_run++;
  CHECK(e != NULL);
  if (e == NULL) return;
  CHECK(telnyx_error_status(e) == 0);
  CHECK(telnyx_error_retry_after_ms(e) == -1);
  CHECK(strcmp(telnyx_error_errors_json(e), "[]") == 0);
  json = telnyx_error_to_json(e);
  CHECK(contains(json, "\"kind\":1,\"kind_name\":\"invalid_argument\""));
  telnyx_string_free(json);
  telnyx_error_free(e);
}

static void iter_next_null_out(telnyx_client *c) {
  telnyx_page_iter *it = NULL;
  if (!OK(telnyx_messaging_profiles_list_all(c, NULL, &it))) return;
  /* A NULL out-pointer is refused before the iterator sends anything. */
  BAD(telnyx_page_iter_next(it, NULL), NULL, OUT_STRING, INVALID, "telnyx_page_iter_next", "out NULL");
  telnyx_page_iter_free(it);
}

#define EXTRA(a) {0, a, N(a)}
#define REQ(a) {1, a, N(a)}

int main(int argc, char **argv) {
  telnyx_client *c, *marker;
  char *out = NULL;
  telnyx_error *e;
  FILE *cov;
  int i;
  static const char *list_params_bad[] = {"{\"page_size\": 0}", "{\"page_size\": 251}", "{\"page_number\": 0}",
                                          "{\"page_size\": \"5\"}", "{\"filter_name\": 5}",
                                          "{\"filter_name\": [\"a\"]}", NULL /* 1 MB filter */};
  static const char *short_codes_bad[] = {"{\"page_size\": 0}", "{\"filter_messaging_profile_id\": 1}",
                                          NULL /* 1 MB filter */};
  /* Enum-like strings (time_frame, op) are left to the server: the API may add values. */
  static const char *metrics_bad[] = {"{\"time_frame\": 24}", "{\"time_frame\": [\"1h\"]}"};
  static const char *autoresp_params_bad[] = {"{\"country_code\": 1}", "{\"created_at_gte\": []}",
                                              NULL /* 1 MB filter */};
  static const char *profile_create_bad[] = {"{}", "{\"name\": \"x\"}", "{\"name\": 5, \"whitelisted_destinations\": []}",
                                             "{\"name\": \"x\", \"whitelisted_destinations\": \"US\"}",
                                             "{\"name\": null, \"whitelisted_destinations\": [\"US\"]}",
                                             "{\"name\": \"x\", \"whitelisted_destinations\": [\"US\"], \"id\": \"p9\"}"};
  static const char *profile_update_bad[] = {"{\"name\": null}", "{\"name\": 5}", "{\"enabled\": \"yes\"}",
                                             "{\"whitelisted_destinations\": null}", "{\"id\": \"p9\"}",
                                             "{\"v1_secret\": \"x\"}"};
  static const char *short_code_update_bad[] = {"{}", "{\"tags\": [\"a\"]}", "{\"messaging_profile_id\": 5}",
                                                "{\"messaging_profile_id\": \"p1\", \"tags\": \"a\"}"};
  static const char *autoresp_body_bad[] = {"{}", "{\"op\": \"start\"}",
                                            "{\"op\": \"start\", \"keywords\": \"A\", \"country_code\": \"US\"}",
                                            "{\"op\": \"start\", \"keywords\": [\"A\"], \"country_code\": null}"};
  const char *good_autoresp = "{\"op\": \"start\", \"keywords\": [\"A\"], \"country_code\": \"US\"}";
  struct json_arg list_a = EXTRA(list_params_bad), sc_a = EXTRA(short_codes_bad), page_a = EXTRA(page_bad),
                  metrics_a = EXTRA(metrics_bad), ar_list_a = EXTRA(autoresp_params_bad),
                  create_a = REQ(profile_create_bad), update_a = REQ(profile_update_bad),
                  sc_update_a = REQ(short_code_update_bad), ar_body_a = REQ(autoresp_body_bad);

  if (argc != 3) {
    fprintf(stderr, "usage: adversarial BASE_URL COVERAGE_FILE\n");
    return 2;
  }
  base_url = argv[1];
  big_x = repeat('x', BIG);
  long_id = repeat('a', LONG_ID);
  big_id = repeat('b', BIG);
  deep_array = nested("[", "", "]", DEEP);
  deep_object = nested("{\"a\":", "1", "}", DEEP);
  big_filter = padded("{\"filter_name\": \"", 'f', BIG, "\"}");
  bad_ids[3].text = long_id;
  bad_ids[4].text = big_id;
  for (i = 0; i < (int)N(bad_json); i++) {
    if (strcmp(bad_json[i].label, "1 MB of x") == 0) bad_json[i].text = big_x;
    if (strcmp(bad_json[i].label, "100k-deep arrays") == 0) bad_json[i].text = deep_array;
    if (strcmp(bad_json[i].label, "100k-deep objects") == 0) bad_json[i].text = deep_object;
  }
  list_params_bad[N(list_params_bad) - 1] = big_filter;
  short_codes_bad[N(short_codes_bad) - 1] = padded("{\"filter_messaging_profile_id\": \"", 'm', LONG_ID, "\"}");
  autoresp_params_bad[N(autoresp_params_bad) - 1] = padded("{\"country_code\": \"", 'c', LONG_ID, "\"}");

  /* Phase 1: bad input. Nothing may reach the server. */
  c = key_client();
  support_cases();
  read_every_accessor(c);
  iter_next_null_out(c);
  client_new_cases();
  with_options_cases(c);
  mock_start_cases();

  shape_p(F(telnyx_messaging_profiles_list), c, list_a);
  shape_pi(F(telnyx_messaging_profiles_list_all), c, list_a);
  {
    char *o = NULL;
    e = telnyx_messaging_profiles_create(NULL, "{\"name\": \"x\", \"whitelisted_destinations\": [\"US\"]}", &o);
    null_c_and_out("telnyx_messaging_profiles_create", e, o, OUT_STRING,
                   telnyx_messaging_profiles_create(c, "{\"name\": \"x\", \"whitelisted_destinations\": [\"US\"]}", NULL));
    EACH_BAD_JSON(create_a, (o = NULL, e = telnyx_messaging_profiles_create(c, j_, &o),
                             expect_bad(e, o, OUT_STRING, INVALID, "telnyx_messaging_profiles_create", lbl_)));
  }
  shape_i(F(telnyx_messaging_profiles_retrieve), c);
  shape_ij(F(telnyx_messaging_profiles_update), c, "{\"name\": \"x\"}", update_a);
  shape_i(F(telnyx_messaging_profiles_delete), c);
  shape_i(F(telnyx_messaging_profiles_regenerate_secret), c);
  shape_ij(F(telnyx_messaging_profiles_list_phone_numbers), c, NULL, page_a);
  shape_iji(F(telnyx_messaging_profiles_list_all_phone_numbers), c, page_a);
  shape_ij(F(telnyx_messaging_profiles_list_short_codes), c, NULL, page_a);
  shape_iji(F(telnyx_messaging_profiles_list_all_short_codes), c, page_a);
  shape_ij(F(telnyx_messaging_profiles_list_alphanumeric_sender_ids), c, NULL, page_a);
  shape_iji(F(telnyx_messaging_profiles_list_all_alphanumeric_sender_ids), c, page_a);
  shape_ij(F(telnyx_messaging_profiles_retrieve_metrics), c, NULL, metrics_a);
  shape_ij(F(telnyx_messaging_profiles_autoresp_configs_list), c, NULL, ar_list_a);
  shape_ij(F(telnyx_messaging_profiles_autoresp_configs_create), c, good_autoresp, ar_body_a);
  shape_ii(F(telnyx_messaging_profiles_autoresp_configs_retrieve), c);
  shape_iij(F(telnyx_messaging_profiles_autoresp_configs_update), c, good_autoresp, ar_body_a);
  shape_ii(F(telnyx_messaging_profiles_autoresp_configs_delete), c);
  shape_p(F(telnyx_short_codes_list), c, sc_a);
  shape_pi(F(telnyx_short_codes_list_all), c, sc_a);
  shape_i(F(telnyx_short_codes_retrieve), c);
  shape_ij(F(telnyx_short_codes_update), c, "{\"messaging_profile_id\": \"p1\"}", sc_update_a);
  shape_p(F(telnyx_messaging_profile_metrics_list), c, metrics_a);

  /* The marker: the first request the server may see. */
  marker = key_client();
  FAILS(telnyx_messaging_profiles_retrieve(marker, "phase-marker", &out), TELNYX_ERROR_KIND_NOT_FOUND, "404");
  telnyx_client_free(marker);

  /* Phase 2: odd but valid ids reach the server as one encoded path segment (the Rust side
   * checks the paths); the server answers 404. */
  {
    static const char *odd_ids[] = {"a/b", "%2e%2e", "?x=1", "#f", "\r\n", "...", " ", "..a", "caf\xc3\xa9"};
    size_t k;
    for (k = 0; k < N(odd_ids); k++) {
      out = NULL;
      cases_run++;
      FAILS(telnyx_messaging_profiles_retrieve(c, odd_ids[k], &out), TELNYX_ERROR_KIND_NOT_FOUND, "404");
      CHECK(out == NULL);
    }
    cases_run++;
    FAILS(telnyx_messaging_profiles_autoresp_configs_delete(c, "a/b", "?x#y", &out), TELNYX_ERROR_KIND_NOT_FOUND,
          "404");
  }
  telnyx_client_free(c);

  cov = fopen(argv[2], "w");
  if (cov == NULL) return 2;
  for (i = 0; i < covered_count; i++) fprintf(cov, "%s\n", covered_names[i]);
  fclose(cov);
  printf("adversarial: %d cases, %d functions\n", cases_run, covered_count);
  free(big_x);
  free(long_id);
  free(big_id);
  free(deep_array);
  free(deep_object);
  free(big_filter);
  free((char *)short_codes_bad[N(short_codes_bad) - 1]);
  free((char *)autoresp_params_bad[N(autoresp_params_bad) - 1]);
  return finish("adversarial");
}
