/* The benchmark scenarios through the C ABI (compiled and run by examples/bench).
 *
 * usage: bench_c <list250|list20|create|retrieve|iter100k> <base_url> <runs>
 *
 * One client for the whole process: one warm-up run, then <runs> timed runs. Prints one JSON
 * line: {"times_ms": [...], "items": N, "hwm_kib": N}. Pages are consumed by counting their
 * profiles, which reads the JSON the library returns in full. */
#define _POSIX_C_SOURCE 199309L
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "telnyx_messaging.h"

#define SINGLE_CALLS 1000
#define MAX_RUNS 50

static double now_ms(void) {
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec * 1e3 + (double)ts.tv_nsec / 1e6;
}

static long hwm_kib(void) {
    FILE *f = fopen("/proc/self/status", "r");
    char line[256];
    long kib = 0;
    if (f == NULL) return 0;
    while (fgets(line, sizeof line, f) != NULL) {
        if (strncmp(line, "VmHWM:", 6) == 0) {
            kib = strtol(line + 6, NULL, 10);
            break;
        }
    }
    fclose(f);
    return kib;
}

static void die(telnyx_error *e, const char *what) {
    fprintf(stderr, "bench_c: %s: %s\n", what, telnyx_error_message(e));
    telnyx_error_free(e);
    exit(1);
}

/* The number of profiles in a page: each has exactly one "record_type" member (nested objects
 * have none). strstr keeps the driver's own work small next to the library's. */
static size_t count_items(const char *json) {
    static const char key[] = "\"record_type\":";
    size_t n = 0;
    const char *p = json;
    while ((p = strstr(p, key)) != NULL) {
        n++;
        p += sizeof key - 1;
    }
    return n;
}

static size_t list_all(const telnyx_client *client, int page_size) {
    char params[64];
    telnyx_page_iter *it = NULL;
    telnyx_error *e;
    size_t items = 0;
    snprintf(params, sizeof params, "{\"page_size\":%d}", page_size);
    e = telnyx_messaging_profiles_list_all(client, params, &it);
    if (e != NULL) die(e, "list_all");
    for (;;) {
        char *page = NULL;
        e = telnyx_page_iter_next(it, &page);
        if (e != NULL) die(e, "page_iter_next");
        if (page == NULL) break;
        items += count_items(page);
        telnyx_string_free(page);
    }
    telnyx_page_iter_free(it);
    return items;
}

static size_t create(const telnyx_client *client) {
    char body[128];
    size_t items = 0;
    int k;
    for (k = 0; k < SINGLE_CALLS; k++) {
        char *out = NULL;
        telnyx_error *e;
        snprintf(body, sizeof body, "{\"name\":\"bench %d\",\"whitelisted_destinations\":[\"US\",\"CA\"]}", k);
        e = telnyx_messaging_profiles_create(client, body, &out);
        if (e != NULL) die(e, "create");
        items += strlen(out) > 2;
        telnyx_string_free(out);
    }
    return items;
}

/* The ids to retrieve: BENCH_IDS, comma-separated (the benchmark reads them from the mock). */
#define MAX_IDS 64
static char ids_buf[4096];
static const char *ids[MAX_IDS];
static int n_ids;

static void read_ids(void) {
    const char *env = getenv("BENCH_IDS");
    char *p;
    if (env == NULL || strlen(env) >= sizeof ids_buf) return;
    strcpy(ids_buf, env);
    for (p = strtok(ids_buf, ","); p != NULL && n_ids < MAX_IDS; p = strtok(NULL, ",")) ids[n_ids++] = p;
}

static size_t retrieve(const telnyx_client *client) {
    size_t items = 0;
    int k;
    if (n_ids == 0) {
        fprintf(stderr, "bench_c: BENCH_IDS is not set\n");
        exit(2);
    }
    for (k = 0; k < SINGLE_CALLS; k++) {
        char *out = NULL;
        telnyx_error *e;
        e = telnyx_messaging_profiles_retrieve(client, ids[k % n_ids], &out);
        if (e != NULL) die(e, "retrieve");
        items += strlen(out) > 2;
        telnyx_string_free(out);
    }
    return items;
}

int main(int argc, char **argv) {
    const char *scenario;
    char options[512];
    telnyx_client *client = NULL;
    telnyx_error *e;
    double times[MAX_RUNS];
    size_t items = 0;
    int runs, i;

    if (argc != 4) {
        fprintf(stderr, "usage: bench_c <scenario> <base_url> <runs>\n");
        return 2;
    }
    scenario = argv[1];
    runs = atoi(argv[3]);
    if (runs < 1 || runs > MAX_RUNS) {
        fprintf(stderr, "bench_c: runs must be 1..%d\n", MAX_RUNS);
        return 2;
    }
    snprintf(options, sizeof options,
             "{\"api_key\":\"KEY_MOCK_0123456789ABCDEF\",\"base_url\":\"%s\",\"proxy\":\"none\"}", argv[2]);
    read_ids();
    e = telnyx_client_new(options, &client);
    if (e != NULL) die(e, "client_new");

    for (i = 0; i <= runs; i++) {
        double start = now_ms();
        size_t seen;
        if (strcmp(scenario, "list250") == 0 || strcmp(scenario, "iter100k") == 0) {
            seen = list_all(client, 250);
        } else if (strcmp(scenario, "list20") == 0) {
            seen = list_all(client, 20);
        } else if (strcmp(scenario, "create") == 0) {
            seen = create(client);
        } else if (strcmp(scenario, "retrieve") == 0) {
            seen = retrieve(client);
        } else {
            fprintf(stderr, "bench_c: unknown scenario %s\n", scenario);
            return 2;
        }
        if (i > 0) times[i - 1] = now_ms() - start;
        if (i > 0 && seen != items) {
            fprintf(stderr, "bench_c: run %d saw %zu items, the warm-up %zu\n", i, seen, items);
            return 1;
        }
        items = seen;
    }
    telnyx_client_free(client);

    printf("{\"times_ms\":[");
    for (i = 0; i < runs; i++) printf("%s%.3f", i ? "," : "", times[i]);
    printf("],\"items\":%zu,\"hwm_kib\":%ld}\n", items, hwm_kib());
    return 0;
}
