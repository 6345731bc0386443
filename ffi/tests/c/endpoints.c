/* Every endpoint function once against a mock server that checks method, path, exact query,
 * headers and JSON body (see the `endpoints` test in ffi/tests/c_programs.rs).
 * Usage: endpoints BASE_URL
 *
 * Results are the JSON text the server sent: a single resource's `data` member, a list's whole
 * body. The mock bodies are compact, so each result is compared byte for byte. */
#include "check.h"

#define PROFILE "{\"id\":\"p1\",\"record_type\":\"messaging_profile\",\"name\":\"Alerts\",\"webhook_url\":null,\"v1_secret\":\"s3cr3t\"}"
/* The `data` member of GET /messaging_profiles/raw (RAW_PROFILE in c_programs.rs), sent inside
 * `{ "data" : ... }\n`: keys in no model order, a space after one colon, `2` for a float (a
 * re-serialization writes 2.0), a null and an unknown member, all kept. */
#define RAW_PROFILE \
  "{\"webhook_url\":null,\"name\": \"Raw\",\"id\":\"raw\",\"number_pool_settings\":{\"toll_free_weight\":2," \
  "\"long_code_weight\":0.5,\"skip_unhealthy\":false},\"future_member\":{\"nested\":[1,\"x\",null]}," \
  "\"record_type\":\"messaging_profile\"}"
#define CONFIG \
  "{\"id\":\"c1\",\"op\":\"start\",\"keywords\":[\"START\"],\"country_code\":\"US\",\"resp_text\":\"Hi\"," \
  "\"created_at\":\"2024-01-01T00:00:00Z\",\"updated_at\":\"2024-01-01T00:00:00Z\"}"
#define STOPPED \
  "{\"id\":\"c1\",\"op\":\"stop\",\"keywords\":[\"START\"],\"country_code\":\"US\",\"resp_text\":\"Hi\"," \
  "\"created_at\":\"2024-01-01T00:00:00Z\",\"updated_at\":\"2024-01-01T00:00:00Z\"}"
#define META1 "\"meta\":{\"page_number\":1,\"page_size\":20,\"total_pages\":1,\"total_results\":1}"

int main(int argc, char **argv) {
  telnyx_client *c;
  char *json = NULL;
  if (argc != 2) {
    fprintf(stderr, "usage: %s BASE_URL\n", argv[0]);
    return 2;
  }
  c = test_client(argv[1], NULL);

  if (OK(telnyx_messaging_profiles_list(
          c, "{\"filter_name_contains\": \"Al\", \"page_number\": 2, \"page_size\": 5}", &json))) {
    CHECK_JSON(json, "{\"data\":[" PROFILE "],\"meta\":{\"page_number\":2,\"page_size\":5,\"total_pages\":3,"
                     "\"total_results\":11}}");
  }
  if (OK(telnyx_messaging_profiles_create(
          c, "{\"name\": \"Alerts\", \"whitelisted_destinations\": [\"US\", \"*\"], \"enabled\": true}", &json))) {
    CHECK_JSON(json, PROFILE);
  }
  if (OK(telnyx_messaging_profiles_retrieve(c, "p/1 ?#", &json))) CHECK_JSON(json, PROFILE);
  /* The pass-through, byte for byte: the `data` member exactly as sent, without the envelope's
   * whitespace. */
  if (OK(telnyx_messaging_profiles_retrieve(c, "raw", &json))) {
    /* Spelled out, though the byte comparison below implies them. */
    CHECK(contains(json, "\"toll_free_weight\":2,") && !contains(json, "2.0"));
    CHECK(contains(json, "{\"webhook_url\":null,\"name\": \"Raw\","));
    CHECK(contains(json, "\"future_member\":{\"nested\":[1,\"x\",null]}"));
    CHECK_JSON(json, RAW_PROFILE);
  }
  if (OK(telnyx_messaging_profiles_update(c, "p1", "{\"name\": \"New\", \"webhook_url\": null}", &json))) {
    CHECK_JSON(json, PROFILE);
  }
  if (OK(telnyx_messaging_profiles_delete(c, "p1", &json))) CHECK_JSON(json, PROFILE);
  if (OK(telnyx_messaging_profiles_regenerate_secret(c, "p1", &json))) CHECK_JSON(json, PROFILE);
  if (OK(telnyx_messaging_profiles_list_phone_numbers(c, "p1", "{\"page_size\": 2}", &json))) {
    CHECK_JSON(json, "{\"data\":[{\"id\":\"1293384261075731499\",\"phone_number\":\"+18005550100\","
                     "\"messaging_profile_id\":\"p1\",\"type\":\"longcode\"}]}");
  }
  if (OK(telnyx_messaging_profiles_list_short_codes(c, "p1", NULL, &json))) {
    CHECK_JSON(json, "{\"data\":[{\"id\":\"s1\",\"short_code\":\"12345\",\"messaging_profile_id\":null}]}");
  }
  if (OK(telnyx_messaging_profiles_list_alphanumeric_sender_ids(c, "p1", "{\"page_number\": 1}", &json))) {
    CHECK_JSON(json, "{\"data\":[{\"id\":\"a1\",\"alphanumeric_sender_id\":\"ACME\"}]}");
  }
  if (OK(telnyx_messaging_profiles_retrieve_metrics(c, "p1", "{\"time_frame\": \"7d\"}", &json))) {
    CHECK_JSON(json, "{\"overview\":{\"messages\":{\"sent\":10}}}");
  }
  if (OK(telnyx_messaging_profiles_autoresp_configs_list(
          c, "p1", "{\"country_code\": \"US\", \"created_at_gte\": \"2024-01-01\"}", &json))) {
    CHECK_JSON(json, "{\"data\":[" CONFIG "]," META1 "}");
  }
  if (OK(telnyx_messaging_profiles_autoresp_configs_create(
          c, "p1", "{\"op\": \"start\", \"keywords\": [\"START\"], \"country_code\": \"US\", \"resp_text\": \"Hi\"}",
          &json))) {
    CHECK_JSON(json, CONFIG);
  }
  if (OK(telnyx_messaging_profiles_autoresp_configs_retrieve(c, "p1", "c1", &json))) CHECK_JSON(json, CONFIG);
  if (OK(telnyx_messaging_profiles_autoresp_configs_update(
          c, "p1", "c1", "{\"op\": \"stop\", \"keywords\": [\"STOP\"], \"country_code\": \"*\"}", &json))) {
    CHECK_JSON(json, STOPPED);
  }
  if (OK(telnyx_messaging_profiles_autoresp_configs_delete(c, "p1", "c1", &json))) CHECK_JSON(json, "\"OK\"");
  if (OK(telnyx_short_codes_list(c, "{\"filter_messaging_profile_id\": \"null\"}", &json))) {
    CHECK_JSON(json, "{\"data\":[{\"id\":\"s1\",\"short_code\":\"12345\",\"messaging_profile_id\":null}]," META1 "}");
  }
  if (OK(telnyx_short_codes_retrieve(c, "s1", &json))) {
    CHECK_JSON(json, "{\"id\":\"s1\",\"short_code\":\"12345\",\"messaging_profile_id\":null}");
  }
  if (OK(telnyx_short_codes_update(c, "s1", "{\"messaging_profile_id\": null, \"tags\": [\"a\"]}", &json))) {
    CHECK_JSON(json, "{\"id\":\"s1\",\"short_code\":\"12345\",\"messaging_profile_id\":null}");
  }
  if (OK(telnyx_short_codes_update(c, "s2", "{\"messaging_profile_id\": \"\"}", &json))) {
    CHECK_JSON(json, "{\"id\":\"s2\",\"messaging_profile_id\":\"\"}");
  }
  if (OK(telnyx_messaging_profile_metrics_list(c, NULL, &json))) {
    CHECK_JSON(json, "{\"data\":[{\"profile\":\"p1\",\"sent\":1}]}");
  }
  telnyx_client_free(c);
  return finish("endpoints");
}
