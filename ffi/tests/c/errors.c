/* Every error kind that a request can produce, and the error accessors on each.
 * Usage: errors BASE_URL CLOSED_PORT_URL SILENT_SERVER_URL
 * BASE_URL is a mock server answering GET /messaging_profiles/sNNN with status NNN (see the
 * `errors` test in ffi/tests/c_programs.rs); CLOSED_PORT_URL refuses connections;
 * SILENT_SERVER_URL accepts connections and never answers. */
#include "check.h"

/* Retrieves profile `id` and expects an error of `kind` with `status`; returns it (owned). */
static telnyx_error *expect_status(telnyx_client *c, const char *id, uint32_t kind, uint16_t status) {
  char *json = NULL;
  telnyx_error *e = telnyx_messaging_profiles_retrieve(c, id, &json);
  CHECK(json == NULL);
  if (e == NULL) {
    fprintf(stderr, "retrieve(%s) succeeded, expected kind %u\n", id, (unsigned)kind);
    check_failures++;
    telnyx_string_free(json);
    return NULL;
  }
  if (telnyx_error_kind(e) != kind || telnyx_error_status(e) != status) {
    fprintf(stderr, "retrieve(%s): expected kind %u status %u, got kind %u status %u: %s\n", id, (unsigned)kind,
            (unsigned)status, (unsigned)telnyx_error_kind(e), (unsigned)telnyx_error_status(e),
            telnyx_error_message(e));
    check_failures++;
  }
  return e;
}

static void statuses(const char *base_url) {
  telnyx_client *c = test_client(base_url, NULL);
  telnyx_error *e;
  char *json;

  /* 400 with a full errors[] entry and a request id. */
  e = expect_status(c, "s400", TELNYX_ERROR_KIND_BAD_REQUEST, 400);
  if (e) {
    CHECK(contains(telnyx_error_message(e), "API error 400 Bad Request; Invalid name: too long (code 10015) at /name"));
    CHECK(strcmp(telnyx_error_errors_json(e), "[{\"code\":\"10015\",\"title\":\"Invalid name\",\"detail\":\"too "
                                              "long\",\"source\":{\"pointer\":\"/name\"}}]") == 0);
    CHECK(telnyx_error_retry_after_ms(e) == -1);
    json = telnyx_error_to_json(e);
    CHECK(contains(json, "{\"kind\":5,\"kind_name\":\"bad_request\",\"status\":400,\"message\":\"API error 400"));
    CHECK(contains(json, "\"errors\":[{\"code\":\"10015\",\"title\":\"Invalid name\""));
    CHECK(contains(json, "\"retry_after_ms\":null,\"request_id\":\"req-400\","
                         "\"rate_limit\":{\"limit\":100,\"remaining\":99,\"reset\":null}}"));
    telnyx_string_free(json);
    telnyx_error_free(e);
  }
  e = expect_status(c, "s401", TELNYX_ERROR_KIND_AUTHENTICATION, 401);
  telnyx_error_free(e);
  e = expect_status(c, "s403", TELNYX_ERROR_KIND_PERMISSION_DENIED, 403);
  telnyx_error_free(e);
  /* 404 with an HTML body: no errors[]. */
  e = expect_status(c, "s404", TELNYX_ERROR_KIND_NOT_FOUND, 404);
  if (e) {
    CHECK(strcmp(telnyx_error_errors_json(e), "[]") == 0);
    json = telnyx_error_to_json(e);
    CHECK(contains(json, "\"kind\":8,\"kind_name\":\"not_found\",\"status\":404"));
    CHECK(contains(json, "\"errors\":[],\"retry_after_ms\":null,\"request_id\":null,"
                         "\"rate_limit\":{\"limit\":null,\"remaining\":null,\"reset\":null}}"));
    telnyx_string_free(json);
    telnyx_error_free(e);
  }
  e = expect_status(c, "s409", TELNYX_ERROR_KIND_CONFLICT, 409);
  telnyx_error_free(e);
  e = expect_status(c, "s422", TELNYX_ERROR_KIND_UNPROCESSABLE_ENTITY, 422);
  if (e) CHECK(contains(telnyx_error_errors_json(e), "\"code\":\"10005\""));
  telnyx_error_free(e);
  /* 429 with Retry-After: 3. */
  e = expect_status(c, "s429", TELNYX_ERROR_KIND_RATE_LIMIT, 429);
  if (e) {
    CHECK(telnyx_error_retry_after_ms(e) == 3000);
    CHECK(contains(telnyx_error_errors_json(e), "\"code\":\"10011\""));
    json = telnyx_error_to_json(e);
    CHECK(contains(json, "\"kind_name\":\"rate_limit\""));
    CHECK(contains(json, "\"retry_after_ms\":3000"));
    telnyx_string_free(json);
  }
  telnyx_error_free(e);
  e = expect_status(c, "s500", TELNYX_ERROR_KIND_INTERNAL_SERVER, 500);
  telnyx_error_free(e);
  e = expect_status(c, "s503", TELNYX_ERROR_KIND_INTERNAL_SERVER, 503);
  telnyx_error_free(e);
  e = expect_status(c, "s418", TELNYX_ERROR_KIND_API_STATUS, 418);
  if (e) {
    json = telnyx_error_to_json(e);
    CHECK(contains(json, "\"kind\":13,\"kind_name\":\"api_status\",\"status\":418"));
    telnyx_string_free(json);
  }
  telnyx_error_free(e);

  /* A 2xx body that is not what the definition says. */
  e = expect_status(c, "decode", TELNYX_ERROR_KIND_DECODE, 200);
  if (e) {
    CHECK(contains(telnyx_error_message(e), "could not decode the response (HTTP 200)"));
    CHECK(!contains(telnyx_error_message(e), "hunter2")); /* the secret is redacted */
    json = telnyx_error_to_json(e);
    CHECK(contains(json, "\"kind\":14,\"kind_name\":\"decode\",\"status\":200"));
    telnyx_string_free(json);
  }
  telnyx_error_free(e);
  telnyx_client_free(c);
}

/* A server that answers page 1 when asked for page 2. */
static void unexpected_page(const char *base_url) {
  telnyx_client *c = test_client(base_url, NULL);
  telnyx_page_iter *it = NULL;
  char *json = NULL;
  telnyx_error *e;
  if (!OK(telnyx_short_codes_list_all(c, "{\"filter_messaging_profile_id\": \"loop\"}", &it))) return;
  telnyx_client_free(c);
  if (OK(telnyx_page_iter_next(it, &json))) {
    CHECK(contains(json, "\"id\":\"s1\""));
    telnyx_string_free(json);
  }
  json = NULL;
  e = telnyx_page_iter_next(it, &json);
  CHECK(json == NULL);
  CHECK(e != NULL);
  if (e) {
    CHECK(telnyx_error_kind(e) == TELNYX_ERROR_KIND_UNEXPECTED_PAGE);
    CHECK(telnyx_error_status(e) == 0);
    CHECK(contains(telnyx_error_message(e), "asked for page 2 but the server answered page 1"));
    json = telnyx_error_to_json(e);
    CHECK(contains(json, "{\"kind\":15,\"kind_name\":\"unexpected_page\",\"status\":null,"));
    telnyx_string_free(json);
    telnyx_error_free(e);
  }
  json = NULL;
  CHECK(OK(telnyx_page_iter_next(it, &json))); /* finished: no third request */
  CHECK(json == NULL);
  telnyx_page_iter_free(it);
}

static void connection_and_timeout(const char *closed_url, const char *silent_url) {
  telnyx_client *c = test_client(closed_url, NULL);
  telnyx_error *e = expect_status(c, "p1", TELNYX_ERROR_KIND_CONNECTION, 0);
  char *json;
  if (e) {
    CHECK(contains(telnyx_error_message(e), "connection error"));
    CHECK(telnyx_error_retry_after_ms(e) == -1);
    json = telnyx_error_to_json(e);
    CHECK(contains(json, "{\"kind\":3,\"kind_name\":\"connection\",\"status\":null,"));
    telnyx_string_free(json);
  }
  telnyx_error_free(e);
  telnyx_client_free(c);

  c = test_client(silent_url, ", \"timeout_ms\": 300");
  e = expect_status(c, "p1", TELNYX_ERROR_KIND_TIMEOUT, 0);
  if (e) {
    CHECK(contains(telnyx_error_message(e), "timed out"));
    json = telnyx_error_to_json(e);
    CHECK(contains(json, "{\"kind\":4,\"kind_name\":\"timeout\",\"status\":null,"));
    telnyx_string_free(json);
  }
  telnyx_error_free(e);
  telnyx_client_free(c);

  /* The overall deadline, through request options. */
  c = test_client(silent_url, NULL);
  {
    telnyx_client *quick = NULL;
    if (OK(telnyx_client_with_options(c, "{\"deadline_ms\": 200}", &quick))) {
      e = expect_status(quick, "p1", TELNYX_ERROR_KIND_TIMEOUT, 0);
      telnyx_error_free(e);
      telnyx_client_free(quick);
    }
  }
  telnyx_client_free(c);
}

int main(int argc, char **argv) {
  if (argc != 4) {
    fprintf(stderr, "usage: %s BASE_URL CLOSED_PORT_URL SILENT_SERVER_URL\n", argv[0]);
    return 2;
  }
  statuses(argv[1]);
  unexpected_page(argv[1]);
  connection_and_timeout(argv[2], argv[3]);
  return finish("errors");
}
