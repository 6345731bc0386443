/* Contract: the scenarios of tests/contract/scenarios.json through the C ABI. The driver
 * ffi/tests/c_contract.rs writes them to a file, one per line of tab-separated fields: base URL
 * (the recording proxy's session), call (an endpoint function without telnyx_), id, config id,
 * params JSON, client options JSON (empty: none). For each line this program prints one outcome,
 * {"result": ..., "error": null | telnyx_error_to_json} ({"pages": [...], "error": ...} for a
 * list_all iterator), which the driver checks with the shared checker.
 * Usage: contract SCENARIO_FILE. */
#include "check.h"

typedef telnyx_error *(*call1)(const telnyx_client *, const char *, char **);
typedef telnyx_error *(*call2)(const telnyx_client *, const char *, const char *, char **);
typedef telnyx_error *(*call3)(const telnyx_client *, const char *, const char *, const char *, char **);
typedef telnyx_error *(*iter1)(const telnyx_client *, const char *, telnyx_page_iter **);
typedef telnyx_error *(*iter2)(const telnyx_client *, const char *, const char *, telnyx_page_iter **);

/* Each call and its arguments, in order: i the id, c the config id, p the params. */
static const struct {
  const char *name, *args;
  call1 c1;
  call2 c2;
  call3 c3;
  iter1 i1;
  iter2 i2;
} calls[] = {
    {"messaging_profiles_list", "p", telnyx_messaging_profiles_list, NULL, NULL, NULL, NULL},
    {"messaging_profiles_list_all", "p", NULL, NULL, NULL, telnyx_messaging_profiles_list_all, NULL},
    {"messaging_profiles_create", "p", telnyx_messaging_profiles_create, NULL, NULL, NULL, NULL},
    {"messaging_profiles_retrieve", "i", telnyx_messaging_profiles_retrieve, NULL, NULL, NULL, NULL},
    {"messaging_profiles_update", "ip", NULL, telnyx_messaging_profiles_update, NULL, NULL, NULL},
    {"messaging_profiles_delete", "i", telnyx_messaging_profiles_delete, NULL, NULL, NULL, NULL},
    {"messaging_profiles_regenerate_secret", "i", telnyx_messaging_profiles_regenerate_secret, NULL, NULL, NULL, NULL},
    {"messaging_profiles_list_phone_numbers", "ip", NULL, telnyx_messaging_profiles_list_phone_numbers, NULL, NULL,
     NULL},
    {"messaging_profiles_list_all_phone_numbers", "ip", NULL, NULL, NULL, NULL,
     telnyx_messaging_profiles_list_all_phone_numbers},
    {"messaging_profiles_list_short_codes", "ip", NULL, telnyx_messaging_profiles_list_short_codes, NULL, NULL, NULL},
    {"messaging_profiles_list_all_short_codes", "ip", NULL, NULL, NULL, NULL,
     telnyx_messaging_profiles_list_all_short_codes},
    {"messaging_profiles_list_alphanumeric_sender_ids", "ip", NULL,
     telnyx_messaging_profiles_list_alphanumeric_sender_ids, NULL, NULL, NULL},
    {"messaging_profiles_list_all_alphanumeric_sender_ids", "ip", NULL, NULL, NULL, NULL,
     telnyx_messaging_profiles_list_all_alphanumeric_sender_ids},
    {"messaging_profiles_retrieve_metrics", "ip", NULL, telnyx_messaging_profiles_retrieve_metrics, NULL, NULL, NULL},
    {"messaging_profile_metrics_list", "p", telnyx_messaging_profile_metrics_list, NULL, NULL, NULL, NULL},
    {"messaging_profiles_autoresp_configs_list", "ip", NULL, telnyx_messaging_profiles_autoresp_configs_list, NULL,
     NULL, NULL},
    {"messaging_profiles_autoresp_configs_create", "ip", NULL, telnyx_messaging_profiles_autoresp_configs_create, NULL,
     NULL, NULL},
    {"messaging_profiles_autoresp_configs_retrieve", "ic", NULL, telnyx_messaging_profiles_autoresp_configs_retrieve,
     NULL, NULL, NULL},
    {"messaging_profiles_autoresp_configs_update", "icp", NULL, NULL, telnyx_messaging_profiles_autoresp_configs_update,
     NULL, NULL},
    {"messaging_profiles_autoresp_configs_delete", "ic", NULL, telnyx_messaging_profiles_autoresp_configs_delete, NULL,
     NULL, NULL},
    {"short_codes_list", "p", telnyx_short_codes_list, NULL, NULL, NULL, NULL},
    {"short_codes_list_all", "p", NULL, NULL, NULL, telnyx_short_codes_list_all, NULL},
    {"short_codes_retrieve", "i", telnyx_short_codes_retrieve, NULL, NULL, NULL, NULL},
    {"short_codes_update", "ip", NULL, telnyx_short_codes_update, NULL, NULL, NULL},
};

/* Prints `e` as JSON (null when NULL) and frees it. */
static void print_error(telnyx_error *e) {
  char *json = telnyx_error_to_json(e);
  printf("%s", json ? json : "null");
  telnyx_string_free(json);
  telnyx_error_free(e);
}

/* Reads the pages of `it` (at most 50) and the error that ends it, after which it must give
 * nothing; frees it. */
static void print_pages(telnyx_error *e, telnyx_page_iter *it) {
  int n;
  char *page = NULL;
  telnyx_error *again = NULL;
  printf("{\"pages\": [");
  for (n = 0; e == NULL && n < 50; n++) {
    e = telnyx_page_iter_next(it, &page);
    if (page == NULL) break;
    printf("%s%s", n ? ", " : "", page);
    telnyx_string_free(page);
    page = NULL;
  }
  if (e != NULL && it != NULL) again = telnyx_page_iter_next(it, &page);
  printf("], \"error\": ");
  if (again != NULL || page != NULL) {
    printf("{\"kind_name\": \"went on after its error\"}");
    telnyx_error_free(e);
  } else {
    print_error(e);
  }
  printf("}\n");
  telnyx_error_free(again);
  telnyx_string_free(page);
  telnyx_page_iter_free(it);
}

/* Runs one scenario line: its fields are split in place. */
static void run(char *line) {
  char *field[6] = {NULL};
  const char *arg[3];
  char *out = NULL;
  telnyx_client *base, *c = NULL;
  telnyx_page_iter *it = NULL;
  telnyx_error *e = NULL;
  size_t i, n;
  line[strcspn(line, "\n")] = '\0';
  for (n = 0; n < 6 && line != NULL; n++) {
    field[n] = line;
    line = strchr(line, '\t');
    if (line != NULL) *line++ = '\0';
  }
  for (i = 0; i < sizeof calls / sizeof calls[0] && strcmp(calls[i].name, field[1] ? field[1] : "") != 0; i++) {
  }
  if (n != 6 || i == sizeof calls / sizeof calls[0]) {
    fprintf(stderr, "bad scenario line (call %s)\n", field[1] ? field[1] : "?");
    exit(2);
  }
  base = test_client(field[0], NULL);
  if (!OK(telnyx_client_with_options(base, field[5], &c))) exit(2);
  telnyx_client_free(base);
  for (n = 0; calls[i].args[n] != '\0'; n++) {
    const char *value = field[calls[i].args[n] == 'i' ? 2 : calls[i].args[n] == 'c' ? 3 : 4];
    arg[n] = *value ? value : NULL;
  }
  if (calls[i].i1 || calls[i].i2) {
    e = calls[i].i1 ? calls[i].i1(c, arg[0], &it) : calls[i].i2(c, arg[0], arg[1], &it);
    print_pages(e, it);
  } else {
    e = calls[i].c1 ? calls[i].c1(c, arg[0], &out)
        : calls[i].c2 ? calls[i].c2(c, arg[0], arg[1], &out)
                      : calls[i].c3(c, arg[0], arg[1], arg[2], &out);
    printf("{\"result\": %s, \"error\": ", out ? out : "null");
    print_error(e);
    printf("}\n");
    telnyx_string_free(out);
  }
  telnyx_client_free(c);
}

int main(int argc, char **argv) {
  static char line[1 << 16];
  FILE *f;
  if (argc != 2 || (f = fopen(argv[1], "r")) == NULL) {
    fprintf(stderr, "usage: %s SCENARIO_FILE\n", argv[0]);
    return 2;
  }
  while (fgets(line, sizeof line, f) != NULL) {
    run(line);
  }
  fclose(f);
  return 0;
}
