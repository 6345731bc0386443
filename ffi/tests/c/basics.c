/* Handles, options, argument checking and the error object, against a mock server.
 * Usage: basics BASE_URL VERSION
 * The mock server expects exactly two requests: GET /messaging_profiles/env-client with
 * "Authorization: Bearer env-key", and GET /messaging_profiles/derived with "X-Trace: abc". */
#define _POSIX_C_SOURCE 200809L
#include "check.h"

#define INVALID TELNYX_ERROR_KIND_INVALID_ARGUMENT
#define CONFIG TELNYX_ERROR_KIND_CONFIGURATION

static void free_null_is_a_no_op(void) {
  telnyx_client_free(NULL);
  telnyx_page_iter_free(NULL);
  telnyx_error_free(NULL);
  telnyx_string_free(NULL);
}

static void accessors_of_null(void) {
  CHECK(telnyx_error_kind(NULL) == 0);
  CHECK(telnyx_error_status(NULL) == 0);
  CHECK(telnyx_error_message(NULL) == NULL);
  CHECK(telnyx_error_errors_json(NULL) == NULL);
  CHECK(telnyx_error_retry_after_ms(NULL) == -1);
  CHECK(telnyx_error_to_json(NULL) == NULL);
}

static void client_options(const char *base_url) {
  telnyx_client *c = NULL;
  telnyx_client *sentinel = (telnyx_client *)&c; /* any non-NULL value */
  char options[512];

  FAILS(telnyx_client_new("{}", NULL), INVALID, "out: must not be NULL");
  c = sentinel;
  FAILS(telnyx_client_new("{", &c), INVALID, "options_json: invalid JSON");
  CHECK(c == NULL); /* set to NULL on entry, not written on failure */
  FAILS(telnyx_client_new("[1]", &c), INVALID, "options_json: must be a JSON object, got an array");
  FAILS(telnyx_client_new("[\"k\", \"http://127.0.0.1:1\", 1, 1, 0, 1, 1, false, false, \"x\", {}, \"none\"]", &c), INVALID,
        "options_json: must be a JSON object, got an array");
  FAILS(telnyx_client_new("{\"api_key\": \"k\", \"deadline_ms\": 0}", &c), CONFIG, "deadline must be greater than zero");
  FAILS(telnyx_client_new("{\"timeout_ms\": \"5\"}", &c), INVALID,
        "options_json: timeout_ms: invalid type: string \"5\", expected a whole number");
  FAILS(telnyx_client_new("{\"max_retries\": -1}", &c), INVALID, "options_json");
  FAILS(telnyx_client_new("{\"api_kee\": \"k\"}", &c), INVALID, "unknown field `api_kee`");
  FAILS(telnyx_client_new("{\"headers\": {\"X-A\": 1}}", &c), INVALID,
        "options_json: headers.X-A: invalid type: integer `1`, expected a string");
  FAILS(telnyx_client_new("{\"api_key\": \"\xff\xfe\"}", &c), INVALID, "options_json: invalid UTF-8");
  CHECK(c == NULL);

  /* TELNYX_API_KEY is not set in this process's environment. */
  FAILS(telnyx_client_new(NULL, &c), CONFIG, "no API key");
  FAILS(telnyx_client_new("{\"api_key\": \"\"}", &c), CONFIG, "API key");
  FAILS(telnyx_client_new("{\"api_key\": \"k\", \"base_url\": \"ftp://example.com\"}", &c), CONFIG, "scheme");
  FAILS(telnyx_client_new("{\"api_key\": \"k\", \"base_url\": \"http://example.com\"}", &c), CONFIG, "clear text");
  FAILS(telnyx_client_new("{\"api_key\": \"k\", \"headers\": {\"Bad Name\": \"v\"}}", &c), CONFIG, "header");
  FAILS(telnyx_client_new("{\"api_key\": \"k\", \"proxy\": \"bad://\"}", &c), CONFIG, "proxy");
  CHECK(c == NULL);

  if (OK(telnyx_client_new("{\"api_key\": \"k\", \"base_url\": \"http://example.com\", "
                           "\"allow_insecure_http\": true, \"proxy\": \"none\"}",
                           &c))) {
    CHECK(c != NULL);
    telnyx_client_free(c);
  }
  snprintf(options, sizeof options,
           "{\"api_key\": \"k\", \"base_url\": \"%s\", \"timeout_ms\": 1000, \"connect_timeout_ms\": 500, "
           "\"max_retries\": 1, \"deadline_ms\": 5000, \"max_retry_wait_ms\": 100, \"retry_post\": true, "
           "\"allow_insecure_http\": false, \"user_agent_suffix\": \"c-test\", \"headers\": {\"X-A\": \"b\"}, "
           "\"proxy\": \"env\"}",
           base_url);
  if (OK(telnyx_client_new(options, &c))) telnyx_client_free(c);

  /* NULL options: everything from the environment. */
  setenv("TELNYX_API_KEY", "env-key", 1);
  setenv("TELNYX_BASE_URL", base_url, 1);
  c = NULL;
  if (OK(telnyx_client_new(NULL, &c))) {
    char *json = NULL;
    if (OK(telnyx_messaging_profiles_retrieve(c, "env-client", &json))) {
      CHECK_JSON(json, "{\"id\":\"env-client\"}");
    }
    telnyx_client_free(c);
  }
  unsetenv("TELNYX_API_KEY");
  unsetenv("TELNYX_BASE_URL");
}

static void request_options(const char *base_url) {
  telnyx_client *c = test_client(base_url, NULL);
  telnyx_client *derived = NULL;
  char *json = NULL;

  FAILS(telnyx_client_with_options(NULL, NULL, &derived), INVALID, "c: must not be NULL");
  FAILS(telnyx_client_with_options(c, NULL, NULL), INVALID, "out: must not be NULL");
  FAILS(telnyx_client_with_options(c, "{\"timeout\": 5}", &derived), INVALID, "unknown field `timeout`");
  FAILS(telnyx_client_with_options(c, "{\"retry_post\": 1}", &derived), INVALID, "request_options_json");
  FAILS(telnyx_client_with_options(c, "nope", &derived), INVALID, "request_options_json: invalid JSON");
  /* Refused here, as telnyx_client_new refuses them, not on every later call. */
  FAILS(telnyx_client_with_options(c, "[]", &derived), INVALID, "request_options_json: must be a JSON object, got an array");
  FAILS(telnyx_client_with_options(c, "{\"headers\": {\"X-A\": \"a\\r\\nX-B: b\"}}", &derived), INVALID,
        "request_options_json: the value of header \"X-A\" must be visible ASCII");
  FAILS(telnyx_client_with_options(c, "{\"headers\": {\"Authorization\": \"Bearer x\"}}", &derived), INVALID,
        "request_options_json: set the API key instead of an Authorization header");
  FAILS(telnyx_client_with_options(c, "{\"headers\": {\"Content-Length\": \"5\"}}", &derived), INVALID,
        "request_options_json: header \"Content-Length\" is set by the client");
  FAILS(telnyx_client_with_options(c, "{\"timeout_ms\": 0}", &derived), INVALID,
        "request_options_json: timeout must be greater than zero");
  FAILS(telnyx_client_with_options(c, "{\"deadline_ms\": 0}", &derived), INVALID,
        "request_options_json: deadline must be greater than zero");
  FAILS(telnyx_client_with_options(c, "{\"extra_body\": [1]}", &derived), INVALID,
        "request_options_json: extra_body: invalid type: sequence, expected a JSON object");
  FAILS(telnyx_client_with_options(c, "{\"extra_query\": {\"a\": 1}}", &derived), INVALID,
        "request_options_json: extra_query.a: invalid type: integer `1`, expected a string");
  CHECK(derived == NULL);

  if (OK(telnyx_client_with_options(c, NULL, &derived))) telnyx_client_free(derived);
  derived = NULL;
  if (OK(telnyx_client_with_options(c,
                                    "{\"headers\": {\"X-Trace\": \"abc\"}, \"timeout_ms\": 5000, "
                                    "\"max_retries\": 0, \"deadline_ms\": 10000, \"retry_post\": false}",
                                    &derived))) {
    telnyx_client_free(c); /* the derived handle does not depend on its parent */
    c = NULL;
    if (OK(telnyx_messaging_profiles_retrieve(derived, "derived", &json))) {
      CHECK_JSON(json, "{\"id\":\"derived\"}");
    }
    telnyx_client_free(derived);
  }
  telnyx_client_free(c);
}

/* Bad arguments to endpoint functions: no request reaches the server. */
static void endpoint_arguments(const char *base_url) {
  telnyx_client *c = test_client(base_url, NULL);
  char dummy = 0;
  char *json = &dummy;
  telnyx_page_iter *it = NULL;

  FAILS(telnyx_messaging_profiles_retrieve(NULL, "p1", &json), INVALID, "c: must not be NULL");
  CHECK(json == NULL);
  FAILS(telnyx_messaging_profiles_retrieve(c, "p1", NULL), INVALID, "out_json: must not be NULL");
  FAILS(telnyx_messaging_profiles_retrieve(c, NULL, &json), INVALID, "id: must not be NULL");
  FAILS(telnyx_messaging_profiles_retrieve(c, "p\xc3\x28", &json), INVALID, "id: invalid UTF-8");
  FAILS(telnyx_messaging_profiles_retrieve(c, "", &json), INVALID, "messaging profile id");
  FAILS(telnyx_short_codes_retrieve(c, "", &json), INVALID, "short code id");
  FAILS(telnyx_messaging_profiles_autoresp_configs_retrieve(c, NULL, "a1", &json), INVALID,
        "profile_id: must not be NULL");
  FAILS(telnyx_messaging_profiles_autoresp_configs_delete(c, "p1", "\xff", &json), INVALID, "id: invalid UTF-8");

  FAILS(telnyx_messaging_profiles_create(c, NULL, &json), INVALID, "body_json: must not be NULL");
  FAILS(telnyx_messaging_profiles_create(c, "{\"name\": \"x\",", &json), INVALID, "body_json: invalid JSON");
  FAILS(telnyx_messaging_profiles_create(c, "{\"name\": 5, \"whitelisted_destinations\": []}", &json), INVALID,
        "body_json: name: invalid type: integer `5`, expected a string");
  FAILS(telnyx_messaging_profiles_create(c, "{\"name\": \"x\"}", &json), INVALID,
        "missing field `whitelisted_destinations`");
  FAILS(telnyx_messaging_profiles_create(c, "\"x\"", &json), INVALID, "body_json: must be a JSON object, got a string");
  FAILS(telnyx_messaging_profiles_update(c, "p1", "{\"id\": \"p2\"}", &json), INVALID, "unknown field `id`");
  /* serde would read a struct's fields from an array: the object is required. */
  FAILS(telnyx_messaging_profiles_update(c, "p1", "[]", &json), INVALID, "body_json: must be a JSON object, got an array");
  FAILS(telnyx_messaging_profiles_update(c, "p1", "null", &json), INVALID, "body_json: must be a JSON object, got null");
  /* null clears only the fields that can be cleared; for the others it is refused, not dropped. */
  FAILS(telnyx_messaging_profiles_update(c, "p1", "{\"name\": null}", &json), INVALID,
        "body_json: name: null is not allowed: this field cannot be cleared");
  FAILS(telnyx_short_codes_update(c, "s1", "{\"messaging_profile_id\": \"p\", \"tags\": null}", &json), INVALID,
        "body_json: tags: null is not allowed");
  FAILS(telnyx_messaging_profiles_update(c, "p1", "{\"name\": \"\xe2\x82\"}", &json), INVALID,
        "body_json: invalid UTF-8");
  FAILS(telnyx_short_codes_update(c, "s1", "{\"tags\": []}", &json), INVALID, "missing field `messaging_profile_id`");
  FAILS(telnyx_messaging_profiles_autoresp_configs_create(c, "p1", "{\"op\": \"start\"}", &json), INVALID,
        "missing field");
  FAILS(telnyx_messaging_profiles_autoresp_configs_update(c, "p1", "a1", "[]", &json), INVALID, "body_json");

  FAILS(telnyx_messaging_profiles_list(c, "{\"page_nmber\": 2}", &json), INVALID, "unknown field `page_nmber`");
  FAILS(telnyx_messaging_profiles_list(c, "{\"page_size\": 0}", &json), INVALID, "page_size");
  FAILS(telnyx_messaging_profiles_list(c, "{\"page_number\": 0}", &json), INVALID, "page_number");
  FAILS(telnyx_messaging_profiles_list(c, "{\"page_size\": \"5\"}", &json), INVALID,
        "params_json: page_size: invalid type: string \"5\", expected a whole number from 0 to 4294967295");
  FAILS(telnyx_short_codes_list(c, "{", &json), INVALID, "params_json: invalid JSON");
  FAILS(telnyx_messaging_profiles_list_phone_numbers(c, "p1", "{\"size\": 1}", &json), INVALID, "page_json");
  FAILS(telnyx_messaging_profiles_retrieve_metrics(c, "p1", "{\"time_frame\": 7}", &json), INVALID, "params_json");
  FAILS(telnyx_messaging_profiles_autoresp_configs_list(c, "p1", "{\"country\": \"US\"}", &json), INVALID,
        "params_json");
  FAILS(telnyx_messaging_profile_metrics_list(c, "5", &json), INVALID, "params_json: must be a JSON object, got a number");
  CHECK(json == NULL);

  /* Iterators: argument errors at creation, page-param errors on the first next. */
  FAILS(telnyx_messaging_profiles_list_all(c, NULL, NULL), INVALID, "out: must not be NULL");
  FAILS(telnyx_messaging_profiles_list_all(NULL, NULL, &it), INVALID, "c: must not be NULL");
  FAILS(telnyx_short_codes_list_all(c, "{\"x\": 1}", &it), INVALID, "unknown field `x`");
  FAILS(telnyx_messaging_profiles_list_all_short_codes(c, NULL, NULL, &it), INVALID, "id: must not be NULL");
  CHECK(it == NULL);
  FAILS(telnyx_page_iter_next(NULL, &json), INVALID, "it: must not be NULL");
  if (OK(telnyx_messaging_profiles_list_all_phone_numbers(c, "p1", "{\"page_size\": 300}", &it))) {
    FAILS(telnyx_page_iter_next(it, NULL), INVALID, "out_page_json: must not be NULL");
    FAILS(telnyx_page_iter_next(it, &json), INVALID, "page_size");
    CHECK(json == NULL);
    CHECK(OK(telnyx_page_iter_next(it, &json))); /* finished after its error */
    CHECK(json == NULL);
    telnyx_page_iter_free(it);
  }
  it = NULL;
  if (OK(telnyx_messaging_profiles_list_all_alphanumeric_sender_ids(c, "", NULL, &it))) {
    FAILS(telnyx_page_iter_next(it, &json), INVALID, "messaging profile id");
    telnyx_page_iter_free(it);
  }
  telnyx_client_free(c);
}

/* An INVALID_ARGUMENT error through every accessor. */
static void error_accessors(void) {
  telnyx_client *c = NULL;
  telnyx_error *e = telnyx_client_new("{\"bogus\": true}", &c);
  char *json;
  CHECK(e != NULL);
  if (e == NULL) return;
  CHECK(telnyx_error_kind(e) == TELNYX_ERROR_KIND_INVALID_ARGUMENT);
  CHECK(telnyx_error_status(e) == 0);
  CHECK(contains(telnyx_error_message(e), "invalid argument: options_json: unknown field `bogus`"));
  CHECK(strcmp(telnyx_error_errors_json(e), "[]") == 0);
  CHECK(telnyx_error_retry_after_ms(e) == -1);
  json = telnyx_error_to_json(e);
  CHECK(contains(json, "{\"kind\":1,\"kind_name\":\"invalid_argument\",\"status\":null,\"message\":\"invalid "
                       "argument: options_json: unknown field `bogus`"));
  CHECK(contains(json, "\"errors\":[],\"retry_after_ms\":null,\"request_id\":null,\"rate_limit\":null}"));
  telnyx_string_free(json);
  /* Two errors at once are independent objects. */
  {
    telnyx_error *other = telnyx_client_new("{", &c);
    CHECK(other != NULL && other != e);
    CHECK(contains(telnyx_error_message(other), "invalid JSON"));
    telnyx_error_free(other);
  }
  CHECK(contains(telnyx_error_message(e), "bogus"));
  telnyx_error_free(e);
}

int main(int argc, char **argv) {
  if (argc != 3) {
    fprintf(stderr, "usage: %s BASE_URL VERSION\n", argv[0]);
    return 2;
  }
  CHECK(strcmp(telnyx_version(), argv[2]) == 0);
  CHECK(telnyx_version() == telnyx_version());
  free_null_is_a_no_op();
  accessors_of_null();
  client_options(argv[1]);
  request_options(argv[1]);
  endpoint_arguments(argv[1]);
  error_accessors();
  return finish("basics");
}
