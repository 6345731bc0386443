/* profiles.c: list, create, update (clearing a field with null) and delete a messaging profile
 * through the C ABI of telnyx-messaging.
 *
 * Install the library first (from the repository root; see README.md, Install):
 *   make -C ffi install PREFIX="$HOME/.local"
 *   export PKG_CONFIG_PATH="$HOME/.local/lib/pkgconfig"
 *
 * Then, from any directory, link it dynamically:
 *   cc -std=c99 -Wall -Wextra -Werror profiles.c -o profiles $(pkg-config --cflags --libs telnyx_messaging)
 * or statically:
 *   cc -std=c99 -Wall -Wextra -Werror profiles.c -o profiles \
 *      $(pkg-config --cflags telnyx_messaging) -Wl,-Bstatic $(pkg-config --static --libs telnyx_messaging)
 *
 * Run it with the API key and, optionally, another base URL (the installed mock, say):
 *   TELNYX_API_KEY=KEY... [TELNYX_BASE_URL=http://127.0.0.1:4010/v2] ./profiles
 * (a shared build installed outside the loader's path also needs LD_LIBRARY_PATH="$HOME/.local/lib")
 *
 * Every fallible call returns NULL or a telnyx_error that the caller frees; result strings are
 * the JSON text the server sent (checked to decode), owned by the caller and freed with
 * telnyx_string_free. A profile carries its v1_secret: print results with print_result, which
 * writes [redacted] in its place.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "telnyx_messaging.h"

/* Prints `e` (if any), frees it, and returns 1 when there was an error. */
static int failed(telnyx_error *e, const char *what) {
  char *json;
  if (e == NULL) return 0;
  json = telnyx_error_to_json(e);
  fprintf(stderr, "%s failed (kind %u, HTTP %u): %s\n  %s\n", what, (unsigned)telnyx_error_kind(e),
          (unsigned)telnyx_error_status(e), telnyx_error_message(e), json);
  if (telnyx_error_kind(e) == TELNYX_ERROR_KIND_RATE_LIMIT && telnyx_error_retry_after_ms(e) >= 0) {
    fprintf(stderr, "  the server asks to wait %lld ms\n", (long long)telnyx_error_retry_after_ms(e));
  }
  telnyx_string_free(json);
  telnyx_error_free(e);
  return 1;
}

/* Prints `label` and `json` with the value of every "v1_secret" member replaced by
 * "[redacted]", so the secret never reaches the terminal or a log (a minimal scanner, like
 * first_id below: it expects the value to be a string). */
static void print_result(const char *label, const char *json) {
  static const char key[] = "\"v1_secret\"";
  const char *p = json;
  const char *hit;
  printf("%s: ", label);
  while ((hit = strstr(p, key)) != NULL) {
    const char *v = hit + strlen(key);
    v += strspn(v, " \t\r\n");
    if (*v != ':') { /* the text "v1_secret" as a value, not a key: print it and go on */
      fwrite(p, 1, (size_t)(v - p), stdout);
      p = v;
      continue;
    }
    v++;
    v += strspn(v, " \t\r\n");
    fwrite(p, 1, (size_t)(v - p), stdout);
    if (*v != '"') { /* null or another non-string value: nothing secret to hide */
      p = v;
      continue;
    }
    for (v++; *v != '\0' && *v != '"'; v++) {
      if (*v == '\\' && v[1] != '\0') v++; /* skip an escaped character */
    }
    fputs("\"[redacted]\"", stdout);
    p = *v == '"' ? v + 1 : v;
  }
  printf("%s\n", p);
}

/* Copies the value of the first "id" member of `json` into `id` (a minimal reader: use a JSON
 * library in real code). Results are the JSON text as the server sent it, so whitespace may
 * surround the colon. */
static int first_id(const char *json, char *id, size_t size) {
  const char *start = strstr(json, "\"id\"");
  const char *end;
  if (start == NULL) return 0;
  start += strlen("\"id\"");
  start += strspn(start, " \t\r\n");
  if (*start++ != ':') return 0;
  start += strspn(start, " \t\r\n");
  if (*start++ != '"') return 0;
  end = strchr(start, '"');
  if (end == NULL || (size_t)(end - start) >= size) return 0;
  memcpy(id, start, (size_t)(end - start));
  id[end - start] = '\0';
  return 1;
}

int main(void) {
  telnyx_client *client = NULL;
  telnyx_page_iter *pages = NULL;
  char *json = NULL;
  char id[128];
  int page_count = 0;

  printf("telnyx-messaging %s\n", telnyx_version());
  /* NULL options: TELNYX_API_KEY and TELNYX_BASE_URL from the environment. */
  if (failed(telnyx_client_new(NULL, &client), "telnyx_client_new")) return 1;

  /* Every profile, page by page (20 a page by default). */
  if (!failed(telnyx_messaging_profiles_list_all(client, "{\"page_size\": 20}", &pages), "list_all")) {
    for (;;) {
      if (failed(telnyx_page_iter_next(pages, &json), "next page")) break;
      if (json == NULL) break; /* no more pages */
      char label[32];
      snprintf(label, sizeof label, "page %d", ++page_count);
      print_result(label, json);
      telnyx_string_free(json);
    }
    telnyx_page_iter_free(pages);
  }

  if (failed(telnyx_messaging_profiles_create(client,
                                              "{\"name\": \"C example\", \"whitelisted_destinations\": [\"US\"], "
                                              "\"webhook_url\": \"https://example.com/hooks\"}",
                                              &json),
             "create")) {
    telnyx_client_free(client);
    return 1;
  }
  print_result("created", json);
  if (!first_id(json, id, sizeof id)) {
    fprintf(stderr, "no id in the created profile\n");
    telnyx_string_free(json);
    telnyx_client_free(client);
    return 1;
  }
  telnyx_string_free(json);

  /* Rename it and clear its webhook URL: null clears a field, a missing key leaves it as is. */
  if (!failed(telnyx_messaging_profiles_update(client, id, "{\"name\": \"C example (renamed)\", \"webhook_url\": null}",
                                               &json),
              "update")) {
    print_result("updated", json);
    telnyx_string_free(json);
  }

  if (!failed(telnyx_messaging_profiles_delete(client, id, &json), "delete")) {
    print_result("deleted", json);
    telnyx_string_free(json);
  }
  telnyx_client_free(client);
  return 0;
}
