/* 8 threads share one client handle, each making CALLS calls.
 * Usage: threads BASE_URL CALLS
 * The mock server answers GET /messaging_profiles/shared exactly 8 * CALLS times. */
#define _POSIX_C_SOURCE 200809L
#include <pthread.h>

#include "check.h"

#define THREADS 8

struct worker {
  const telnyx_client *client;
  long calls;
  long ok;
  long failed;
  pthread_t thread;
};

static void *work(void *arg) {
  struct worker *w = (struct worker *)arg;
  long i;
  for (i = 0; i < w->calls; i++) {
    char *json = NULL;
    telnyx_error *e = telnyx_messaging_profiles_retrieve(w->client, "shared", &json);
    if (e == NULL && json != NULL && strcmp(json, "{\"id\":\"shared\",\"name\":\"Shared\"}") == 0) {
      w->ok++;
    } else {
      if (w->failed++ == 0) {
        fprintf(stderr, "call %ld failed: %s\n", i, e ? telnyx_error_message(e) : (json ? json : "(NULL)"));
      }
    }
    telnyx_error_free(e);
    telnyx_string_free(json);
  }
  return NULL;
}

int main(int argc, char **argv) {
  struct worker workers[THREADS];
  telnyx_client *c;
  long calls, ok = 0;
  int i;
  if (argc != 3 || (calls = strtol(argv[2], NULL, 10)) <= 0) {
    fprintf(stderr, "usage: %s BASE_URL CALLS\n", argv[0]);
    return 2;
  }
  c = test_client(argv[1], NULL);
  for (i = 0; i < THREADS; i++) {
    workers[i].client = c;
    workers[i].calls = calls;
    workers[i].ok = 0;
    workers[i].failed = 0;
    if (pthread_create(&workers[i].thread, NULL, work, &workers[i]) != 0) {
      fprintf(stderr, "pthread_create failed\n");
      return 2;
    }
  }
  for (i = 0; i < THREADS; i++) {
    pthread_join(workers[i].thread, NULL);
    CHECK(workers[i].failed == 0);
    ok += workers[i].ok;
  }
  CHECK(ok == THREADS * calls);
  telnyx_client_free(c);
  printf("threads: %ld successful calls from %d threads\n", ok, THREADS);
  return finish("threads");
}
