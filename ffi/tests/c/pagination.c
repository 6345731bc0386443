/* The list_all functions: page iterators across several pages that outlive their client.
 * Usage: pagination BASE_URL (see the `pagination` test in ffi/tests/c_programs.rs). */
#include "check.h"

/* Reads `it` to the end; returns the number of pages, checks that page n contains `needles[n]`,
 * and frees the iterator. */
static int drain(telnyx_page_iter *it, const char *const *needles, int max_pages) {
  int pages = 0;
  int round;
  for (round = 0; round < max_pages + 2; round++) { /* bounded */
    char *json = NULL;
    if (!OK(telnyx_page_iter_next(it, &json))) break;
    if (json == NULL) break;
    if (pages < max_pages && !contains(json, needles[pages])) {
      fprintf(stderr, "page %d lacks %s: %s\n", pages + 1, needles[pages], json);
      check_failures++;
    }
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
      "{\"data\":[{\"id\":\"p1\"},{\"id\":\"p2\"}],\"meta\":{\"page_number\":1,\"page_size\":2,\"total_pages\":3,"
      "\"total_results\":5}}",
      "{\"data\":[{\"id\":\"p3\"},{\"id\":\"p4\"}],\"meta\":{\"page_number\":2,",
      "{\"data\":[{\"id\":\"p5\"}],\"meta\":{\"page_number\":3,"};
  static const char *const number_pages[] = {"\"id\":\"n1\"", "\"id\":\"n2\""};
  static const char *const code_pages[] = {"\"id\":\"s3\""};
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
      CHECK(contains(first, profile_pages[0]));
      telnyx_string_free(first);
    }
    if (OK(telnyx_page_iter_next(numbers, &number))) {
      CHECK(contains(number, number_pages[0]));
      telnyx_string_free(number);
    }
  }
  CHECK(drain(profiles, profile_pages + 1, 2) == 2);
  CHECK(drain(numbers, number_pages + 1, 1) == 1);
  CHECK(drain(codes, code_pages, 1) == 1);     /* starts at page 2 of 2 */
  CHECK(drain(senders, code_pages, 0) == 0);   /* an empty first page: nothing */
  CHECK(drain(all_codes, all_code_pages, 1) == 1); /* no meta: one page */
  return finish("pagination");
}
