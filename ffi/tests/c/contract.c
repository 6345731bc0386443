/* Contract: the 24 endpoint functions of the C ABI (the 19 operations) against the Prism mock
 * server serving the official OpenAPI definition, through the recording pass-through of
 * ffi/tests/c_contract.rs, which checks Prism's sl-violations header of every request and the
 * request count after this program ends.
 * Usage: contract BASE_URL (the pass-through's URL).
 *
 * Prism answers valid requests with the definition's static examples: every paginated list is
 * page 2 of 3 (size 25), so a list_all iterator ends with TELNYX_ERROR_KIND_UNEXPECTED_PAGE.
 * Results are the JSON text Prism sent, with its keys in its own (alphabetical) order, so the
 * checks look for individual members, never for a run of keys. */
#include "check.h"

#define PROFILE_ID "16fd2706-8baf-433b-82eb-8c7fada847da"
#define OTHER_PROFILE_ID "abc85f64-5717-4562-b3fc-2c9600000000"
#define SHORT_CODE_ID "8d0f7c8e-3b5a-4c1e-9f2d-6a7b8c9d0e1f"
#define CONFIG_ID "c2298f86-a4dc-4cac-b6b6-4a3d01c290fa"
/* The id in the definition's examples of profiles and short codes. */
#define EXAMPLE_ID "3fa85f64-5717-4562-b3fc-2c963f66afa6"
#define EXAMPLE_SHORT_CODE "\"short_code\":\"12345\""

/* Members of the definition's example profile, and of the meta of every paginated list (each
 * list NULL-terminated). */
static const char *const example_profile[] = {"\"id\":\"" EXAMPLE_ID "\"", "\"record_type\":\"messaging_profile\"",
                                              "\"name\":\"Profile for Messages\"", NULL};
static const char *const example_profile_list[] = {"{\"data\":[{",
                                                   "\"id\":\"" EXAMPLE_ID "\"",
                                                   "\"record_type\":\"messaging_profile\"",
                                                   "\"name\":\"Profile for Messages\"",
                                                   "\"meta\":{",
                                                   "\"page_number\":2",
                                                   NULL};
static const char *const example_meta[] = {"\"meta\":{", "\"page_number\":2", "\"page_size\":25",
                                           "\"total_pages\":3", "\"total_results\":55", NULL};

static const char *const time_frames[] = {"1h", "3h", "24h", "3d", "7d", "30d"};

/* Expects a successful call whose result is a non-empty JSON document containing each of
 * `needles` (NULL-terminated; NULL for none); frees the result. */
static void check_result(telnyx_error *e, char *json, const char *const *needles, const char *file, int line,
                         const char *what) {
  if (e != NULL) {
    fprintf(stderr, "%s:%d: %s failed: kind %u, status %u: %s\n", file, line, what,
            (unsigned)telnyx_error_kind(e), (unsigned)telnyx_error_status(e), telnyx_error_message(e));
    telnyx_error_free(e);
    check_failures++;
  } else if (json == NULL || strlen(json) < 2 || strchr("{[\"", json[0]) == NULL) {
    fprintf(stderr, "%s:%d: %s: expected a non-empty JSON result, got %s\n", file, line, what,
            json ? json : "(NULL)");
    check_failures++;
  } else {
    for (; needles != NULL && *needles != NULL; needles++) {
      if (strstr(json, *needles) == NULL) {
        fprintf(stderr, "%s:%d: %s: result lacks %s:\n  %s\n", file, line, what, *needles, json);
        check_failures++;
      }
    }
  }
  telnyx_string_free(json);
}

/* Runs `call`, which writes its result through `&out`, and checks that the result contains
 * every one of `needles` (a NULL-terminated array). */
#define EXPECT_MEMBERS(needles, call)                                                              \
  do {                                                                                             \
    char *out = NULL;                                                                              \
    telnyx_error *e_ = (call);                                                                     \
    check_result(e_, out, (needles), __FILE__, __LINE__, #call);                                   \
  } while (0)

/* EXPECT_MEMBERS with the single member (or other text) `needle`. */
#define EXPECT_JSON(needle, call)                                                                  \
  do {                                                                                             \
    const char *const needles_[] = {(needle), NULL};                                               \
    EXPECT_MEMBERS(needles_, call);                                                                \
  } while (0)

/* Expects an API error of `kind` and `status` with the out-pointer left NULL; frees both. */
static void check_api_error(telnyx_error *e, char *out, uint32_t kind, uint16_t status, const char *file, int line,
                            const char *what) {
  if (e == NULL) {
    fprintf(stderr, "%s:%d: %s succeeded, expected kind %u (HTTP %u): %s\n", file, line, what, (unsigned)kind,
            (unsigned)status, out ? out : "(NULL)");
    check_failures++;
  } else if (telnyx_error_kind(e) != kind || telnyx_error_status(e) != status || out != NULL) {
    fprintf(stderr, "%s:%d: %s: expected kind %u (HTTP %u), got kind %u (HTTP %u): %s\n", file, line, what,
            (unsigned)kind, (unsigned)status, (unsigned)telnyx_error_kind(e), (unsigned)telnyx_error_status(e),
            telnyx_error_message(e));
    check_failures++;
  }
  telnyx_string_free(out);
  telnyx_error_free(e);
}

#define EXPECT_API_ERROR(kind, status, call)                                                       \
  do {                                                                                             \
    char *out = NULL;                                                                              \
    telnyx_error *e_ = (call);                                                                     \
    check_api_error(e_, out, (kind), (status), __FILE__, __LINE__, #call);                         \
  } while (0)

/* A client that asks Prism for the error example of status `code`, without retries. */
static telnyx_client *prefer(const telnyx_client *c, int code) {
  char options[128];
  telnyx_client *d = NULL;
  snprintf(options, sizeof options, "{\"headers\": {\"Prefer\": \"code=%d\"}, \"max_retries\": 0}", code);
  if (!OK(telnyx_client_with_options(c, options, &d)) || d == NULL) {
    fprintf(stderr, "telnyx_client_with_options(%s) failed\n", options);
    exit(2);
  }
  return d;
}

/* The next page of `it` must be an error of `kind` whose message contains `needle`; then the
 * iterator is done. Frees the iterator. */
static void expect_iter_ends(telnyx_page_iter *it, uint32_t kind, const char *needle, const char *what) {
  char *page = NULL;
  telnyx_error *e = telnyx_page_iter_next(it, &page);
  if (e == NULL) {
    fprintf(stderr, "%s: expected error kind %u, got a page: %s\n", what, (unsigned)kind, page ? page : "(done)");
    check_failures++;
    telnyx_string_free(page);
  } else {
    if (telnyx_error_kind(e) != kind || !contains(telnyx_error_message(e), needle) || page != NULL) {
      fprintf(stderr, "%s: expected kind %u with \"%s\", got kind %u: %s\n", what, (unsigned)kind, needle,
              (unsigned)telnyx_error_kind(e), telnyx_error_message(e));
      check_failures++;
    }
    telnyx_error_free(e);
  }
  /* After the error the iterator is done and sends nothing (the driver counts requests). */
  page = NULL;
  e = telnyx_page_iter_next(it, &page);
  if (e != NULL || page != NULL) {
    fprintf(stderr, "%s: the iterator went on after its error\n", what);
    check_failures++;
    telnyx_error_free(e);
    telnyx_string_free(page);
  }
  telnyx_page_iter_free(it);
}

/* An iterator started at page 2: Prism's page 2 comes back, then page 3 is asked for and page 2
 * answered again: UNEXPECTED_PAGE. Two requests in all. Frees the iterator. */
static void expect_repeated_page(telnyx_error *created, telnyx_page_iter *it, const char *what) {
  char *page = NULL;
  telnyx_error *e;
  if (!check_ok(created, __FILE__, __LINE__, what) || it == NULL) {
    telnyx_page_iter_free(it);
    return;
  }
  e = telnyx_page_iter_next(it, &page); /* before reading `page` */
  check_result(e, page, example_meta, __FILE__, __LINE__, what);
  expect_iter_ends(it, TELNYX_ERROR_KIND_UNEXPECTED_PAGE, "asked for page 3 but the server answered page 2", what);
}

int main(int argc, char **argv) {
  telnyx_client *c;
  int i;
  if (argc != 2) {
    fprintf(stderr, "usage: %s BASE_URL\n", argv[0]);
    return 2;
  }
  c = test_client(argv[1], NULL);

  /* 1: every filter and page param, and none. */
  EXPECT_MEMBERS(example_profile_list,
                 telnyx_messaging_profiles_list(c,
                                                "{\"filter_name\": \"Alerts\", \"filter_name_eq\": \"Alerts US\", "
                                                "\"filter_name_contains\": \"Alert\", \"page_number\": 1, "
                                                "\"page_size\": 250}",
                                                &out));
  EXPECT_MEMBERS(example_meta, telnyx_messaging_profiles_list(c, NULL, &out));

  /* 2: every optional field, valid per the definition's patterns; then only the required. */
  EXPECT_MEMBERS(example_profile,
                 telnyx_messaging_profiles_create(
                     c,
                     "{\"name\": \"Contract suite\", \"whitelisted_destinations\": [\"US\", \"CA\"], \"enabled\": true,"
                     " \"webhook_url\": \"https://hooks.example.com/telnyx\","
                     " \"webhook_failover_url\": \"https://backup.example.com/telnyx\","
                     " \"webhook_api_version\": \"2010-04-01\","
                     " \"health_webhook_url\": \"https://health.example.com/telnyx\","
                     " \"number_pool_settings\": {\"long_code_weight\": 1, \"toll_free_weight\": 10.5,"
                     " \"skip_unhealthy\": true, \"geomatch\": true, \"sticky_sender\": false},"
                     " \"url_shortener_settings\": {\"domain\": \"acct.fyi\", \"prefix\": \"cmpny\","
                     " \"replace_blacklist_only\": true, \"send_webhooks\": false},"
                     " \"alpha_sender\": \"Acme Alerts\", \"daily_spend_limit\": \"250.75\","
                     " \"daily_spend_limit_enabled\": true, \"mms_fall_back_to_sms\": true, \"mms_transcoding\": true,"
                     " \"mobile_only\": false, \"smart_encoding\": true,"
                     " \"ai_assistant_id\": \"assistant-a80a9d4a-728c-4593-852c-2e93ad890000\","
                     " \"resource_group_id\": \"rg-6a1f0c2e-5d4b-4c3a-9e8f-7d6c5b4a3f21\"}",
                     &out));
  EXPECT_MEMBERS(example_profile,
                 telnyx_messaging_profiles_create(c, "{\"name\": \"Minimal\", \"whitelisted_destinations\": [\"US\"]}",
                                                  &out));

  /* 3, 4 (the six nullable fields cleared with null, others set; then set), 5, 8. */
  EXPECT_JSON("\"v1_secret\":\"rP1VamejkU2v0qIUxntqLW2c\"", telnyx_messaging_profiles_retrieve(c, PROFILE_ID, &out));
  EXPECT_MEMBERS(example_profile,
                 telnyx_messaging_profiles_update(
                     c, PROFILE_ID,
                     "{\"name\": \"Renamed\", \"enabled\": false, \"webhook_url\": null, \"webhook_failover_url\": null,"
                     " \"webhook_api_version\": \"1\", \"whitelisted_destinations\": [\"US\", \"CA\", \"GB\"],"
                     " \"number_pool_settings\": null, \"url_shortener_settings\": null, \"alpha_sender\": null,"
                     " \"daily_spend_limit\": \"100\", \"daily_spend_limit_enabled\": false,"
                     " \"mms_fall_back_to_sms\": false, \"mms_transcoding\": false, \"mobile_only\": true,"
                     " \"smart_encoding\": false, \"ai_assistant_id\": null}",
                     &out));
  EXPECT_MEMBERS(example_profile,
                 telnyx_messaging_profiles_update(
                     c, PROFILE_ID,
                     "{\"webhook_url\": \"https://www.example.com/hooks\","
                     " \"webhook_failover_url\": \"https://backup.example.com/hooks\", \"webhook_api_version\": \"2\","
                     " \"number_pool_settings\": {\"long_code_weight\": 0.5, \"toll_free_weight\": 0,"
                     " \"skip_unhealthy\": false}, \"url_shortener_settings\": {\"domain\": \"example.ex\"},"
                     " \"alpha_sender\": \"Telnyx\","
                     " \"ai_assistant_id\": \"ai_assistant-a80a9d4a-728c-4593-852c-2e93ad890000\"}",
                     &out));
  EXPECT_MEMBERS(example_profile, telnyx_messaging_profiles_delete(c, PROFILE_ID, &out));
  EXPECT_MEMBERS(example_profile, telnyx_messaging_profiles_regenerate_secret(c, PROFILE_ID, &out));

  /* 6, 7, 9 with page params. */
  EXPECT_JSON("\"phone_number\":\"+18005550001\"",
              telnyx_messaging_profiles_list_phone_numbers(c, PROFILE_ID,
                                                           "{\"page_number\": 1, \"page_size\": 100}", &out));
  EXPECT_JSON(EXAMPLE_SHORT_CODE,
              telnyx_messaging_profiles_list_short_codes(c, PROFILE_ID, "{\"page_number\": 3, \"page_size\": 1}",
                                                         &out));
  EXPECT_JSON("\"alphanumeric_sender_id\":\"MyCompany\"",
              telnyx_messaging_profiles_list_alphanumeric_sender_ids(
                  c, PROFILE_ID, "{\"page_number\": 2, \"page_size\": 250}", &out));

  /* 10 and 11: the default and each of the six time frames. */
  EXPECT_JSON("{", telnyx_messaging_profiles_retrieve_metrics(c, PROFILE_ID, NULL, &out));
  EXPECT_MEMBERS(example_meta, telnyx_messaging_profile_metrics_list(c, NULL, &out));
  for (i = 0; i < (int)(sizeof time_frames / sizeof time_frames[0]); i++) {
    char params[64];
    snprintf(params, sizeof params, "{\"time_frame\": \"%s\"}", time_frames[i]);
    EXPECT_JSON("{", telnyx_messaging_profiles_retrieve_metrics(c, PROFILE_ID, params, &out));
    EXPECT_JSON("\"data\":[", telnyx_messaging_profile_metrics_list(c, params, &out));
  }

  /* 12-16: list with every filter and none, create, retrieve, replace with each op, delete. */
  EXPECT_JSON("\"id\":\"677ec1cb-949e-4aeb-a1c3-6d9ddffc1409\"",
              telnyx_messaging_profiles_autoresp_configs_list(
                  c, PROFILE_ID,
                  "{\"country_code\": \"US\", \"created_at_gte\": \"2023-01-01T00:00:00Z\","
                  " \"created_at_lte\": \"2023-12-31T23:59:59Z\", \"updated_at_gte\": \"2023-02-01T00:00:00+00:00\","
                  " \"updated_at_lte\": \"2023-11-30T00:00:00+00:00\"}",
                  &out));
  EXPECT_JSON("\"total_results\":3", telnyx_messaging_profiles_autoresp_configs_list(c, PROFILE_ID, NULL, &out));
  EXPECT_JSON("\"id\":\"" CONFIG_ID "\"",
              telnyx_messaging_profiles_autoresp_configs_create(
                  c, PROFILE_ID,
                  "{\"op\": \"start\", \"keywords\": [\"START\", \"YES\"], \"country_code\": \"US\","
                  " \"resp_text\": \"Hello there!\"}",
                  &out));
  EXPECT_JSON("\"keywords\":[\"UNSTOP\"]",
              telnyx_messaging_profiles_autoresp_configs_retrieve(c, PROFILE_ID, CONFIG_ID, &out));
  EXPECT_JSON("\"country_code\":\"*\"",
              telnyx_messaging_profiles_autoresp_configs_update(
                  c, PROFILE_ID, CONFIG_ID, "{\"op\": \"stop\", \"keywords\": [\"STOP\", \"HELP\"], \"country_code\": \"*\"}",
                  &out));
  EXPECT_JSON("\"country_code\":\"*\"",
              telnyx_messaging_profiles_autoresp_configs_update(
                  c, PROFILE_ID, CONFIG_ID, "{\"op\": \"info\", \"keywords\": [\"INFO\"], \"country_code\": \"US\"}",
                  &out));
  {
    char *out = NULL;
    if (OK(telnyx_messaging_profiles_autoresp_configs_delete(c, PROFILE_ID, CONFIG_ID, &out))) {
      CHECK(out != NULL && strcmp(out, "\"OK\"") == 0);
    }
    telnyx_string_free(out);
  }

  /* 17 with the profile filter and page params, and the "null" filter; 18. */
  EXPECT_JSON(EXAMPLE_SHORT_CODE,
              telnyx_short_codes_list(
                  c, "{\"filter_messaging_profile_id\": \"" PROFILE_ID "\", \"page_number\": 1, \"page_size\": 20}",
                  &out));
  EXPECT_MEMBERS(example_meta, telnyx_short_codes_list(c, "{\"filter_messaging_profile_id\": \"null\"}", &out));
  EXPECT_JSON(EXAMPLE_SHORT_CODE, telnyx_short_codes_retrieve(c, SHORT_CODE_ID, &out));

  /* 19: assign with tags and unassign with ""; null is rejected by Prism (422, sl-violations
   * "must be string": the schema types messaging_profile_id as a plain string). */
  EXPECT_JSON(EXAMPLE_SHORT_CODE,
              telnyx_short_codes_update(
                  c, SHORT_CODE_ID,
                  "{\"messaging_profile_id\": \"" OTHER_PROFILE_ID "\", \"tags\": [\"test_customer\", \"contract\"]}",
                  &out));
  EXPECT_JSON(EXAMPLE_SHORT_CODE, telnyx_short_codes_update(c, SHORT_CODE_ID, "{\"messaging_profile_id\": \"\"}", &out));
  EXPECT_API_ERROR(TELNYX_ERROR_KIND_UNPROCESSABLE_ENTITY, 422,
                   telnyx_short_codes_update(c, SHORT_CODE_ID, "{\"messaging_profile_id\": null}", &out));

  /* Error kinds through Prefer: code=N (per-call options, no retries). */
  {
    static const struct {
      int code;
      uint32_t kind;
    } cases[] = {{401, TELNYX_ERROR_KIND_AUTHENTICATION},
                 {404, TELNYX_ERROR_KIND_NOT_FOUND},
                 {422, TELNYX_ERROR_KIND_UNPROCESSABLE_ENTITY},
                 {429, TELNYX_ERROR_KIND_RATE_LIMIT}};
    for (i = 0; i < (int)(sizeof cases / sizeof cases[0]); i++) {
      telnyx_client *p = prefer(c, cases[i].code);
      char *out = NULL;
      telnyx_error *e = telnyx_messaging_profiles_retrieve(p, PROFILE_ID, &out);
      if (e == NULL) {
        fprintf(stderr, "Prefer code=%d: the call succeeded\n", cases[i].code);
        check_failures++;
      } else {
        char *json = telnyx_error_to_json(e);
        if (telnyx_error_kind(e) != cases[i].kind || telnyx_error_status(e) != cases[i].code) {
          fprintf(stderr, "Prefer code=%d: expected kind %u, got %s\n", cases[i].code, (unsigned)cases[i].kind,
                  json ? json : "(no JSON)");
          check_failures++;
        }
        /* The definition's error example, as Prism generates it. */
        CHECK(contains(telnyx_error_errors_json(e), "\"pointer\":\"/json/pointer\""));
        CHECK(telnyx_error_retry_after_ms(e) == -1);
        CHECK(out == NULL);
        telnyx_string_free(json);
        telnyx_error_free(e);
      }
      telnyx_string_free(out);
      telnyx_client_free(p);
    }
  }

  /* An iterator yields a 429 once, then is done. */
  {
    telnyx_client *p = prefer(c, 429);
    telnyx_page_iter *it = NULL;
    if (OK(telnyx_messaging_profiles_list_all(p, NULL, &it)) && it != NULL) {
      telnyx_client_free(p); /* the iterator outlives its client */
      p = NULL;
      expect_iter_ends(it, TELNYX_ERROR_KIND_RATE_LIMIT, "429", "list_all with Prefer: code=429");
    }
    telnyx_client_free(p);
  }

  /* Pagination: Prism repeats page 2 of 3. From the first page: page 1 asked for, page 2
   * answered; then every list_all function started at page 2. */
  {
    telnyx_page_iter *it = NULL;
    if (OK(telnyx_messaging_profiles_list_all(c, "{\"filter_name_contains\": \"Alert\", \"page_size\": 25}", &it)) &&
        it != NULL) {
      expect_iter_ends(it, TELNYX_ERROR_KIND_UNEXPECTED_PAGE, "asked for page 1 but the server answered page 2",
                       "messaging_profiles_list_all from page 1");
    }
  }
  {
    static const char page2[] = "{\"page_number\": 2, \"page_size\": 25}";
    telnyx_page_iter *it = NULL;
    telnyx_error *e;
    e = telnyx_messaging_profiles_list_all(
        c, "{\"filter_name_contains\": \"Alert\", \"page_number\": 2, \"page_size\": 25}", &it);
    expect_repeated_page(e, it, "telnyx_messaging_profiles_list_all");
    it = NULL;
    e = telnyx_messaging_profiles_list_all_phone_numbers(c, PROFILE_ID, page2, &it);
    expect_repeated_page(e, it, "telnyx_messaging_profiles_list_all_phone_numbers");
    it = NULL;
    e = telnyx_messaging_profiles_list_all_short_codes(c, PROFILE_ID, page2, &it);
    expect_repeated_page(e, it, "telnyx_messaging_profiles_list_all_short_codes");
    it = NULL;
    e = telnyx_messaging_profiles_list_all_alphanumeric_sender_ids(c, PROFILE_ID, page2, &it);
    expect_repeated_page(e, it, "telnyx_messaging_profiles_list_all_alphanumeric_sender_ids");
    it = NULL;
    e = telnyx_short_codes_list_all(
        c, "{\"filter_messaging_profile_id\": \"null\", \"page_number\": 2, \"page_size\": 25}", &it);
    expect_repeated_page(e, it, "telnyx_short_codes_list_all");
  }

  telnyx_client_free(c);
  return finish("contract");
}
