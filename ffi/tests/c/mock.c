/* The in-process mock of the API (telnyx_mock_*): a client lists its seeded data, the request
 * and connection counters are exact, faults give the exact retry count, latency makes a client
 * time out, bad options are refused by name, and telnyx_mock_free stops it while a client still
 * holds a keep-alive connection to it.
 * Usage: mock (no arguments: the program starts its own servers on 127.0.0.1). */
#include "check.h"

#define INVALID TELNYX_ERROR_KIND_INVALID_ARGUMENT
#define CONFIG TELNYX_ERROR_KIND_CONFIGURATION

/* Starts a mock with `options` (NULL: the defaults); exits on failure. */
static telnyx_mock *start(const char *options) {
  telnyx_mock *m = NULL;
  telnyx_error *e = telnyx_mock_start(options, &m);
  if (e != NULL || m == NULL) {
    fprintf(stderr, "telnyx_mock_start(%s) failed: %s\n", options ? options : "NULL",
            e ? telnyx_error_message(e) : "(no error)");
    telnyx_error_free(e);
    exit(2);
  }
  return m;
}

/* A client of `m` with the mock's key and `extra` options (JSON members after a comma). */
static telnyx_client *client_of(const telnyx_mock *m, const char *extra) {
  char options[512];
  snprintf(options, sizeof options, "{\"api_key\": \"%s\", \"base_url\": \"%s\", \"proxy\": \"none\"%s}",
           telnyx_mock_api_key(), telnyx_mock_base_url(m), extra ? extra : "");
  return client_from(options);
}

/* The port of a base URL "http://127.0.0.1:PORT/v2"; 0 when it is not that shape. */
static unsigned port_of(const char *base_url) {
  unsigned port = 0;
  const char *prefix = "http://127.0.0.1:";
  if (base_url == NULL || strncmp(base_url, prefix, strlen(prefix)) != 0) return 0;
  if (sscanf(base_url + strlen(prefix), "%u", &port) != 1) return 0;
  return port;
}

static void seeded_data_and_counters(void) {
  telnyx_mock *m = start(NULL);
  const char *url = telnyx_mock_base_url(m);
  telnyx_client *c = client_of(m, ", \"max_retries\": 0");
  telnyx_client *wrong;
  char *out = NULL;

  CHECK(port_of(url) != 0);
  CHECK(strlen(url) > 3 && strcmp(url + strlen(url) - 3, "/v2") == 0);
  CHECK(url == telnyx_mock_base_url(m)); /* borrowed: the same string every time */
  CHECK(strcmp(telnyx_mock_api_key(), "KEY_MOCK_0123456789ABCDEF") == 0);
  CHECK(telnyx_mock_requests_received(m) == 0);
  CHECK(telnyx_mock_connections_accepted(m) == 0);

  /* Seven seeded profiles, the first page in the API's shape. */
  if (OK(telnyx_messaging_profiles_list(c, "{\"page_size\": 5}", &out))) {
    CHECK(contains(out, "\"total_results\":7"));
    CHECK(contains(out, "\"total_pages\":2"));
    CHECK(contains(out, "\"name\":\"Alerts (US)\""));
    telnyx_string_free(out);
  }
  out = NULL;
  /* A create changes its data; a filter finds it. */
  if (OK(telnyx_messaging_profiles_create(c, "{\"name\": \"From C\", \"whitelisted_destinations\": [\"US\"]}", &out))) {
    CHECK(contains(out, "\"name\":\"From C\""));
    telnyx_string_free(out);
  }
  out = NULL;
  if (OK(telnyx_messaging_profiles_list(c, "{\"filter_name_contains\": \"from c\"}", &out))) {
    CHECK(contains(out, "\"total_results\":1"));
    telnyx_string_free(out);
  }
  out = NULL;
  FAILS(telnyx_messaging_profiles_retrieve(c, "00000000-0000-0000-0000-000000000000", &out), TELNYX_ERROR_KIND_NOT_FOUND,
        "404");
  CHECK(telnyx_mock_requests_received(m) == 4);
  /* One client, one keep-alive connection. */
  CHECK(telnyx_mock_connections_accepted(m) == 1);

  /* Another key is refused. */
  wrong = test_client(url, ", \"proxy\": \"none\"");
  FAILS(telnyx_messaging_profiles_list(wrong, NULL, &out), TELNYX_ERROR_KIND_AUTHENTICATION, "401");
  CHECK(out == NULL);
  telnyx_client_free(wrong);
  CHECK(telnyx_mock_requests_received(m) == 5);
  CHECK(telnyx_mock_connections_accepted(m) == 2);

  /* The mock stops while the client still holds an idle keep-alive connection to it. */
  telnyx_mock_free(m);
  FAILS(telnyx_messaging_profiles_list(c, NULL, &out), TELNYX_ERROR_KIND_CONNECTION, "");
  telnyx_client_free(c);
}

static void faults_and_retries(void) {
  /* Every 2nd request gets a 503: with retries, each failed request is retried once. */
  telnyx_mock *m = start("{\"extra_profiles\": 3, \"fault_every\": 2, \"fault\": \"status:503\"}");
  telnyx_client *c = client_of(m, ", \"max_retries\": 2");
  telnyx_client *no_retries = client_of(m, ", \"max_retries\": 0");
  char *out = NULL;
  telnyx_error *e;

  if (OK(telnyx_messaging_profiles_list(c, "{\"page_size\": 250}", &out))) { /* request 1 */
    CHECK(contains(out, "\"total_results\":10"));
    CHECK(contains(out, "\"name\":\"Profile 00003\""));
    telnyx_string_free(out);
  }
  out = NULL;
  CHECK(telnyx_mock_requests_received(m) == 1);
  if (OK(telnyx_short_codes_list(c, NULL, &out))) { /* request 2: 503, request 3: the answer */
    telnyx_string_free(out);
  }
  out = NULL;
  CHECK(telnyx_mock_requests_received(m) == 3);
  /* Without retries the fault comes back: request 4. */
  e = telnyx_short_codes_list(no_retries, NULL, &out);
  CHECK(e != NULL && telnyx_error_kind(e) == TELNYX_ERROR_KIND_INTERNAL_SERVER && telnyx_error_status(e) == 503);
  CHECK(contains(telnyx_error_errors_json(e), "Injected fault"));
  telnyx_error_free(e);
  CHECK(telnyx_mock_requests_received(m) == 4);
  telnyx_client_free(no_retries);
  telnyx_client_free(c);
  telnyx_mock_free(m);

  /* A 429 with Retry-After on every request. */
  m = start("{\"fault_every\": 1, \"fault\": \"status:429:7\"}");
  c = client_of(m, ", \"max_retries\": 0");
  e = telnyx_messaging_profiles_list(c, NULL, &out);
  CHECK(e != NULL && telnyx_error_kind(e) == TELNYX_ERROR_KIND_RATE_LIMIT && telnyx_error_retry_after_ms(e) == 7000);
  telnyx_error_free(e);
  telnyx_client_free(c);
  telnyx_mock_free(m);

  /* Every request's connection is closed without an answer. */
  m = start("{\"fault_every\": 1, \"fault\": \"reset\"}");
  c = client_of(m, ", \"max_retries\": 0");
  FAILS(telnyx_messaging_profiles_list(c, NULL, &out), TELNYX_ERROR_KIND_CONNECTION, "");
  CHECK(telnyx_mock_requests_received(m) == 1);
  telnyx_client_free(c);
  telnyx_mock_free(m);

  /* Latency longer than the client's timeout. */
  m = start("{\"latency_ms\": 300}");
  c = client_of(m, ", \"max_retries\": 0, \"timeout_ms\": 50");
  FAILS(telnyx_messaging_profiles_list(c, NULL, &out), TELNYX_ERROR_KIND_TIMEOUT, "");
  telnyx_client_free(c);
  telnyx_mock_free(m); /* waits for the late answer's thread */
}

static void options(void) {
  telnyx_mock *m = NULL, *taken;
  telnyx_mock *sentinel = (telnyx_mock *)&m; /* any non-NULL value */
  char json[128];

  FAILS(telnyx_mock_start(NULL, NULL), INVALID, "out: must not be NULL");
  m = sentinel;
  FAILS(telnyx_mock_start("[]", &m), INVALID, "options_json: must be a JSON object, got an array");
  CHECK(m == NULL); /* set to NULL on entry, not written on failure */
  FAILS(telnyx_mock_start("{\"prot\": 1}", &m), INVALID, "unknown field `prot`");
  FAILS(telnyx_mock_start("{\"port\": 65536}", &m), INVALID, "options_json: port: ");
  FAILS(telnyx_mock_start("{\"latency_ms\": \"5\"}", &m), INVALID, "options_json: latency_ms: invalid type");
  FAILS(telnyx_mock_start("{\"extra_profiles\": 100001}", &m), INVALID, "extra_profiles: must be at most 100000");
  FAILS(telnyx_mock_start("{\"fault_every\": 0}", &m), INVALID, "fault_every: must be at least 1");
  FAILS(telnyx_mock_start("{\"fault\": \"reset\"}", &m), INVALID, "fault: needs fault_every");
  FAILS(telnyx_mock_start("{\"fault_every\": 3, \"fault\": \"status:600\"}", &m), INVALID,
        "fault: the status must be 400 to 599");
  FAILS(telnyx_mock_start("{\"fault_every\": 3, \"fault\": \"explode\"}", &m), INVALID,
        "fault: \"explode\" is not a fault");
  CHECK(m == NULL);

  /* "null" and "{}" are the defaults. */
  if (OK(telnyx_mock_start("null", &m))) telnyx_mock_free(m);
  m = NULL;
  taken = start("{}");
  /* A port in use. */
  snprintf(json, sizeof json, "{\"port\": %u}", port_of(telnyx_mock_base_url(taken)));
  FAILS(telnyx_mock_start(json, &m), CONFIG, "port: cannot listen on 127.0.0.1:");
  CHECK(m == NULL);
  telnyx_mock_free(taken);

  /* NULL is safe everywhere. */
  CHECK(telnyx_mock_base_url(NULL) == NULL);
  CHECK(telnyx_mock_requests_received(NULL) == 0);
  CHECK(telnyx_mock_connections_accepted(NULL) == 0);
  telnyx_mock_free(NULL);
}

int main(void) {
  seeded_data_and_counters();
  faults_and_retries();
  options();
  return finish("mock");
}
