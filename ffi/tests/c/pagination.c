/* The list_all functions: page iterators across several pages that outlive their client.
 * Usage: pagination BASE_URL (see the `pagination` test in ffi/tests/c_programs.rs).
 *
 * Each page string is the body the server sent, byte for byte: compact bodies here, except the
 * first page of profiles (RAW_PAGE in c_programs.rs), which is unlike any re-serialization. */
#include "check.h"

/* Page 1 of the profiles: `meta` before `data`, spaces, `1` and `0` for float weights, a null
 * and an unknown member, all kept. */
#define RAW_PAGE \
  "{\"meta\": {\"total_results\": 5, \"page_number\": 1, \"page_size\": 2, \"total_pages\": 3}, \"data\": " \
  "[{\"id\": \"p1\", \"number_pool_settings\": {\"long_code_weight\": 1, \"toll_free_weight\": 0, " \
  "\"skip_unhealthy\": true}}, {\"id\": \"p2\", \"alpha_sender\": null, \"x_future\": {\"kept\": true}}]}"

/* Checks that page `n` (from 1) of `what` is exactly `expected`. */
static void check_page(const char *json, const char *expected, const char *what, int n) {
  if (json == NULL || strcmp(json, expected) != 0) {
    fprintf(stderr, "%s page %d: expected %s\n  got %s\n", what, n, expected, json ? json : "(NULL)");
    check_failures++;
  }
}

/* Reads `it` to the end; returns the number of pages, checks that the n-th page read is exactly
 * `expected[n]` (page `first + n` of `what`), and frees the iterator. */
static int drain(telnyx_page_iter *it, const char *const *expected, int max_pages, const char *what, int first) {
  int pages = 0;
  int round;
  for (round = 0; round < max_pages + 2; round++) { /* bounded */
    char *json = NULL;
    if (!OK(telnyx_page_iter_next(it, &json))) break;
    if (json == NULL) break;
    if (pages < max_pages) check_page(json, expected[pages], what, first + pages);
    pages++;
    telnyx_string_free(json);
  }
  {
    char *json = NULL; /* done stays done */
    CHECK(OK(telnyx_page_iter_next(it, &json)));
    CHECK(json == NULL);
  }
  telnyx_page_iter_free(it);
  return pages;
}

int main(int argc, char **argv) {
  telnyx_client *c;
  telnyx_page_iter *profiles = NULL, *numbers = NULL, *codes = NULL, *senders = NULL, *all_codes = NULL;
  static const char *const profile_pages[] = {
      RAW_PAGE,
      "{\"data\":[{\"id\":\"p3\"},{\"id\":\"p4\"}],\"meta\":{\"page_number\":2,\"page_size\":2,\"total_pages\":3,"
      "\"total_results\":5}}",
      "{\"data\":[{\"id\":\"p5\"}],\"meta\":{\"page_number\":3,\"page_size\":2,\"total_pages\":3,"
      "\"total_results\":5}}"};
  static const char *const number_pages[] = {
      "{\"data\":[{\"id\":\"n1\"}],\"meta\":{\"page_number\":1,\"page_size\":1,\"total_pages\":2,\"total_results\":2}}",
      "{\"data\":[{\"id\":\"n2\"}],\"meta\":{\"page_number\":2,\"page_size\":1,\"total_pages\":2,\"total_results\":2}}"};
  static const char *const code_pages[] = {
      "{\"data\":[{\"id\":\"s3\"}],\"meta\":{\"page_number\":2,\"page_size\":1,\"total_pages\":2,\"total_results\":2}}"};
  static const char *const all_code_pages[] = {"{\"data\":[{\"id\":\"s9\",\"messaging_profile_id\":null}]}"};
  if (argc != 2) {
    fprintf(stderr, "usage: %s BASE_URL\n", argv[0]);
    return 2;
  }
  c = test_client(argv[1], NULL);
  OK(telnyx_messaging_profiles_list_all(c, "{\"filter_name\": \"A\", \"page_size\": 2}", &profiles));
  OK(telnyx_messaging_profiles_list_all_phone_numbers(c, "p1", NULL, &numbers));
  OK(telnyx_messaging_profiles_list_all_short_codes(c, "p1", "{\"page_number\": 2, \"page_size\": 1}", &codes));
  OK(telnyx_messaging_profiles_list_all_alphanumeric_sender_ids(c, "p1", NULL, &senders));
  OK(telnyx_short_codes_list_all(c, NULL, &all_codes));
  /* The iterators own their share of the client: free it before any request is sent. */
  telnyx_client_free(c);
  if (profiles == NULL || numbers == NULL || codes == NULL || senders == NULL || all_codes == NULL) {
    return finish("pagination");
  }

  /* Interleave two iterators: each keeps its own position. */
  {
    char *first = NULL, *number = NULL;
    if (OK(telnyx_page_iter_next(profiles, &first))) {
      check_page(first, profile_pages[0], "profiles", 1); /* the server's body, byte for byte */
      telnyx_string_free(first);
    }
    if (OK(telnyx_page_iter_next(numbers, &number))) {
      check_page(number, number_pages[0], "phone numbers", 1);
      telnyx_string_free(number);
    }
  }
  CHECK(drain(profiles, profile_pages + 1, 2, "profiles", 2) == 2);
  CHECK(drain(numbers, number_pages + 1, 1, "phone numbers", 2) == 1);
  CHECK(drain(codes, code_pages, 1, "short codes", 2) == 1);         /* starts at page 2 of 2 */
  CHECK(drain(senders, code_pages, 0, "sender ids", 1) == 0);        /* an empty first page: nothing */
  CHECK(drain(all_codes, all_code_pages, 1, "all short codes", 1) == 1); /* no meta: one page */
  return finish("pagination");
}
